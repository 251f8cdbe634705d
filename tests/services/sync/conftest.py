"""A real HTTP server on 127.0.0.1 for the sync tests (pytest-httpserver, threaded), and a
client policy whose waits are short so the fault tests stay fast."""
from __future__ import annotations

import pytest
from moderngov_site import FAST
from pytest_httpserver import HTTPServer

from panelbook.services.sync.http_client import HttpPolicy


@pytest.fixture
def server(monkeypatch):
    """A fresh server on 127.0.0.1 (any proxy in the environment bypassed for it)."""
    monkeypatch.setenv("NO_PROXY", "127.0.0.1,localhost")
    monkeypatch.setenv("no_proxy", "127.0.0.1,localhost")
    httpserver = HTTPServer(host="127.0.0.1", port=0, threaded=True)
    httpserver.no_handler_status_code = 404        # as a real site answers an unknown address
    httpserver.start()
    yield httpserver
    httpserver.clear()
    if httpserver.is_running():
        httpserver.stop()


@pytest.fixture
def fast_policy() -> HttpPolicy:
    return FAST
