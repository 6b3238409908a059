"""Every public name is documented with a runnable example (run by the doctests)."""

from __future__ import annotations

import inspect

import pytest

import frtone


@pytest.mark.parametrize("name", [n for n in frtone.__all__ if n != "__version__"])
def test_public_name_has_docstring_with_example(name):
    obj = getattr(frtone, name)
    doc = inspect.getdoc(obj) or ""
    assert doc.strip(), f"{name} has no docstring"
    assert "Example" in doc and ">>>" in doc, f"{name} has no runnable example"


def test_public_functions_are_typed():
    for name in ("analyze",):
        hints = inspect.get_annotations(getattr(frtone, name))
        assert "text" in hints and "return" in hints


def test_import_frtone_does_not_load_spacy():
    import subprocess
    import sys

    code = "import sys, frtone; print('spacy' in sys.modules, 'textblob' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]
