"""Mutated documents through ``sources.detect.read_document``: does anything escape?

The inputs start from the real documents (seeds 000-004, the ModernGov HTML,
XML and report PDF samples, and a short pack PDF made from seed 003) and are
truncated, byte-flipped, cut or repeated line by line, and spliced with junk
or with the markers readers look for.  The run is deterministic for a given
``--seed``.

An *unexpected error* is any exception other than UnreadableDocument, or an
UnreadableDocument that read_document made out of a reader's unforeseen
failure (it chains the cause).  Both must be 0.

    python benchmarks/fuzz.py [--json] [--inputs N] [--seed S] [--save DIR]
    python benchmarks/fuzz.py --junk [--json] [--junk-mb N]
    python benchmarks/fuzz.py --markup [--json] [--inputs N] [--seed S]

Figures: ``inputs``, ``unexpected_errors``, ``max_seconds`` (slowest single
input), ``max_rss_mb`` (peak memory of the whole run), and the mix of outcomes.

``--junk`` instead appends N MB (default 50) of random bytes, of prose and of
prose on one line to every source document, as when a user drops an odd file
on the window: each must be read or refused in one sentence, quickly.  It
prints the seconds and outcome per input, ``max_seconds``, and its floor
``decode_floor_s`` (decoding the largest such file as UTF-8, the least any
reader must do).

``--markup`` fuzzes markup files instead (``benchmarks/fuzz_markup.py``): a real
one mutated as bytes and as JSON, merged into a sample store; the only error
that may escape is MarkupError, in one line.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import resource
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from panelbook.model import UnreadableDocument
from panelbook.sources.detect import read_document

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))     # tools/, the developer tools
from fuzz_markers import MARKERS as READER_MARKERS  # noqa: E402

MARKERS = [
    *READER_MARKERS, b"<!DOCTYPE x>", b"%PDF-1.4\n", b"endobj", b"stream\n", b"xref\n", b"trailer",
]


def short_pack_pdf() -> bytes:
    """The 8 August 2024 pack (seed 003) rebuilt with its first two reports only:
    a real pack layout, small enough to read many times."""
    from tools.rebuild_pack import pack_pdf, pack_reports

    front, reports = pack_reports((SHARED / "seeds" / "003_41e7f3da12eebc0c.txt").read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory() as folder:
        return pack_pdf(front, reports[:2], Path(folder) / "short.pdf").read_bytes()


def corpus() -> dict[str, bytes]:
    """The documents mutations start from, by name."""
    docs = {p.name: p.read_bytes() for p in sorted((SHARED / "seeds").glob("00*.txt"))}
    for pattern in ("*.html", "*.xml", "*.pdf"):
        docs.update({p.name: p.read_bytes() for p in sorted((SHARED / "moderngov").glob(pattern))})
    docs["short pack.pdf"] = short_pack_pdf()
    return docs


def mutate(data: bytes, rng: random.Random) -> tuple[bytes, list[str]]:
    """One to six random mutations of ``data``; returns the result and what was done."""
    done = []
    for _ in range(rng.randint(1, 6)):
        kind = rng.choice(("truncate", "flip", "flip", "delete_lines", "repeat_lines", "insert", "insert"))
        at = rng.randint(0, len(data))
        if kind == "truncate":
            data = data[:at]
        elif kind == "flip" and data:
            at = min(at, len(data) - 1)
            for _ in range(rng.choice((1, 1, 4, 32))):
                spot = min(len(data) - 1, at + rng.randint(0, 256))
                data = data[:spot] + bytes([data[spot] ^ rng.randint(1, 255)]) + data[spot + 1:]
        elif kind in ("delete_lines", "repeat_lines"):
            lines = data.split(b"\n")
            start, count = rng.randint(0, len(lines)), rng.randint(1, 40)
            block = lines[start:start + count]
            times = 0 if kind == "delete_lines" else rng.randint(2, 5)
            data = b"\n".join(lines[:start] + block * times + lines[start + count:])
        elif kind == "insert":
            junk = rng.choice(MARKERS) if rng.random() < 0.7 else rng.randbytes(rng.randint(1, 64))
            data = data[:at] + junk + data[at:]
        done.append(f"{kind}@{at}")
    return data, done


def classify(data: bytes) -> tuple[str, str | None]:
    """("read", None), ("refused", None) or ("unexpected", what happened)."""
    try:
        read_document(data)
    except UnreadableDocument as error:
        cause = error.__cause__
        if cause is not None and not isinstance(cause, UnreadableDocument):
            return "unexpected", f"{type(cause).__name__}: {cause}"[:300]
        message = str(error)
        if not message.strip() or "\n" in message:
            return "unexpected", f"message is not one line: {message!r}"[:300]
        return "refused", None
    except Exception as error:  # noqa: BLE001 - that is what this benchmark counts
        return "unexpected", f"{type(error).__name__}: {error}"[:300]
    return "read", None


def run(inputs: int, seed: int, save: Path | None) -> dict[str, Any]:
    docs = corpus()
    names = list(docs)
    rng = random.Random(seed)
    counts = {"read": 0, "refused": 0, "unexpected": 0}
    examples: list[dict[str, Any]] = []
    slowest = (0.0, "")
    started = time.perf_counter()
    for number in range(inputs):
        name = names[number % len(names)]
        data, ops = mutate(docs[name], rng)
        began = time.perf_counter()
        outcome, detail = classify(data)
        seconds = time.perf_counter() - began
        counts[outcome] += 1
        if seconds > slowest[0]:
            slowest = (seconds, f"{name} {' '.join(ops)}")
        if outcome == "unexpected":
            digest = hashlib.sha256(data).hexdigest()[:12]
            if len(examples) < 10:
                examples.append({"source": name, "mutations": ops, "error": detail, "sha256": digest})
            if save:
                save.mkdir(parents=True, exist_ok=True)
                (save / f"{digest}-{name}").write_bytes(data)
    return {
        "inputs": inputs,
        "unexpected_errors": counts["unexpected"],
        "max_seconds": round(slowest[0], 3),
        "max_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "read": counts["read"],
        "refused": counts["refused"],
        "total_seconds": round(time.perf_counter() - started, 1),
        "slowest_input": slowest[1],
        "seed": seed,
        "sources": len(names),
        "examples": examples,
    }


def junk_kinds(size: int) -> dict[str, bytes]:
    """Junk to append: random bytes, prose lines, and the same prose as one line."""
    rng = random.Random(5)
    words = ("the council panel report member meeting scrutiny children families service budget plan "
             "review officer school care support young people local authority decision minutes").split()
    block = "".join(" ".join(rng.choice(words) for _ in range(rng.randint(6, 30))).capitalize() + ".\n"
                    for _ in range(600)).encode("ascii")
    prose = (block * (size // len(block) + 1))[:size]
    return {"random": rng.randbytes(size), "prose": prose, "one line": prose.replace(b"\n", b" ")}


def run_junk(megabytes: int) -> dict[str, Any]:
    docs = corpus()
    junk = junk_kinds(megabytes * 1024 * 1024)
    rows: list[dict[str, Any]] = []
    counts = {"read": 0, "refused": 0, "unexpected": 0}
    for name, data in docs.items():
        for kind, tail in junk.items():
            began = time.perf_counter()
            outcome, detail = classify(data + b"\n" + tail)
            seconds = time.perf_counter() - began
            counts[outcome] += 1
            rows.append({"input": name, "junk": kind, "seconds": round(seconds, 2), "outcome": outcome,
                         **({"error": detail} if detail else {})})
    largest = max(docs.values(), key=len) + b"\n" + junk["prose"]
    began = time.perf_counter()
    largest.decode("utf-8", errors="replace")
    floor = time.perf_counter() - began
    return {
        "junk_mb": megabytes,
        "inputs": len(rows),
        "unexpected_errors": counts["unexpected"],
        "max_seconds": max(row["seconds"] for row in rows),
        "decode_floor_s": round(floor, 3),
        "max_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "read": counts["read"],
        "refused": counts["refused"],
        "per_input": rows,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument("--inputs", type=int, default=1000, help="how many mutated documents (default 1000)")
    parser.add_argument("--seed", type=int, default=20240808, help="random seed (default 20240808)")
    parser.add_argument("--save", type=Path, help="write each input that failed unexpectedly into this folder")
    parser.add_argument("--junk", action="store_true", help="time documents with junk appended instead")
    parser.add_argument("--junk-mb", type=int, default=50, help="megabytes of junk to append (default 50)")
    parser.add_argument("--markup", action="store_true", help="fuzz markup files instead of documents")
    args, _ = parser.parse_known_args(argv)
    if args.markup:
        sys.path.insert(0, str(Path(__file__).resolve().parent))
        from fuzz_markup import run_markup

        figures = run_markup(args.inputs, args.seed)
        if args.json:
            print(json.dumps(figures))
        else:
            print(f"{figures['inputs']} markup files in {figures['total_seconds']} s: {figures['read']} merged, "
                  f"{figures['refused']} refused, {figures['unexpected_errors']} unexpected errors")
            for example in figures["examples"]:
                print(f"  {' '.join(example['mutations'])}: {example['error']}")
        return 1 if figures["unexpected_errors"] else 0
    if args.junk:
        figures = run_junk(args.junk_mb)
        if args.json:
            print(json.dumps(figures))
        else:
            for row in figures["per_input"]:
                print(f"{row['seconds']:6.2f} s  {row['outcome']:<10} {row['input']} + {args.junk_mb} MB {row['junk']}"
                      + (f": {row['error']}" if "error" in row else ""))
            print(f"slowest {figures['max_seconds']} s (floor: decoding the largest file "
                  f"{figures['decode_floor_s']} s); {figures['unexpected_errors']} unexpected errors")
        return 1 if figures["unexpected_errors"] else 0
    figures = run(args.inputs, args.seed, args.save)
    if args.json:
        print(json.dumps(figures))
    else:
        print(f"{figures['inputs']} inputs in {figures['total_seconds']} s: {figures['read']} read, "
              f"{figures['refused']} refused, {figures['unexpected_errors']} unexpected errors")
        print(f"slowest input {figures['max_seconds']} s ({figures['slowest_input']}); "
              f"peak memory {figures['max_rss_mb']} MB")
        for example in figures["examples"]:
            print(f"  {example['source']} {' '.join(example['mutations'])}: {example['error']}")
    return 1 if figures["unexpected_errors"] else 0


if __name__ == "__main__":
    sys.exit(main())
