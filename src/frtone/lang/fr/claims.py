"""Claim-level language data: non-claim lines, prediction and question markers."""

from __future__ import annotations

# Lines that are not claims (bylines, credits, section labels), lower-case prefixes.
NON_CLAIM_PREFIXES: tuple[str, ...] = (
    "crédit photo",
    "crédits photo",
    "photo :",
    "photo:",
    "lire aussi",
    "à lire aussi",
    "a lire aussi",
    "voir aussi",
    "source :",
    "source:",
    "sources :",
    "mis à jour",
    "publié le",
    "©",
    "(c) ",
    "tags :",
    "mots-clés",
)

# A byline: "Par" and one to four capitalised names, alone on its line ("Par Jeanne Martin").
BYLINE_PATTERN = r"^(?:Par|PAR|De notre correspondant(?:e)?)\s+(?:[A-ZÉÈ][\w'’.-]*\s*){1,4}$"

# Openings of sarcastic rhetorical questions (folded), with the strength of each as a cue:
# "Quid des 150 millions ?" is mockery; "Faut-il s'inquiéter ?" may be a genuine question.
RHETORICAL_OPENERS: dict[str, float] = {
    "quid ": 0.75,
    "a quoi bon": 0.75,
    "qui peut encore ": 0.7,
    "qui croit encore ": 0.7,
    "qui croira ": 0.7,
    "comment s'etonner": 0.7,
    "faut-il s'en etonner": 0.7,
    "comment ne pas ": 0.55,
    "que dire ": 0.5,
    "qui peut ": 0.5,
    "qui pourrait ": 0.5,
    "est-ce vraiment ": 0.5,
    "etait-ce vraiment ": 0.5,
    "pouvait-on ": 0.5,
    "fallait-il ": 0.5,
    "faut-il ": 0.4,
    "pourquoi pas": 0.4,
}

# Markers of a prediction besides the future tense.
PREDICTION_MARKERS: frozenset[str] = frozenset(
    {"bientôt", "demain", "prochainement", "d'ici", "à terme", "à l'avenir"}
)

# Nouns that introduce an organisation's name ("l'opérateur Telvia").
ORGANISATION_NOUNS: frozenset[str] = frozenset(
    {
        "operateur",
        "societe",
        "groupe",
        "entreprise",
        "start-up",
        "startup",
        "editeur",
        "fabricant",
        "constructeur",
        "fournisseur",
        "hebergeur",
        "banque",
        "agence",
        "plateforme",
        "marque",
        "filiale",
        "firme",
        "geant",
        "pousse",
        "licorne",
        "integrateur",
        "acteur",
        "ministere",
        "autorite",
        "regulateur",
        "fintech",
        "cabinet",
        "consortium",
    }
)

# Words that introduce a term in quotation marks rather than mock it (folded lemmas).
NAMING_WORDS: frozenset[str] = frozenset(
    {
        "baptiser",
        "appeler",
        "nommer",
        "surnommer",
        "intituler",
        "definition",
        "definir",
        "terme",
        "mot",
        "expression",
        "notion",
        "label",
        "dit",
        "dite",
        "marque",
        "slogan",
    }
)
