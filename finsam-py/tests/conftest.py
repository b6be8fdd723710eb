"""Shared paths and data for the Python tests."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
VECTORS = ROOT / "finsam-core" / "tests" / "vectors"
SAMPLE_2017 = ROOT / "examples" / "data" / "arsredovisning-2017.json"
NOTEBOOK = ROOT / "examples" / "notebooks" / "annual_report.ipynb"


def load_vectors(name: str) -> list[dict[str, Any]]:
    cases: list[dict[str, Any]] = json.loads((VECTORS / name).read_text(encoding="utf-8"))["cases"]
    return cases


@pytest.fixture
def sample_path() -> Path:
    return SAMPLE_2017
