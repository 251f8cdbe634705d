"""Mutated markup files through ``services.markup.import_markup``: does anything escape?

The inputs start from a real markup file (the sample panel with a note, a
question, a line of enquiry, a flag and a highlight, exported as
``panelbook markup export`` writes it) and are mutated two ways: as bytes
(``fuzz.mutate``: truncated, flipped, lines cut or repeated, junk spliced in)
and as JSON (a field of a record removed, or given a value of another type, a
list replaced, the version changed).  Each is merged into a store that holds the
sample panel.

An *unexpected error* is any exception other than MarkupError, or a MarkupError
whose message is not one line.  It must be 0.

    python benchmarks/fuzz.py --markup [--json] [--inputs N] [--seed S]
"""
from __future__ import annotations

import json
import random
import tempfile
import time
from pathlib import Path
from typing import Any

from panelbook.paths import data_folder
from panelbook.services import markup
from panelbook.services.sample import load_sample
from panelbook.store import Store, queries

ODD_VALUES: list[Any] = [None, "", "x", "one", -1, 0, 2 ** 63, 1.5, True, [], {}, [1], {"a": 1}, "2024-08-08"]


def sample_markup(store: Store) -> dict[str, Any]:
    """A real markup file with one of each kind of record, from the sample panel."""
    meeting = queries.resolve_meeting(store.db, "2024-08-08")
    item = queries.resolve_item(store.db, meeting, "8")
    markup.add_note(store, item, "Ask about handovers", who="Cllr Fuzz")
    markup.add_note(store, item, "Why so late?", question=True, who="Cllr Fuzz")
    markup.add_enquiry(store, item, "Line of enquiry", lead="Cllr Webb", who="Cllr Fuzz")
    markup.set_mark(store, item, flag="challenge", read=True, who="Cllr Fuzz")
    document = store.db.execute("SELECT document_id FROM pages WHERE item_id = ? LIMIT 1", (item,)).fetchone()
    if document:
        text = store.db.execute("SELECT idx, text FROM pages WHERE document_id = ? AND item_id = ? LIMIT 1",
                                (document[0], item)).fetchone()
        markup.add_highlight(store, document[0], text[0], 0, min(40, len(text[1])), who="Cllr Fuzz")
    data = markup.export_markup(store, who="Cllr Fuzz")
    data["deleted"] = [{"uid": "gone-elsewhere", "deleted_at": "2024-01-01T00:00:00"}]
    return data


def _odd(rng: random.Random, more: list[Any] | None = None) -> Any:
    """A fresh copy of one odd value (never shared, so records stay a tree)."""
    return json.loads(json.dumps(rng.choice(ODD_VALUES + (more or []))))


def mutate_json(data: dict[str, Any], rng: random.Random) -> tuple[dict[str, Any], list[str]]:
    """One to four structural changes to a copy of ``data``."""
    data = json.loads(json.dumps(data))
    done = []
    for _ in range(rng.randint(1, 4)):
        section = rng.choice(("notes", "marks", "highlights", "deleted", "top"))
        if section == "top":
            key = rng.choice(("version", "format", "notes", "marks", "highlights", "deleted"))
            data[key] = _odd(rng, ["panelbook-markup", 1, "1"])
            done.append(f"top.{key}")
            continue
        records = data.get(section)
        if not isinstance(records, list) or not records:
            continue
        at = rng.randrange(len(records))
        record = records[at]
        if not isinstance(record, dict) or not record or rng.random() < 0.1:
            records[at] = _odd(rng)
            done.append(f"{section}[{at}]=odd")
            continue
        key = rng.choice(sorted(record))
        if rng.random() < 0.4:
            del record[key]
            done.append(f"{section}[{at}].{key} removed")
        else:
            record[key] = _odd(rng)
            done.append(f"{section}[{at}].{key} changed")
    return data, done


def classify(store: Store, data: bytes | str) -> tuple[str, str | None]:
    """("read", None), ("refused", None) or ("unexpected", what happened)."""
    try:
        markup.import_markup(store, data)
    except markup.MarkupError as error:
        message = str(error)
        if not message.strip() or "\n" in message:
            return "unexpected", f"message is not one line: {message!r}"[:300]
        return "refused", None
    except Exception as error:  # noqa: BLE001 - that is what this benchmark counts
        return "unexpected", f"{type(error).__name__}: {error}"[:300]
    return "read", None


def run_markup(inputs: int, seed: int) -> dict[str, Any]:
    """Fuzz ``inputs`` markup files; the figures ``fuzz.py --markup`` prints."""
    from fuzz import mutate  # the byte mutations of the document fuzzer (benchmarks/ is on the path)

    rng = random.Random(seed)
    counts = {"read": 0, "refused": 0, "unexpected": 0}
    examples: list[dict[str, Any]] = []
    slowest = 0.0
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as folder, Store.open(data_folder(Path(folder))) as store:
        load_sample(store)
        original = sample_markup(store)
        for _ in range(inputs):
            if rng.random() < 0.5:
                changed, ops = mutate_json(original, rng)
                data = json.dumps(changed).encode()
            else:
                data, ops = mutate(json.dumps(original, indent=1).encode(), rng)
            began = time.perf_counter()
            outcome, detail = classify(store, data)
            slowest = max(slowest, time.perf_counter() - began)
            counts[outcome] += 1
            if outcome == "unexpected" and len(examples) < 10:
                examples.append({"mutations": ops, "error": detail})
    return {"inputs": inputs, "unexpected_errors": counts["unexpected"], "read": counts["read"],
            "refused": counts["refused"], "max_seconds": round(slowest, 3),
            "total_seconds": round(time.perf_counter() - started, 1), "seed": seed, "examples": examples}
