"""Run every benchmark and print one JSON object keyed by benchmark name.

Each ``benchmarks/<name>.py`` that has a ``main`` (apart from this runner and the
synthetic-archive builder) runs in its own process with ``--json``; its last
line of output is its figures.  A benchmark that fails or prints no JSON is
recorded as ``{"error": "..."}`` and the others still run.

    python benchmarks/run.py [--json] [--only NAME ...] [--timeout S] [-- ARGS for every benchmark]
    python benchmarks/run.py --scales 1 3 [--json] [--only NAME ...]

With ``--scales``, each benchmark that takes ``--scale`` runs once per scale
(scale 3: 30 committees x 10 years, three times the archive of scale 1), and
the one object holds the figures per scale and ``growth``: for every number
both runs printed, how many times larger it is at the last scale than at the
first, beside ``archive`` (how many times larger the archive is).  What a user
waits for should grow no faster than the archive.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
NOT_BENCHMARKS = {"run", "synthetic"}
_MAIN = re.compile(r"^def main\(", re.MULTILINE)


def discover() -> list[str]:
    """The names of the benchmarks in this folder, in name order."""
    return [path.stem for path in sorted(HERE.glob("*.py"))
            if path.stem not in NOT_BENCHMARKS and not path.stem.startswith("_")
            and _MAIN.search(path.read_text(encoding="utf-8"))]


def _last_json(stdout: str) -> dict[str, Any] | None:
    for line in reversed(stdout.strip().splitlines()):
        line = line.strip()
        if line.startswith("{"):
            try:
                value = json.loads(line)
            except ValueError:
                return None
            return value if isinstance(value, dict) else None
    return None


def run_one(name: str, extra: list[str], timeout: float) -> dict[str, Any]:
    """One benchmark's figures, or ``{"error": ...}`` saying why there are none."""
    env = {**os.environ}
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    started = time.perf_counter()
    try:
        done = subprocess.run([sys.executable, str(HERE / f"{name}.py"), "--json", *extra],
                              capture_output=True, text=True, timeout=timeout, env=env, cwd=HERE.parent)
    except subprocess.TimeoutExpired:
        return {"error": f"timed out after {timeout:.0f} s"}
    except OSError as error:
        return {"error": f"could not start: {error}"}
    figures = _last_json(done.stdout)
    if done.returncode != 0 or figures is None:
        lines = [line for line in done.stderr.strip().splitlines() if line.strip()]
        why = lines[-1] if lines else "no JSON output"
        return {"error": f"exit status {done.returncode}: {why}"}
    figures.setdefault("wall_s", round(time.perf_counter() - started, 2))
    return figures


def takes_scale(name: str) -> bool:
    """Whether the benchmark ``name`` has a ``--scale`` option."""
    return '"--scale"' in (HERE / f"{name}.py").read_text(encoding="utf-8")


def growth(first: dict[str, Any], last: dict[str, Any]) -> dict[str, Any]:
    """For each benchmark, ``last / first`` of every number both printed (bools and zeros left out)."""
    out: dict[str, Any] = {}
    for name, figures in last.items():
        before = first.get(name, {})
        ratios = {key: round(value / before[key], 2) for key, value in figures.items()
                  if isinstance(value, (int, float)) and not isinstance(value, bool)
                  and isinstance(before.get(key), (int, float)) and not isinstance(before.get(key), bool)
                  and before[key] and key != "wall_s"}
        if ratios:
            out[name] = ratios
    return out


def run_scales(names: list[str], scales: list[float], extra: list[str], timeout: float,
               quiet: bool) -> dict[str, Any]:
    """Every benchmark that takes ``--scale`` at each of ``scales``, and how its figures grow."""
    per_scale: dict[str, dict[str, Any]] = {}
    for scale in scales:
        results = {}
        for name in names:
            if not takes_scale(name):
                continue
            if not quiet:
                print(f"{name} at scale {scale:g} ...", file=sys.stderr, flush=True)
            results[name] = run_one(name, ["--scale", f"{scale:g}", *extra], timeout)
        per_scale[f"{scale:g}"] = results
    first, last = per_scale[f"{scales[0]:g}"], per_scale[f"{scales[-1]:g}"]
    out: dict[str, Any] = {"scales": per_scale, "growth": growth(first, last)}
    meetings = [r.get("desktop", {}).get("meetings") for r in (first, last)]
    if all(isinstance(m, int) and m for m in meetings):
        out["archive"] = round(meetings[1] / meetings[0], 2)
    return out


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    extra: list[str] = []
    if "--" in argv:
        extra = argv[argv.index("--") + 1:]
        argv = argv[:argv.index("--")]
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument("--only", nargs="+", metavar="NAME", help="run only these benchmarks")
    parser.add_argument("--timeout", type=float, default=1800, help="seconds allowed for each benchmark")
    parser.add_argument("--scales", nargs="+", type=float, metavar="S",
                        help="run the benchmarks that take --scale at each scale and print their growth")
    args = parser.parse_args(argv)
    names = discover()
    if args.only:
        unknown = sorted(set(args.only) - set(names))
        if unknown:
            parser.error(f"no benchmark named {', '.join(unknown)} (there are: {', '.join(names)})")
        names = [name for name in names if name in args.only]
    if args.scales:
        scaled = run_scales(names, args.scales, extra, args.timeout, args.json)
        if args.json:
            print(json.dumps(scaled))
        else:
            print(f"archive: x{scaled.get('archive', '?')}")
            for name, ratios in scaled["growth"].items():
                print(name)
                for key, value in ratios.items():
                    print(f"  {key}: x{value}")
        return 0
    results = {}
    for name in names:
        if not args.json:
            print(f"{name} ...", file=sys.stderr, flush=True)
        results[name] = run_one(name, extra, args.timeout)
    if args.json:
        print(json.dumps(results))
    else:
        for name, figures in results.items():
            print(name)
            for key, value in figures.items():
                if not isinstance(value, (dict, list)):
                    print(f"  {key}: {value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
