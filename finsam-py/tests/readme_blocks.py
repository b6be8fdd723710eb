"""The examples of a README, as the tests read them: its ```python blocks and the ``$ finsam …``
lines of its ```console blocks. Shared by test_readme.py and by the tests of the installed
wheel (examples/installed/test_wheel.py), so that both run the same examples."""

from __future__ import annotations

import re
from pathlib import Path
from typing import List


def python_blocks(path: Path) -> List[str]:
    """The text of every ```python block of the Markdown file ``path``, in order."""
    return re.findall(r"^```python\n(.*?)^```", path.read_text(encoding="utf-8"), flags=re.S | re.M)


def console_commands(path: Path) -> List[str]:
    """Every ``$ finsam …`` line of the ```console blocks of ``path``, without the ``$ ``."""
    blocks = re.findall(r"^```console\n(.*?)^```", path.read_text(encoding="utf-8"), flags=re.S | re.M)
    return [line[2:] for block in blocks for line in block.splitlines() if line.startswith("$ finsam ")]
