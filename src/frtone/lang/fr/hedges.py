"""Hedging: markers that weaken a claim's commitment (beside the conditional mood)."""

from __future__ import annotations

# Lower-case surface sequences, matched on word boundaries, accents folded.
HEDGE_MARKERS: tuple[str, ...] = (
    "semble-t-il",
    "semblerait-il",
    "paraît-il",
    "parait-il",
    "il semble",
    "il semblerait",
    "il paraît",
    "il parait",
    "probablement",
    "sans doute",
    "peut-être",
    "vraisemblablement",
    "apparemment",
    "a priori",
    "à priori",
    "possiblement",
    "éventuellement",
    "selon toute vraisemblance",
    "selon toute probabilité",
    "en principe",
    "théoriquement",
    "plus ou moins",
    "visiblement",
    "supposément",
    "présumé",
    "présumée",
    "présumés",
    "présumées",
    "dit-on",
    "à en croire",
    "si l'on en croit",
)

# Modal verbs that hedge a prediction ("devrait pouvoir se faire").
HEDGE_MODALS: frozenset[str] = frozenset({"pouvoir", "devoir", "sembler", "paraître"})

# Verbs whose conditional is not a hedge but politeness or a counterfactual frame.
CONDITIONAL_NOT_HEDGE: frozenset[str] = frozenset({"vouloir", "aimer"})

# Conditional endings (future stem + imperfect endings), to catch forms the tagger
# reads as imperfect ("reprendrait" tagged Tense=Imp).
CONDITIONAL_ENDINGS: tuple[str, ...] = ("rais", "rait", "rions", "riez", "raient")
IRREGULAR_CONDITIONAL_STEMS: frozenset[str] = frozenset(
    {
        "ser",
        "aur",
        "pourr",
        "devr",
        "fer",
        "ir",
        "viendr",
        "faudr",
        "voudr",
        "saur",
        "verr",
        "enverr",
        "tiendr",
        "vaudr",
        "courr",
        "mourr",
        "recevr",
        "obtiendr",
        "deviendr",
        "reviendr",
        "maintiendr",
        "apercevr",
        "assiér",
        "pleuvr",
        "s'assiér",
    }
)
