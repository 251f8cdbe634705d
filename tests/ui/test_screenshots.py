"""Each of the five places grabbed to PNG at 1280x800 and 1920x1080 (look at them: see
``python -m tools.screenshots``, which writes the same pictures to docs/screenshots)."""
from __future__ import annotations

import pytest
from PySide6.QtGui import QImage

from tools.screenshots import PLACE_NAMES, SIZES, grab_all, record_sample_news

pytestmark = pytest.mark.slow     # grabbing whole windows to PNG takes seconds


@pytest.fixture
def sample_folder(sample_folder):
    """The sample panel with What's new as the screenshots have it."""
    from panelbook.store import Store

    with Store.open(sample_folder) as store:
        record_sample_news(store)
    return sample_folder


def _colours(image: QImage) -> int:
    step = max(1, image.width() // 64)
    return len({image.pixel(x, y) for x in range(0, image.width(), step) for y in range(0, image.height(), step)})


def test_every_place_is_grabbed_at_both_sizes(qtbot, window, tmp_path):
    written = grab_all(window, tmp_path)
    assert [p.name for p in written] == [f"{name}-{w}x{h}.png" for w, h in SIZES for name in PLACE_NAMES]
    for path in written:
        image = QImage(str(path))
        width, height = (int(v) for v in path.stem.split("-")[1].split("x"))
        assert (image.width(), image.height()) == (width, height)
        assert _colours(image) > 8, f"{path.name} looks empty"


def test_the_meeting_picture_shows_the_reader_at_printed_page_11(qtbot, window, tmp_path):
    grab_all(window, tmp_path, sizes=[(1280, 800)])
    # grab_all leaves the search place last; the meeting state it showed is the sample item.
    reader = window.meeting.reader
    assert reader.page_label.text() == "Page 11 (PDF page 16 of 115)"
