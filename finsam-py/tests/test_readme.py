"""Every ```python block of the repository README and of the binding's README
(finsam-py/README.md) runs (from the repository root)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from conftest import ROOT
from readme_blocks import console_commands, python_blocks

README = Path(os.environ.get("FINSAM_README", ROOT / "README.md"))
BINDING_README = ROOT / "finsam-py" / "README.md"

BLOCKS = python_blocks(README)
BINDING_BLOCKS = python_blocks(BINDING_README)


def test_the_readme_has_a_python_example() -> None:
    assert BLOCKS, f"{README} has no ```python block"


@pytest.mark.parametrize("block", BLOCKS, ids=[f"block{i}" for i in range(len(BLOCKS))])
def test_readme_python_block_runs(block: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    exec(compile(block, str(README), "exec"), {"__name__": "__readme__"})


def test_the_binding_readme_has_python_examples() -> None:
    assert len(BINDING_BLOCKS) >= 4, f"{BINDING_README} has too few ```python blocks"


@pytest.mark.parametrize("block", BINDING_BLOCKS, ids=[f"binding{i}" for i in range(len(BINDING_BLOCKS))])
def test_binding_readme_python_block_runs(block: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    exec(compile(block, str(BINDING_README), "exec"), {"__name__": "__readme__"})


COMMANDS = console_commands(README)


def test_the_readme_shows_the_command() -> None:
    assert len(COMMANDS) >= 5, COMMANDS


@pytest.mark.parametrize("command", COMMANDS, ids=[f"command{i}" for i in range(len(COMMANDS))])
def test_readme_command_runs(command: str, tmp_path: Path) -> None:
    import shlex
    import subprocess
    import sys

    args = [str(ROOT / a) if (ROOT / a).exists() and "/" in a else a for a in shlex.split(command)[1:]]
    done = subprocess.run(
        [sys.executable, "-m", "finsam", *args], cwd=tmp_path, capture_output=True, text=True, timeout=120
    )
    # 0 or 1 (findings at error level); 2 would mean the file could not be read.
    assert done.returncode in (0, 1), done.stderr
    assert done.stdout or list(tmp_path.iterdir()), command
