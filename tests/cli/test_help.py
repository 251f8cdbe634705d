"""Every sub-command's ``--help``, walked from the real parser and read from a real process:
it says what the command does, names each of its arguments with a description, and gives an
example that the parser itself accepts."""
from __future__ import annotations

import argparse
import os
import shlex
import subprocess
import sys

import pytest

from panelbook.cli.parser import build_parser
from testdata import REPO


def _walk(parser: argparse.ArgumentParser, path: tuple[str, ...] = ()):
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, child in action.choices.items():
                yield (*path, name), child
                yield from _walk(child, (*path, name))


COMMANDS = list(_walk(build_parser()))


def test_the_walk_finds_every_command():
    names = {" ".join(path) for path, _ in COMMANDS}
    assert {"meetings", "search", "recs set", "recs changes", "note add", "markup import", "export ics",
            "backup", "restore", "news", "follow", "sync", "edit meeting", "edit item", "edit merge", "edit split",
            "edit undo", "edit history", "confidential setup", "confidential recover"} <= names
    assert len(names) == 40


def _help(path: tuple[str, ...]) -> str:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(REPO / "desktop"), os.environ.get("PYTHONPATH", "")]),
           "COLUMNS": "100"}
    done = subprocess.run([sys.executable, "-m", "panelbook.cli", *path, "--help"], capture_output=True,
                          text=True, env=env, timeout=60)
    assert done.returncode == 0, done.stderr
    return done.stdout


@pytest.mark.parametrize(("path", "parser"), COMMANDS, ids=[" ".join(p) for p, _ in COMMANDS])
def test_every_command_says_what_it_does_its_arguments_and_an_example(path, parser):
    text = _help(path)
    assert text.startswith(f"usage: panelbook {' '.join(path)}")
    description = parser.description or ""
    assert len(description.split()) >= 4 and description in " ".join(text.split())
    for action in parser._actions:
        if isinstance(action, argparse._HelpAction):
            continue
        if isinstance(action, argparse._SubParsersAction):      # its commands, each listed with a line
            listed = {choice.dest: choice.help for choice in action._choices_actions}
            assert set(listed) == set(action.choices) and all(listed.values()), (path, listed)
            assert all(name in text for name in action.choices)
            continue
        assert action.help and len(action.help.split()) >= 2, (path, action.dest)
    assert "\nexample" in text
    examples = [line.strip() for line in text.split("\nexample", 1)[1].splitlines()[1:] if line.strip()]
    assert examples and all(e.startswith(f"panelbook {' '.join(path)}") for e in examples)
    for example in examples:
        words = shlex.split(example)[1:]
        build_parser().parse_args(words)      # argparse exits (SystemExit) on an example it refuses
