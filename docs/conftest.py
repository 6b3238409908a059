"""pytest collection for ``docs/``: the ``>>>`` examples of the pages are doctests.

``--doctest-glob=*.md`` (pyproject.toml) runs every page's examples against the real models.
Write them in a ```` ```pycon ```` fence with a blank line before the closing fence, so the
fence is not read as expected output. The Sphinx configuration and build output are not tests.
"""

collect_ignore = ["conf.py", "_build"]
