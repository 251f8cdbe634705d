"""Test setup: offscreen Qt, no writes into the real home, paths to the shared samples."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from testdata import MODERNGOV, SEEDS


@pytest.fixture(autouse=True)
def _no_real_home(tmp_path_factory, monkeypatch):
    """Tripwire: every test gets a throw-away data folder and HOME, so nothing
    can ever write into the real user's Panelbook data."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / ".local" / "share"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    monkeypatch.setenv("XDG_STATE_HOME", str(home / ".local" / "state"))      # recovery files of unsaved changes
    monkeypatch.setenv("PANELBOOK_HOME", str(home / "panelbook-data"))
    yield


@pytest.fixture
def seeds() -> Path:
    return SEEDS


@pytest.fixture
def moderngov() -> Path:
    return MODERNGOV


@pytest.fixture
def store(tmp_path):
    """An empty store in a temporary data folder, closed after the test."""
    from panelbook.paths import data_folder
    from panelbook.store import Store

    opened = Store.open(data_folder(tmp_path / "data"))
    yield opened
    opened.close()
