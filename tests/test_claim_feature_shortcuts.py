"""The claim features' shortcuts give the same answers as the plain computations."""

from __future__ import annotations

import numpy as np

import frtone
from frtone.analyzer import _content_with_vector, _mean_vectors
from frtone.claims.segment import segment
from frtone.cues.patterns import unit_keys
from frtone.scoring.polarity import PolarityLexicon

SENTENCES = [
    "Le nouveau service n'est pas très fiable , mais l' équipe reste vraiment sympathique !",
    "Quel succès (!) : 150 millions d' euros pour un cloud pas vraiment souverain :-)",
    "Ce n' était jamais une mauvaise idée , plutôt une idée franchement excellente .",
    "Les clients , déçus et furieux , ne paieront plus rien sans garantie sérieuse !!!",
    "Une offre 100 % française , rapide et économique , que personne n' a vraiment achetée .",
    "Le rapport de la Cour des comptes sur Numergy sort mardi .",
]


def test_sentiment_words_scores_as_textblob_fr_on_every_word():
    lex = PolarityLexicon()
    for sentence in SENTENCES:
        words = sentence.split()
        polarity, subjectivity = lex.textblob([w.lower() for w in words])
        expected = (max(-1.0, min(1.0, polarity)), max(0.0, min(1.0, subjectivity)))
        assert lex.sentiment_words(words) == expected, sentence
    assert lex.sentiment_words(SENTENCES[0].split())[0] != 0.0  # the lexicon is used


def test_unit_keys_add_the_er_infinitive_of_long_inflected_verbs():
    assert "accoucher" in unit_keys("accouchait", "accouchait")
    assert "reinventer" in unit_keys("reinventees", "reinventee")
    # short infinitives (five letters or fewer) are matched by lemma only
    assert "jouer" not in unit_keys("joue", "joue")
    assert unit_keys("souris", "souris") == {"souris"}


def test_mean_vectors_equal_each_claims_own_mean(analyzer: frtone.Analyzer):
    text = (
        "Orange reprendrait Cloudwatt. Le cloud souverain a coûté cher, et personne ne sait "
        "pourquoi.\n\nUn titre\n\nNumergy ? Un échec retentissant."
    )
    doc = next(analyzer.backend.parse([text]))
    spans = segment(doc)
    content = _content_with_vector(doc)
    got = _mean_vectors(doc, spans, content)
    assert len(got) == len(spans) >= 4
    for span, vector in zip(spans, got, strict=True):
        rows = [k for k in range(span.token_start, span.token_end) if content[k]]
        if rows:
            expected = doc.vectors[rows].mean(axis=0).round(4).astype(float).tolist()
        else:
            expected = np.zeros(doc.vectors.shape[1]).tolist()
        assert vector == tuple(expected)
