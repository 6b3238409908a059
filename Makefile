# frtone — every set-up step lives here. On a fresh machine:
#   make demo    install into .venv, score the bundled articles, show the result
#   make test    install into .venv (with dev tools), run ruff, mypy and every test
#   make stanza-model  remake the small stanza model in models/stanza (a few minutes)
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.frtone-installed
ARTICLES := $(wildcard corpus/articles/*.txt)
REFERENCE := corpus/articles/cloudwatt-orange-itsocial.txt

.PHONY: demo test install clean stanza-model

install: $(STAMP)

# torch goes first, pinned (the CPU build); left to stanza's own resolution, pip pulls a
# multi-GB CUDA build
$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet torch==2.13.0
	$(BIN)/python -m pip install --quiet -e '.[dev,stanza]'
	touch $(STAMP)

demo: $(STAMP)
	@for f in $(ARTICLES); do \
	  echo "== $$f"; \
	  $(BIN)/frtone analyze "$$f" --color never | sed -n '2p;/^Targets/,$$p'; \
	  echo; \
	done
	@echo "== full view of the reference article"
	@$(BIN)/frtone analyze $(REFERENCE)

test: $(STAMP)
	$(BIN)/ruff check src tests benchmarks tools
	$(BIN)/ruff format --check src tests benchmarks tools
	$(BIN)/mypy
	$(BIN)/pytest

stanza-model: $(STAMP)
	nice $(BIN)/python tools/make_stanza_model.py --out models/stanza

clean:
	rm -rf $(VENV) build dist src/*.egg-info .mypy_cache .ruff_cache .pytest_cache
