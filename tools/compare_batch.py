"""Check that a change leaves ``frtone batch`` output unchanged, article by article.

Before the change: ``.venv/bin/python tools/compare_batch.py --save build/reference``
After it: ``.venv/bin/python tools/compare_batch.py --check build/reference``

Each run scores ``corpus/articles`` twice (``--no-tokens`` and with tokens); ``--check``
compares the lines byte for byte with the saved ones and names each article whose result
differs, with the top-level keys that differ. Exit status 0 when all are identical.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RUNS = {"no_tokens.jsonl": ["--no-tokens"], "tokens.jsonl": []}


def score(out_dir: Path) -> None:
    frtone = Path(sys.executable).with_name("frtone")
    for name, extra in RUNS.items():
        out = out_dir / name
        out.unlink(missing_ok=True)
        cmd = [str(frtone), "batch", "corpus/articles", "--out", str(out.resolve())]
        # relative input: the ids are the paths as given, the same from any checkout
        subprocess.run([*cmd, *extra], check=True, stderr=subprocess.DEVNULL, cwd=ROOT)


def compare(reference: Path, current: Path) -> int:
    before = reference.read_text(encoding="utf-8").splitlines()
    after = current.read_text(encoding="utf-8").splitlines()
    if len(before) != len(after):
        print(f"{current.name}: {len(before)} lines before, {len(after)} now")
        return 1
    differ = 0
    for old, new in zip(before, after, strict=True):
        if old == new:
            continue
        differ += 1
        a, b = json.loads(old), json.loads(new)
        keys = [k for k in sorted(set(a) | set(b)) if a.get(k) != b.get(k)]
        print(f"{current.name}: {a.get('id')} differs in {', '.join(keys)}")
    print(f"{current.name}: {len(after) - differ} of {len(after)} articles identical")
    return 1 if differ else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    what = parser.add_mutually_exclusive_group(required=True)
    what.add_argument("--save", type=Path, help="folder to save the reference output in")
    what.add_argument("--check", type=Path, help="folder holding the reference output")
    args = parser.parse_args()
    if args.save:
        args.save.mkdir(parents=True, exist_ok=True)
        score(args.save)
        print(f"reference saved in {args.save}")
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        score(Path(tmp))
        return max(compare(args.check / name, Path(tmp) / name) for name in RUNS)


if __name__ == "__main__":
    sys.exit(main())
