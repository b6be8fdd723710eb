"""The shared test vectors (finsam-core/tests/vectors), asserted through the binding."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any, Optional

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import finsam
from conftest import load_vectors

GRADING = load_vectors("grading.json")
ERRORS = load_vectors("errors.json")


def test_the_vector_files_are_not_empty() -> None:
    assert len(GRADING) >= 10
    assert len(ERRORS) >= 20


@pytest.mark.parametrize("case", GRADING, ids=[c["name"] for c in GRADING])
def test_grading_vector(case: dict[str, Any]) -> None:
    intervention = finsam.Intervention.from_json(json.dumps(case["intervention"]))
    policy = None if case["policy"] is None else finsam.GradingPolicy.from_json(json.dumps(case["policy"]))
    expected = case["expected"]

    assessment = finsam.grade(intervention, policy)

    expected_grade = None if expected["grade"] is None else finsam.Grade(expected["grade"])
    assert assessment.grade is expected_grade
    expected_score = None if expected["score"] is None else Decimal(expected["score"])
    assert assessment.score == expected_score
    if assessment.score is not None:
        # Exact, digit for digit: the decimal crossed as text, not through a float.
        assert str(assessment.score) == expected["score"]
    assert assessment.rule.code == expected["rule"]
    assert assessment.comparison == expected["comparison"]
    assert [g.status for g in assessment.goals] == expected["goal_statuses"]
    assert assessment.explain() == expected["explanation_sv"]
    assert assessment.explain("sv") == expected["explanation_sv"]
    assert assessment.explain("en") == expected["explanation_en"]
    # The bulk call gives the same assessment.
    assert finsam.grade_many([intervention], policy) == [assessment]


PRINTED = [c for c in ERRORS if c.get("loads")]


@pytest.mark.parametrize("case", PRINTED, ids=[c["name"] for c in PRINTED])
def test_a_share_as_printed_loads_and_is_found_but_validation_refuses_it(
    case: dict[str, Any],
) -> None:
    expected = case["expected"]
    if case["what"] == "intervention":
        intervention = finsam.Intervention.from_json(case["input"])
        assert intervention.goals[0].kind == "share"
        return
    report = finsam.Report.from_json(case["input"])
    found = [
        {"code": d.code, "path": d.path, "message_sv": d.message("sv"), "message_en": d.message("en")}
        for d in report.check()
    ]
    assert found == [case["finding"]]
    assert [(e.code, e.path) for e in finsam.validate_json(case["input"])] == [
        (expected["code"], expected["path"])
    ]


@pytest.mark.parametrize("case", [c for c in ERRORS if not c.get("loads")],
                         ids=[c["name"] for c in ERRORS if not c.get("loads")])
def test_error_vector(case: dict[str, Any]) -> None:
    load = {
        "report": finsam.Report.from_json,
        "intervention": finsam.Intervention.from_json,
        "policy": finsam.GradingPolicy.from_json,
    }[case["what"]]
    with pytest.raises(finsam.FinsamError) as caught:
        load(case["input"])
    error = caught.value
    assert isinstance(error, ValueError)
    assert (error.code, error.path) == (case["expected"]["code"], case["expected"]["path"])
    assert str(error).startswith(f"[{error.code}]")
    assert error.message and error.message in str(error)
    assert error.message_en == error.message
    for language in ("sv", "en"):
        if f"message_{language}" in case["expected"]:
            assert getattr(error, f"message_{language}") == case["expected"][f"message_{language}"]
    if case["what"] == "report":
        # validate_json finds the same first error, returned rather than raised.
        found = finsam.validate_json(case["input"])
        assert [(e.code, e.path) for e in found][:1] == [(error.code, error.path)]


@settings(max_examples=60, deadline=None)
@given(st.integers(0, 40), st.integers(0, 40), st.one_of(st.none(), st.integers(0, 150)))
def test_any_printed_share_loads_and_validation_refuses_exactly_the_impossible(
    numerator: int, denominator: int, percent: Optional[int]
) -> None:
    result: dict[str, Any] = {"type": "share", "numerator": str(numerator), "denominator": str(denominator)}
    if percent is not None:
        result["percent"] = str(percent)
    text = json.dumps({
        "format_version": 1, "organisation": "Samordningsförbundet Exempel", "period": "2017",
        "interventions": [{"id": "a", "name": "A", "kind": "individual", "status": "active", "goals": [
            {"description": "g", "kind": "share", "target": "50", "result": result}]}],
    })
    report = finsam.Report.from_json(text)
    impossible = numerator > denominator or denominator == 0 or (percent is not None and percent > 100)
    assert [d.code for d in report.check() if d.code == "share_impossible"] == (["share_impossible"] if impossible else [])
    assert bool(finsam.validate_json(text)) == impossible
    assert finsam.Report.from_json(report.to_json()) == report
