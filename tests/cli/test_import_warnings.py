"""`panelbook import` says under each file what could not be read from it (and `--json` lists it)."""
from __future__ import annotations

import json

from panelbook.cli import main
from testdata import SEEDS

PAGE_2019 = next(SEEDS.glob("001_*.txt"))      # the 7 November 2019 page: items printed without numbers


def test_import_lists_what_it_could_not_read(tmp_path, capsys):
    assert main(["--home", str(tmp_path / "a"), "import", str(PAGE_2019)]) == 0
    out = capsys.readouterr().out
    assert "  Not read from the file (check it; `panelbook edit` corrects a meeting or an item):" in out
    assert "  - 5 items without numbers" in out
    assert main(["--home", str(tmp_path / "b"), "import", str(PAGE_2019), "--json"]) == 0
    (report,) = json.loads(capsys.readouterr().out)
    assert "5 items without numbers" in report["warnings"]
