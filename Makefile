# Two commands on a fresh machine:
#   make run    opens Panelbook on the sample panel (its own virtual environment in .venv)
#   make test   runs the whole test suite
# and for developers:
#   make check  the static checks: ruff (lint) and mypy (types), configured in pyproject.toml
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
CHECK_STAMP := $(VENV)/.installed-check

.PHONY: run test check sample bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[test]"
	touch $(STAMP)

# The checkers (the `check` extra) on top of the test environment.
$(CHECK_STAMP): $(STAMP)
	$(PY) -m pip install --quiet -e ".[test,check]"
	touch $(CHECK_STAMP)

run: $(STAMP)
	$(VENV)/bin/panelbook

test: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest

check: $(CHECK_STAMP)
	$(PY) -m ruff check
	$(PY) -m mypy

bench: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) benchmarks/run.py --json

clean:
	rm -rf $(VENV) .pytest_cache .hypothesis .mypy_cache .ruff_cache

# The downloads: dist/panelbook-VERSION-linux-x86_64.tar.gz and dist/panelbook_VERSION_amd64.deb,
# frozen by PyInstaller from packaging/panelbook.spec (packaging/README.md; .ci/package tests them).
.PHONY: dist
DIST_STAMP := $(VENV)/.dist-installed

$(DIST_STAMP): $(STAMP) packaging/requirements-dist.txt
	$(PY) -m pip install --quiet -r packaging/requirements-dist.txt
	touch $(DIST_STAMP)

dist: $(DIST_STAMP)
	rm -rf build/dist dist/panelbook-*-linux-*.tar.gz dist/panelbook_*.deb
	nice -n 10 $(PY) -m PyInstaller --noconfirm --clean --log-level WARN \
		--distpath build/dist --workpath build/pyinstaller packaging/panelbook.spec
	QT_QPA_PLATFORM=offscreen nice -n 10 $(PY) packaging/linux/make_packages.py build/dist/panelbook dist
