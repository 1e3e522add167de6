# Two commands matter: `make demo` and `make test`. Both bootstrap .venv themselves.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: demo test lint typecheck unit bench clean data

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[dev]'
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/geo demo

lint: $(STAMP)
	$(BIN)/ruff check geo tests bench scripts
	$(BIN)/ruff format --check geo tests bench scripts

typecheck: $(STAMP)
	$(BIN)/mypy

unit: $(STAMP)
	$(BIN)/python -m pytest -q

test: lint typecheck unit

bench: $(STAMP)
	$(BIN)/python -m bench

# Regenerate everything in data/ from the registries (needs apt-get and npm; see data/README.md).
data: $(STAMP)
	$(BIN)/python scripts/build_gazetteer_data.py
	$(BIN)/python scripts/build_boundaries.py

clean:
	rm -rf $(VENV) out .pytest_cache .mypy_cache .ruff_cache
