"""The sdist of dist/ holds what building the wheel from it needs, and builds: the project's
pyproject.toml and metadata, the Cargo workspace as maturin lays it out (finsam-py and its path
dependency finsam-core, with the lockfile), the Python package, and every file the Rust
sources read with ``include_str!`` (the sample reports through finsam-core/samples/, the
crate README). Then ``pip wheel`` of the sdist, as pip builds it for a user who has no
matching wheel: the wheel it builds must hold the release wheel's Python package. Run by
scripts/test-dist.sh, with the python of the build tools' virtualenv (which has maturin):

    python3 examples/installed/check_sdist.py SDIST WORK PYTHON RELEASE_WHEEL
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path, PurePosixPath
from typing import Set


def fail(message: str) -> None:
    raise SystemExit(f"check_sdist: {message}")


def main() -> None:
    if len(sys.argv) != 5:
        raise SystemExit(__doc__)
    sdist, work = Path(sys.argv[1]).resolve(), Path(sys.argv[2]).resolve()
    python, release = sys.argv[3], Path(sys.argv[4]).resolve()
    stem = sdist.name.removesuffix(".tar.gz")
    version = stem.removeprefix("finsam-")
    with tarfile.open(sdist) as archive:
        members = [m.name for m in archive.getmembers() if not m.isdir()]
        outside = [name for name in members if not name.startswith(stem + "/")]
        if outside:
            fail(f"files outside {stem}/: {outside}")
        files = {PurePosixPath(name).relative_to(stem).as_posix() for name in members}
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

    # Built as pip builds it for a user who has no matching wheel: `pip wheel` of the sdist, with
    # maturin as the build backend (running cargo in the unpacked sdist, without --locked: the
    # lockfile is the whole workspace's, and cargo drops what the two crates do not use). The
    # build script writes the generated records, which the sdist does not carry; the wheel must
    # hold the same Python package as the release's wheel.
    if (root / "python" / "finsam" / "_records.py").exists():
        fail("the sdist carries the generated _records.py")
    out = work / "wheel"
    shutil.rmtree(out, ignore_errors=True)
    build = [python, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "--disable-pip-version-check",
             "--wheel-dir", str(out), str(sdist)]
    if subprocess.run(build).returncode != 0:
        fail(f"pip wheel {sdist} failed")
    built = sorted(out.glob(f"finsam-{version}-cp39-abi3-*.whl"))
    if len(built) != 1:
        fail(f"pip wheel wrote {sorted(p.name for p in out.iterdir())}")

    def package(wheel: Path) -> Set[str]:
        with zipfile.ZipFile(wheel) as archive:
            return {name for name in archive.namelist() if name.startswith("finsam/")}

    if package(built[0]) != package(release):
        fail(f"the wheel built from the sdist holds {sorted(package(built[0]) ^ package(release))} unlike {release.name}")
    print(f"check_sdist: {sdist.name}: {len(files)} files, {includes} include_str! resolved; "
          f"pip built {built[0].name} from it, with the {len(package(release))} files of the release's wheel")

if __name__ == "__main__":
    main()
