"""Syncing a committee's year from a ModernGov site on 127.0.0.1, beside its floor.

The site: ten committees, each with a municipal year of ten meetings, answered the way
Manchester's web service answers (its recorded ``GetCommittees``, ``GetMeetings`` and
``GetMeeting`` answers in ``tests/fixtures/moderngov/`` as templates, with each
committee's and meeting's ids, dates and titles put in); the first committee's ten
meetings each have a reports pack, the sample panel's 115-page pack rebuilt from the
seed text (``tools/rebuild_pack.py``) with that meeting's date put in, so the year holds
about 1,150 pack pages.

Figures, all in the same run:
- ``sync_year_s``: ``services.sync.run.sync_all`` of the first committee into a fresh
  store (every answer and pack fetched, read and imported);
- ``floor_s``: the same packs fetched with bare ``requests.get`` and their text extracted
  with QtPdf (``sources.pdftext.extract_pages``) — the work no sync can skip;
  ``ratio`` = sync / floor (target: within 1.3x);
- ``resync_s`` and ``resync_requests``: a second sync of all ten committees with nothing
  changed on the site (target: under 1 s and under 50 requests);
- ``peak_rss_mb``: the process's peak resident memory after the syncs.

    python benchmarks/sync.py [--json] [--scale S] [--runs N]

``--scale`` scales the meetings per committee (0.1: one meeting each).
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import resource
import statistics
import sys
import tempfile
import threading
import time
from datetime import UTC, date, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

import requests  # noqa: E402

from panelbook.paths import data_folder  # noqa: E402
from panelbook.services.sync import follow as following  # noqa: E402
from panelbook.services.sync.http_client import HttpClient, HttpPolicy  # noqa: E402
from panelbook.services.sync.run import sync_all  # noqa: E402
from panelbook.sources.pdftext import extract_pages  # noqa: E402
from panelbook.store import Store  # noqa: E402
from tools.rebuild_pack import rebuild_pack_pdf  # noqa: E402

ANSWERS = REPO / "tests" / "fixtures" / "moderngov"
SEED_PACK = REPO.parent / "shared" / "seeds" / "003_41e7f3da12eebc0c.txt"
TARGET_RATIO = 1.3
TARGET_RESYNC_S = 1.0
TARGET_RESYNC_REQUESTS = 50
COMMITTEES = 10
# The sync runs as of 1 February 2026: the year's last two meetings (26 February and
# 2 April) are ahead, the eight before them held with their minutes published.
NOW = datetime(2026, 2, 1, 9, 0, tzinfo=UTC)
FIRST_MEETING = date(2025, 5, 22)


def _template(name: str) -> str:
    text = (ANSWERS / name).read_text(encoding="utf-8")
    return re.sub(r"^<!--.*?-->\s*", '<?xml version="1.0" encoding="utf-8"?>\n', text, count=1, flags=re.S)


def _dmy(day: date) -> str:
    return f"{day.day:02d}/{day.month:02d}/{day.year}"


def meeting_dates(count: int) -> list[date]:
    """A municipal year's meetings, about five weeks apart from late May."""
    return [FIRST_MEETING + timedelta(days=35 * i) for i in range(count)]


def build_packs(dates: list[date], folder: Path) -> dict[date, bytes]:
    """The seed pack rebuilt once per meeting, with that meeting's date where the pack prints it."""
    text = SEED_PACK.read_text(encoding="utf-8")
    packs = {}
    for day in dates:
        path = folder / f"pack-{day.isoformat()}.pdf"
        if not path.exists():
            words = f"{day.day} {day:%B %Y}"
            rebuild_pack_pdf(text.replace("8 AUGUST 2024", words.upper()).replace("8 August 2024", words), path)
        packs[day] = path.read_bytes()
    return packs


class Site:
    """The answers of the whole site, by path and query."""

    def __init__(self, dates: list[date], packs: dict[date, bytes]) -> None:
        self.answers: dict[str, bytes] = {}
        self.requests = 0
        committees = "".join(
            f"<committee><committeeid>{500 + c}</committeeid><committeetitle>Scrutiny Panel {c + 1}</committeetitle>"
            "<committeedeleted>False</committeedeleted><committeeexpired>False</committeeexpired>"
            "<committeecategory>Scrutiny</committeecategory></committee>" for c in range(COMMITTEES))
        self.answers["/mgWebService.asmx/GetCommittees"] = (
            f'<?xml version="1.0" encoding="utf-8"?>\n<committees><committeescount> {COMMITTEES}</committeescount>'
            f"{committees}</committees>").encode()
        self.meeting_template = _template("mg_GetMeeting_with_minutes_manchester.xml")
        self.dates = dates
        self.packs = packs

    def meetings_answer(self, committee: int) -> bytes:
        rows = "".join(
            f"<meeting><meetingid>{committee * 100 + i}</meetingid><meetingdate>{_dmy(day)}</meetingdate>"
            f"<meetingstatus>Confirmed</meetingstatus><meetingtime>5.30 pm</meetingtime>"
            "<iswebcast>False</iswebcast></meeting>" for i, day in enumerate(self.dates))
        return (f'<?xml version="1.0" encoding="utf-8"?>\n<getmeetings><meetingscount> {len(self.dates)}'
                f"</meetingscount><committeescount> 1</committeescount><committee><committeeid>{committee}"
                f"</committeeid><committeetitle>Scrutiny Panel {committee - 499}</committeetitle>"
                f"<committeemeetings>{rows}</committeemeetings></committee></getmeetings>").encode()

    def meeting_answer(self, meeting: int) -> bytes | None:
        committee, index = divmod(meeting, 100)
        if not 500 <= committee < 500 + COMMITTEES or index >= len(self.dates):
            return None
        day = self.dates[index]
        text = self.meeting_template.replace("<meetingid>4967</meetingid>", f"<meetingid>{meeting}</meetingid>")
        text = text.replace("10/02/2026", _dmy(day)).replace("Audit Committee", f"Scrutiny Panel {committee - 499}")
        text = text.replace("<agendaid>4967</agendaid>", f"<agendaid>{meeting}</agendaid>")
        text = re.sub(r"<linkeddocuments>.*?</linkeddocuments>", "<linkeddocuments>\n</linkeddocuments>", text,
                      flags=re.S)
        published = committee == 500                 # only the first committee's packs are served
        text = text.replace("<agendapublished>True</agendapublished>",
                            f"<agendapublished>{published}</agendapublished>")
        if day > NOW.date():
            text = text.replace("<minutepublished>True</minutepublished>", "<minutepublished>False</minutepublished>")
        return text.encode()

    def answer(self, path: str, query: dict[str, list[str]]) -> bytes | None:
        self.requests += 1
        if path == "/mgWebService.asmx/GetMeetings":
            return self.meetings_answer(int(query["lCommitteeId"][0]))
        if path == "/mgWebService.asmx/GetMeeting":
            return self.meeting_answer(int(query["lMeetingId"][0]))
        if path == "/mgChooseDocPack.aspx":
            meeting = int(query["ID"][0])
            committee, index = divmod(meeting, 100)
            return self.packs.get(self.dates[index]) if committee == 500 and index < len(self.dates) else None
        return self.answers.get(path)


