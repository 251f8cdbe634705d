"""The built program's window smoke test: open the window, show the sample meeting, quit.

``PANELBOOK_SMOKE_TEST=1 panelbook --home DIR [--grab FILE.png]`` starts the
desktop exactly as ``panelbook`` does (the same ``start_desktop``: single-instance
claim, database worker, main window, the sample panel loaded into an empty
store), goes to the Meeting place, waits until the meeting it opens has its
agenda and its PDF pack loaded, optionally saves a picture of the window, and
closes the window (which saves its state, as on quitting).  It prints one line
saying what it saw and exits 0; it exits 1 with one line on stderr when the
window reports an error, the pack has no pages, or nothing is shown within
the time limit.  It is what ``.ci/package`` runs on the unpacked build, so a
frozen copy missing a Qt plugin, a resource or a module fails there.
"""
from __future__ import annotations

import argparse
import sys

TIME_LIMIT_S = 120
SETTLE_MS = 1500
MIN_INK = 0.002     # of a rendered page's sampled pixels that are ink: a page of print has one per cent or more


def _inked_fraction(image) -> float:
    """The share of a grid of the image's pixels that are ink, not paper; 0 for a null image."""
    if image.isNull():
        return 0.0
    samples = [image.pixelColor(x, y) for x in range(0, image.width(), 3) for y in range(0, image.height(), 3)]
    # QPdfDocument leaves the paper transparent: ink is what is both opaque and dark.
    return sum(1 for colour in samples if colour.alpha() > 128 and colour.lightness() < 200) / len(samples)


def _arguments(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="panelbook (smoke test)")
    parser.add_argument("--home", required=True, metavar="DIR", help="the data folder to open (best a fresh one)")
    parser.add_argument("--grab", metavar="FILE.png", help="save a picture of the window here")
    return parser.parse_args(argv)


def run_smoke_test(argv: list[str]) -> int:
    """Open the window on ``--home``, wait for the sample meeting and its pack, close; 0 if all was seen."""
    args = _arguments(argv)
    from PySide6.QtCore import QSize, QTimer

    from panelbook.paths import data_folder
    from panelbook.ui.shell.app import application, start_desktop
    from panelbook.ui.shell.main_window import Place

    app = application(["panelbook"])
    desktop = start_desktop(data_folder(args.home))
    if desktop is None:
        print("panelbook: smoke test: another copy is already open on this data folder.", file=sys.stderr)
        return 1
    window = desktop.window
    outcome: list[str] = []
    watching: list[bool] = []
    shown: list[int] = []

    def fail(reason: str) -> None:
        if not outcome:
            outcome.append(reason)
            app.exit(1)

    def meetings_loaded() -> None:
        if outcome or watching:
            return      # a later refresh of the list: the meeting is already on its way
        if not window.meetings:
            fail("the window shows no meetings: the sample panel was not loaded")
            return
        watching.append(True)
        place = window.meeting      # built on first use
        place.meeting_loaded.connect(meeting_loaded)
        place.error.connect(lambda error: fail(f"the meeting place reported: {error}"))
        window.go(Place.MEETING)    # opens the meeting a member would see first

    def meeting_loaded(meeting_id: int) -> None:
        if outcome or shown:
            return
        shown.append(meeting_id)
        # The reader paints its pages as they are rendered: give it a moment before the picture.
        QTimer.singleShot(SETTLE_MS, lambda: finish(meeting_id))

    def finish(meeting_id: int) -> None:
        reader = window.meeting.reader
        pages = reader.document.pageCount()
        items = window.meeting.model.rowCount()
        if pages <= 0 or items <= 0:
            fail(f"meeting {meeting_id} shows {items} agenda items and a pack of {pages} pages")
            return
        inked = _inked_fraction(reader.document.render(reader.current_page(), QSize(300, 424)))
        if inked < MIN_INK:
            fail(f"page {reader.current_page() + 1} of the pack rendered blank")
            return
        if args.grab and not window.grab().save(args.grab):
            fail(f"could not save the window's picture to {args.grab}")
            return
        outcome.append(f"smoke test: the window opened on {len(window.meetings)} meetings and showed meeting "
                       f"{meeting_id} with {items} agenda items and its {pages}-page pack "
                       f"(page {reader.current_page() + 1} rendered, {inked:.0%} inked)")
        window.close()
        app.exit(0)

    window.meetings_loaded.connect(meetings_loaded)
    QTimer.singleShot(TIME_LIMIT_S * 1000, lambda: fail(f"nothing was shown within {TIME_LIMIT_S} s"))
    try:
        status = app.exec()
    finally:
        desktop.close()
    if status != 0 or not outcome:
        print(f"panelbook: smoke test failed: {outcome[0] if outcome else 'the window closed early'}", file=sys.stderr)
        return 1
    print(outcome[0])
    return 0

