"""The wheel of dist/ installed as a user installs it. scripts/test-dist.sh makes a fresh
virtualenv, with a PATH that has no cargo, rustc or maturin, installs the wheel into it with
``pip install --no-index`` (it requires no other package), then runs this file, and the
binding's README and command tests (finsam-py/tests/test_readme.py, test_cli.py), with that
virtualenv's python: ``import finsam`` and the ``finsam`` command are the installed ones.

Environment: FINSAM_DIST (the folder of the release files) and FINSAM_VERSION (the workspace's
version), set by scripts/test-dist.sh."""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from importlib import metadata
from pathlib import Path
from typing import Callable, Dict, List

import pytest

import finsam

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "finsam-py" / "tests"))
from readme_blocks import console_commands  # noqa: E402

if "FINSAM_DIST" not in os.environ or "FINSAM_VERSION" not in os.environ:
    raise RuntimeError("examples/installed/test_wheel.py tests the installed wheel: run scripts/test-dist.sh")
DIST = Path(os.environ["FINSAM_DIST"])
VERSION = os.environ["FINSAM_VERSION"]
VENV = Path(sys.prefix)
PACKAGE_SOURCE = ROOT / "finsam-py" / "python" / "finsam"
ENV = {**os.environ, "PYTHONIOENCODING": "utf-8"}


def the_wheel() -> Path:
    wheels = sorted(DIST.glob("finsam-*.whl"))
    assert len(wheels) == 1, wheels
    return wheels[0]


def test_the_virtualenv_has_no_rust_toolchain() -> None:
    for tool in ("cargo", "rustc", "rustup", "maturin"):
        assert shutil.which(tool) is None, f"{tool} is on PATH: {shutil.which(tool)}"
    for home in ("CARGO_HOME", "RUSTUP_HOME"):
        assert not Path(os.environ.get(home, "/nonexistent")).exists(), home
    assert sys.prefix != sys.base_prefix, "not a virtualenv"


def test_finsam_is_the_installed_package_not_the_source_tree() -> None:
    installed = Path(sysconfig.get_paths()["platlib"]).resolve()
    location = Path(finsam.__file__).resolve()
    assert location == installed / "finsam" / "__init__.py"
    assert location.is_relative_to(VENV.resolve())
    assert not location.is_relative_to(PACKAGE_SOURCE.resolve())
    binary = Path(finsam._finsam.__file__).resolve()  # type: ignore[attr-defined]
    assert binary == installed / "finsam" / "_finsam.abi3.so"


def test_the_version_is_the_release_s_and_the_readme_installs_this_wheel() -> None:
    assert finsam.__version__ == VERSION
    assert metadata.version("finsam") == VERSION
    wheel = the_wheel()
    assert wheel.name == f"finsam-{VERSION}-cp39-abi3-manylinux2014_x86_64.manylinux_2_17_x86_64.whl"
    # The README's install section starts with installing exactly this file.
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    install = readme.split("\n## Install\n", 1)[1].split("\n## ", 1)[0]
    first_block = re.search(r"^```sh\n(.*?)^```", install, flags=re.S | re.M)
    assert first_block is not None, install
    assert first_block.group(1).splitlines()[0] == f"pip install {wheel.name}"


def test_the_wheel_holds_the_binary_the_python_package_its_stubs_and_metadata() -> None:
    with zipfile.ZipFile(the_wheel()) as wheel:
        names = set(wheel.namelist())
        info = f"finsam-{VERSION}.dist-info"
        package = {name for name in names if name.startswith("finsam/")}
        sources = {f"finsam/{p.name}" for p in PACKAGE_SOURCE.iterdir() if p.is_file() and p.suffix in {".py", ".pyi", ".typed"}}
        # Every file of the Python package, the records generated at build time, and the binary.
        assert package == sources | {"finsam/_records.py", "finsam/_finsam.abi3.so"}
        assert {"finsam/py.typed", "finsam/_finsam.pyi"} <= package
        assert {f"{info}/METADATA", f"{info}/WHEEL", f"{info}/RECORD", f"{info}/entry_points.txt"} <= names
        assert names - package - {n for n in names if n.startswith(f"{info}/")} == set()
        tags = [line for line in wheel.read(f"{info}/WHEEL").decode().splitlines() if line.startswith("Tag: ")]
        assert sorted(tags) == ["Tag: cp39-abi3-manylinux2014_x86_64", "Tag: cp39-abi3-manylinux_2_17_x86_64"]
        fields = wheel.read(f"{info}/METADATA").decode().split("\n\n", 1)[0].splitlines()
        assert f"Version: {VERSION}" in fields
        assert "Requires-Python: >=3.9" in fields
        # Only the optional extras require other packages.
        requires = [f for f in fields if f.startswith("Requires-Dist: ")]
        assert requires and all("; extra == " in f for f in requires), requires
        entry_points = wheel.read(f"{info}/entry_points.txt").decode()
        assert entry_points.split() == ["[console_scripts]", "finsam=finsam.cli:main"]


def finsam_command() -> str:
    found = shutil.which("finsam")
    assert found is not None
    assert Path(found).parent == VENV / "bin"
    return found


def run(*args: str, cwd: Path) -> "subprocess.CompletedProcess[str]":
    return subprocess.run(
        [finsam_command(), *args], cwd=cwd, capture_output=True, text=True, encoding="utf-8", env=ENV, timeout=120
    )


