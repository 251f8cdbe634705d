"""The desktop: PySide6 widgets, Qt item models and the database worker.

Four places behind a side bar (Ctrl+1..4): Calendar, Meeting (agenda, item
details, pack reader), Tracker (recommendations, their editor and history) and
Search (Ctrl+F / Ctrl+K).  Decisions worth knowing:

- All store work runs on the one ``DatabaseWorker`` thread; widgets get plain
  dicts back by signal.  Views that ask repeatedly (meeting, search) number
  their requests and drop answers that a newer request has overtaken.
- The pack PDF is opened by path on the UI thread (QPdfDocument needs to live
  there; opening by path lets QtPdf read pages lazily); finding the path and the
  page map is a worker query (``store.desktop_queries.pack``).
- Printed page numbers are mapped to PDF pages through the ``pages`` table
  (``ui.page_map``); the reader shows both ("Page 11 (PDF page 16 of 115)").
- QPdfView in Qt 6.11 has no text selection, so ``ui.pdf_select`` adds it:
  it mirrors the view's page layout, asks QPdfDocument for the selection
  between the drag's ends (snapped onto lines of text) and paints it.
- Items the user opens are remembered as read (bold = not opened yet); the
  item chosen automatically when a meeting opens is not marked.
- Importing reads each file on the worker with Cancel checked between files,
  then writes the readable ones in one transaction; unreadable files are named
  in a calm message with the reader's own sentence.
- Window geometry, splitters, last place and last meeting live in QSettings
  (``ui.settings``), an INI file in the user's configuration folder.
- Imported text is data: every piece of it is escaped before it meets markup.
- Start-up paints first: the window shows the Calendar before the store is
  imported or opened (the worker does both after the first paint); Meeting,
  Tracker and Search are built just after the paint, or when first asked for.
  What opening the store had to say (recovered damage, a cloud or network
  folder) appears in a banner above the places (``ui.notices``).
- One running copy per data folder (``ui.single_instance``): a second launch
  hands its files over a local socket to the running window, which imports
  them and comes to the front; ``panelbook open FILE...`` or ``panelbook FILE...``.
- File › Export runs the briefing, monitoring and calendar exports on the
  worker with progress and Cancel (``ui.export_controller``); files are written
  under a hidden name and renamed into place only when complete.
"""
