"""The architecture's contracts, read from the source with ``ast`` (nothing is imported).

Every ``import`` counts, wherever it is written: at the top, inside a function, under
``if TYPE_CHECKING:``, so a hidden import cannot slip past. The checks are plain functions over
a package folder, so ``tests/test_contracts.py`` runs them on ``desktop/panelbook`` and on small
synthetic packages that break each rule (a checker that cannot fail proves nothing).

- :func:`layer_violations`: imports that point the wrong way (see :data:`LAYER_RULES`);
- :func:`import_cycles`: strongly connected components of the module graph (a package's
  ``__init__`` is a module of its own);
- :func:`sql_outside_store`: SQL text in string literals, and ``.execute(`` / ``.executescript(``
  / ``.query(`` calls, outside ``store/``;
- :func:`long_modules`: modules over :data:`MAX_LINES` lines;
- :func:`network_outside_sync`: the network is reached from ``services/sync`` only (DESIGN).
"""
from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

MAX_LINES = 500

QT_WIDGETS = "PySide6.QtWidgets"


@dataclass(frozen=True)
class Module:
    """One module of the package: ``name`` is dotted (``panelbook.store`` for its ``__init__``)."""

    name: str
    path: Path
    is_package: bool

    @property
    def parts(self) -> tuple[str, ...]:
        """The name without the top package: ``("store", "health")``; ``()`` for the top."""
        return tuple(self.name.split(".")[1:])

    @property
    def layer(self) -> str:
        """The first folder under the top package (``store``), or ``core`` for a top-level module."""
        parts = self.parts
        if len(parts) >= 2 or (len(parts) == 1 and self.is_package):
            return parts[0]
        return "core"


@dataclass(frozen=True)
class Import:
    """``module`` imports ``target`` (a dotted name, as written once resolved) at ``line``."""

    module: Module
    target: str
    line: int

    def __str__(self) -> str:
        return f"{self.module.name}:{self.line} imports {self.target}"


def modules(package_dir: Path) -> dict[str, Module]:
    """Every ``.py`` file under ``package_dir``, by dotted name (the top package is the folder name)."""
    top = package_dir.name
    found: dict[str, Module] = {}
    for path in sorted(package_dir.rglob("*.py")):
        rel = path.relative_to(package_dir).with_suffix("")
        is_package = rel.name == "__init__"
        parts = rel.parts[:-1] if is_package else rel.parts
        name = ".".join((top, *parts))
        found[name] = Module(name, path, is_package)
    return found


def _tree(module: Module) -> ast.Module:
    return ast.parse(module.path.read_text(encoding="utf-8"), filename=str(module.path))


def _resolve(module: Module, level: int, name: str | None) -> str:
    """The absolute name of ``from <level dots><name> import ...`` written in ``module``."""
    if level == 0:
        return name or ""
    base = module.name.split(".")
    if not module.is_package:
        base = base[:-1]
    base = base[: len(base) - (level - 1)]
    return ".".join([*base, name] if name else base)


def imports(module: Module) -> Iterator[Import]:
    """Every import in ``module``, anywhere in its tree. ``from a import b`` names ``a.b``
    (which :func:`internal_target` maps to ``a`` when ``b`` is not a module)."""
    for node in ast.walk(_tree(module)):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield Import(module, alias.name, node.lineno)
        elif isinstance(node, ast.ImportFrom):
            source = _resolve(module, node.level, node.module)
            for alias in node.names:
                target = source if alias.name == "*" else f"{source}.{alias.name}"
                yield Import(module, target, node.lineno)


def internal_target(target: str, known: dict[str, Module]) -> Module | None:
    """The package module ``target`` names: itself, or the nearest enclosing module
    (``panelbook.store.Store`` is ``panelbook.store``); None for anything outside the package."""
    parts = target.split(".")
    while parts:
        found = known.get(".".join(parts))
        if found is not None:
            return found
        parts.pop()
    return None


