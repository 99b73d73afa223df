"""A damaged warehouse file is named and refused; `govreport backup` / `restore` bring it back."""

from __future__ import annotations

import json
import os
import shutil

import duckdb
import pytest

from govreport.cli import main
from tests.test_analyst_readers import hold_read_write
from tests.test_cli_errors import one_line_error
from warehouse import connect, open_reader
from warehouse.backup import MANIFEST, BackupError, backup, restore
from warehouse.schema import CorruptWarehouseError

pytest_plugins = ["tests.analyst_fixtures"]

FACTS = "SELECT * FROM indicator_facts ORDER BY metric_id"
COMMENTS = ("SELECT table_name, column_name, comment FROM duckdb_columns() WHERE comment IS NOT NULL"
            " ORDER BY ALL")


def rows(path, sql: str) -> list[tuple]:
    with open_reader(path) as con:
        return con.execute(sql).fetchall()


@pytest.fixture
def copy_of(analyst_warehouse, tmp_path):
    """A function giving a copy of the sample warehouse at a new path."""
    def make(name: str = "copy.duckdb"):
        target = tmp_path / name
        shutil.copy(analyst_warehouse, target)
        return target
    return make


@pytest.mark.parametrize("cut", [0.5, 0.9, 0.1])
def test_a_truncated_file_never_answers(copy_of, cut):
    path = copy_of()
    os.truncate(path, int(path.stat().st_size * cut))
    for read_only in (True, False):
        with pytest.raises(CorruptWarehouseError, match=rf"warehouse {path} is damaged .*govreport restore"):
            connect(path, read_only=read_only).close()


def test_overwritten_files_are_named_as_damaged(copy_of):
    header, blocks, other = copy_of("header.duckdb"), copy_of("blocks.duckdb"), copy_of("other.duckdb")
    with open(header, "r+b") as handle:
        handle.write(b"\0" * 64)
    with open(blocks, "r+b") as handle:  # every data block, headers kept
        handle.seek(3 * 4096)
        handle.write(os.urandom(blocks.stat().st_size - 3 * 4096))
    other.write_text("SQLite format 3 — or any file copied over the warehouse", encoding="utf-8")
    for path in (header, blocks, other):
        with pytest.raises(CorruptWarehouseError, match=f"warehouse {path} is damaged"):
            with open_reader(path) as con:
                for (table,) in con.execute("SELECT table_name FROM duckdb_tables()").fetchall():
                    con.execute(f'SELECT * FROM "{table}"').fetchall()


def test_backup_and_restore_into_a_fresh_file(analyst_warehouse, tmp_path, capsys):
    folder = tmp_path / "backup"
    assert main(["backup", str(folder), "--warehouse", str(analyst_warehouse)]) == 0
    assert f"to {folder}" in capsys.readouterr().out
    manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    assert manifest["rows"]["metrics"] > 400 and manifest["schema_version"] >= 3

    fresh = tmp_path / "fresh" / "restored.duckdb"
    assert main(["restore", str(folder), "--warehouse", str(fresh)]) == 0
    assert "restored" in capsys.readouterr().out
    assert rows(fresh, FACTS) == rows(analyst_warehouse, FACTS)
    assert rows(fresh, COMMENTS) == rows(analyst_warehouse, COMMENTS)
    assert rows(fresh, "SELECT * FROM schema_version") == rows(analyst_warehouse, "SELECT * FROM schema_version")
    assert main(["search", "低保", "--limit", "3", "--warehouse", str(fresh)]) == 0


def test_the_backup_folder_imports_in_plain_duckdb_after_a_move(analyst_warehouse, tmp_path):
    backup(analyst_warehouse, tmp_path / "first")
    moved = shutil.move(tmp_path / "first", tmp_path / "moved")
    con = duckdb.connect(str(tmp_path / "plain.duckdb"))
    con.execute(f"IMPORT DATABASE '{moved}'")
    assert con.execute("SELECT count(*) FROM indicator_yoy").fetchall() == \
        rows(analyst_warehouse, "SELECT count(*) FROM indicator_yoy")
    con.close()


def test_restore_refuses_to_replace_a_warehouse_without_force(analyst_warehouse, copy_of, tmp_path, capsys):
    folder = tmp_path / "backup"
    backup(analyst_warehouse, folder)
    live = copy_of()
    before = live.read_bytes()
    line = one_line_error(capsys, ["restore", str(folder), "--warehouse", str(live)])
    assert f"{live} exists" in line and "--force" in line
    assert live.read_bytes() == before


def test_restore_with_force_replaces_a_damaged_warehouse(analyst_warehouse, copy_of, tmp_path, capsys):
    folder = tmp_path / "backup"
    backup(analyst_warehouse, folder)
    broken = copy_of()
    os.truncate(broken, broken.stat().st_size // 3)
    (tmp_path / "copy.duckdb.wal").write_bytes(b"a stale log of the old file")
    assert main(["restore", str(folder), "--warehouse", str(broken), "--force"]) == 0
    assert rows(broken, FACTS) == rows(analyst_warehouse, FACTS)
    assert not (tmp_path / "copy.duckdb.wal").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["backup", "copy.duckdb"]  # nothing left over


def test_restore_with_force_waits_for_no_one(analyst_warehouse, copy_of, tmp_path, capsys):
    folder = tmp_path / "backup"
    backup(analyst_warehouse, folder)
    live = copy_of()
    before = live.read_bytes()
    writer = hold_read_write(live, seconds=30)
    try:
        line = one_line_error(capsys, ["restore", str(folder), "--warehouse", str(live), "--force"])
    finally:
        writer.kill()
        writer.wait()
    assert "open in another process" in line and live.read_bytes() == before


def test_backup_needs_a_new_folder_and_restore_a_backup(analyst_warehouse, tmp_path, capsys):
    taken = tmp_path / "taken"
    taken.mkdir()
    (taken / "notes.txt").write_text("mine", encoding="utf-8")
    assert "not an empty folder" in one_line_error(capsys, ["backup", str(taken), "--warehouse", str(analyst_warehouse)])
    line = one_line_error(capsys, ["restore", str(taken), "--warehouse", str(tmp_path / "new.duckdb")])
    assert "not a backup made by govreport backup" in line and not (tmp_path / "new.duckdb").exists()


def test_a_backup_of_a_damaged_file_fails_and_leaves_nothing(copy_of, tmp_path):
    path = copy_of()
    with open(path, "r+b") as handle:
        handle.seek(3 * 4096)
        handle.write(os.urandom(path.stat().st_size - 3 * 4096))
    with pytest.raises(CorruptWarehouseError):
        backup(path, tmp_path / "backup")
    assert not (tmp_path / "backup").exists() or not any((tmp_path / "backup").iterdir())


def test_a_restore_whose_rows_do_not_match_the_manifest_keeps_the_old_file(analyst_warehouse, copy_of, tmp_path):
    folder = tmp_path / "backup"
    backup(analyst_warehouse, folder)
    manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    manifest["rows"]["metrics"] += 1
    (folder / MANIFEST).write_text(json.dumps(manifest), encoding="utf-8")
    live = copy_of()
    before = live.read_bytes()
    with pytest.raises(BackupError, match="incomplete or damaged"):
        restore(folder, live, force=True)
    assert live.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["backup", "copy.duckdb"]
