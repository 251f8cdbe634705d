"""The operating system's keychain, the one place that holds the confidential store's key.

Every ``keyring`` call of Panelbook is here.  Only a keychain that keeps secrets
encrypted under the user's login is accepted: the Secret Service (GNOME Keyring,
KWallet) on Linux, the Keychain on macOS, the Credential Manager on Windows.  A
plaintext or "encrypted with a password in a file beside it" backend (``keyrings.alt``),
the null backend and keyring's ``fail`` backend (no keychain at all) are refused:
then confidential papers cannot be kept on this machine, and nothing confidential is
stored anywhere (the public parts keep working).
"""
from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager, suppress
from typing import Any

SERVICE = "Panelbook"
NO_KEYCHAIN = ("Confidential papers cannot be kept on this machine: no secure keychain "
               "(such as GNOME Keyring, the macOS Keychain or the Windows Credential Manager) is available.")

# The backends that keep secrets encrypted by the operating system.
_SECURE_MODULES = (
    "keyring.backends.SecretService",
    "keyring.backends.libsecret",
    "keyring.backends.kwallet",
    "keyring.backends.macOS",
    "keyring.backends.Windows",
)


class NoKeychain(Exception):
    """No secure keychain can be reached (none installed, none running, or only an insecure one)."""

    def __init__(self, detail: str | None = None):
        super().__init__(NO_KEYCHAIN if not detail else f"{NO_KEYCHAIN[:-1]} ({detail}).")


def _leaves(backend: Any) -> list[Any]:
    """The backends a chainer stands for, or the backend itself."""
    inner = getattr(backend, "backends", None)
    if inner is not None and type(backend).__name__ == "ChainerBackend":
        return list(inner)
    return [backend]


def is_secure(backend: Any) -> bool:
    """Whether ``backend`` (a keyring backend) is one of the operating system's own keychains."""
    leaves = _leaves(backend)
    return bool(leaves) and all(type(b).__module__.startswith(_SECURE_MODULES) for b in leaves)


def _backend() -> Any:
    import keyring

    backend = keyring.get_keyring()
    if not is_secure(backend):
        raise NoKeychain()
    return backend


@contextmanager
def _calling(action: str) -> Iterator[None]:
    """Run keyring calls; a keychain that is not running, locked or refusing is NoKeychain."""
    from keyring.errors import KeyringError

    try:
        yield
    except KeyringError as error:
        raise NoKeychain(f"the keychain refused to {action}: {str(error) or type(error).__name__}") from error


def available() -> bool:
    """Whether a secure keychain is there (it is not asked for anything)."""
    try:
        _backend()
    except NoKeychain:
        return False
    return True


def read_key(entry: str) -> str | None:
    """The secret kept under ``entry``, or None when the keychain holds none."""
    backend = _backend()
    with _calling("give the key"):
        value = backend.get_password(SERVICE, entry)
    return value if isinstance(value, str) else None


def write_key(entry: str, secret: str) -> None:
    """Keep ``secret`` under ``entry`` (replacing what was there), and check it reads back."""
    backend = _backend()
    with _calling("keep the key"):
        backend.set_password(SERVICE, entry, secret)
        stored = backend.get_password(SERVICE, entry)
    if stored != secret:
        raise NoKeychain("the keychain did not keep the key")


def delete_key(entry: str) -> None:
    """Remove the secret under ``entry`` (nothing when there is none)."""
    from keyring.errors import PasswordDeleteError

    backend = _backend()
    with _calling("remove the key"), suppress(PasswordDeleteError):
        backend.delete_password(SERVICE, entry)
