"""Regression guard: PySide6 6.12.0 on Python 3.11 aborted ("none_dealloc") after
about 5,000 processEvents() calls; the pinned Qt must survive far more."""
import subprocess
import sys


def test_event_loop_survives_20000_process_events_calls():
    code = (
        "import os\n"
        "os.environ.setdefault('QT_QPA_PLATFORM', 'offscreen')\n"
        "from PySide6.QtWidgets import QApplication, QLabel\n"
        "app = QApplication([])\n"
        "label = QLabel('x'); label.show()\n"
        "for _ in range(20000):\n"
        "    QApplication.processEvents()\n"
        "print('survived')\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip() == "survived"
