"""The documentation: it builds cleanly, documents every public name and field, and its
examples are doctests that can fail.

The tests marked ``docs`` build the Sphinx site once (``-E -W -n``: warnings and broken
cross-references are errors) into a temporary folder and read the HTML.
"""

from __future__ import annotations

import argparse
import dataclasses
import inspect
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest

import frtone
from frtone import errors, results
from frtone.cli import build_parser
from frtone.serialize import Record

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
RESULT_TYPES = [
    obj
    for _, obj in inspect.getmembers(results, inspect.isclass)
    if issubclass(obj, Record) and obj is not Record and obj.__module__ == results.__name__
]


class Node:
    """An element of a parsed HTML page (just enough DOM for these tests)."""

    def __init__(self, tag: str, attrs: dict[str, str], parent: Node | None) -> None:
        self.tag, self.attrs, self.parent = tag, attrs, parent
        self.children: list[Node | str] = []

    def text(self, skip=lambda node: False) -> str:
        parts = []
        for child in self.children:
            if isinstance(child, str):
                parts.append(child)
            elif not skip(child):
                parts.append(child.text(skip))
        return "".join(parts)

    def walk(self):
        yield self
        for child in self.children:
            if isinstance(child, Node):
                yield from child.walk()

    def next_element(self) -> Node | None:
        siblings = [c for c in self.parent.children if isinstance(c, Node)]
        k = siblings.index(self)
        return siblings[k + 1] if k + 1 < len(siblings) else None


class TreeBuilder(HTMLParser):
    VOID = frozenset({"br", "img", "meta", "link", "input", "hr", "col", "source", "wbr"})

    def __init__(self) -> None:
        super().__init__()
        self.root = Node("root", {}, None)
        self.current = self.root

    def handle_starttag(self, tag, attrs):
        node = Node(tag, {k: v or "" for k, v in attrs}, self.current)
        self.current.children.append(node)
        if tag not in self.VOID:
            self.current = node

    def handle_endtag(self, tag):
        node = self.current
        while node is not self.root and node.tag != tag:
            node = node.parent
        if node is not self.root:
            self.current = node.parent

    def handle_data(self, data):
        self.current.children.append(data)


def parse(path: Path) -> Node:
    builder = TreeBuilder()
    builder.feed(path.read_text(encoding="utf-8"))
    return builder.root


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("html")
    cmd = [sys.executable, "-m", "sphinx", "-E", "-W", "--keep-going", "-n", "-q"]
    done = subprocess.run(
        [*cmd, "-b", "html", str(DOCS), str(out)], capture_output=True, text=True, cwd=ROOT
    )
    assert done.returncode == 0, f"sphinx-build failed:\n{done.stderr}"
    assert "WARNING" not in done.stderr, done.stderr
    return out


@pytest.fixture(scope="module")
def api_objects(site: Path) -> dict[str, tuple[str, Node]]:
    """Every documented object: HTML id -> (page, its <dt> element)."""
    found: dict[str, tuple[str, Node]] = {}
    for page in sorted(site.glob("**/*.html")):
        if "_modules" in page.parts:
            continue
        for node in parse(page).walk():
            if node.tag == "dt" and "sig" in node.attrs.get("class", "").split():
                ident = node.attrs.get("id")
                if ident:
                    name = str(page.relative_to(site))
                    assert ident not in found, f"{ident} twice: {found[ident][0]}, {name}"
                    found[ident] = (name, node)
    return found


def _description(dt: Node) -> str:
    """The text of a documented object's description, without its "Type:" field list."""
    dd = dt.next_element()
    assert dd is not None and dd.tag == "dd"

    def skip(node: Node) -> bool:
        return node.tag == "dl" and "field-list" in node.attrs.get("class", "")

    return " ".join(dd.text(skip).split())


@pytest.mark.docs
@pytest.mark.parametrize("name", frtone.__all__)
def test_every_public_name_is_on_an_api_page(api_objects, name):
    where = "docs/api/results.md" if name in vars(results) else "docs/api/frtone.md"
    assert f"frtone.{name}" in api_objects, f"frtone.{name} is not documented: add it to {where}"
    page, dt = api_objects[f"frtone.{name}"]
    assert page.startswith("api/")
    if name != "__version__":
        assert _description(dt), f"frtone.{name} is documented without a description"


