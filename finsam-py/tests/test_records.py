"""The records (frozen dataclasses generated from the core's types) and the two generic
converters of ``finsam._convert``: records from the core's serde output, tables as frames."""

from __future__ import annotations

import dataclasses
import json
from decimal import Decimal
from typing import Any, Optional

import pytest

import finsam
from finsam import _convert, _records

RECORDS = [getattr(_records, name) for name in _records.__all__]


@pytest.mark.parametrize("cls", RECORDS, ids=[cls.__name__ for cls in RECORDS])
def test_every_record_is_a_documented_frozen_dataclass(cls: type) -> None:
    assert dataclasses.is_dataclass(cls) and cls.__dataclass_params__.frozen  # type: ignore[attr-defined]
    assert cls.__doc__ and not cls.__doc__.startswith(cls.__name__ + "(")
    assert getattr(finsam, cls.__name__) is cls


def test_a_record_is_frozen_hashable_and_compares_by_value() -> None:
    statement = finsam.sample_report(2019).economics.statement  # type: ignore[union-attr]
    assert statement is not None
    line = statement.income.lines[0]
    assert isinstance(line, finsam.Line) and isinstance(line.budget, Decimal)
    with pytest.raises(dataclasses.FrozenInstanceError):
        line.label = "x"  # type: ignore[misc]
    assert line == statement.income.lines[0] and hash(line) == hash(statement.income.lines[0])
    assert isinstance(statement.income.lines, tuple)


def test_a_record_is_the_core_value_field_for_field() -> None:
    statement = finsam.sample_report(2019).economics.statement  # type: ignore[union-attr]
    assert statement is not None
    written = json.loads(statement.to_json())
    # What the builder read is what the core wrote: back to JSON, it is the same value.
    assert _convert.plain(statement.income) == written["income"]
    assert _convert.plain(statement.costs) == written["costs"]


def test_the_builder_reads_nested_records_decimals_grades_and_defaults() -> None:
    outcome = _convert.build(finsam.Disagreement, {
        "intervention_id": "lyra", "name": "Lyra", "score": "0.65", "decided": "good", "computed": "acceptable",
    })
    assert outcome == finsam.Disagreement("lyra", "Lyra", Decimal("0.65"), finsam.Grade.GOOD, finsam.Grade.ACCEPTABLE)
    group = _convert.build(finsam.CostGroup, {"label": "Kansli", "lines": [{"label": "Löner", "budget": "1.50"}]})
    assert group.lines[0].budget == Decimal("1.50") and group.lines[0].outcome is None and group.subtotal is None


@pytest.mark.parametrize(
    ("data", "what"),
    [
        ({"label": "x", "lines": [], "colour": "red"}, "unknown field(s) colour"),
        ({"lines": []}, "the field label is missing"),
        ([], "expected an object, got list"),
    ],
)
def test_the_builder_refuses_what_does_not_fit(data: Any, what: str) -> None:
    with pytest.raises(finsam.InternalError) as caught:
        _convert.build(finsam.CostGroup, data)
    assert caught.value.code == "internal_error" and what in caught.value.message


def test_the_frame_converter_types_cells_by_their_column_kind() -> None:
    table = {
        "columns": [
            {"key": "id", "kind": "id", "label_sv": "Id", "label_en": "Id"},
            {"key": "amount", "kind": "money", "label_sv": "Belopp", "label_en": "Amount"},
            {"key": "grade", "kind": "grade", "label_sv": "Bedömning", "label_en": "Grade"},
            {"key": "count", "kind": "integer", "label_sv": "Antal", "label_en": "Count"},
            {"key": "items", "kind": "id", "label_sv": "Poster", "label_en": "Items"},
        ],
        "rows": [
            ["0012", "8.50", "good", 3, ["a", "b"]],
            ["0013", None, "not_applicable", "not_applicable", []],
        ],
    }
    frame = _convert.frame(json.dumps(table))
    rows = frame.to_dict("records")
    assert rows[0] == {"id": "0012", "amount": Decimal("8.50"), "grade": finsam.Grade.GOOD, "count": 3, "items": ("a", "b")}
    expected: dict[str, Optional[object]] = {
        "id": "0013", "amount": None, "grade": None, "count": "not_applicable", "items": (),
    }
    assert rows[1] == expected
    assert all(dtype == object for dtype in frame.dtypes)


def test_a_record_written_as_json_reads_back_as_the_same_record() -> None:
    economics = finsam.sample_report(2019).economics
    assert economics is not None
    summary = economics.summary()
    data = json.loads(summary.to_json())
    # The core writes null for a deviation without an intervention; so does the record.
    assert any(row["intervention"] is None for row in data["deviations"])
    assert _convert.build(finsam.EconomicsSummary, data) == summary