def import_graph(known: dict[str, Module]) -> dict[str, set[str]]:
    """Module name -> the names of the package modules it imports (itself excluded)."""
    graph: dict[str, set[str]] = {name: set() for name in known}
    for module in known.values():
        for imp in imports(module):
            target = internal_target(imp.target, known)
            if target is not None and target.name != module.name:
                graph[module.name].add(target.name)
    return graph


# -- (a) layer direction ---------------------------------------------------------------------------

# For each layer (first folder under the package; "core" for model, paths, anchoring, tracker and the
# package's own __init__), what of the package it may import: whole layers, or single modules named
# by their path under the package ("model"). Anything not listed is refused.
_BELOW_SERVICES = {"core", "sources", "store", "exports"}
LAYER_RULES: dict[str, set[str]] = {
    "core": {"core"},
    "sources": {"sources", "model"},        # the domain model, not paths, anchoring or the tracker
    "store": {"core", "sources", "store"},
    "exports": {"core", "sources", "store", "exports"},
    "services": _BELOW_SERVICES | {"services"},
    # The command line parses and prints; its use cases are in services (ui only to open the window).
    "cli": {"core", "services", "cli", "ui"},
    "ui": _BELOW_SERVICES | {"services", "ui"},
}

# Single modules of a layer a layer may not import otherwise, by their path under the package
# (the module itself, not what is under it). The command line names the ``Store`` type its
# handlers are given from the store package's ``__init__`` (under TYPE_CHECKING); nothing else
# of store/, sources/ or exports/.
MODULE_ALLOWANCES: dict[str, set[str]] = {
    "cli": {"store"},
}


def _allowed(source: Module, target: Module) -> bool:
    rules = LAYER_RULES.get(source.layer, set())
    path = ".".join(target.parts)
    return target.layer in rules or path in rules or path in MODULE_ALLOWANCES.get(source.layer, set())


def layer_violations(package_dir: Path) -> list[str]:
    """Imports that point up or sideways against :data:`LAYER_RULES`, and any import of
    ``PySide6.QtWidgets`` outside ``ui/``: ``"panelbook.store.health:12 imports panelbook.ui.x"``."""
    known = modules(package_dir)
    found: list[str] = []
    for module in known.values():
        for imp in imports(module):
            if module.layer != "ui" and (imp.target == QT_WIDGETS or imp.target.startswith(QT_WIDGETS + ".")):
                found.append(str(imp))
                continue
            target = internal_target(imp.target, known)
            if target is not None and target.name != module.name and not _allowed(module, target):
                found.append(f"{module.name}:{imp.line} imports {target.name}")
    return sorted(set(found))


# -- (b) no cycles -------------------------------------------------------------------------------

def strongly_connected(graph: dict[str, set[str]]) -> list[list[str]]:
    """Tarjan's strongly connected components of ``graph``, each sorted (iterative: no recursion limit)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    components: list[list[str]] = []
    counter = 0
    for root in sorted(graph):
        if root in index:
            continue
        work: list[tuple[str, Iterator[str]]] = [(root, iter(sorted(graph[root])))]
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph.get(child, ())))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                components.append(sorted(component))
    return components


def import_cycles(package_dir: Path) -> list[tuple[str, ...]]:
    """Every group of modules that import each other, directly or round a loop."""
    graph = import_graph(modules(package_dir))
    return sorted(tuple(c) for c in strongly_connected(graph) if len(c) > 1)


# -- (c) SQL only in store/ -------------------------------------------------------------------------

# Written the way SQL is written in this code: keywords in capitals. English prose ("Select the
# file from ...") and docstrings naming a pragma are not matched.
SQL_PATTERNS = [
    re.compile(r"\bSELECT\b[\s\S]*\bFROM\b"),
    re.compile(r"\bINSERT\s+(?:OR\s+[A-Z]+\s+)?INTO\b"),
    re.compile(r"\bREPLACE\s+INTO\b"),
    re.compile(r"\bUPDATE\s+(?:OR\s+[A-Z]+\s+)?[\w{}\"]+\s+SET\b"),
    re.compile(r"\bDELETE\s+FROM\b"),
    re.compile(r"\bPRAGMA\s+\w+"),
    re.compile(r"\bCREATE\s+(?:TEMP\s+|VIRTUAL\s+|UNIQUE\s+)?(?:TABLE|INDEX|VIEW|TRIGGER)\b"),
    re.compile(r"\b(?:DROP|ALTER)\s+TABLE\b"),
]
SQL_CALLS = {"execute", "executemany", "executescript", "query"}


def _docstrings(tree: ast.Module) -> set[int]:
    """ids of the string constants that are docstrings (prose about SQL is allowed)."""
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                found.add(id(body[0].value))
    return found


def _literals(tree: ast.Module) -> Iterator[tuple[int, str]]:
    """(line, text) of every string literal; an f-string's parts are joined with ``{}`` between."""
    skip = _docstrings(tree)
    inside_fstrings: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.JoinedStr):
            pieces = []
            for value in node.values:
                inside_fstrings.add(id(value))
                pieces.append(value.value if isinstance(value, ast.Constant) else "{}")
            yield node.lineno, "".join(str(p) for p in pieces)
    for node in ast.walk(tree):
        if (isinstance(node, ast.Constant) and isinstance(node.value, str)
                and id(node) not in skip and id(node) not in inside_fstrings):
            yield node.lineno, node.value


