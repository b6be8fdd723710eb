"""The sdist of dist/ holds what building the wheel from it needs, and builds: the project's
pyproject.toml and metadata, the Cargo workspace as maturin lays it out (finsam-py and its path
dependency finsam-core, with the lockfile), the Python package, and every file the Rust
sources read with ``include_str!`` (the sample reports through finsam-core/samples/, the
crate README). Then ``cargo check`` of the unpacked sdist, which runs finsam-py's build script
as a build from the sdist does: it must write the generated records into the sdist's Python
package. Run by scripts/test-dist.sh:

    python3 tests/installed/check_sdist.py dist/finsam-0.3.0.tar.gz WORK
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tarfile
from pathlib import Path, PurePosixPath


def fail(message: str) -> None:
    raise SystemExit(f"check_sdist: {message}")


def main() -> None:
    if len(sys.argv) != 3:
        raise SystemExit(__doc__)
    sdist, work = Path(sys.argv[1]).resolve(), Path(sys.argv[2]).resolve()
    stem = sdist.name.removesuffix(".tar.gz")
    version = stem.removeprefix("finsam-")
    with tarfile.open(sdist) as archive:
        members = archive.getnames()
        files = {PurePosixPath(n).relative_to(stem).as_posix() for n in members if n.startswith(stem + "/")}
        if len(files) != len(members):
            fail(f"files outside {stem}/: {sorted(set(members) - {f'{stem}/{f}' for f in files})}")
        pkg_info = archive.extractfile(f"{stem}/PKG-INFO")
        fields = pkg_info.read().decode("utf-8").split("\n\n", 1)[0].splitlines() if pkg_info else []
        shutil.rmtree(work / stem, ignore_errors=True)
        work.mkdir(parents=True, exist_ok=True)
        archive.extractall(work)
    root = work / stem

    needed = {
        "pyproject.toml", "PKG-INFO", "Cargo.toml", "Cargo.lock",
        "finsam-py/Cargo.toml", "finsam-py/build.rs", "finsam-py/src/lib.rs", "finsam-py/README.md",
        "finsam-core/Cargo.toml", "finsam-core/README.md", "finsam-core/src/lib.rs",
        "python/finsam/__init__.py", "python/finsam/cli.py", "python/finsam/_finsam.pyi", "python/finsam/py.typed",
    } | {f"finsam-core/samples/{name}" for name in (
        "arsredovisning-2014.json", "arsredovisning-2015.json", "arsredovisning-2017.json", "halvarsrapport-2019.json",
    )}
    missing = sorted(needed - files)
    if missing:
        fail(f"{sdist.name} lacks {missing}")
    if "Name: finsam" not in fields or f"Version: {version}" not in fields:
        fail(f"PKG-INFO says {fields[:3]}, not finsam {version}")
    # Only the two crates maturin needs, and nothing built.
    tops = {f.split("/", 1)[0] for f in files}
    if tops != {"pyproject.toml", "PKG-INFO", "Cargo.toml", "Cargo.lock", "README.md", "finsam-py", "finsam-core", "python"}:
        fail(f"unexpected top-level entries: {sorted(tops)}")
    members = re.search(r"^members = (\[.*\])$", (root / "Cargo.toml").read_text(encoding="utf-8"), flags=re.M)
    if members is None or members.group(1) != '["finsam-core", "finsam-py"]':
        fail(f"the sdist's workspace members are {members.group(1) if members else None}")

    # Every include_str! of the Rust sources (code and doctests) names a file of the sdist.
    includes = 0
    for source in sorted(root.glob("finsam-*/src/**/*.rs")):
        for path in re.findall(r'include_str!\("([^"]+)"\)', source.read_text(encoding="utf-8")):
            includes += 1
            if not (source.parent / path).resolve().is_file():
                fail(f"{source.relative_to(root)} reads {path}, which the sdist lacks")
    if includes < 10:
        fail(f"only {includes} include_str! found")

    # Built as pip builds it from the sdist (maturin runs cargo in the unpacked folder, without
    # --locked: the lockfile is the whole workspace's, and cargo drops what the two crates do
    # not use).
    records = root / "python" / "finsam" / "_records.py"
    if records.exists():
        fail("the sdist carries the generated _records.py")
    env = {**os.environ, "CARGO_TARGET_DIR": str(work / "target")}
    check = ["cargo", "check", "--quiet", "-p", "finsam-py", "--manifest-path", str(root / "Cargo.toml")]
    if subprocess.run(check + ["--offline"], env=env).returncode != 0:
        print("check_sdist: the offline check failed; trying again with the registry", file=sys.stderr)
        if subprocess.run(check, env=env).returncode != 0:
            fail(f"cargo check of the unpacked sdist ({root}) failed")
    if not records.read_text(encoding="utf-8").startswith('"""The records of finsam: frozen dataclasses'):
        fail(f"the build script did not write {records}")
    print(f"check_sdist: {sdist.name}: {len(files)} files, {includes} include_str! resolved, cargo check passed")


if __name__ == "__main__":
    main()
