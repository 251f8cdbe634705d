"""Fixtures for the desktop: a data folder holding the sample panel, and the real main window on it."""
from __future__ import annotations

import sqlite3

import pytest

from desktop_helpers import close_window, open_window


@pytest.fixture
def sample_folder(tmp_path):
    from panelbook.paths import data_folder
    from panelbook.services.sample import load_sample
    from panelbook.store import Store

    folder = data_folder(tmp_path / "data")
    with Store.open(folder) as store:
        load_sample(store)
    return folder


@pytest.fixture
def window(qtbot, sample_folder):
    window, worker = open_window(qtbot, sample_folder)
    yield window
    close_window(qtbot, window, worker)


@pytest.fixture
def sql(sample_folder):
    """A read-only look at the sample store, for expectations."""
    conn = sqlite3.connect(f"file:{sample_folder.database}?mode=ro", uri=True)
    conn.row_factory = sqlite3.Row
    yield conn
    conn.close()
