"""Start an annotation file: the article cut into sentences, every label left to the annotator.

Nothing is pre-labelled (no stance, no sarcasm), so annotators are not anchored on frtone's
own predictions; only the sentence texts (cut by frtone's segmenter, to be corrected by hand
where it is wrong) and the detected target names are filled in.
"""

from __future__ import annotations

import json
from collections.abc import Sequence

from frtone.analyzer import Analyzer
from frtone.targets import Target


def toml_string(value: str) -> str:
    r"""Quote ``value`` as a TOML basic string.

    Example:
        >>> print(toml_string('Le « cloud » à l\'État'))
        "Le « cloud » à l'État"
    """
    return json.dumps(value, ensure_ascii=False).replace("\x7f", "\\u007f")


def scaffold(
    text: str, targets: Sequence[str | Target] = (), analyzer: Analyzer | None = None
) -> str:
    """Return a TOML annotation skeleton for ``text`` (see ``docs/annotation-guide.md``).

    Example:
        >>> print(scaffold("Telvia ouvre une boutique. Elle ferme demain.", ["Telvia=Telvia SA"]))
        ... # doctest: +ELLIPSIS
        genre = "news"...
        [[targets]]
        name = "Telvia"
        aliases = ["Telvia SA"]
        stance = "none"
        <BLANKLINE>
        [[sentences]]
        text = "Telvia ouvre une boutique."
        claim = true
        polarity = "neutral"
        sarcastic = false
        stance = {}
        <BLANKLINE>
        [[sentences]]
        text = "Elle ferme demain."
        ...
    """
    analyzer = analyzer or Analyzer(include_tokens=False)
    doc = next(analyzer.backend.parse([text]))
    specs = [Target.coerce(t) for t in targets] or [
        Target(t.name, t.aliases) for t in analyzer.analyze(text).targets
    ]
    lines = [
        'genre = "news"  # news | column | editorial | blog | interview',
        'topic = "other"',
        "opinionated = false",
        'source = "team"',
        'annotator = ""',
        "",
    ]
    for spec in specs:
        aliases = ", ".join(toml_string(a) for a in spec.aliases)
        lines += ["[[targets]]", f"name = {toml_string(spec.name)}", f"aliases = [{aliases}]"]
        lines += ['stance = "none"', ""]
    for sentence in doc.sentences:
        lines += [
            "[[sentences]]",
            f"text = {toml_string(text[sentence.start : sentence.end])}",
            "claim = true",
            'polarity = "neutral"',
            "sarcastic = false",
            "stance = {}",
            "",
        ]
    return "\n".join(lines)
