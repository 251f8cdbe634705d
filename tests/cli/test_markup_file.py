"""A markup file that is not what it should be: one clear line, exit status 1,
nothing merged (``panelbook markup import``)."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from panelbook.cli import main
from panelbook.paths import data_folder
from panelbook.store import Store
from testdata import REPO, snapshot

REBUILT_PACK = REPO / "resources" / "sample" / "2024-08-08 agenda pack (rebuilt).pdf"


def run(capsys, home: Path, *argv: str) -> tuple[int, str, str]:
    code = main(["--home", str(home), *argv])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture(scope="module")
def made(tmp_path_factory) -> tuple[Path, dict]:
    """A store with the sample, and a real markup file from another copy with a note,
    a question and a highlight in it."""
    root = tmp_path_factory.mktemp("markup")
    desk, laptop = root / "desk", root / "laptop"
    for home in (desk, laptop):
        assert main(["--home", str(home), "sample"]) == 0
    assert main(["--home", str(desk), "note", "add", "2024-08-08", "8", "Ask about handovers"]) == 0
    assert main(["--home", str(desk), "note", "add", "2024-08-08", "8", "Why late?", "--question"]) == 0
    assert main(["--home", str(desk), "markup", "export", "-o", str(root / "m.json")]) == 0
    data = json.loads((root / "m.json").read_text(encoding="utf-8"))
    assert len(data["notes"]) == 2
    return laptop, data


@pytest.fixture
def home(made, tmp_path) -> Path:
    shutil.copytree(made[0], tmp_path / "data")
    return tmp_path / "data"


def refused(capsys, home: Path, file: Path, *words: str) -> None:
    with Store.open(data_folder(home)) as store:
        before = snapshot(store)
    code, out, err = run(capsys, home, "markup", "import", str(file))
    assert code == 1, (out, err)
    assert out == "" and "Traceback" not in err
    (line,) = err.splitlines()
    assert line.startswith(f"panelbook: {file}: ")
    for word in words:
        assert word in line, line
    with Store.open(data_folder(home)) as store:
        assert snapshot(store) == before


def test_non_numeric_version(made, home, tmp_path, capsys):
    data = made[1] | {"version": "one"}
    file = tmp_path / "m.json"
    file.write_text(json.dumps(data), encoding="utf-8")
    refused(capsys, home, file, "version", "not a number")


@pytest.mark.parametrize("field", ["uid", "item", "updated_at"])
def test_a_note_missing_its_ids(made, home, tmp_path, capsys, field):
    data = json.loads(json.dumps(made[1]))
    del data["notes"][1][field]
    file = tmp_path / "m.json"
    file.write_text(json.dumps(data), encoding="utf-8")
    refused(capsys, home, file, "damaged", f"note 2 has no {field.replace('_', ' ')}")


def test_a_pdf_given_by_mistake(home, capsys):
    refused(capsys, home, REBUILT_PACK, "is a PDF, not a Panelbook markup file")


def test_not_text_and_not_json(home, tmp_path, capsys):
    binary = tmp_path / "m.bin"
    binary.write_bytes(bytes(range(256)) * 4)
    refused(capsys, home, binary, "not a Panelbook markup file")
    cut = tmp_path / "cut.json"
    cut.write_text('{"format": "panelbook-markup", "notes": [{"uid"', encoding="utf-8")
    refused(capsys, home, cut, "not JSON")


def test_a_missing_file(home, tmp_path, capsys):
    refused(capsys, home, tmp_path / "nowhere.json", "cannot be read")


def test_a_good_file_still_merges(made, home, tmp_path, capsys):
    file = tmp_path / "m.json"
    file.write_text(json.dumps(made[1]), encoding="utf-8")
    assert run(capsys, home, "markup", "import", str(file)) == (0, "Markup imported: 2 added, 0 updated.\n", "")
