"""Report files with their content hashes, hashing only what changed since the last look.

One file never loses the batch: a file that cannot be read, that vanished after it was
listed, or whose name is not UTF-8 (GBK bytes from an archive made on Windows), and a folder
that cannot be read, each become an entry with its reason instead of a hash; the run records
it as a `failed` row and loads the rest."""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from orchestration.partitions import BatchFile
from transforms.model import content_hash

SKIPPED_NAMES = (".", "~$")  # hidden files and Office lock files are not reports
SIDECAR_SUFFIX = ".meta.json"  # r001.meta.json beside r001.txt: what the page showed, not a report

# printable path -> [signature, sha256 or "failed: reason"]: what a file was when last hashed
FileMemo = dict[str, list[str]]


@dataclass
class Listing:
    """Files found under the given roots (absolute, sorted) and what could not be listed."""

    files: list[str] = field(default_factory=list)
    failures: list[BatchFile] = field(default_factory=list)


def printable_path(path: str) -> str:
    """The path as text any UTF-8 store takes, losing nothing: bytes of a name that are not
    UTF-8 are kept as \\xNN escapes (Python holds them as surrogates, which no encoder takes)."""
    raw = os.fsencode(path)
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("utf-8", "backslashreplace")


def list_report_files(roots: list[Path]) -> Listing:
    """Every file under the given files or folders. A root that does not exist raises
    FileNotFoundError (the caller named it); a folder inside that cannot be read is listed
    as a failure, not skipped silently."""
    listing = Listing()
    found: set[str] = set()
    for root in roots:
        if root.is_dir():
            def unreadable(error: OSError) -> None:
                listing.failures.append(BatchFile(
                    printable_path(os.path.abspath(error.filename)), None,
                    f"cannot read the folder: {error.strerror or error}; the files in it were not listed"))

            for folder, names, files in os.walk(root, onerror=unreadable):
                names[:] = [n for n in names if not n.startswith(".")]
                reports = report_stems(files)
                found.update(os.path.join(folder, name) for name in files
                             if not name.startswith(SKIPPED_NAMES) and not is_sidecar(name, reports))
        elif root.exists():
            found.add(str(root))
        else:
            raise FileNotFoundError(f"{root}: no such file or folder")
    listing.files = sorted({os.path.realpath(p) for p in found})  # one name per file in ingest_log
    return listing


def report_stems(names: list[str]) -> set[str]:
    """The stems of a folder's files that are no sidecars (r001.txt → r001)."""
    return {name.rsplit(".", 1)[0] for name in names if not name.endswith(SIDECAR_SUFFIX)}


def is_sidecar(name: str, stems: set[str]) -> bool:
    """`<stem>.meta.json` beside a file of the same stem holds that report's metadata (its url,
    what the page showed): listing it would load a JSON object as a report."""
    return name.endswith(SIDECAR_SUFFIX) and name[: -len(SIDECAR_SUFFIX)] in stems


def file_signature(path: str | Path) -> str:
    stat = os.stat(path)
    return f"{stat.st_mtime_ns}:{stat.st_size}:{stat.st_mode:o}"


def hash_files(files: list[str], memo: FileMemo | None = None,
               on_hashed=None) -> tuple[list[BatchFile], FileMemo]:
    """Each file with its sha256 or the reason it has none (in the order given), and the
    updated memo; a file whose signature is as memorised is not read again."""
    memo = memo or {}
    updated: FileMemo = {}
    hashed = []
    for file in files:
        entry, signature = _hash_one(file, memo)
        updated[entry.path] = [signature, entry.sha256 or f"failed: {entry.error}"]
        hashed.append(entry)
        if on_hashed:
            on_hashed(1)
    return hashed, updated


def memo_identity(entry: BatchFile) -> str:
    """What the memo holds for an entry: its hash, or its failure."""
    return entry.sha256 or f"failed: {entry.error}"


def _hash_one(file: str, memo: FileMemo) -> tuple[BatchFile, str]:
    path = printable_path(file)
    if path != file:
        return BatchFile(path, None, "the file name is not UTF-8" + _gbk_hint(file)
                         + ": rename it (e.g. `convmv -f gbk -t utf-8 --notest FILE`) and ingest it again"), ""
    try:
        signature = file_signature(file)
        remembered = memo.get(path)
        if remembered and remembered[0] == signature and not remembered[1].startswith("failed: "):
            return BatchFile(path, remembered[1]), signature
        return BatchFile(path, content_hash(Path(file).read_bytes())), signature
    except FileNotFoundError:
        return BatchFile(path, None, "the file vanished after it was listed (moved or deleted)"), ""
    except PermissionError:
        return BatchFile(path, None, "cannot read the file: permission denied"), _signature_or_blank(file)
    except IsADirectoryError:
        return BatchFile(path, None, "a folder, not a file"), ""
    except OSError as error:
        return BatchFile(path, None, f"cannot read the file: {error.strerror or error}"), _signature_or_blank(file)


def _signature_or_blank(file: str) -> str:
    try:
        return file_signature(file)
    except OSError:
        return ""


def _gbk_hint(file: str) -> str:
    """How the name reads as GBK/GB18030, when it does."""
    try:
        return f" (as GBK it reads {os.path.basename(os.fsencode(file)).decode('gb18030')!r})"
    except UnicodeDecodeError:
        return ""
