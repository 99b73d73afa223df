"""One file never loses the batch: names that are not UTF-8, unreadable files and folders,
files that vanish between listing and hashing each end as a `failed` row with their reason,
and the rest of the batch loads."""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import duckdb

from conftest import ROOT, SAMPLES
from orchestration.inbox import hash_files, list_report_files, printable_path

GBK_NAME = "民政局工作总结.txt".encode("gbk")  # as an archive made on Windows names it


def test_printable_path_keeps_every_byte_of_a_gbk_name(tmp_path):
    path = os.path.join(os.fsencode(tmp_path), GBK_NAME).decode("utf-8", "surrogateescape")
    printable = printable_path(path)
    printable.encode("utf-8")  # any UTF-8 store takes it
    assert "\\x" in printable and printable.startswith(str(tmp_path))
    escaped = printable[len(str(tmp_path)) + 1:]
    # bytes that happen to form UTF-8 stay characters, the others are \xNN: both give the bytes back
    pieces = re.split(r"(\\x[0-9a-f]{2})", escaped)
    restored = b"".join(bytes([int(p[2:], 16)]) if re.fullmatch(r"\\x[0-9a-f]{2}", p) else p.encode("utf-8")
                        for p in pieces)
    assert restored == GBK_NAME


def test_hashing_reports_each_bad_file_and_hashes_the_rest(tmp_path):
    good = tmp_path / "good.txt"
    shutil.copy(SAMPLES / "santai-2023.txt", good)
    (tmp_path / "vanishing.txt").write_text("将被删除", encoding="utf-8")
    gbk = os.path.join(os.fsencode(tmp_path), GBK_NAME)
    shutil.copy(SAMPLES / "wujiang-2022.txt", gbk)
    listing = list_report_files([tmp_path])
    assert len(listing.files) == 3 and not listing.failures
    (tmp_path / "vanishing.txt").unlink()  # gone between listing and hashing

    hashed, memo = hash_files(listing.files)
    by_name = {Path(f.path).name: f for f in hashed}
    assert by_name["good.txt"].sha256 and by_name["good.txt"].error is None
    assert by_name["vanishing.txt"].sha256 is None and "vanished" in by_name["vanishing.txt"].error
    gbk_entry = next(f for f in hashed if "\\x" in f.path)
    assert gbk_entry.sha256 is None and "not UTF-8" in gbk_entry.error and "民政局工作总结.txt" in gbk_entry.error
    json.dumps(memo, ensure_ascii=False).encode("utf-8")  # the sensor's cursor stores it


def test_listing_skips_a_reports_metadata_sidecar_but_not_a_lone_json(tmp_path):
    """r001.meta.json beside r001.txt is what the page showed, not a report; a JSON file
    with no report beside it is listed, so that reading it ends with its reason."""
    for name in ("r001.txt", "r001.meta.json", "r002.html", "r002.meta.json", "lone.meta.json"):
        (tmp_path / name).write_text("{}", encoding="utf-8")
    names = sorted(Path(f).name for f in list_report_files([tmp_path]).files)
    assert names == ["lone.meta.json", "r001.txt", "r002.html"]


def _without_read_override() -> list[str]:
    """A command prefix that takes from root the capabilities to read any file whatever its
    mode (util-linux's setpriv), so that a mode-000 file is unreadable as for anyone else."""
    if os.geteuid() != 0:
        return []
    caps = "-dac_override,-dac_read_search"
    return [shutil.which("setpriv") or "setpriv", f"--inh-caps={caps}", f"--bounding-set={caps}"]


INGEST_AFTER_A_FILE_VANISHES = """
import json, sys
from pathlib import Path
from orchestration.inbox import list_report_files
from orchestration.runner import ingest_listed

listing = list_report_files([Path(sys.argv[1])])
Path(sys.argv[2]).unlink()  # a file deleted between listing and hashing
summary = ingest_listed(listing.files, listing.failures)
print(json.dumps({"success": summary.success, "error": summary.error, "loaded": summary.loaded}))
"""


def test_a_batch_with_a_gbk_name_an_unreadable_file_and_folder_and_a_vanishing_file_loads_the_rest():
    work = Path(tempfile.mkdtemp(prefix="govreport-bad-listing-"))
    try:
        inbox = work / "inbox"
        inbox.mkdir()
        for name in ("santai-2023.txt", "wujiang-2022.txt"):
            shutil.copy(SAMPLES / name, inbox / name)
        shutil.copy(SAMPLES / "luanchuan-2024.txt", os.path.join(os.fsencode(inbox), GBK_NAME))
        shutil.copy(SAMPLES / "fenghuang-2025.txt", inbox / "vanishing.txt")
        locked_file = inbox / "no-permission.txt"
        shutil.copy(SAMPLES / "yunxi-2024.docx", locked_file)
        locked_folder = inbox / "locked-folder"
        locked_folder.mkdir()
        shutil.copy(SAMPLES / "anji-2025-h1.txt", locked_folder / "inside.txt")
        env = {**os.environ, "HOME": str(work), "DAGSTER_DISABLE_TELEMETRY": "1", "GX_ANALYTICS_ENABLED": "false",
               "PYTHONPATH": str(ROOT)}
        for name in ("GOVREPORT_WAREHOUSE", "GOVREPORT_QUARANTINE", "DAGSTER_HOME", "GOVREPORT_DQ_DOCS",
                     "GOVREPORT_ALERT_FILE", "GOVREPORT_ALERT_STATE", "GOVREPORT_SHARED"):
            env[name] = str(work / name.lower())
        env["GOVREPORT_INBOX"] = str(inbox)
        locked_file.chmod(0)
        locked_folder.chmod(0)
        done = subprocess.run([*_without_read_override(), sys.executable, "-c", INGEST_AFTER_A_FILE_VANISHES,
                               str(inbox), str(inbox / "vanishing.txt")], env=env, cwd=work, capture_output=True,
                              text=True, timeout=600)
        assert done.returncode == 0, done.stderr[-3000:]
        summary = json.loads(done.stdout.strip().splitlines()[-1])
        assert summary["success"], summary["error"]
        assert summary["loaded"]["documents_loaded"] == 2

        with duckdb.connect(env["GOVREPORT_WAREHOUSE"], read_only=True) as con:
            failed = dict(con.execute("SELECT source_path, error FROM ingest_log WHERE status = 'failed'").fetchall())
        reasons = {Path(path).name: error for path, error in failed.items()}
        assert "vanished" in reasons["vanishing.txt"]
        assert "permission denied" in reasons["no-permission.txt"]
        assert "cannot read the folder" in reasons["locked-folder"]
        gbk = [error for name, error in reasons.items() if "\\x" in name]
        assert len(gbk) == 1 and "not UTF-8" in gbk[0]
        assert len(failed) == 4
    finally:
        for path in (work / "inbox" / "no-permission.txt", work / "inbox" / "locked-folder"):
            if path.exists():
                path.chmod(0o755)
        shutil.rmtree(work, ignore_errors=True)


def test_listing_and_hashing_import_none_of_the_rules():
    """A rerun with nothing new lists and hashes the inbox and stops: it must not pay for
    importing the extraction rules (a second or more of a rerun's ten)."""
    import subprocess
    import sys
    from pathlib import Path

    code = ("import sys, orchestration.inbox; "
            "assert 'transforms.pipeline' not in sys.modules, 'the pipeline was imported'; "
            "assert not [m for m in sys.modules if m.startswith('transforms.rules.')], 'a rule module was imported'")
    subprocess.run([sys.executable, "-c", code], cwd=Path(__file__).resolve().parents[1], check=True)
