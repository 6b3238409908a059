"""Language identification: frtone's memoised walk scores exactly as py3langid does."""

from __future__ import annotations

import pytest
from py3langid.langid import MODEL_FILE, LanguageIdentifier

from frtone import language
from frtone.language import CANDIDATES, detect_language

TEXTS = [
    "Orange a annoncé le rachat de Cloudwatt, condamné d'avance selon les analystes.",
    "Le cloud souverain, ce gouffre : 150 millions d'euros versés, et pour quoi ?\n"
    "Les clients, eux, attendent toujours. Quelle réussite à la française !",
    "The sovereign cloud project has been a costly failure, and nobody is surprised.",
    "Die Wolke ist teuer. Le nuage est cher, mais le ministre s'en félicite.",
    "LE GRAND BLUFF DU CLOUD SOUVERAIN",  # all capitals: lower-cased by the library
    "El proyecto de nube soberana ha sido un fracaso costoso para el Estado.",
    "  ... !!! ?? 2024 -- 15 %  ",
]


@pytest.fixture(scope="module")
def reference() -> LanguageIdentifier:
    ident = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    ident.set_languages(list(CANDIDATES))
    return ident


@pytest.mark.parametrize("text", TEXTS)
def test_memoised_walk_gives_the_library_scores(reference: LanguageIdentifier, text: str) -> None:
    ours = language._get_identifier()
    for _ in range(2):  # a first walk fills the memo, a second reads it
        assert ours.classify(text) == reference.classify(text)
        assert ours.rank(text) == reference.rank(text)


def test_detect_language_on_french_and_english() -> None:
    french, english = detect_language(TEXTS[1]), detect_language(TEXTS[2])
    assert (french.code, french.is_french) == ("fr", True) and french.confidence > 0.9
    assert (english.code, english.is_french) == ("en", False)
