"""Sphinx configuration for the frtone documentation.

Build with ``make docs`` (``sphinx-build -E -W --keep-going -n -b html docs docs/_build/html``).
Nothing here reaches the network: no intersphinx, no CDN-hosted scripts.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from docutils import nodes

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE / "_ext"))

import frtone  # noqa: E402

project = "frtone"
author = "frtone developers"
copyright = "2026, frtone developers"
release = frtone.__version__
version = ".".join(release.split(".")[:2])
language = "en"

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "sphinx.ext.napoleon",
    "sphinx.ext.viewcode",
    "frtone_cli",
    "frtone_errors",
]

source_suffix = {".md": "markdown"}
root_doc = "index"
exclude_patterns = ["_build", "Thumbs.db", ".DS_Store"]
templates_path: list[str] = []

# Markdown pages (MyST)
myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 3

# API reference (autodoc + napoleon, Google style)
autodoc_member_order = "bysource"
autodoc_typehints = "signature"
autodoc_typehints_format = "short"
autodoc_preserve_defaults = True
# No default "members" (in Sphinx 9 it overrides explicit :members: lists) and no default
# "show-inheritance" (it would print "Bases: object"): pages ask for them where useful.
autodoc_default_options: dict[str, object] = {}
napoleon_google_docstring = True
napoleon_numpy_docstring = False
napoleon_use_ivar = False  # each dataclass field becomes its own attribute entry
napoleon_attr_annotations = True
napoleon_use_rtype = False
python_use_unqualified_type_names = True
python_maximum_signature_line_length = 88

# Every cross-reference must resolve (the build runs with -n -W).
nitpicky = True
nitpick_ignore = [
    # standard-library and third-party names: no intersphinx (the build is offline)
    ("py:class", "argparse.ArgumentParser"),
    ("py:class", "argparse.Namespace"),
]
nitpick_ignore_regex = [
    (r"py:(class|obj|exc|data)", r"(typing|collections\.abc|re|pathlib|argparse|os|numpy)\..*"),
    (r"py:(class|obj|exc)", r"(str|int|float|bool|bytes|dict|list|tuple|set|frozenset|object)"),
    (r"py:(class|obj|exc)", r"(Exception|TypeError|ValueError|OSError|UserWarning)"),
    (r"py:(class|obj)", r"(Self|Any|Literal|Protocol|None|NoneType|Iterable|Iterator|Sequence)"),
]

# HTML (furo, all assets local)
html_theme = "furo"
html_title = f"frtone {release}"
html_static_path = ["_static"]
html_show_sourcelink = False
html_theme_options = {
    "source_repository": "",
    "navigation_with_keys": True,
}


def _factory_defaults(
    app: object,
    what: str,
    name: str,
    obj: object,
    options: object,
    signature: str | None,
    return_annotation: str | None,
) -> tuple[str | None, str | None] | None:
    """Show a dataclass field's ``default_factory`` as ``...`` instead of ``<factory>``.

    ``<factory>`` is not valid Python, so Sphinx would print the whole signature as raw text.
    """
    if signature and "<factory>" in signature:
        return signature.replace("<factory>", "..."), return_annotation
    return None


def _trim_sessions(app: object, doctree: nodes.document) -> None:
    """Drop the blank line that ends a page's ```pycon block (doctest needs it, readers don't)."""
    for block in doctree.findall(nodes.literal_block):
        if block.get("language") == "pycon" and block.astext().endswith("\n"):
            text = block.astext().rstrip("\n")
            block.children = [nodes.Text(text)]
            block.rawsource = text


def setup(app: Any) -> None:
    """Connect the signature and session fix-ups."""
    app.connect("autodoc-process-signature", _factory_defaults)
    app.connect("doctree-read", _trim_sessions)
