"""Renderers of results: terminal text (and, later, HTML)."""
