"""The ``panelbook`` command: parsing arguments and printing only; the use cases are in ``services``.

- ``parser``: every sub-command and option;
- ``main``: the entry point (``panelbook.cli:main``), exit statuses and the error log;
- ``commands``: opens the store and hands each sub-command to its subject's module
  (``documents``, ``recs``, ``markup``, ``exports``);
- ``output``: JSON and aligned columns.
"""
from panelbook.cli.main import main

__all__ = ["main"]
