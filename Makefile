# frtone — every set-up step lives here. On a fresh machine:
#   make demo    install into .venv, batch-score the bundled articles, show the result
#   make test    install everything the tests need (torch CPU build, stanza, Dask, Sphinx,
#                Debian's chromium), run ruff, mypy, build the docs, run every test
#   make docs    build the documentation (warnings are errors) into docs/_build/html
#   make stanza-model  remake the small stanza model in models/stanza (10-25 minutes)
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.frtone-installed
TEST_STAMP := $(VENV)/.frtone-test-installed
DEMO := build/demo
# -E: fresh environment (docstrings are re-read); -W: warnings are errors; -n: every
# cross-reference must resolve
SPHINXOPTS ?= -E -W --keep-going -n
DOCS_PY := docs/conf.py docs/_ext
REFERENCE := corpus/articles/cloudwatt-orange-itsocial.txt

.PHONY: demo test install docs clean chromium stanza-model

install: $(STAMP)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e .
	touch $(STAMP)

# torch goes first, pinned (the CPU build); left to stanza's own resolution, pip pulls a
# multi-GB CUDA build
$(TEST_STAMP): $(STAMP)
	$(BIN)/python -m pip install --quiet torch==2.13.0
	$(BIN)/python -m pip install --quiet -e '.[dev,dask,stanza,docs]'
	touch $(TEST_STAMP)

docs: $(TEST_STAMP)
	$(BIN)/sphinx-build $(SPHINXOPTS) -b html docs docs/_build/html

demo: $(STAMP)
	@mkdir -p $(DEMO) && rm -f $(DEMO)/scores.jsonl
	$(BIN)/frtone batch corpus/articles --out $(DEMO)/scores.jsonl --summary $(DEMO)/summary.csv \
	  --no-tokens --jobs 2 --progress always
	@echo "== stance per article and target ($(DEMO)/summary.csv)"
	@cut -d, -f1,3-9 $(DEMO)/summary.csv | sed 's|^corpus/articles/||' | column -s, -t
	@$(BIN)/frtone report $(DEMO)/scores.jsonl --out $(DEMO)/report.html
	@$(BIN)/frtone render $(REFERENCE) --out $(DEMO)/reference.html
	@echo "== full view of the reference article"
	@$(BIN)/frtone analyze $(REFERENCE)
	@echo "== pages: $(DEMO)/report.html (the batch), $(DEMO)/reference.html (the reference article)"

test: $(TEST_STAMP) chromium
	$(BIN)/ruff check src tests benchmarks tools $(DOCS_PY)
	$(BIN)/ruff format --check src tests benchmarks tools $(DOCS_PY)
	$(BIN)/mypy
	$(BIN)/sphinx-build $(SPHINXOPTS) -q -b html docs docs/_build/html
	FRTONE_REQUIRE_BROWSER=1 $(BIN)/pytest

# Debian's headless chromium and its driver, for the browser tests (tests marked `browser`).
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
chromium:
	@if command -v chromium >/dev/null && command -v chromedriver >/dev/null; then :; else \
	  $(SUDO) apt-get update -q && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -q chromium chromium-driver; \
	fi

stanza-model: $(TEST_STAMP)
	nice $(BIN)/python tools/make_stanza_model.py --out models/stanza

clean:
	rm -rf $(VENV) build dist docs/_build src/*.egg-info .mypy_cache .ruff_cache .pytest_cache
