"""``panelbook confidential ...`` with a real keychain, and with none at all, as separate
processes (as a clerk's script runs them): each says one line and exits as documented."""
import json
import os
import re
import subprocess
import sys


def panelbook(home, *argv, env=None):
    done = subprocess.run([sys.executable, "-m", "panelbook.cli", "--home", str(home), *argv],
                          capture_output=True, text=True, env={**os.environ, **(env or {})}, timeout=120)
    return done.returncode, done.stdout, done.stderr


def test_setup_lock_unlock_and_status_from_the_command_line(tmp_path, keychain):
    home = tmp_path / "data"
    code, out, err = panelbook(home, "confidential", "status", "--json")
    assert code == 0, err
    assert json.loads(out)["status"] == "not_set_up"
    code, out, err = panelbook(home, "confidential", "setup")
    assert code == 0, err
    recovery = re.search(r"^\s+([A-Z2-7]{4}(?:-[A-Z2-7]{4}){13})$", out, re.M)
    assert recovery, out
    code, out, err = panelbook(home, "confidential", "lock")
    assert (code, err) == (0, "")
    assert json.loads(panelbook(home, "confidential", "status", "--json")[1]) | {"message": ""} == {
        "status": "locked", "locked_by_user": True, "message": ""}
    code, out, err = panelbook(home, "confidential", "unlock")
    assert (code, out, err) == (0, "Confidential papers are unlocked.\n", "")
    assert json.loads(panelbook(home, "confidential", "status", "--json")[1])["locked_by_user"] is False
    code, out, err = panelbook(home, "confidential", "setup")
    assert code == 1 and err == "panelbook: Confidential papers are already set up in this data folder.\n"


def test_a_mistyped_recovery_code_is_one_line(tmp_path, keychain):
    home = tmp_path / "data"
    assert panelbook(home, "confidential", "setup")[0] == 0
    code, out, err = panelbook(home, "confidential", "recover", "ABCD-EFGH")
    assert code == 1 and out == ""
    assert err.count("\n") == 1 and "groups of 4" in err


def test_with_no_keychain_setup_is_refused_in_one_sentence(tmp_path, no_keychain):
    home = tmp_path / "data"
    env = {"PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"}
    code, out, err = panelbook(home, "confidential", "setup", env=env)
    assert code == 1 and out == ""
    assert err == ("panelbook: Confidential papers cannot be kept on this machine: no secure keychain (such as "
                   "GNOME Keyring, the macOS Keychain or the Windows Credential Manager) is available.\n")
    code, out, err = panelbook(home, "confidential", "status", env=env)
    assert code == 0 and out.startswith("Confidential papers cannot be kept on this machine")
    assert not (home / "confidential.sqlcipher").exists()


def test_a_locked_store_hides_confidential_papers_and_says_how_to_unlock(tmp_path, keychain):
    from testdata import MODERNGOV

    home = tmp_path / "data"
    assert panelbook(home, "confidential", "setup")[0] == 0
    code, out, err = panelbook(home, "import", "--confidential", str(MODERNGOV / "ZebraCrossing.pdf"))
    assert code == 0, err
    assert "(confidential: kept encrypted)" in out
    assert "collisions" in panelbook(home, "search", "collisions")[1]
    assert panelbook(home, "confidential", "lock")[0] == 0

    code, out, err = panelbook(home, "search", "collisions")
    assert code == 0 and out == "No results for “collisions”.\n"
    assert err == ("panelbook: note: This search leaves out confidential papers: confidential papers are locked; "
                   "unlock them with `panelbook confidential unlock` (or the window's Unlock).\n")
    agenda = json.loads(panelbook(home, "agenda", "2026-01-15", "--json")[1])
    (item,) = agenda["items"]
    assert item["confidential"] and item["title"].startswith("Coombe Lane West Zebra Crossing")
    code, out, err = panelbook(home, "note", "add", "2026-01-15", str(item["id"]), "A thought on the survey")
    assert code == 1 and out == "" and err.count("\n") == 1 and "confidential unlock" in err
    code, out, err = panelbook(home, "import", "--confidential", str(MODERNGOV / "ZebraCrossing.pdf"))
    assert code == 1 and "locked" in err and err.count("\n") == 1

    assert panelbook(home, "confidential", "unlock")[0] == 0
    hits = json.loads(panelbook(home, "search", "collisions", "--json")[1])
    assert hits and all(h["confidential"] for h in hits)


def test_a_confidential_import_before_setting_up_or_without_a_keychain_is_refused(tmp_path, moderngov, no_keychain):
    home = tmp_path / "data"
    report = str(moderngov / "ZebraCrossing.pdf")
    env = {"PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"}
    code, out, err = panelbook(home, "import", "--confidential", report, env=env)
    assert code == 1 and out == ""
    assert err.startswith("panelbook: Confidential papers cannot be kept on this machine: no secure keychain")
    assert json.loads(panelbook(home, "meetings", "--json", env=env)[1]) == []
    assert not (home / "confidential-files").exists()
    # the public parts keep working
    code, out, err = panelbook(home, "import", report, env=env)
    assert code == 0, err


def test_a_confidential_import_before_setting_up_says_to_set_up(tmp_path, moderngov, keychain):
    home = tmp_path / "data"
    code, out, err = panelbook(home, "import", "--confidential", str(moderngov / "ZebraCrossing.pdf"))
    assert code == 1 and out == ""
    assert err == ("panelbook: Confidential papers are not set up in this data folder yet: "
                   "`panelbook confidential setup` creates their encrypted store and its key.\n")
