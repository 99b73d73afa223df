"""A fingerprint of the extractor: the transforms code and data that turn a file into rows.

Stored with each document, it tells the loader which stored rows an improved extractor
must redo, while files already extracted by this version are skipped without parsing."""
from __future__ import annotations

import hashlib
from functools import cache
from pathlib import Path

PACKAGE = Path(__file__).parent
EXTRACTOR_FILES = ("**/*.py", "data/**/*")


@cache
def extractor_version() -> str:
    digest = hashlib.sha256()
    files = sorted({p for pattern in EXTRACTOR_FILES for p in PACKAGE.glob(pattern)
                    if p.is_file() and "__pycache__" not in p.parts})
    for path in files:
        digest.update(path.relative_to(PACKAGE).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]
