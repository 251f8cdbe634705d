"""A real, private Secret Service for the tests: a D-Bus session bus of its own and
gnome-keyring-daemon on it, with a login keyring unlocked by a password fed on stdin (as
``dbus-run-session`` + ``gnome-keyring-daemon --unlock --components=secrets`` do in CI).

Started once per test session (``tests/conftest.py``); the user's own keychain and session
bus are never touched.  ``missing()`` names what is not installed, so a test can be skipped
with the reason where the binaries are absent (CI installs them, so there they run).
"""
from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

BINARIES = ("dbus-daemon", "gnome-keyring-daemon")
PASSWORD = b"panelbook-test-keyring"


def missing() -> list[str]:
    return [name for name in BINARIES if shutil.which(name) is None]


@dataclass
class SecretService:
    address: str          # DBUS_SESSION_BUS_ADDRESS of the private bus
    bus_pid: int
    keyring: subprocess.Popen[bytes]
    root: Path

    def env(self) -> dict[str, str]:
        """What a child process needs in its environment to reach this keychain."""
        return {"DBUS_SESSION_BUS_ADDRESS": self.address, "XDG_RUNTIME_DIR": str(self.root / "run")}

    def stop(self) -> None:
        if self.keyring.poll() is None:
            self.keyring.terminate()
            try:
                self.keyring.wait(5)
            except subprocess.TimeoutExpired:
                self.keyring.kill()
        with contextlib.suppress(ProcessLookupError):
            os.kill(self.bus_pid, signal.SIGTERM)


def start(root: Path) -> SecretService:
    """Start a private bus and an unlocked gnome-keyring on it, its files under ``root``."""
    run, home = root / "run", root / "home"
    for folder in (run, home / ".local" / "share", home / ".config"):
        folder.mkdir(parents=True, exist_ok=True)
    run.chmod(0o700)
    env = {**os.environ, "HOME": str(home), "XDG_RUNTIME_DIR": str(run),
           "XDG_DATA_HOME": str(home / ".local" / "share"), "XDG_CONFIG_HOME": str(home / ".config")}
    env.pop("DBUS_SESSION_BUS_ADDRESS", None)
    bus = subprocess.run(["dbus-daemon", "--session", "--fork", "--nopidfile", "--print-address=1",
                          "--print-pid=1"], env=env, capture_output=True, check=True, timeout=30)
    address, pid = bus.stdout.decode().split()[:2]
    env["DBUS_SESSION_BUS_ADDRESS"] = address
    # --foreground keeps the daemon our child, so that it is ended by its pid, never by name.
    daemon = subprocess.Popen(["gnome-keyring-daemon", "--foreground", "--unlock", "--components=secrets"],
                              env=env, stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    assert daemon.stdin is not None
    daemon.stdin.write(PASSWORD)
    daemon.stdin.close()
    service = SecretService(address, int(pid), daemon, root)
    if not _answers(address):
        service.stop()
        raise RuntimeError("gnome-keyring-daemon did not come up on the private session bus")
    return service


def _answers(address: str, timeout_s: float = 15.0) -> bool:
    """Whether the Secret Service answers on the bus (the daemon takes a moment to register)."""
    from jeepney import DBusAddress, new_method_call
    from jeepney.io.blocking import open_dbus_connection

    deadline = time.monotonic() + timeout_s
    target = DBusAddress("/org/freedesktop/secrets", bus_name="org.freedesktop.secrets",
                         interface="org.freedesktop.DBus.Peer")
    while time.monotonic() < deadline:
        try:
            with open_dbus_connection(bus=address) as conn:
                conn.send_and_get_reply(new_method_call(target, "Ping"), timeout=2)
            return True
        except Exception:  # noqa: BLE001 - not up yet (no such name, connection refused): ask again
            time.sleep(0.1)
    return False
