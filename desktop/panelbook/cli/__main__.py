"""``python -m panelbook.cli``: the same as the ``panelbook`` command."""
import sys

from panelbook.cli import main

sys.exit(main())
