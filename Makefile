# frtone — every set-up step lives here. On a fresh machine:
#   make demo    install into .venv, score the bundled articles, show the result
#   make test    install into .venv (with dev tools), run ruff, mypy, build the docs, every test
#   make docs    build the documentation (warnings are errors) into docs/_build/html
#   make stanza-model  remake the small stanza model in models/stanza (10-25 minutes)
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.frtone-installed
DOCS_STAMP := $(VENV)/.frtone-docs-installed
# -E: fresh environment (docstrings are re-read); -W: warnings are errors; -n: every
# cross-reference must resolve
SPHINXOPTS ?= -E -W --keep-going -n
DOCS_PY := docs/conf.py docs/_ext
ARTICLES := $(wildcard corpus/articles/*.txt)
REFERENCE := corpus/articles/cloudwatt-orange-itsocial.txt

.PHONY: demo test install docs clean chromium stanza-model

install: $(STAMP)

# torch goes first, pinned (the CPU build); left to stanza's own resolution, pip pulls a
# multi-GB CUDA build
$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet torch==2.13.0
	$(BIN)/python -m pip install --quiet -e '.[dev,stanza]'
	touch $(STAMP)

$(DOCS_STAMP): $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[docs]'
	touch $(DOCS_STAMP)

docs: $(DOCS_STAMP)
	$(BIN)/sphinx-build $(SPHINXOPTS) -b html docs docs/_build/html

demo: $(STAMP)
	@for f in $(ARTICLES); do \
	  echo "== $$f"; \
	  $(BIN)/frtone analyze "$$f" --color never | sed -n '2p;/^Targets/,$$p'; \
	  echo; \
	done
	@echo "== full view of the reference article"
	@$(BIN)/frtone analyze $(REFERENCE)

test: $(STAMP) $(DOCS_STAMP)
	$(BIN)/ruff check src tests benchmarks tools $(DOCS_PY)
	$(BIN)/ruff format --check src tests benchmarks tools $(DOCS_PY)
	$(BIN)/mypy
	$(BIN)/sphinx-build $(SPHINXOPTS) -q -b html docs docs/_build/html
	$(BIN)/pytest

# Debian's headless chromium and its driver, for the browser tests (tests marked `browser`).
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
chromium:
	@if command -v chromium >/dev/null && command -v chromedriver >/dev/null; then :; else \
	  $(SUDO) apt-get update -q && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -q chromium chromium-driver; \
	fi

stanza-model: $(STAMP)
	nice $(BIN)/python tools/make_stanza_model.py --out models/stanza

clean:
	rm -rf $(VENV) build dist docs/_build src/*.egg-info .mypy_cache .ruff_cache .pytest_cache
