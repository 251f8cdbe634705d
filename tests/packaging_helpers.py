"""Helpers for the packaging tests (imported as ``packaging_helpers``)."""
from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

REPO = Path(__file__).resolve().parents[1]
PACKAGING = REPO / "packaging"
METAINFO = PACKAGING / "linux" / "org.panelbook.Panelbook.metainfo.xml"


def load_packaging_module(relative: str) -> ModuleType:
    """A module of packaging/ by its path there (the folder is no package: `packaging` is PyPI's)."""
    path = PACKAGING / relative
    spec = importlib.util.spec_from_file_location(f"panelbook_packaging_{path.stem}", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
