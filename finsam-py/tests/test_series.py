"""Reports across years through the binding: the 2014, 2015 and 2017 samples in one series, the
DataFrames with one column per period, the histories, the refusal of two reports of one period,
and a series of reports built from text."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest

import finsam
from finsam import FinsamError, Goal, Grade, Intervention, Report, ReportSeries, Result, SeriesComparison

YEARS = (2014, 2015, 2017)


def samples() -> list[Report]:
    return [finsam.sample_report(year) for year in YEARS]


def compare_samples() -> SeriesComparison:
    return ReportSeries(samples()).compare()


def test_the_series_is_ordered_by_period() -> None:
    series = ReportSeries(reversed(samples()))
    assert series.periods == ["2014", "2015", "2017"]
    assert len(series) == 3
    assert [r.period for r in series.reports] == ["2014", "2015", "2017"]
    assert series.report("2015") == finsam.sample_report(2015)
    assert series.report("2016") is None
    assert repr(series) == "<ReportSeries [2014, 2015, 2017]>"
    empty = ReportSeries()
    assert len(empty) == 0 and empty.periods == []
    for report in samples()[::-1]:
        empty.add(report)
    # The order reports are added in does not matter.
    assert empty.compare().to_json() == compare_samples().to_json()
    assert empty.compare() == compare_samples()


def test_grades_frame_has_one_column_per_period() -> None:
    frame = compare_samples().grades_to_pandas()
    assert list(frame.columns) == ["intervention_id", "intervention", "2014", "2015", "2017"]
    assert len(frame) == 15
    assert frame["intervention_id"].tolist()[0] == "samverkansteam-botkyrka"
    assert frame["intervention_id"].tolist()[13:] == ["mojliggorarna", "mia"]
    rows = frame.set_index("intervention_id")
    assert list(rows.loc["halsosam"]) == ["Hälsosam", "Mycket god", "Mycket god", "Mycket god"]
    assert list(rows.loc["start", ["2014", "2015", "2017"]]) == ["God", "Mycket god", "Mycket god"]
    assert list(rows.loc["upis", ["2014", "2015", "2017"]]) == ["Ej uppfyllt", "Mycket god", "Mycket god"]
    # Interventions that exist only some years: None in the other columns.
    assert list(rows.loc["akse", ["2014", "2015", "2017"]]) == ["Mycket god", "Godtagbar", None]
    assert list(rows.loc["paraplyteamet", ["2015", "2017"]]) == [None, None]
    assert list(rows.loc["mia", ["2014", "2015", "2017"]]) == [None, None, "Godtagbar"]

    english = compare_samples().grades_to_pandas(language="en").set_index("intervention_id")
    assert english.loc["start", "2014"] == "Good"
    grades = compare_samples().grades_to_pandas("grade").set_index("intervention_id")
    assert list(grades.loc["upis", ["2014", "2015"]]) == [Grade.NOT_MET, Grade.VERY_GOOD]
    scores = compare_samples().grades_to_pandas(value="score").set_index("intervention_id")
    assert scores.loc["samverkansteam-botkyrka", "2014"] == Decimal("0.9225")
    decided = compare_samples().grades_to_pandas(value="decided").set_index("intervention_id")
    assert decided.loc["adrian", "2017"] == "Ej tillämpbar"


def test_goals_frame_follows_each_goal_across_the_years() -> None:
    comparison = compare_samples()
    frame = comparison.goals_to_pandas()
    assert list(frame.columns) == ["intervention_id", "intervention", "goal_number", "goal", "2014", "2015", "2017"]
    halsosam = frame[frame["intervention_id"] == "halsosam"]
    assert halsosam["goal"].tolist() == [
        "80 deltagare.",
        "80 % upplever förbättrad hälsa",
        "60 % fullföljer programmet.",
        "80 % förbättrad hälsa.",
        "60 % tar eget ansvar för att genomföra hälsoplan",
    ]
    assert halsosam["goal_number"].tolist() == [1, 2, 3, 4, 5]
    participants = halsosam.iloc[0]
    assert [participants[y] for y in ("2014", "2015", "2017")] == [Decimal(89), Decimal(85), Decimal(96)]
    # Goals with no counterpart keep their own row; None where they are not in the report.
    assert halsosam.iloc[1][["2014", "2015", "2017"]].tolist() == [Decimal(95), None, None]
    assert halsosam.iloc[4][["2014", "2015"]].tolist() == [None, None]

    attainment = comparison.goals_to_pandas(value="attainment")
    row = attainment[(attainment["intervention_id"] == "halsosam") & (attainment["goal_number"] == 1)]
    assert row[["2014", "2015", "2017"]].iloc[0].tolist() == [Decimal(1)] * 3
    targets = comparison.goals_to_pandas("target")
    start = targets[(targets["intervention_id"] == "start") & (targets["goal"] == "20 nya")]
    assert start[["2015", "2017"]].iloc[0].tolist() == [Decimal(15), Decimal(20)]
    results = comparison.goals_to_pandas("result", language="en")
    assert results.iloc[0]["2014"] == "42"
    statuses = comparison.goals_to_pandas("status")
    assert statuses.iloc[0]["2014"] == "partly_reached"


def test_long_frames_hold_one_row_per_appearance_and_per_point() -> None:
    comparison = compare_samples()
    grades = comparison.grade_rows_to_pandas()
    assert len(grades) == 13 + 10 + 10
    first = grades.iloc[0].to_dict()
    assert first == {
        "intervention_id": "samverkansteam-botkyrka",
        "intervention": "Samverkansteam Botkyrka",
        "period": "2014",
        "id": "samverkansteam-botkyrka",
        "name": "Samverkansteam Botkyrka",
        "matched_by": None,
        "status": "active",
        "grade": Grade.GOOD,
        "grade_label": "God",
        "score": Decimal("0.9225"),
        "decided": None,
        "decided_label": None,
    }
    adrian = grades[(grades["intervention_id"] == "adrian") & (grades["period"] == "2017")].iloc[0]
    assert (adrian["decided"], adrian["decided_label"], adrian["matched_by"]) == (None, "Ej tillämpbar", "id")

    goals = comparison.goal_rows_to_pandas()
    points = sum(len(i.goals) for r in samples() for i in r.interventions)
    assert len(goals) == points
    assert goals.iloc[0][["period", "value", "result_type", "goal_number", "previous_period"]].tolist() == [
        "2014", Decimal(42), "count", 1, None,
    ]
    assert goals.iloc[1][["previous_period", "matched_by", "value_change"]].tolist() == ["2014", "figure", Decimal(-21)]
    halsosam = goals[(goals["intervention_id"] == "halsosam") & (goals["goal_number"] == 1)]
    assert halsosam["value_change"].tolist() == [None, Decimal(-4), Decimal(11)]
    assert halsosam["description"].tolist() == ["80 deltagare", "80 deltagare.", "80 deltagare."]
    assert halsosam["measures"].tolist() == ["current_participants"] * 3


def test_histories() -> None:
    comparison = compare_samples()
    assert comparison.periods == ["2014", "2015", "2017"]
    assert len(comparison.interventions) == 15
    halsosam = comparison.intervention("halsosam")
    assert halsosam is not None
    assert (halsosam.id, halsosam.name) == ("halsosam", "Hälsosam")
    assert halsosam.grades == [("2014", Grade.VERY_GOOD), ("2015", Grade.VERY_GOOD), ("2017", Grade.VERY_GOOD)]
    goal = halsosam.goals[0]
    assert goal.description == "80 deltagare."
    assert [p.period for p in goal.points] == ["2014", "2015", "2017"]
    assert [p.goal.value for p in goal.points] == [Decimal(89), Decimal(85), Decimal(96)]
    assert [p.value_change for p in goal.points] == [None, Decimal(-4), Decimal(11)]
    assert [p.attainment_change for p in goal.points] == [None, Decimal(0), Decimal(0)]
    assert [p.previous_period for p in goal.points] == [None, "2014", "2015"]
    assert [p.matched_by for p in goal.points] == [None, "description", "description"]
    assert goal.point("2015") == goal.points[1]
    assert goal.point("2016") is None
    start = comparison.intervention("start")
    assert start is not None
    new = next(g for g in start.goals if g.description == "20 nya")
    point = new.point("2017")
    assert point is not None and (point.matched_by, point.value_change) == ("figure", Decimal(6))
    adrian = comparison.intervention("adrian")
    assert adrian is not None
    assert [a.matched_by for a in adrian.appearances] == [None, "id", "id"]
    appearance = adrian.appearance("2017")
    assert appearance is not None and appearance.decided is not None
    assert (appearance.decided.code, appearance.decided.not_applicable) == ("not_applicable", True)
    assert comparison.intervention("no-such-id") is None


def test_an_alias_joins_a_renamed_intervention() -> None:
    renamed = Intervention(
        id="unga-pa-vag",
        name="Unga på väg",
        aliases=["UPIS"],
        goals=[Goal.count("30 deltagare", 30, result=Result.count(41))],
    )
    series = ReportSeries(samples())
    series.add(Report("Samordningsförbundet Huddinge Botkyrka Salem", "2018", [renamed]))
    comparison = series.compare()
    upis = comparison.intervention("upis")
    assert upis is not None
    assert upis == comparison.intervention("unga-pa-vag")
    assert (upis.id, upis.name) == ("unga-pa-vag", "Unga på väg")
    assert [(a.period, a.id, a.matched_by) for a in upis.appearances][-1] == ("2018", "unga-pa-vag", "name")
    frame = comparison.grades_to_pandas().set_index("intervention_id")
    assert list(frame.columns)[-1] == "2018"
    assert frame.loc["unga-pa-vag", "2014"] == "Ej uppfyllt"


def test_two_reports_of_one_period_are_refused() -> None:
    series = ReportSeries(samples())
    with pytest.raises(FinsamError) as caught:
        series.add(finsam.sample_report(2015))
    assert (caught.value.code, caught.value.path) == ("duplicate_period", "period")
    assert len(series) == 3
    with pytest.raises(FinsamError) as caught:
        ReportSeries(samples() + [finsam.sample_report(2014)])
    assert (caught.value.code, caught.value.path) == ("duplicate_period", "[3].period")
    with pytest.raises(FinsamError) as caught:
        ReportSeries([finsam.sample_report(2014), "2015"])  # type: ignore[list-item]
    assert (caught.value.code, caught.value.path) == ("invalid_type", "[1]")


@pytest.mark.parametrize(
    ("call", "code", "path"),
    [
        (lambda c: c.grades_to_pandas("colour"), "unknown_variant", "value"),
        (lambda c: c.goals_to_pandas("grade"), "unknown_variant", "value"),
        (lambda c: c.goals_to_pandas(language="fi"), "unknown_variant", "language"),
        (lambda c: c.intervention("halsosam").appearance("20xx"), "invalid_period", "period"),
    ],
)
def test_arguments_are_checked(call: object, code: str, path: str) -> None:
    with pytest.raises(FinsamError) as caught:
        call(compare_samples())  # type: ignore[operator]
    assert (caught.value.code, caught.value.path) == (code, path)


def test_the_comparison_as_json() -> None:
    data = json.loads(compare_samples().to_json())
    assert data["periods"] == ["2014", "2015", "2017"]
    halsosam = next(h for h in data["interventions"] if h["id"] == "halsosam")
    point = halsosam["goals"][0]["points"][1]
    assert (point["period"], point["value"], point["value_change"], point["matched_by"]) == (
        "2015",
        "85",
        "-4",
        "description",
    )
    assert halsosam["appearances"][0]["grade"] == "very_good"


def test_a_series_of_reports_built_from_text() -> None:
    def year(period: str, participants: str, share: str) -> Report:
        rows = [("Hälsosam", "80 deltagare.\n80 % förbättrad hälsa.", f"{participants} deltagare\n{share}", "Mycket God")]
        built = Report.from_text("Samordningsförbundet Exempel", period, rows)
        assert built.complete
        return built.report

    series = ReportSeries([year("2016", "70", "75 % (30 av 40)"), year("2017", "96", "93 %")])
    frame = series.compare().goals_to_pandas()
    assert frame[["goal", "2016", "2017"]].values.tolist() == [
        ["80 deltagare.", Decimal(70), Decimal(96)],
        ["80 % förbättrad hälsa.", Decimal(75), Decimal(93)],
    ]
    grades = series.compare().grades_to_pandas()
    assert grades[["2016", "2017"]].values.tolist() == [["God", "Mycket god"]]
