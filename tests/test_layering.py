"""The layer rule: everything outside ``panelbook.ui`` stays free of Qt widgets."""
import ast
import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "desktop" / "panelbook"


def _core_modules() -> list[Path]:
    return [p for p in PACKAGE.rglob("*.py") if "ui" not in p.relative_to(PACKAGE).parts]


def test_core_source_never_imports_qt_widgets_or_the_ui():
    offenders = []
    for path in _core_modules():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module] + [f"{node.module}.{a.name}" for a in node.names]
            if any(n.startswith("PySide6.QtWidgets") for n in names):
                offenders.append(str(path.relative_to(PACKAGE)))
            if any(n.startswith("panelbook.ui") or n == ".ui" for n in names) and path.relative_to(PACKAGE).parts[0] != "cli":
                offenders.append(str(path.relative_to(PACKAGE)))
    assert offenders == []


def test_importing_every_core_module_loads_no_qt_widgets():
    modules = sorted(
        "panelbook." + ".".join(p.relative_to(PACKAGE).with_suffix("").parts).replace(".__init__", "")
        for p in _core_modules()
        if p.name != "__main__.py"
    )
    modules = [m if m != "panelbook.__init__" else "panelbook" for m in modules]
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "print('PySide6.QtWidgets' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    # QtPdf itself loads QtGui, which DESIGN allows in sources/; widgets never.
    assert out.stdout.strip() == "False"
