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

# Words opening a rhetorical question in the press ("Quid des 150 millions ?").
RHETORICAL_OPENERS: frozenset[str] = frozenset(
    {"quid", "faut-il", "fallait-il", "qui", "comment", "pourquoi", "que", "à quoi"}
)

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
