"""Legacy Word .doc and Kingsoft .wps: converted to .docx by LibreOffice, then read as docx."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from .docx import read_docx
from .model import RawDocument, UnreadableDocument

CONVERT_TIMEOUT = 180  # seconds; a long report converts in well under a minute


def read_legacy(data: bytes, filename: str, fmt: str) -> RawDocument:
    """A .doc/.wps report as text, via `soffice --headless --convert-to docx`."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise UnreadableDocument(
            f"a .{fmt} file needs LibreOffice to convert it: install LibreOffice "
            "(apt-get install libreoffice-writer) to read .doc/.wps")
    converted = convert_to_docx(soffice, data, fmt)
    return RawDocument(fmt, read_docx(converted, filename).text)


def convert_to_docx(soffice: str, data: bytes, fmt: str) -> bytes:
    """Run LibreOffice in a private temp dir (own profile, so parallel runs don't collide)."""
    with tempfile.TemporaryDirectory(prefix="govreport-soffice-") as tmp:
        work = Path(tmp)
        source = work / f"report.{fmt}"
        source.write_bytes(data)
        command = [soffice, f"-env:UserInstallation={(work / 'profile').as_uri()}", "--headless",
                   "--convert-to", "docx", "--outdir", str(work / "out"), str(source)]
        try:
            result = subprocess.run(command, capture_output=True, timeout=CONVERT_TIMEOUT,
                                    check=False)
        except subprocess.TimeoutExpired as exc:
            raise UnreadableDocument(
                f"LibreOffice did not finish converting the .{fmt} file "
                f"within {CONVERT_TIMEOUT} s") from exc
        target = work / "out" / "report.docx"
        if not target.exists():
            detail = (result.stderr or result.stdout).decode("utf-8", "replace").strip()[-300:]
            raise UnreadableDocument(
                f"LibreOffice could not convert the .{fmt} file (exit {result.returncode}): "
                f"{detail or 'no output'}")
        return target.read_bytes()
