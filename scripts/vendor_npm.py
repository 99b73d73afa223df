"""Copy browser assets from npm packages into the project, as a manifest lists them.

    python scripts/vendor_npm.py govreport/web/static/vendor/vendored.toml

A manifest (TOML) has one [[package]] per npm package: name, version, license, integrity
(the registry's sha512 of the tarball, checked) and its `files`: a list of
{ from = "path in the package (a glob)", to = "path under the manifest's folder" }. The
package's licence files are copied beside the first file. `npm pack` fetches the tarball
from the registry the machine's npm is set up for, so no CDN is ever involved and the
bytes are the ones the integrity names. Run it by hand when a version changes; the result
is committed, so neither installs nor tests need the registry.
"""

from __future__ import annotations

import fnmatch
import json
import subprocess
import sys
import tarfile
import tempfile
import tomllib
from pathlib import Path, PurePosixPath

LICENCE_NAMES = ("LICENSE", "LICENSE.txt", "LICENSE.md", "LICENCE", "NOTICE")


def vendor(manifest: Path) -> None:
    root = manifest.parent
    for package in tomllib.loads(manifest.read_text(encoding="utf-8"))["package"]:
        with tempfile.TemporaryDirectory() as scratch:
            tarball = _pack(package["name"], package["version"], package["integrity"], Path(scratch))
            with tarfile.open(tarball) as archive:
                members = {PurePosixPath(m.name).relative_to("package").as_posix(): m
                           for m in archive.getmembers() if m.isfile()}
                first_folder = None
                for entry in package["files"]:
                    matched = [name for name in members if fnmatch.fnmatchcase(name, entry["from"])]
                    if not matched:
                        raise SystemExit(f"{package['name']}: no file matches {entry['from']}")
                    for name in matched:
                        target = root / entry["to"]
                        if len(matched) > 1 or entry["to"].endswith("/"):
                            target = target / PurePosixPath(name).name
                        _write(archive, members[name], target)
                        first_folder = first_folder or target.parent
                for name in LICENCE_NAMES:
                    if name in members:
                        _write(archive, members[name], first_folder / name)
        print(f"{package['name']}@{package['version']} ({package['license']}) -> {first_folder}")


def _pack(name: str, version: str, integrity: str, folder: Path) -> Path:
    """The package's tarball from the npm registry, its integrity checked."""
    answer = subprocess.run(["npm", "pack", "--json", f"{name}@{version}"], cwd=folder,
                            capture_output=True, text=True, check=True)
    packed = json.loads(answer.stdout)[0]
    if packed["integrity"] != integrity:
        raise SystemExit(f"{name}@{version}: integrity {packed['integrity']} is not the manifest's {integrity}")
    return folder / packed["filename"]


def _write(archive: tarfile.TarFile, member: tarfile.TarInfo, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(archive.extractfile(member).read())


if __name__ == "__main__":
    for path in sys.argv[1:] or ["govreport/web/static/vendor/vendored.toml",
                                 "expectations/static/vendor/vendored.toml"]:
        vendor(Path(path))
