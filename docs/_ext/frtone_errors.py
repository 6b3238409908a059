"""Sphinx directive ``frtone-error-codes``: the table of frtone's coded errors.

Usage in a MyST page::

    ```{frtone-error-codes}
    ```

Every subclass of :class:`frtone.errors.FrtoneError` defined in :mod:`frtone.errors` gets a row:
its code, its class (linked to its API entry), the built-in exception it also is (what
``except`` clause catches it), and the first paragraph of its docstring. A new error class
appears in the table without touching the docs.
"""

from __future__ import annotations

import inspect
import re
from typing import Any

from docutils import nodes
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective

_MARKUP = re.compile(r"``([^`]+)``|:\w+:`~?([^`]+)`")
_CODE_SUFFIX = re.compile(r"\s*\(E\d{3}\)")


def error_classes() -> list[type[Exception]]:
    """The coded error classes of :mod:`frtone.errors`, sorted by code."""
    from frtone import errors

    found = [
        obj
        for _, obj in inspect.getmembers(errors, inspect.isclass)
        if issubclass(obj, errors.FrtoneError) and obj.__module__ == errors.__name__
    ]
    return sorted(found, key=lambda cls: str(getattr(cls, "code", "")))


def summary(cls: type) -> str:
    """First paragraph of the class docstring, without the ``(E00x)`` suffix."""
    doc = inspect.getdoc(cls) or ""
    first = " ".join(doc.split("\n\n")[0].split())
    return _CODE_SUFFIX.sub("", first)


def builtin_bases(cls: type) -> list[str]:
    """Names of the built-in exceptions ``cls`` also derives from."""
    return [
        base.__name__
        for base in cls.__mro__[1:]
        if base.__module__ == "builtins" and base not in (Exception, BaseException, object)
    ]


def _inline(text: str) -> list[nodes.Node]:
    out: list[nodes.Node] = []
    pos = 0
    for m in _MARKUP.finditer(text):
        if m.start() > pos:
            out.append(nodes.Text(text[pos : m.start()]))
        literal = m.group(1) or m.group(2).rsplit(".", 1)[-1]
        out.append(nodes.literal(literal, literal))
        pos = m.end()
    if pos < len(text):
        out.append(nodes.Text(text[pos:]))
    return out


def _xref(cls: type) -> nodes.Node:
    target = f"{cls.__module__}.{cls.__qualname__}"
    ref = addnodes.pending_xref(
        "", refdomain="py", reftype="exc", reftarget=target, refexplicit=False, refwarn=True
    )
    ref += nodes.literal(cls.__name__, cls.__name__, classes=["xref", "py", "py-exc"])
    return ref


class ErrorCodesDirective(SphinxDirective):
    """Render the table of error codes from :mod:`frtone.errors`."""

    has_content = False

    def run(self) -> list[nodes.Node]:
        """Build the table: code, class, built-in base, meaning."""
        header = ("code", "error", "also a", "meaning")
        widths = (8, 22, 14, 56)
        table = nodes.table(classes=["frtone-error-codes"])
        group = nodes.tgroup(cols=len(header))
        table += group
        for width in widths:
            group += nodes.colspec(colwidth=width)
        head = nodes.thead()
        group += head
        head += self._row([[nodes.Text(h)] for h in header])
        body = nodes.tbody()
        group += body
        for cls in error_classes():
            code = str(getattr(cls, "code", ""))
            bases = builtin_bases(cls)
            body += self._row(
                [
                    [nodes.literal(code, code)],
                    [_xref(cls)],
                    [nodes.literal(b, b) for b in bases[:1]],
                    _inline(summary(cls)),
                ]
            )
        return [table]

    @staticmethod
    def _row(cells: list[list[nodes.Node]]) -> nodes.row:
        row = nodes.row()
        for content in cells:
            entry = nodes.entry()
            entry += nodes.paragraph("", "", *content)
            row += entry
        return row


def setup(app: Sphinx) -> dict[str, Any]:
    """Register the ``frtone-error-codes`` directive."""
    app.add_directive("frtone-error-codes", ErrorCodesDirective)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
