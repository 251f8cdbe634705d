"""The frozen program's entry point: the ``panelbook`` command, as the wheel's console script runs it.

PyInstaller starts the built program here (``packaging/panelbook.spec``).  With
``PANELBOOK_SMOKE_TEST=1`` in the environment the program instead opens its
window on the data folder, shows the sample panel's meeting and quits by itself
(``smoke_window.py``): that is how ``.ci/package`` checks that a built copy can
really build its window, find its resources and read the sample pack, on a
machine with no display (``QT_QPA_PLATFORM=offscreen``).
"""
from __future__ import annotations

import os
import sys

SMOKE_TEST = "PANELBOOK_SMOKE_TEST"


def main(argv: list[str] | None = None) -> int:
    """Run the command line, or the window's smoke test when the environment asks for it."""
    args = list(sys.argv[1:] if argv is None else argv)
    if os.environ.get(SMOKE_TEST):
        from smoke_window import run_smoke_test

        return run_smoke_test(args)
    from panelbook.cli import main as cli_main

    return cli_main(args)


if __name__ == "__main__":
    sys.exit(main())
