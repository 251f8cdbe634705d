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