def looks_like_sql(text: str) -> bool:
    return any(p.search(text) for p in SQL_PATTERNS)


def sql_in_module(module: Module) -> list[str]:
    """``"name:line: SQL text"`` and ``"name:line: .execute() call"`` findings in one module."""
    tree = _tree(module)
    found = [f"{module.name}:{line}: SQL text" for line, text in _literals(tree) if looks_like_sql(text)]
    for node in ast.walk(tree):
        if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                and node.func.attr in SQL_CALLS and (node.args or node.keywords)):
            found.append(f"{module.name}:{node.lineno}: .{node.func.attr}() call")
    return found


def sql_outside_store(package_dir: Path) -> dict[str, list[str]]:
    """Module name -> its SQL findings, for every module outside ``store/`` that has any."""
    found = {}
    for module in modules(package_dir).values():
        if module.layer != "store":
            hits = sql_in_module(module)
            if hits:
                found[module.name] = sorted(set(hits))
    return found


# -- network only in services/sync -----------------------------------------------------------------

# Modules (and Qt classes) that reach the network. A local socket between two copies of the app
# (QLocalServer, QLocalSocket) is not the network.
NETWORK_MODULES = ("urllib.request", "http.client", "socket", "ssl", "requests", "httpx", "aiohttp")
QT_NETWORK_CLASSES = ("QNetworkAccessManager", "QNetworkRequest", "QTcpSocket", "QUdpSocket", "QSslSocket")


def _reaches_network(target: str) -> bool:
    if any(target == m or target.startswith(m + ".") for m in NETWORK_MODULES):
        return True
    return target.startswith("PySide6.QtNetwork.") and target.rsplit(".", 1)[1] in QT_NETWORK_CLASSES


def network_outside_sync(package_dir: Path) -> list[str]:
    """Imports of the network anywhere but ``services/sync`` (a module, or a package of helpers)."""
    found = []
    for module in modules(package_dir).values():
        if not _is_sync(module):
            found += [str(imp) for imp in imports(module) if _reaches_network(imp.target)]
    return sorted(found)


def _is_sync(module: Module) -> bool:
    """``services/sync.py``, anything in a ``services/sync/`` package, or a ``services/sync_*.py`` helper."""
    parts = module.parts
    return parts[:2] == ("services", "sync") or (
        len(parts) == 2 and parts[0] == "services" and parts[1].startswith("sync_"))


# -- (d) small modules ---------------------------------------------------------------------------

def line_count(path: Path) -> int:
    return len(path.read_text(encoding="utf-8").splitlines())


def long_modules(package_dir: Path, limit: int = MAX_LINES) -> dict[str, int]:
    """Module name -> its number of lines, for every module longer than ``limit``."""
    return {m.name: n for m in modules(package_dir).values() if (n := line_count(m.path)) > limit}

