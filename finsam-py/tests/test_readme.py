"""Every ```python block of the repository README runs (from the repository root)."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from conftest import ROOT

README = Path(os.environ.get("FINSAM_README", ROOT / "README.md"))
BLOCKS = re.findall(r"^```python\n(.*?)^```", README.read_text(encoding="utf-8"), flags=re.S | re.M)


def test_the_readme_has_a_python_example() -> None:
    assert BLOCKS, f"{README} has no ```python block"


@pytest.mark.parametrize("block", BLOCKS, ids=[f"block{i}" for i in range(len(BLOCKS))])
def test_readme_python_block_runs(block: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    exec(compile(block, str(README), "exec"), {"__name__": "__readme__"})
