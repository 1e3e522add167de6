# Two commands matter: `make demo` and `make test`. Both bootstrap .venv themselves.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
ASSETS := $(VENV)/.assets
CHROMIUM := /usr/bin/chromium

.PHONY: demo test lint typecheck unit bench clean data assets chromium

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[dev]'
	touch $(STAMP)

# JavaScript/CSS of offline maps: pinned npm tarballs, checked against their integrity hashes,
# unpacked into the virtualenv (never into the repository).
$(ASSETS): $(STAMP) geo/mapping/assets.py
	command -v npm >/dev/null || (apt-get update && apt-get install -y npm)
	$(BIN)/python -m geo.mapping.assets fetch
	touch $(ASSETS)

assets: $(ASSETS)

# Headless browser of the browser tests (Debian's chromium; run as root on CI).
chromium:
	test -x $(CHROMIUM) || (apt-get update && apt-get install -y chromium)

demo: $(STAMP) $(ASSETS)
	$(BIN)/geo demo

lint: $(STAMP)
	$(BIN)/ruff check geo tests bench scripts conftest.py
	$(BIN)/ruff format --check geo tests bench scripts conftest.py

typecheck: $(STAMP)
	$(BIN)/mypy

unit: $(STAMP) $(ASSETS) chromium
	GEO_REQUIRE_BROWSER=1 $(BIN)/python -m pytest -q -n auto

test: lint typecheck unit

bench: $(STAMP) $(ASSETS) chromium
	$(BIN)/python -m bench

# Regenerate everything in data/ from the registries (needs apt-get and npm; see data/README.md).
data: $(STAMP)
	$(BIN)/python scripts/build_boundaries.py
	$(BIN)/python scripts/build_gazetteer_data.py
	$(BIN)/python scripts/build_basemap.py

clean:
	rm -rf $(VENV) out .pytest_cache .mypy_cache .ruff_cache
