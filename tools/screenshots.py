"""Pictures of the five places, for the documentation and for looking at the layout.

``python -m tools.screenshots [OUT_DIR] [--dark]`` loads the sample
panel into a temporary data folder, opens the window offscreen and writes
``<place>-<width>x<height>.png`` for each place at 1024x700, 1280x800 and 1920x1080,
plus ``docs/screenshot.png`` (the Meeting place at 1280x800) when OUT_DIR is
the default ``docs/screenshots``.
"""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, cast

if TYPE_CHECKING:
    from PySide6.QtGui import QPalette

    from panelbook.store import Store
    from panelbook.ui.shell.main_window import MainWindow, Place

SIZES = [(1024, 700), (1280, 800), (1920, 1080)]
PLACE_NAMES = ["calendar", "meeting", "tracker", "search", "news"]
SAMPLE_MEETING_DATE = "2024-08-08"
SAMPLE_ITEM = "Repeat Child Protection Plans - Analysis"


def wait(ms: int) -> None:
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def wait_until(predicate: Callable[[], object], timeout_ms: int = 10000) -> None:
    from PySide6.QtCore import QElapsedTimer

    clock = QElapsedTimer()
    clock.start()
    while not predicate():
        if clock.elapsed() > timeout_ms:
            raise TimeoutError("The window did not get there in time.")
        wait(20)


def show_sample_places(window: MainWindow, query: str = "re-referrals") -> Iterator[tuple[str, Place]]:
    """Put each place in a telling state; yield (name, place) as each is ready to grab."""
    from panelbook.ui.shell.main_window import Place

    meeting_id = next(m["id"] for m in window.meetings if m["date"] == SAMPLE_MEETING_DATE)
    window.go(Place.CALENDAR)
    window.calendar.go_to_date(SAMPLE_MEETING_DATE)
    wait(100)
    yield "calendar", Place.CALENDAR
    loaded: list[int] = []
    window.meeting.meeting_loaded.connect(loaded.append)
    window.open_meeting(meeting_id)
    wait_until(lambda: loaded)
    item = next(it for it in window.meeting.model.items() if it["title"] == SAMPLE_ITEM)
    window.meeting.select_item(item["id"])
    wait(600)
    yield "meeting", Place.MEETING
    window.go(Place.TRACKER)
    wait(300)
    yield "tracker", Place.TRACKER
    shown: list[str] = []
    window.search.results_shown.connect(shown.append)
    window.focus_search()
    window.search.set_text(query)
    window.search.run_search()
    wait_until(lambda: query in shown)
    yield "search", Place.SEARCH
    read: list[bool] = []
    window.news.place.loaded.connect(lambda: read.append(True))
    window.go(Place.NEWS)
    window.news.place.refresh()
    wait_until(lambda: read)
    yield "news", Place.NEWS


def record_sample_news(store: Store) -> None:
    """What's new as a sync of the sample panel would have recorded it: each of its meetings'
    agenda pack and printed minutes as published (when the sample's documents were stored),
    the latest three left unread, so the list shows both."""
    from panelbook.model import NewsInput, NewsKind
    from panelbook.store import news

    kinds = {"agenda_pack": NewsKind.AGENDA_PUBLISHED, "printed_minutes": NewsKind.MINUTES_PUBLISHED}
    entries = []
    for meeting in store.db.query("SELECT id, committee_id, date FROM meetings WHERE sample = 1 ORDER BY date"):
        for doc in store.db.query("SELECT id, kind, title FROM documents WHERE meeting_id = ? AND kind IN "
                                  "('agenda_pack', 'printed_minutes') ORDER BY id", (meeting["id"],)):
            at = f"{meeting['date']}T{'09:00' if doc['kind'] == 'agenda_pack' else '17:30'}:00Z"
            entries.append(NewsInput(kinds[doc["kind"]], meeting["committee_id"], meeting["id"], doc["id"],
                                     doc["title"], at))
    news.record_news(store, entries)
    listed = news.list_news(store)
    news.mark_seen(store, [row["id"] for row in listed[3:]])


def grab_all(window: MainWindow, out_dir: Path, sizes: Sequence[tuple[int, int]] = SIZES,
             suffix: str = "") -> list[Path]:
    """Grab every place at every size into ``out_dir``; return the files written."""
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for width, height in sizes:
        window.resize(width, height)
        wait(150)
        for name, _place in show_sample_places(window):
            wait(250)
            path = out_dir / f"{name}-{width}x{height}{suffix}.png"
            if not window.grab().save(str(path)):
                raise OSError(f"Could not write {path}.")
            written.append(path)
    return written


def dark_palette() -> QPalette:
    from PySide6.QtGui import QColor, QPalette

    palette = QPalette()
    roles = QPalette.ColorRole
    for role, colour in [
        (roles.Window, "#2b2b2b"), (roles.WindowText, "#e8e8e8"), (roles.Base, "#1e1e1e"),
        (roles.AlternateBase, "#262626"), (roles.Text, "#e8e8e8"), (roles.Button, "#353535"),
        (roles.ButtonText, "#e8e8e8"), (roles.Highlight, "#3d7ab8"), (roles.HighlightedText, "#ffffff"),
        (roles.ToolTipBase, "#353535"), (roles.ToolTipText, "#e8e8e8"), (roles.PlaceholderText, "#9a9a9a"),
        (roles.Mid, "#555555"), (roles.Dark, "#202020"), (roles.Light, "#505050"), (roles.Link, "#8ab4f8"),
    ]:
        palette.setColor(role, QColor(colour))
    for role in (roles.Text, roles.WindowText, roles.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor("#7a7a7a"))
    return palette


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", nargs="?", default="docs/screenshots")
    parser.add_argument("--dark", action="store_true", help="use a dark palette")
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    from PySide6.QtWidgets import QApplication

    from panelbook.paths import data_folder
    from panelbook.services.sample import load_sample
    from panelbook.store import Store
    from panelbook.ui.common.worker import DatabaseWorker
    from panelbook.ui.shell.main_window import MainWindow

    with tempfile.TemporaryDirectory() as tmp:
        os.environ["XDG_CONFIG_HOME"] = str(Path(tmp) / "config")   # never the user's own settings
        folder = data_folder(Path(tmp) / "data")
        with Store.open(folder) as store:
            load_sample(store)
            record_sample_news(store)
        app = cast(QApplication, QApplication.instance() or QApplication(sys.argv[:1]))
        app.setStyle("Fusion")
        if args.dark:
            app.setPalette(dark_palette())
        worker = DatabaseWorker(folder)
        window = MainWindow(worker)
        try:
            window.show()
            window.start(load_sample_if_empty=False)
            wait_until(lambda: bool(window.meetings))
            out = Path(args.out)
            written = grab_all(window, out, suffix="-dark" if args.dark else "")
            if out == Path("docs/screenshots") and not args.dark:
                window.resize(1280, 800)
                for name, _place in show_sample_places(window):
                    if name == "meeting":
                        wait(400)
                        window.grab().save("docs/screenshot.png")
                        written.append(Path("docs/screenshot.png"))
            for path in written:
                print(path)
        finally:
            wait_until(lambda: not worker.busy)
            window.close()
            worker.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
