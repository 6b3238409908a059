"""Short French tech-press articles written for the batch tests, and corpus helpers."""

from __future__ import annotations

import json
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = ROOT / "corpus" / "articles"

SHORT = {
    "orange-offre": (
        "Orange annonce une offre cloud « révolutionnaire », copie conforme de la précédente. "
        "Orange vend encore des chimères à ses clients professionnels. "
        "Quid des baisses de prix promises ?"
    ),
    "datavolt-levee": (
        "La start-up lyonnaise Datavolt a levé 12 millions d'euros pour industrialiser ses "
        "batteries. Les premiers clients saluent la fiabilité du produit."
    ),
    "identite-calendrier": (
        "Le ministère promet une identité numérique pour tous d'ici 2027. Selon plusieurs "
        "experts, le calendrier paraît très optimiste."
    ),
    "numergy-bilan": (
        "Numergy devait incarner le cloud souverain. Trois ans plus tard, le projet a englouti "
        "l'argent public sans convaincre personne."
    ),
    "fibre-attente": (
        "Free baisse ses prix et Bouygues Telecom suit, comme d'habitude. Les abonnés, eux, "
        "attendent toujours la fibre promise."
    ),
}


def corpus_texts() -> dict[str, str]:
    return {p.stem: p.read_text(encoding="utf-8") for p in sorted(ARTICLES.glob("*.txt"))}


def write_records(path: Path, records: list[dict]) -> Path:
    path.write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8"
    )
    return path


def read_lines(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
