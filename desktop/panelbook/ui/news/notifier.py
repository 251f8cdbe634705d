"""One notification a sync, over D-Bus through QtDBus where the desktop has a way, else a
message from the tray icon.  The in-app What's new list is always there too: tray messages
vanish on some desktops.

On D-Bus, the desktop portal's notifications first (``org.freedesktop.portal.Notification``,
``AddNotification(s, a{sv})``: GNOME, KDE and the other portal desktops), then the
notification server itself (``org.freedesktop.Notifications.Notify``).  PySide6 sends
Notify's replaces-id as a signed integer, which a server checking the argument types
refuses: the tray's message is then used instead.
"""
from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QSystemTrayIcon, QWidget

from panelbook.ui.common.icons import icon

SERVICE = "org.freedesktop.Notifications"
PATH = "/org/freedesktop/Notifications"
PORTAL = "org.freedesktop.portal.Desktop"
PORTAL_PATH = "/org/freedesktop/portal/desktop"
PORTAL_NOTIFICATION = "org.freedesktop.portal.Notification"
NOTIFICATION_ID = "panelbook-sync"         # one at a time: a new sync's replaces the last
TIMEOUT_MS = 10000


def summary_body(titles: list[str], news: int) -> str:
    """"3 new in What's new: Supplement 1, Printed minutes and 1 more"."""
    shown = titles[:2]
    more = news - len(shown)
    return f"{news} new in What's new: " + ", ".join(shown) + (f" and {more} more" if more > 0 else "") + "."


class Notifier(QObject):
    """``notify`` says which way the notification went: "dbus", "tray" or "" (none possible).

    The D-Bus call is made without waiting (the window never waits on it); a server that
    answers with an error (one that checks the arguments' types strictly refuses the
    replaces-id PySide6 sends as a signed integer) gets the tray's message instead.
    """

    def __init__(self, parent: QWidget):
        super().__init__(parent)
        self._tray: QSystemTrayIcon | None = None
        self._watchers: list[QObject] = []
        self.sent_by: list[str] = []            # how each notification went, for the tests

    def notify(self, title: str, body: str) -> str:
        way = "dbus" if self._over_dbus(title, body) else self._from_tray(title, body)
        self.sent_by.append(way)
        return way

    def _from_tray(self, title: str, body: str) -> str:
        if not QSystemTrayIcon.isSystemTrayAvailable():
            return ""
        if self._tray is None:
            self._tray = QSystemTrayIcon(icon("panelbook"), self)
            self._tray.setToolTip("Panelbook")
        self._tray.show()
        self._tray.showMessage(title, body, QSystemTrayIcon.MessageIcon.Information, TIMEOUT_MS)
        return "tray"

    def _over_dbus(self, title: str, body: str) -> bool:
        """The portal's AddNotification, else Notify(app_name, replaces_id, app_icon, summary, body,
        actions, hints, expire_timeout); False when there is no session bus with either on it."""
        try:
            from PySide6.QtDBus import QDBusConnection, QDBusMessage
        except ImportError:         # a Qt without D-Bus (Windows, macOS builds)
            return False
        bus = QDBusConnection.sessionBus()
        if not bus.isConnected():
            return False
        registered = bus.interface()
        startable = set(registered.activatableServiceNames().value() or [])    # started by the bus when called
        if registered.isServiceRegistered(PORTAL).value() or PORTAL in startable:
            message = QDBusMessage.createMethodCall(PORTAL, PORTAL_PATH, PORTAL_NOTIFICATION, "AddNotification")
            message.setArguments([NOTIFICATION_ID, {"title": title, "body": body}])
        elif registered.isServiceRegistered(SERVICE).value() or SERVICE in startable:
            from PySide6.QtCore import QMetaType
            from PySide6.QtDBus import QDBusArgument

            actions = QDBusArgument()           # an empty list of strings (a bare [] goes as variants)
            actions.beginArray(QMetaType(QMetaType.Type.QString))
            actions.endArray()
            message = QDBusMessage.createMethodCall(SERVICE, PATH, SERVICE, "Notify")
            message.setArguments(["Panelbook", 0, "panelbook", title, body, actions, {}, TIMEOUT_MS])
        else:
            return False
        self._send(bus, message, title, body)
        return True

    def _send(self, bus, message, title: str, body: str) -> None:
        """Sent without waiting; a refusal gets the tray's message instead."""
        from PySide6.QtDBus import QDBusPendingCallWatcher

        watcher = QDBusPendingCallWatcher(bus.asyncCall(message, 5000), self)
        self._watchers.append(watcher)

        def answered(call: QDBusPendingCallWatcher) -> None:
            if call.isError():
                self.sent_by[-1:] = [self._from_tray(title, body) or "refused"]
            self._watchers.remove(watcher)
            call.deleteLater()

        watcher.finished.connect(answered)
