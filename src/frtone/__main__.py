"""``python -m frtone``: the same command line as ``frtone``."""

from frtone.cli import main

raise SystemExit(main())
