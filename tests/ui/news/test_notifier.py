"""The sync's notification over a real D-Bus session bus (a private one, dbus-run-session):
a desktop portal that checks the call against its real signature (AddNotification(s, a{sv}))
gets the notification; a notification server checking Notify's real signature
(susssasa{sv}i) refuses PySide6's signed replaces-id, and the notifier says so and falls back
(no tray on the offscreen platform)."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest

from testdata import REPO

pytestmark = pytest.mark.skipif(shutil.which("dbus-run-session") is None,
                                reason="dbus-run-session (the dbus package) is not installed")

PORTAL = '''
from PySide6.QtCore import QCoreApplication, QObject, QTimer, Slot
from PySide6.QtDBus import QDBusConnection

class Portal(QObject):
    @Slot(str, "QVariantMap")
    def AddNotification(self, ident, notification):
        print("portal", ident, notification["title"], "|", notification["body"], flush=True)

app = QCoreApplication([])
bus = QDBusConnection.sessionBus()
portal = Portal()
bus.registerObject("/org/freedesktop/portal/desktop", "org.freedesktop.portal.Notification", portal,
                   QDBusConnection.RegisterOption.ExportAllSlots)
bus.registerService("org.freedesktop.portal.Desktop")
print("ready", flush=True)
QTimer.singleShot(8000, app.quit)
app.exec()
'''

SERVER = '''
from PySide6.QtCore import QCoreApplication, QObject, QTimer, Slot
from PySide6.QtDBus import QDBusConnection

class Server(QObject):
    @Slot(str, "uint", str, str, str, "QStringList", "QVariantMap", int, result="uint")
    def Notify(self, app_name, replaces, icon, summary, body, actions, hints, timeout):
        print("server", summary, flush=True)
        return 1

app = QCoreApplication([])
bus = QDBusConnection.sessionBus()
server = Server()
bus.registerObject("/org/freedesktop/Notifications", "org.freedesktop.Notifications", server,
                   QDBusConnection.RegisterOption.ExportAllSlots)
bus.registerService("org.freedesktop.Notifications")
print("ready", flush=True)
QTimer.singleShot(8000, app.quit)
app.exec()
'''

CLIENT = '''
import subprocess, sys
from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication, QWidget

service = subprocess.Popen([sys.executable, "-c", sys.argv[1]], stdout=subprocess.PIPE, text=True)
assert service.stdout.readline().strip() == "ready"
app = QApplication([])
from panelbook.ui.news.notifier import Notifier
window = QWidget()
notifier = Notifier(window)
notifier.notify("Panelbook: what's new", "1 new in What's new: Supplement 1.")
loop = QEventLoop()
QTimer.singleShot(1500, loop.quit)
loop.exec()
print("sent_by", notifier.sent_by, flush=True)
service.kill()
print(service.stdout.read(), flush=True)
'''


def _run(service: str) -> str:
    env = {**os.environ, "PYTHONPATH": str(REPO / "desktop"), "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(["dbus-run-session", "--", sys.executable, "-c", CLIENT, service], capture_output=True,
                          text=True, env=env, timeout=60)
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_the_desktop_portal_gets_one_notification():
    out = _run(PORTAL)
    assert "sent_by ['dbus']" in out
    assert "portal panelbook-sync Panelbook: what's new | 1 new in What's new: Supplement 1." in out


def test_a_strict_notification_server_refuses_notify_and_the_notifier_says_so():
    out = _run(SERVER)
    assert "sent_by ['refused']" in out and "server " not in out
