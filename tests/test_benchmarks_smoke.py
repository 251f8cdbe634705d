"""The benchmarks run and print the figures they promise (on a tiny archive).

Only the shape of the output is checked here: speed targets live in the
benchmarks themselves, never in tests.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
BENCHMARKS = REPO / "benchmarks"
TINY = ["--scale", "0.1", "--runs", "1"]


def _run(script: str, *args: str, cache: Path) -> dict:
    env = {**os.environ, "PANELBOOK_BENCH_CACHE": str(cache), "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, str(BENCHMARKS / script), *args], capture_output=True, text=True,
                          env=env, cwd=REPO, timeout=300)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.strip().splitlines()
    assert len(lines) == 1, done.stdout
    return json.loads(lines[0])


@pytest.fixture(scope="module")
def cache(tmp_path_factory) -> Path:
    """One benchmark cache for the module, so the tiny archive is built once."""
    return tmp_path_factory.mktemp("bench-cache")


def test_importing_prints_its_figures(cache):
    figures = _run("importing.py", "--json", *TINY, cache=cache)
    for key in ("import_pack_s", "raw_extract_s", "ratio", "within_target", "read_s", "write_s", "runs"):
        assert key in figures
    assert figures["import_pack_s"] > 0 and figures["raw_extract_s"] > 0
    assert figures["pack_pages"] == 115
    assert figures["pack_import"]["kind"] == "agenda_pack"
    assert figures["pack_import"]["items"] == 18
    # scale 0.1: one committee, one municipal year of ten meetings of twelve items
    assert figures["archive"]["meetings"] == 10
    assert figures["archive"]["items"] == 120
    assert figures["archive_after_import"]["meetings"] == 16


def test_synthetic_archive_is_reused_from_its_cache(cache):
    first = _run("synthetic.py", "--json", "--scale", "0.1", cache=cache)
    again = _run("synthetic.py", "--json", "--scale", "0.1", cache=cache)
    assert first["folder"] == again["folder"]
    assert Path(first["folder"]).parent == cache
    assert again["build_s"] == first["build_s"]          # read from the cache, not built again
    assert first["meetings"] == 10 and first["committees"] == 1
    assert first["pages"] > 500


def test_runner_collects_benchmarks_by_name(cache):
    results = _run("run.py", "--json", "--only", "importing", "--", *TINY, cache=cache)
    assert list(results) == ["importing"]
    assert "import_pack_s" in results["importing"], results


def test_runner_records_a_failing_benchmark_as_an_error(cache):
    results = _run("run.py", "--json", "--only", "importing", "--", "--no-such-option", cache=cache)
    assert "error" in results["importing"]
    assert "exit status 2" in results["importing"]["error"]


def test_sync_prints_its_figures(cache):
    figures = _run("sync.py", "--json", *TINY, cache=cache)
    for key in ("sync_year_s", "floor_s", "ratio", "resync_s", "resync_requests", "peak_rss_mb", "within_target"):
        assert key in figures
    assert figures["meetings"] == 1 and figures["pack_pages"] == 115
    assert figures["sync_year"]["documents"]["new"] == 1 and figures["sync_year"]["errors"] == []
    assert figures["resync_committees"] == 10 and figures["resync_changes"] == 0


def test_fidelity_prints_its_figures_per_kind(tmp_path):
    done = subprocess.run([sys.executable, str(BENCHMARKS / "fidelity.py"), "--json"], capture_output=True,
                          text=True, cwd=REPO, timeout=300, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert done.returncode == 0, done.stderr
    figures = json.loads(done.stdout.strip().splitlines()[-1])
    assert {"meeting_page", "minutes", "not_a_meeting_document"} <= set(figures["kinds"])
    total = figures["total"]
    assert total["documents"] == len(figures["documents"]) >= 35
    assert 0 < total["right"] <= total["knowable"]
    assert {"wrongly_refused", "wrongly_accepted", "crashes", "false_recommendations"} <= set(total)


def test_confidential_prints_its_figures_beside_the_plain_store(cache):
    figures = _run("confidential.py", "--json", "--runs", "1", cache=cache)
    for what in ("import", "open", "search"):
        assert figures[f"plain_{what}_s"] > 0 and figures[f"confidential_{what}_s"] > 0
        assert f"{what}_ratio" in figures
    assert figures["report_pages"] == 50
    assert figures["same_page_hits"] is True     # both stores found the same pages
