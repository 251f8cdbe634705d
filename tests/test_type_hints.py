"""Every dataclass of the domain and of the readers has annotations that resolve.

With ``from __future__ import annotations`` an annotation is only a string
until someone asks for it: a name that was never imported goes unnoticed until
``typing.get_type_hints`` (or ``dataclasses`` tooling built on it) raises
NameError at run time.  Here every dataclass is asked.
"""
from __future__ import annotations

import dataclasses
import importlib
import pkgutil
import typing
from types import ModuleType

import pytest

import panelbook.model
import panelbook.sources


def _modules() -> list[ModuleType]:
    found = [panelbook.model]
    for info in pkgutil.iter_modules(panelbook.sources.__path__, "panelbook.sources."):
        found.append(importlib.import_module(info.name))
    return found


def _dataclasses() -> list[type]:
    seen: dict[str, type] = {}
    for module in _modules():
        for value in vars(module).values():
            if isinstance(value, type) and dataclasses.is_dataclass(value) and value.__module__ == module.__name__:
                seen[f"{value.__module__}.{value.__qualname__}"] = value
    return [seen[name] for name in sorted(seen)]


CLASSES = _dataclasses()


def test_the_domain_and_readers_have_dataclasses_to_check() -> None:
    names = {cls.__qualname__ for cls in CLASSES}
    # A few that must be there, from the model and from two readers.
    assert {"Meeting", "AgendaItem", "ParsedDocument", "Heading", "FrontSheet"} <= names


@pytest.mark.parametrize("cls", CLASSES, ids=lambda cls: f"{cls.__module__}.{cls.__qualname__}")
def test_annotations_resolve(cls: type) -> None:
    hints = typing.get_type_hints(cls)
    assert set(hints) >= {field.name for field in dataclasses.fields(cls)}
