"""A file the web form wrote loads in Python and grades the same.

``examples/web-form/fixtures/start-2018-filled.json`` is what the form downloads after the
intervention owner opened the office's report (``office-2018.json``), picked START and filled in
its results and flows: the browser test (``examples/web-form/owner.test.mjs``) compares its
download with this file, so both sides test the same bytes."""

from __future__ import annotations

import json
from decimal import Decimal

import finsam
from finsam import Grade, Report

from conftest import ROOT

FIXTURES = ROOT / "examples" / "web-form" / "fixtures"


def test_the_forms_download_loads_and_grades_very_good() -> None:
    report = Report.load(FIXTURES / "start-2018-filled.json")
    assert report.period == "2018"
    assert [i.id for i in report.interventions] == ["lyra", "start"]
    start = report.interventions[1]
    assert [goal.result.value for goal in start.goals[:2]] == [Decimal("58"), Decimal("22")]
    # The goals the office locked stay locked in the file the owner sends back.
    office_start = Report.load(FIXTURES / "office-2018.json").interventions[1]
    assert [g.locked for g in start.goals] == [g.locked for g in office_start.goals]
    assert any(g.locked for g in start.goals)
    share = start.goals[2].result
    assert (share.numerator, share.denominator, share.percent) == (Decimal("12"), Decimal("20"), Decimal("60"))
    assessment = finsam.grade(start)
    assert assessment.grade is Grade.VERY_GOOD
    assert assessment.score == Decimal("1")
    # Last year's results, from the office's file, are kept; Lyra, not filled in, is as sent.
    office = Report.load(FIXTURES / "office-2018.json")
    written = json.loads(report.to_json())
    assert written["interventions"][1]["goals"][0]["last_year"] == {"type": "count", "value": "61", "text": "61 deltagare"}
    assert written["interventions"][0] == json.loads(office.to_json())["interventions"][0]
    # START's figures add up; the checker notes only that Lyra, not filled in, has no flow row.
    assert [(str(d.code), d.intervention_id) for d in report.check()] == [("flow_row_missing", "lyra")]
