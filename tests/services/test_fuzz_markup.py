"""The markup importer fuzzed: a real markup file mutated as bytes and as JSON is
merged or refused with one MarkupError sentence, nothing else (the same
mutations as ``benchmarks/fuzz.py --markup``, derandomised so the suite repeats)."""
from __future__ import annotations

import json
import random
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from panelbook.paths import data_folder
from panelbook.services.sample import load_sample
from panelbook.store import Store
from testdata import REPO

sys.path.insert(0, str(REPO / "benchmarks"))
from fuzz import mutate
from fuzz_markup import classify, mutate_json, sample_markup

FUZZ = settings(max_examples=150, deadline=5000, derandomize=True, database=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])


@pytest.fixture(scope="module")
def store_and_file(tmp_path_factory):
    store = Store.open(data_folder(tmp_path_factory.mktemp("fuzz") / "data"))
    load_sample(store)
    data = sample_markup(store)
    yield store, data
    store.close()


def test_the_unmutated_file_merges(store_and_file):
    store, data = store_and_file
    assert classify(store, json.dumps(data).encode()) == ("read", None)


@FUZZ
@given(seed=st.integers(0, 2 ** 32))
def test_json_mutations_are_merged_or_refused_in_one_sentence(store_and_file, seed):
    store, data = store_and_file
    changed, ops = mutate_json(data, random.Random(seed))
    outcome, detail = classify(store, json.dumps(changed))
    assert outcome != "unexpected", (ops, detail)


@FUZZ
@given(seed=st.integers(0, 2 ** 32))
def test_byte_mutations_are_merged_or_refused_in_one_sentence(store_and_file, seed):
    store, data = store_and_file
    mutated, ops = mutate(json.dumps(data, indent=1).encode(), random.Random(seed))
    outcome, detail = classify(store, mutated)
    assert outcome != "unexpected", (ops, detail)


def test_a_pdf_is_refused(store_and_file):
    store, _ = store_and_file
    pdf = Path(REPO / "resources" / "sample" / "2024-08-08 agenda pack (rebuilt).pdf").read_bytes()
    assert classify(store, pdf) == ("refused", None)
