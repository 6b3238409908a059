from __future__ import annotations

from pathlib import Path

import pytest

import frtone

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "corpus" / "articles" / "cloudwatt-orange-itsocial.txt"


@pytest.fixture(scope="session")
def analyzer() -> frtone.Analyzer:
    return frtone.Analyzer()


@pytest.fixture(scope="session")
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def seed_result(analyzer: frtone.Analyzer, seed_text: str) -> frtone.ArticleAnalysis:
    return analyzer.analyze(seed_text)


@pytest.fixture(scope="session")
def lean_analyzer() -> frtone.Analyzer:
    """An analyzer leaving tokens out, as ``frtone batch --no-tokens`` builds it."""
    return frtone.Analyzer(include_tokens=False)