def test_finsam_version(tmp_path: Path) -> None:
    done = run("--version", cwd=tmp_path)
    assert (done.returncode, done.stdout, done.stderr) == (0, f"finsam {VERSION}\n", "")


def test_finsam_check_on_the_sample_documents(tmp_path: Path) -> None:
    documents = ROOT / "finsam-core" / "tests" / "documents"
    appendix = run("check", str(documents / "arsredovisning-2014-bilaga2.txt"), cwd=tmp_path)
    assert appendix.returncode == 1, appendix.stderr
    assert appendix.stdout.splitlines()[-1] == "14 fynd: 6 fel, 8 varningar, 0 noteringar."
    consistent = run("check", "--lang", "en", str(documents / "provdal-2016-consistent.txt"), cwd=tmp_path)
    assert (consistent.returncode, consistent.stdout, consistent.stderr) == (0, "No findings.\n", "")
    missing = run("check", "saknas.json", cwd=tmp_path)
    assert (missing.returncode, missing.stdout, missing.stderr) == (2, "", "finsam: saknas.json: filen finns inte\n")


def cells(line: str) -> List[str]:
    return re.split(r" {2,}", line.strip())


def _check_text(done: "subprocess.CompletedProcess[str]", folder: Path) -> None:
    assert done.returncode == 1
    assert done.stdout.splitlines()[-1] == "14 fynd: 6 fel, 8 varningar, 0 noteringar."


def _check_json(done: "subprocess.CompletedProcess[str]", folder: Path) -> None:
    assert done.returncode == 1
    findings = json.loads(done.stdout)
    assert [Path(name).name for name in findings] == ["arsredovisning-2014.json", "arsredovisning-2015.json"]
    first = next(iter(findings.values()))[0]
    assert (first["code"], first["severity"]) == ("goal_target_conflict", "error")


def _grade_en(done: "subprocess.CompletedProcess[str]", folder: Path) -> None:
    assert done.returncode == 0
    lines = done.stdout.splitlines()
    assert lines[-1] == "5 of 7 graded rows agree with the association's decision; 3 not graded"
    lyra = next(cells(line) for line in lines if line.startswith("lyra "))
    assert lyra == ["lyra", "Lyra", "0.653", "Acceptable", "Acceptable", "agrees"]


def _grade_explain(done: "subprocess.CompletedProcess[str]", folder: Path) -> None:
    assert done.returncode == 0
    assert done.stdout.splitlines()[0] == "Lyra: beräknad måluppfyllelse Godtagbar (medelvärde 0,653 av 2 mätta mål)"


def _read(done: "subprocess.CompletedProcess[str]", folder: Path) -> None:
    assert done.returncode == 0
    assert done.stderr.splitlines()[-1] == "Skrev rapport.json"
    report = json.loads((folder / "rapport.json").read_text(encoding="utf-8"))
    assert (report["format_version"], report["period"], len(report["interventions"])) == (1, "2014", 13)


def _render(name: str) -> Callable[["subprocess.CompletedProcess[str]", Path], None]:
    def check(done: "subprocess.CompletedProcess[str]", folder: Path) -> None:
        assert done.returncode == 0, done.stderr
        assert (folder / name).read_bytes()[:2] == b"PK"

    return check


def _compare(done: "subprocess.CompletedProcess[str]", folder: Path) -> None:
    assert done.returncode == 0
    start = next(cells(line) for line in done.stdout.splitlines() if line.startswith("start "))
    assert start == ["start", "START", "God", "Mycket god", "Mycket god"]


# What each `$ finsam …` line of the README gives: its exit code and what a user checks.
EXPECTED: Dict[str, Callable[["subprocess.CompletedProcess[str]", Path], None]] = {
    "finsam check finsam-core/tests/documents/arsredovisning-2014-bilaga2.txt": _check_text,
    "finsam check --json examples/data/arsredovisning-2014.json examples/data/arsredovisning-2015.json": _check_json,
    "finsam grade examples/data/arsredovisning-2017.json --lang en": _grade_en,
    "finsam grade examples/data/arsredovisning-2017.json --explain lyra": _grade_explain,
    "finsam read finsam-core/tests/documents/arsredovisning-2014-bilaga2.docx -o rapport.json": _read,
    "finsam render examples/data/arsredovisning-2017.json --to xlsx -o rapport.xlsx": _render("rapport.xlsx"),
    "finsam render examples/data/arsredovisning-2017.json --to docx -o bilaga.docx": _render("bilaga.docx"),
    "finsam compare examples/data/arsredovisning-2014.json examples/data/arsredovisning-2015.json "
    "examples/data/arsredovisning-2017.json": _compare,
}
COMMANDS = console_commands(ROOT / "README.md")


def test_every_readme_command_has_its_expected_outcome() -> None:
    assert COMMANDS == list(EXPECTED)


@pytest.mark.parametrize("command", COMMANDS, ids=[f"command{i}" for i in range(len(COMMANDS))])
def test_readme_command_through_the_installed_console_script(command: str, tmp_path: Path) -> None:
    # The README's paths are the repository's; the command runs in an empty folder elsewhere.
    args = [str(ROOT / a) if "/" in a and (ROOT / a).exists() else a for a in shlex.split(command)[1:]]
    done = run(*args, cwd=tmp_path)
    EXPECTED[command](done, tmp_path)
