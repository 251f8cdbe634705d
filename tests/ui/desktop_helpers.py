"""Helpers shared by the desktop tests (imported as ``desktop_helpers``)."""
from __future__ import annotations


def open_window(qtbot, folder, size=(1280, 800)):
    """The main window with its worker on ``folder``, shown, with the meetings loaded."""
    from panelbook.ui.common.worker import DatabaseWorker
    from panelbook.ui.shell.main_window import MainWindow

    worker = DatabaseWorker(folder)
    window = MainWindow(worker)     # closed by close_window, after the worker is idle
    if size:
        window.resize(*size)
    window.show()
    qtbot.waitExposed(window)
    with qtbot.waitSignal(window.meetings_loaded, timeout=20000):
        window.start(load_sample_if_empty=False)
    return window, worker


def close_window(qtbot, window, worker):
    """Let the worker's answers land, then close the window, stop the worker and free the window."""
    qtbot.waitUntil(lambda: not worker.busy, timeout=20000)
    if not window.close() and window.isVisible():
        window.close_guard.let_go()      # a test that left a change the disk refused: no question asked
    worker.shutdown()
    window.deleteLater()
    qtbot.wait(10)


def import_files(qtbot, window, files) -> None:
    """Import ``files`` through the window, as a drop or File > Import would; fail on any failure."""
    with qtbot.waitSignal(window.import_finished, timeout=60000) as finished:
        window.import_files([str(f) for f in files])
    assert not finished.args[0].failures
    qtbot.waitUntil(lambda: not window.worker.busy, timeout=20000)


def sample_rows(folder):
    """The sample panel's meetings and the items of its 8 August 2024 meeting, as the store gives them."""
    from panelbook.store import Store, queries

    with Store.open(folder) as store:
        meetings = queries.meetings(store.db)
        august = next(m["id"] for m in meetings if m["date"] == "2024-08-08")
        return meetings, queries.agenda(store.db, august)["items"]


def meeting_on(window, iso: str) -> int:
    return next(m["id"] for m in window.meetings if m["date"] == iso)


def pdf_index(sql, printed: int) -> int:
    """The PDF page index of printed page ``printed`` of the 8 August 2024 pack."""
    return sql.execute(
        "SELECT p.idx FROM pages p JOIN documents d ON d.id = p.document_id "
        "WHERE d.kind = 'agenda_pack' AND d.media_type = 'application/pdf' AND p.printed = ?", (printed,)
    ).fetchone()[0]
