"""Every on-disk location Panelbook uses, in one place.

The data folder is the platform's user-data folder (platformdirs) unless
``--home DIR`` or the ``PANELBOOK_HOME`` environment variable names another.
Nothing here touches the disk at import time; callers ask for a folder and
``ensure`` creates it, readable by the user only.
"""
from __future__ import annotations

import contextlib
import os
from dataclasses import dataclass
from pathlib import Path

APP_NAME = "Panelbook"
ENV_HOME = "PANELBOOK_HOME"


@dataclass(frozen=True)
class DataFolder:
    """The layout of one data folder."""

    root: Path

    @property
    def database(self) -> Path:
        return self.root / "panelbook.sqlite3"

    @property
    def files(self) -> Path:
        """Imported documents, stored by the SHA-256 of their content."""
        return self.root / "files"

    @property
    def confidential_database(self) -> Path:
        """The encrypted store (SQLCipher) of confidential papers' pages, text, search entries and markup."""
        return self.root / "confidential.sqlcipher"

    @property
    def confidential_files(self) -> Path:
        """Confidential documents' files, each encrypted (AES-256-GCM) under its document id."""
        return self.root / "confidential-files"

    def confidential_file(self, document_id: int) -> Path:
        return self.confidential_files / f"document-{document_id}.pbenc"

    @property
    def backups(self) -> Path:
        return self.root / "backups"

    @property
    def errors_log(self) -> Path:
        """Where the window writes unexpected errors (with their tracebacks) for a bug report."""
        return self.root / "errors.log"

    def ensure(self) -> DataFolder:
        """Create the folder (mode 0700 on POSIX) and return self."""
        for folder in (self.root, self.files):
            folder.mkdir(parents=True, exist_ok=True)
            with contextlib.suppress(OSError):
                folder.chmod(0o700)
        return self


def data_folder(home: str | os.PathLike[str] | None = None) -> DataFolder:
    """The data folder: ``home`` if given, else $PANELBOOK_HOME, else the user-data folder."""
    if home:
        return DataFolder(Path(home).expanduser().resolve())
    env = os.environ.get(ENV_HOME)
    if env:
        return DataFolder(Path(env).expanduser().resolve())
    import platformdirs  # only here: a window started on a named folder does without it

    return DataFolder(Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)))


def recovery_folders(data_root: Path) -> list[Path]:
    """Where changes that could not be saved in the data folder are written instead, in the
    order to try: the user's state folder (platformdirs), then the temporary folder; a folder
    on another disk than the data folder's comes first (the data's disk may be the full one)."""
    import tempfile

    import platformdirs

    folders = [Path(platformdirs.user_state_dir(APP_NAME, appauthor=False)) / "unsaved",
               Path(tempfile.gettempdir()) / f"{APP_NAME.lower()}-unsaved"]
    inside = [f for f in folders if f.resolve().is_relative_to(data_root.resolve())]
    folders = [f for f in folders if f not in inside]
    return sorted(folders, key=lambda folder: _same_disk(folder, data_root))


def _same_disk(folder: Path, other: Path) -> bool:
    def device(path: Path) -> int | None:
        while not path.exists() and path != path.parent:
            path = path.parent
        try:
            return path.stat().st_dev
        except OSError:
            return None
    return device(folder) == device(other)


def resources_dir() -> Path:
    """The folder of fonts, icons and the sample panel.

    An installed copy (a wheel, ``pip install .``) carries it inside the package as
    ``panelbook/resources``: pyproject.toml maps the package ``panelbook.resources``
    onto the top-level ``resources/`` folder.  A source checkout, an editable
    install included, has it at the repository top, beside ``desktop/``.
    """
    package = Path(__file__).resolve().parent
    installed = package / "resources"
    if installed.is_dir():
        return installed
    return package.parents[1] / "resources"


def sample_dir() -> Path:
    """The sample panel's documents."""
    return resources_dir() / "sample"
