"""One running desktop per data folder.

The first ``panelbook`` on a data folder holds a lock file for as long as it
runs, and listens on a local socket (a named pipe on Windows) whose name is a
hash of the user and the folder's path.  A second launch on the same folder
finds the lock held, connects, hands over the files it was given (to import),
waits for the running window to say it has them, and exits: the running
window imports them and comes to the front.

- Taking the lock is atomic, so of two launches at the same moment one becomes
  the running copy and the other hands over to it.
- A copy that crashed leaves a lock naming a process that is gone; Qt treats
  that lock as stale and the next start takes it.  A socket left behind refuses
  connections; it is removed and the new copy listens in its place.  A crash
  never blocks the next start.
- The running copy starts listening once its window is on screen (the socket
  library is not needed for the first paint); a launch that arrives in between
  keeps trying to connect for a few seconds.
- If the lock or the socket cannot be made at all, the desktop still starts
  (without the hand-over) rather than refusing to open.
"""
from __future__ import annotations

import getpass
import os
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QCryptographicHash, QDeadlineTimer, QDir, QLockFile, QObject, QThread, Signal

from panelbook.paths import DataFolder

if TYPE_CHECKING:
    from PySide6.QtNetwork import QLocalServer, QLocalSocket

CONNECT_MS = 8000       # how long a second launch waits for the running copy to listen
RETRY_MS = 100
ANSWER_MS = 10000
MAX_MESSAGE = 1 << 20


class NotAnswering(Exception):
    """Another copy holds the data folder but did not take the hand-over."""


def _user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # noqa: BLE001 - no login name in some service environments
        return str(os.getuid()) if hasattr(os, "getuid") else "user"


def server_name(folder: DataFolder) -> str:
    """The local socket's name for ``folder`` (the same for every spelling of its path)."""
    path = str(Path(folder.root).expanduser().resolve())
    # Qt's hash rather than hashlib: the running copy starts without loading OpenSSL.
    key = QByteArray(f"{_user()}\0{path}".encode("utf-8", "surrogateescape"))
    digest = bytes(QCryptographicHash.hash(key, QCryptographicHash.Algorithm.Sha256).toHex().data()).decode()[:24]
    return f"panelbook-{digest}"


def _encode(files: list[str]) -> bytes:
    import json  # only a launch that hands over, or a copy that is handed to, needs it

    return json.dumps({"files": files}).encode() + b"\n"


def _decode(data: bytes) -> list[str]:
    import json

    try:
        message = json.loads(data.decode("utf-8"))
        files = message.get("files", []) if isinstance(message, dict) else []
    except (UnicodeDecodeError, ValueError):
        return []
    return [f for f in files if isinstance(f, str)]


class SingleInstance(QObject):
    """The running copy's end of the hand-over; ``files_received(list[str])`` when
    a later launch hands over its files (an empty list: just come to the front)."""

    files_received = Signal(list)

    def __init__(self, folder: DataFolder, parent: QObject | None = None):
        super().__init__(parent)
        self.name = server_name(folder)
        self.lock_path = os.path.join(QDir.tempPath(), f"{self.name}.running")
        self.server: QLocalServer | None = None
        self._running: QLockFile | None = None
        self._buffers: dict[QLocalSocket, bytes] = {}

    def claim(self, files: Sequence[str] = ()) -> bool:
        """Become the running copy for the folder and return True (then call
        ``listen``); or, if another copy is running, hand ``files`` over to it
        and return False.

        Raises NotAnswering when a copy is there but does not take the files."""
        lock = QLockFile(self.lock_path)
        lock.setStaleLockTime(0)        # stale only when its process has gone, however old
        if lock.tryLock(0):
            self._running = lock
            return True
        if lock.error() != QLockFile.LockError.LockFailedError:
            return True                 # no lock can be made here: start without the hand-over
        if self._hand_over(list(files)):
            return False
        raise NotAnswering("Panelbook is already open on this data folder but is not answering; "
                           "close it (or wait for it to finish what it is doing) and try again.")

    def _hand_over(self, files: list[str]) -> bool:
        from PySide6.QtNetwork import QLocalSocket

        socket = QLocalSocket()
        deadline = QDeadlineTimer(CONNECT_MS)
        while True:
            socket.connectToServer(self.name)
            if socket.waitForConnected(min(1000, max(1, deadline.remainingTime()))):
                break
            socket.abort()
            if deadline.hasExpired():
                return False
            QThread.msleep(RETRY_MS)        # the running copy may not be listening yet
        socket.write(QByteArray(_encode([str(Path(f).expanduser().resolve()) for f in files])))
        socket.flush()
        answer = b""
        while b"\n" not in answer:
            if not socket.waitForReadyRead(ANSWER_MS):
                break
            answer += bytes(socket.readAll().data())
        socket.abort()
        return answer.startswith(b"ok")

    def listen(self) -> None:
        """Take hand-overs from later launches (the running copy, after its first paint)."""
        if self.server is not None:
            return
        from PySide6.QtNetwork import QLocalServer

        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        if not server.listen(self.name):
            # This copy holds the lock, so whatever holds the name is left from a crash.
            QLocalServer.removeServer(self.name)
            if not server.listen(self.name):
                server.deleteLater()
                return
        server.newConnection.connect(self._accept)
        self.server = server

    @property
    def listening(self) -> bool:
        return self.server is not None and self.server.isListening()

    def _accept(self) -> None:
        while self.server is not None and self.server.hasPendingConnections():
            socket = self.server.nextPendingConnection()
            self._buffers[socket] = b""
            socket.readyRead.connect(lambda s=socket: self._read(s))
            socket.disconnected.connect(lambda s=socket: self._drop(s))
            if socket.bytesAvailable():
                self._read(socket)

    def _read(self, socket: QLocalSocket) -> None:
        if socket not in self._buffers:
            return
        data = self._buffers[socket] + bytes(socket.readAll().data())
        if b"\n" not in data and len(data) < MAX_MESSAGE:
            self._buffers[socket] = data
            return
        del self._buffers[socket]
        files = _decode(data.split(b"\n", 1)[0])
        socket.write(QByteArray(b"ok\n"))
        socket.flush()
        socket.disconnectFromServer()
        self.files_received.emit(files)

    def _drop(self, socket: QLocalSocket) -> None:
        self._buffers.pop(socket, None)
        socket.deleteLater()

    def close(self) -> None:
        if self.server is not None:
            self.server.close()
            self.server = None
        if self._running is not None:
            self._running.unlock()
            self._running = None