@pytest.mark.docs
@pytest.mark.parametrize("cls", RESULT_TYPES, ids=lambda cls: cls.__name__)
def test_every_result_field_is_rendered_with_its_meaning(api_objects, cls):
    for field in dataclasses.fields(cls):
        ident = f"frtone.{cls.__name__}.{field.name}"
        assert ident in api_objects, f"{ident} is not rendered"
        page, dt = api_objects[ident]
        assert page == "api/results.html"
        meaning = _description(dt)
        assert len(meaning) > 3, f"{ident} is rendered without its meaning"
        assert "Type:" in dt.next_element().text(), f"{ident} is rendered without its type"


@pytest.mark.docs
def test_claim_and_article_pages_show_their_fields_in_order(api_objects):
    """The acceptance check of the docs issue, in one place and in field order."""
    for cls in (frtone.ArticleAnalysis, frtone.Claim):
        _, dt = api_objects[f"frtone.{cls.__name__}"]
        dd = dt.next_element()
        shown = [
            node.attrs["id"].rsplit(".", 1)[1]
            for node in dd.walk()
            if node.tag == "dt" and node.attrs.get("id", "").count(".") == 2
        ]
        fields = [f.name for f in dataclasses.fields(cls)]
        assert [s for s in shown if s in fields] == fields


def _subcommands(parser: argparse.ArgumentParser):
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for sub in action.choices.values():
                yield sub
                yield from _subcommands(sub)


@pytest.mark.docs
def test_cli_reference_has_every_subcommand_and_option(site):
    page = parse(site / "cli.html")
    ids = {node.attrs.get("id") for node in page.walk()}
    text = page.text()
    commands = list(_subcommands(build_parser()))
    assert {"frtone analyze", "frtone corpus validate"} <= {c.prog for c in commands}
    for sub in commands:
        assert re.sub(r"\W+", "-", sub.prog) in ids, f"no section for {sub.prog}"
        for action in sub._actions:
            if isinstance(action, argparse._HelpAction | argparse._SubParsersAction):
                continue
            name = action.option_strings[0] if action.option_strings else action.metavar
            name = name or action.dest
            anchor = re.sub(r"[^a-z0-9]+", "-", f"cmdoption-{sub.prog}-{name.lstrip('-')}".lower())
            assert anchor.strip("-") in ids, f"{sub.prog} {name} has no entry"
            for option in action.option_strings:
                assert option in text, f"{sub.prog} {option} is not documented"


@pytest.mark.docs
def test_error_code_table_lists_every_code(site):
    page = parse(site / "api" / "errors.html")
    table = next(n for n in page.walk() if "frtone-error-codes" in n.attrs.get("class", ""))
    rows = [" ".join(r.text().split()) for r in table.walk() if r.tag == "tr"]
    for cls in vars(errors).values():
        if isinstance(cls, type) and issubclass(cls, errors.FrtoneError):
            assert any(row.startswith(f"{cls.code} {cls.__name__}") for row in rows), cls


@pytest.mark.docs
def test_page_examples_render_as_python_sessions(site):
    pages = [p for p in DOCS.glob("**/*.md") if "_build" not in p.parts and ">>>" in p.read_text()]
    assert len(pages) >= 5
    for md in pages:
        html = (site / md.relative_to(DOCS).with_suffix(".html")).read_text(encoding="utf-8")
        assert "highlight-pycon" in html, f"{md.name}: examples are not in a pycon fence"
        assert "```" not in html, f"{md.name}: a code fence leaked into the page"


def test_page_examples_are_collected_as_doctests():
    pages = {
        str(p.relative_to(ROOT))
        for p in DOCS.glob("**/*.md")
        if "_build" not in p.parts and ">>>" in p.read_text()
    }
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "--collect-only", "-q", "-p", "no:cacheprovider", "docs"],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    collected = {line.split("::")[0] for line in done.stdout.splitlines() if "::" in line}
    assert pages and pages <= collected, done.stdout + done.stderr


@pytest.mark.parametrize(("shown", "outcome"), [("2", 0), ("3", 1)])
def test_a_wrong_expected_output_in_a_page_fails(tmp_path, shown, outcome):
    page = tmp_path / "page.md"
    page.write_text(
        f"# A page\n\nSome prose.\n\n```pycon\n>>> 1 + 1\n{shown}\n\n```\n\nMore prose.\n",
        encoding="utf-8",
    )
    (tmp_path / "pytest.ini").write_text("[pytest]\n", encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "--doctest-glob=*.md"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    assert done.returncode == outcome, done.stdout
    assert ("1 passed" if outcome == 0 else "1 failed") in done.stdout
