"""Sphinx directive ``frtone-cli``: the command-line reference, read from the argparse parser.

Usage in a MyST page::

    ```{frtone-cli}
    ```

The directive calls :func:`frtone.cli.build_parser` (or the ``module:function`` given as the
``:parser:`` option) and renders, for the program and then for every subcommand, recursively,
a section with the command's help, its usage line and its arguments (choices, defaults,
repeatable options). A subcommand added to ``frtone.cli.COMMANDS`` appears without touching the
docs. Options are registered with Sphinx's standard domain, so pages can link to them with
``{option}`frtone analyze --format```.
"""

from __future__ import annotations

import argparse
import importlib
import re
from collections.abc import Callable, Iterator
from typing import Any

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.application import Sphinx
from sphinx.domains.std import StandardDomain
from sphinx.util.docutils import SphinxDirective

USAGE_WIDTH = 88
_ANSI = re.compile(r"\x1b\[[0-9;]*m")
_LITERAL = re.compile(r"``([^`]+)``")


def load_parser(spec: str) -> argparse.ArgumentParser:
    """Call the parser factory named ``module:function`` and return its parser."""
    module_name, _, func_name = spec.partition(":")
    factory: Callable[[], argparse.ArgumentParser] = getattr(
        importlib.import_module(module_name), func_name
    )
    return factory()


def subcommands(
    parser: argparse.ArgumentParser,
) -> Iterator[tuple[str, str, argparse.ArgumentParser]]:
    """Yield ``(name, help, parser)`` for each subcommand of ``parser``, in declaration order."""
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            helps = {a.dest: a.help or "" for a in action._choices_actions}
            for name, sub in action.choices.items():
                yield name, helps.get(name, ""), sub


def arguments(parser: argparse.ArgumentParser) -> list[argparse.Action]:
    """The documented arguments of ``parser``: not ``--help``, not subcommand groups."""
    return [
        a
        for a in parser._actions
        if not isinstance(a, argparse._HelpAction | argparse._SubParsersAction)
        and a.help is not argparse.SUPPRESS
    ]


def usage(parser: argparse.ArgumentParser) -> str:
    """The usage line(s) of ``parser`` at a fixed width, without ``usage:`` or colour codes."""
    formatter = argparse.HelpFormatter(parser.prog, width=USAGE_WIDTH)
    formatter.add_usage(parser.usage, parser._actions, parser._mutually_exclusive_groups, "")
    return _ANSI.sub("", formatter.format_help()).strip()


def describe(parser: argparse.ArgumentParser, action: argparse.Action) -> str:
    """The help text of ``action`` with ``%(default)s`` and the like expanded."""
    formatter = argparse.HelpFormatter(parser.prog)
    return _ANSI.sub("", formatter._expand_help(action)) if action.help else ""


def _metavar(action: argparse.Action) -> str:
    if action.nargs == 0:
        return ""
    if isinstance(action.metavar, tuple):
        return " ".join(action.metavar)
    if action.metavar is not None:
        return str(action.metavar)
    if action.choices is not None:
        return "{" + ",".join(map(str, action.choices)) + "}"
    return action.dest.upper() if action.option_strings else action.dest


def _inline(text: str) -> list[nodes.Node]:
    """Plain text with ````literal```` spans turned into literal nodes."""
    out: list[nodes.Node] = []
    for k, part in enumerate(_LITERAL.split(text)):
        if part:
            out.append(nodes.literal(part, part) if k % 2 else nodes.Text(part))
    return out


class CliDirective(SphinxDirective):
    """Render the command-line reference from the argparse parser."""

    has_content = False
    option_spec = {"parser": directives.unchanged}  # noqa: RUF012 (docutils API)

    def run(self) -> list[nodes.Node]:
        """Build the sections: the program first, then each subcommand, recursively."""
        parser = load_parser(self.options.get("parser", "frtone.cli:build_parser"))
        out: list[nodes.Node] = []
        if parser.description:
            out.append(nodes.paragraph("", "", *_inline(parser.description)))
        out.extend(self._body(parser))
        for name, help_text, sub in subcommands(parser):
            out.append(self._section(name, help_text, sub))
        return out

    def _section(self, name: str, help_text: str, parser: argparse.ArgumentParser) -> nodes.section:
        section = nodes.section(
            ids=[nodes.make_id(parser.prog)], names=[nodes.fully_normalize_name(parser.prog)]
        )
        self.state.document.note_implicit_target(section, section)
        section += nodes.title("", "", nodes.literal(parser.prog, parser.prog))
        if help_text:
            text = help_text[0].upper() + help_text[1:] + ("" if help_text.endswith(".") else ".")
            section += nodes.paragraph("", "", *_inline(text))
        if parser.description and parser.description != help_text:
            section += nodes.paragraph("", "", *_inline(parser.description))
        section.extend(self._body(parser))
        for sub_name, sub_help, sub in subcommands(parser):
            section += self._section(sub_name, sub_help, sub)
        return section

    def _body(self, parser: argparse.ArgumentParser) -> list[nodes.Node]:
        text = usage(parser)
        body: list[nodes.Node] = [nodes.literal_block(text, text, language="text")]
        actions = arguments(parser)
        if actions:
            listing = nodes.option_list()
            for action in actions:
                listing += self._item(parser, action)
            body.append(listing)
        if parser.epilog:
            body.append(nodes.paragraph("", "", *_inline(parser.epilog)))
        return body

    def _item(self, parser: argparse.ArgumentParser, action: argparse.Action) -> nodes.Node:
        metavar = _metavar(action)
        group = nodes.option_group()
        names = action.option_strings or [metavar]
        # the anchor goes on the first option: HTML writers drop an item's ids
        label = nodes.make_id(f"cmdoption-{parser.prog}-{names[0].lstrip('-')}")
        for k, opt in enumerate(names):
            option = nodes.option("", nodes.option_string(opt, opt), ids=[] if k else [label])
            if action.option_strings and metavar:
                option += nodes.option_argument(metavar, metavar, delimiter=" ")
            group += option
        item = nodes.option_list_item("", group)
        std = self.env.get_domain("std")
        assert isinstance(std, StandardDomain)
        for opt in names:
            # Sphinx keys programs with "-" for spaces, as ``.. program:: frtone analyze`` does
            std.add_program_option(parser.prog.replace(" ", "-"), opt, self.env.docname, label)
        help_text = describe(parser, action)
        para = nodes.paragraph("", "", *_inline(help_text))
        if not action.option_strings and action.nargs in ("?", "*"):
            para.insert(0, nodes.emphasis("optional", "optional"))
            para.insert(1, nodes.Text(": " if help_text else ""))
        extra = []
        if action.choices is not None and not action.option_strings:
            extra.append("one of " + ", ".join(f"``{c}``" for c in action.choices))
        elif action.choices is not None and "{" not in metavar:
            extra.append("choices: " + ", ".join(f"``{c}``" for c in action.choices))
        default: Any = action.default
        if (
            default not in (None, False, [], argparse.SUPPRESS)
            and "default" not in help_text.lower()
        ):
            extra.append(f"default: ``{default}``")
        if isinstance(action, argparse._AppendAction) and "repeatable" not in help_text:
            extra.append("repeatable")
        if extra:
            para += nodes.Text(" (" if help_text else "")
            for k, part in enumerate(extra):
                para.extend(_inline(("; " if k else "") + part))
            para += nodes.Text(")" if help_text else "")
        item += nodes.description("", para)
        return item


def setup(app: Sphinx) -> dict[str, Any]:
    """Register the ``frtone-cli`` directive."""
    app.add_directive("frtone-cli", CliDirective)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
