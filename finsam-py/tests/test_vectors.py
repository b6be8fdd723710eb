"""The shared test vectors (finsam-core/tests/vectors), asserted through the binding."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

import pytest

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


@pytest.mark.parametrize("case", ERRORS, ids=[c["name"] for c in ERRORS])
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
