# frtone — every set-up step lives here. On a fresh machine:
#   make demo    install into .venv, score the bundled articles, show the result
#   make test    install into .venv (with dev tools), run ruff, mypy and every test
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.frtone-installed
ARTICLES := $(wildcard corpus/articles/*.txt)
REFERENCE := corpus/articles/cloudwatt-orange-itsocial.txt

.PHONY: demo test install clean

install: $(STAMP)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev,dask]'
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
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks
	$(BIN)/mypy
	$(BIN)/pytest

clean:
	rm -rf $(VENV) build dist src/*.egg-info .mypy_cache .ruff_cache .pytest_cache
