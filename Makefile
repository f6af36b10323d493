# The README's two commands: `make run` and `make test`. Both start from a fresh clone.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PERIODE ?= 2026-03
PORT ?= 5000
# pytest with only the plugins the tests use: autoloading every installed plugin (schemathesis,
# anyio, …) and rewriting their asserts costs seconds in each worker.
PYTEST := PYTEST_DISABLE_PLUGIN_AUTOLOAD=1 $(BIN)/pytest -p xdist.plugin -p _hypothesis_pytestplugin

.PHONY: run test test-yaml install serve docs bench clean

# A venv with the dependencies; rebuilt when pyproject.toml or setup.py changes.
$(VENV)/.afhaengigheder: pyproject.toml setup.py
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python >= 3.11 kræves (openfisca-core 46)")'
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip setuptools wheel
	$(BIN)/python -m pip install --quiet ".[dev,web-api,docs]"
	touch $@

# Installs the package as users get it (not editable), from a clean build folder so that
# a deleted file cannot survive in build/.
install: $(VENV)/.afhaengigheder
	rm -rf build *.egg-info
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation --force-reinstall .
	rm -rf build *.egg-info

run: install
	$(BIN)/dk-beskaeftigelse sammenlign examples/*.yaml --periode $(PERIODE) --regimer alle

# pytest runs the Python tests on every core (pytest-xdist), and among them the YAML tests with
# `dk-beskaeftigelse test` as one test (loaded safely, checked, then run by OpenFisca's own runner;
# the same command as `make test-yaml`); .ci/run also runs plain `openfisca test` against the wheel.
test: install
	$(PYTEST) -n auto --dist worksteal

# Only the YAML tests: what policy staff run after changing a test file.
test-yaml: install
	$(BIN)/dk-beskaeftigelse test tests/ examples/reformer/tests/

# Every regime under /<regime>/ plus /regimer and /sammenlign, on 127.0.0.1; a browser at the
# printed address gets the workbench (arbejdsbordet).
serve: install
	@echo "Arbejdsbordet: åbn http://127.0.0.1:$(PORT)/ i en browser, når serveren er klar."
	$(BIN)/dk-beskaeftigelse serve --port $(PORT)

# The documentation site: pages generated from the model, mkdocs (strict) and Sphinx in site/.
docs: install
	$(BIN)/python docs/build.py

# Speed and memory (scripts that print figures; no timed tests). The population benchmark
# compares against openfisca-country-template, installed here only for that purpose.
bench: install
	$(BIN)/python -m pip install --quiet "openfisca-country-template>=8"
	$(BIN)/python benchmarks/befolkning.py
	$(BIN)/python benchmarks/web_api.py
	$(BIN)/python benchmarks/belastning.py
	$(BIN)/python benchmarks/arbejdsbord.py
	$(BIN)/python benchmarks/reformfil.py
	$(BIN)/python benchmarks/forskel.py

clean:
	rm -rf $(VENV) build dist *.egg-info site docs/genereret