def serve(site: Site) -> ThreadingHTTPServer:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        disable_nagle_algorithm = True     # headers and body go out at once, as a web server sends them

        def do_GET(self) -> None:
            parts = urlsplit(self.path)
            body = site.answer(parts.path, parse_qs(parts.query))
            self.send_response(200 if body is not None else 404)
            kind = "application/pdf" if body and body.startswith(b"%PDF") else "text/xml; charset=utf-8"
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body or b"")))
            self.end_headers()
            self.wfile.write(body or b"")

        def log_message(self, format: str, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def measure(scale: float = 1.0, runs: int = 3) -> dict[str, Any]:
    dates = meeting_dates(max(1, round(10 * scale)))
    cache = Path(os.environ.get("PANELBOOK_BENCH_CACHE", Path(tempfile.gettempdir()) / "panelbook-bench"))
    cache.mkdir(parents=True, exist_ok=True)
    packs = build_packs(dates, cache)
    site = Site(dates, packs)
    server = serve(site)
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    policy = HttpPolicy(spacing_s=0.0)

    def client(hosts: set[str]) -> HttpClient:
        return HttpClient(hosts, policy)

    pack_urls = [f"{base}mgChooseDocPack.aspx?ID={50000 + i}" for i in range(len(dates))]
    extract_pages(packs[dates[0]])                    # QtPdf and the readers loaded outside the timings
    sync_times, floor_times = [], []
    pages = 0
    report_json: dict[str, Any] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for run in range(runs):
            started = time.perf_counter()
            with requests.Session() as session:
                pages = sum(len(extract_pages(session.get(url, timeout=60).content)) for url in pack_urls)
            floor_times.append(time.perf_counter() - started)
            folder = data_folder(Path(tmp) / f"year-{run}")
            with Store.open(folder, daily_backup=False) as store:
                following.follow(store, base, ["500"], client=client)
                started = time.perf_counter()
                report = sync_all(store, now=NOW, client=client)
                sync_times.append(time.perf_counter() - started)
                report_json = report.as_json()
        folder = data_folder(Path(tmp) / "ten")
        with Store.open(folder, daily_backup=False) as store:
            following.follow(store, base, [str(500 + c) for c in range(COMMITTEES)], client=client)
            sync_all(store, now=NOW, client=client)
            started = time.perf_counter()
            again = sync_all(store, now=NOW + timedelta(hours=2), client=client)
            resync_s = time.perf_counter() - started
    server.shutdown()
    sync_s, floor_s = statistics.median(sync_times), statistics.median(floor_times)
    ratio = round(sync_s / floor_s, 2)
    figures: dict[str, Any] = {
        "meetings": len(dates), "pack_pages": pages, "pack_mb": round(sum(map(len, packs.values())) / 1048576, 1),
        "sync_year_s": round(sync_s, 3), "floor_s": round(floor_s, 3), "ratio": ratio,
        "sync_year": {k: report_json[k] for k in ("requests", "meetings", "documents", "errors")},
        "resync_committees": again.committees, "resync_s": round(resync_s, 3), "resync_requests": again.requests,
        "resync_changes": len(again.changes) + again.meetings_changed + again.documents_changed,
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "runs": runs, "packs_sha": hashlib.sha256(b"".join(packs.values())).hexdigest()[:12],
    }
    figures["within_target"] = (ratio <= TARGET_RATIO and resync_s < TARGET_RESYNC_S
                                and again.requests < TARGET_RESYNC_REQUESTS)
    return figures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print one JSON object of figures")
    parser.add_argument("--scale", type=float, default=1.0, help="meetings per committee, times ten")
    parser.add_argument("--runs", type=int, default=3, help="timed runs of the year's sync (the median is kept)")
    args = parser.parse_args(argv)
    figures = measure(args.scale, args.runs)
    if args.json:
        print(json.dumps(figures))
    else:
        for key, value in figures.items():
            print(f"{key:>20}: {value}")
        print(f"target: sync within {TARGET_RATIO}x its floor; an unchanged resync under {TARGET_RESYNC_S} s "
              f"and {TARGET_RESYNC_REQUESTS} requests")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
