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


@pytest.fixture(scope="session")
def _secret_service(tmp_path_factory):
    """One private D-Bus session bus with an unlocked gnome-keyring for the whole test session."""
    import secret_service

    absent = secret_service.missing()
    if absent:
        pytest.skip(f"needs {' and '.join(absent)} for a real keychain (CI installs gnome-keyring and dbus)")
    service = secret_service.start(tmp_path_factory.mktemp("secret-service"))
    yield service
    service.stop()


@pytest.fixture
def keychain(_secret_service, monkeypatch):
    """The real keychain (gnome-keyring over the Secret Service) for this test, and for the
    command-line processes it starts (the environment points them at it)."""
    import keyring
    from keyring.backends import SecretService

    for name, value in _secret_service.env().items():
        monkeypatch.setenv(name, value)
    previous = keyring.get_keyring()
    keyring.set_keyring(SecretService.Keyring())
    yield _secret_service
    keyring.set_keyring(previous)


@pytest.fixture
def no_keychain(monkeypatch):
    """No keychain at all: no session bus, so keyring finds no Secret Service (its fail backend)."""
    import keyring
    from keyring.backends import fail

    monkeypatch.delenv("DBUS_SESSION_BUS_ADDRESS", raising=False)
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    yield
    keyring.set_keyring(previous)
