"""sqlite-utils' table writes nest inside the store's own transaction (as savepoints in
sqlite-utils 4): they land with it, or go with its rollback, and never commit on their own."""
import pytest

from panelbook.store import markup as markup_store, transaction


def test_a_table_write_rolls_back_with_the_store_transaction(store):
    with pytest.raises(RuntimeError), transaction(store.db):
        markup_store.save_profile(store.db, "Cllr Webb", "chair")
        assert store.db.conn.in_transaction          # sqlite-utils did not commit it on its own
        assert markup_store.profile_row(store.db, "Cllr Webb") == {"name": "Cllr Webb", "role": "chair"}
        raise RuntimeError("something later in the same unit of work failed")
    assert markup_store.profile_row(store.db, "Cllr Webb") is None
    assert store.setting("profile_name") is None


def test_a_table_write_lands_when_the_store_transaction_commits(store):
    with transaction(store.db):
        markup_store.save_profile(store.db, "Cllr Webb", "chair")
        markup_store.save_profile(store.db, "Cllr Webb", "councillor")   # the role is replaced, not added
    assert not store.db.conn.in_transaction
    assert markup_store.profile_row(store.db, "Cllr Webb") == {"name": "Cllr Webb", "role": "councillor"}
    assert store.setting("profile_name") == "Cllr Webb"
    assert store.db.execute("SELECT count(*) FROM profiles").fetchone()[0] == 1
