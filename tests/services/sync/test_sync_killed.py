"""A `panelbook sync` killed (SIGKILL) in the middle of fetching papers: what landed stays
whole, nothing is half-imported, and the next sync fetches only what had not landed."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pytest
from moderngov_site import ServiceSite
from werkzeug import Response

from panelbook.paths import data_folder
from panelbook.services.sync import follow as following
from panelbook.store import Store
from testdata import REPO

PACK = "mgChooseDocPack.aspx?ID=4967"
LAST = "mgConvert2PDF.aspx?ID=60909"


def _sync(home, env):
    return subprocess.Popen([sys.executable, "-m", "panelbook.cli", "--home", str(home), "sync", "--json"],
                            env=env, cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE)


@pytest.mark.slow
def test_a_sync_killed_mid_way_resumes_without_fetching_again(server, tmp_path):
    site = ServiceSite(server)
    home = tmp_path / "home"
    with Store.open(data_folder(home)) as store:
        following.follow(store, site.base, ["144"])
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(REPO / "desktop"), str(REPO)]),
           "NO_PROXY": "127.0.0.1", "QT_QPA_PLATFORM": "offscreen"}
    running: dict[str, subprocess.Popen] = {}

    def kill_it(_request):
        os.kill(running["sync"].pid, signal.SIGKILL)       # killed while asking for the last paper
        time.sleep(0.5)
        return Response(b"", status=503)

    site.faults[LAST] = kill_it
    running["sync"] = _sync(home, env)
    running["sync"].communicate(timeout=120)
    assert running["sync"].returncode == -signal.SIGKILL
    for _ in range(100):              # the server logs the killed request once its handler returns
        if any(p == "/" + LAST for p in site.requested()):
            break
        time.sleep(0.05)
    with Store.open(data_folder(home)) as store:
        landed = {r[0] for r in store.db.execute(
            "SELECT url FROM sync_documents WHERE sha256 IS NOT NULL AND document_id IS NOT NULL")}
        assert store.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert not any(p.name.startswith(".incoming-") for p in store.folder.files.rglob("*"))
    assert site.base + PACK in landed and site.base + LAST not in landed
    site.faults.clear()
    before = len(server.log)
    again = _sync(home, env)
    _out, err = again.communicate(timeout=120)
    assert again.returncode == 0, err
    papers = [p for p in site.requested()[before:] if "mgWebService" not in p]
    assert papers == ["/" + LAST]
