"""The text parser through the binding: the shared fixture of every goal and result cell of the
2014, 2015 and 2017 summaries (the rule of finsam-core/tests/parse.rs), spans as Python str
indexes, building interventions and reports from text, and rendering report tables."""

from __future__ import annotations

import csv
import io
import json
import math
from decimal import Decimal
from typing import Any, Optional

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import finsam
from conftest import VECTORS
from finsam import Aligned, DecidedGrade, FinsamError, Goal, Grade, Intervention, Report, Result

CELLS: list[dict[str, Any]] = json.loads((VECTORS / "cells.json").read_text(encoding="utf-8"))["rows"]

Span = tuple[int, int]


def expected_decimal(expected: dict[str, Any], key: str) -> Optional[Decimal]:
    value = expected.get(key)
    return None if value is None else Decimal(value)


def goal_matches(goal: Goal, expected: dict[str, Any]) -> bool:
    return (
        goal.kind == expected["kind"]
        and goal.target == expected_decimal(expected, "target")
        and goal.direction == expected["direction"]
        and goal.measures == expected.get("measures")
    )


def result_matches(result: Result, expected: Optional[dict[str, Any]]) -> bool:
    if expected is None or result.type != expected["type"]:
        return False
    if result.type == "count":
        return result.value == expected_decimal(expected, "value")
    if result.type == "share":
        return (
            result.percent == expected_decimal(expected, "percent")
            and result.numerator == expected_decimal(expected, "numerator")
            and result.denominator == expected_decimal(expected, "denominator")
        )
    return True


def overlaps(a: Span, b: Span) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def flagged(aligned: Aligned, cell: str, spans: list[Span]) -> bool:
    """Whether an issue of `cell` points at one of `spans`."""
    return any(issue.cell == cell and any(overlaps(issue.span, span) for span in spans) for issue in aligned.issues)


def test_every_cell_of_the_three_summaries() -> None:
    """No wrong parse at all (a wrong number, kind, flow link or alignment without an issue
    pointing at it), and at least 95 % of the cells read completely: the Rust test's rule."""
    assert len(CELLS) == 33
    wrong: list[str] = []
    cells = complete = 0
    for row in CELLS:
        label = f"{row['year']} {row['intervention']}"
        aligned = finsam.read_cells(row["goals_text"], row["results_text"])
        expected_goals = row["goals"]
        expected_results = row["results"]
        goal_items = aligned.goal_cell.items
        result_items = aligned.result_cell.items
        spans = [item.span for item in goal_items if item.type == "goal"]
        assert len(spans) == len(aligned.goals) == len(aligned.sources)
        following = 0
        goals_ok = results_ok = True
        for goal, span, sources in zip(aligned.goals, spans, aligned.sources):
            expected = expected_goals[following] if following < len(expected_goals) else None
            if expected is not None and goal_matches(goal, expected):
                expected_result = expected_results[following] if following < len(expected_results) else None
                if not result_matches(goal.result, expected_result):
                    results_ok = False
                    places = [result_items[source].span for source in sources] + [span]
                    if not flagged(aligned, "results", places) and not flagged(aligned, "goals", [span]):
                        wrong.append(f"{label}: goal {following} got {goal.result!r}, expected {expected_result}")
                following += 1
            else:
                # Not the next expected goal: an extra one, which must be flagged.
                goals_ok = False
                if not flagged(aligned, "goals", [span]):
                    wrong.append(f"{label}: unexpected goal {goal!r} without an issue")
        unread_goals = any(item.type == "unparsed" for item in goal_items)
        unread_results = any(item.type == "unparsed" for item in result_items)
        if following < len(expected_goals):
            goals_ok = results_ok = False
            if not unread_goals:
                wrong.append(f"{label}: only {following} of {len(expected_goals)} goals found, without an issue")
        cells += 2
        complete += int(goals_ok and not unread_goals) + int(results_ok and not unread_results)
    assert wrong == []
    assert complete * 100 >= cells * 95, f"{complete} of {cells} cells read completely"


def test_the_fixture_goals_are_goal_objects_with_their_results() -> None:
    row = next(r for r in CELLS if r["year"] == 2017 and r["intervention"] == "halsosam")
    aligned = finsam.read_cells(row["goals_text"], row["results_text"])
    assert all(isinstance(goal, Goal) for goal in aligned.goals)
    first = aligned.goals[0]
    assert (first.kind, first.target, first.measures) == ("count", Decimal(80), "current_participants")
    assert (first.result.type, first.result.value) == ("count", Decimal(96))
    shares = [g.result for g in aligned.goals if g.kind == "share"]
    assert (shares[-1].percent, shares[-1].numerator, shares[-1].denominator) == (
        Decimal(93),
        Decimal(89),
        Decimal(93),
    )
    assert aligned.complete
    assert aligned.issues == []


def test_spans_are_str_indexes_after_non_ascii_text() -> None:
    """Every issue and item of the fixture points at its text when the Python string is sliced,
    also after å, ä, ö (two bytes each in UTF-8, one str index)."""
    after_non_ascii = 0
    for row in CELLS:
        aligned = finsam.read_cells(row["goals_text"], row["results_text"])
        for issue in aligned.issues:
            cell = row["goals_text"] if issue.cell == "goals" else row["results_text"]
            assert issue.span == (issue.start, issue.end)
            assert " ".join(cell[issue.start : issue.end].split()) == issue.text
            after_non_ascii += any(ord(c) > 127 for c in cell[: issue.start])
        for goal_item in aligned.goal_cell.items:
            assert row["goals_text"][goal_item.span[0] : goal_item.span[1]] == goal_item.text
            if goal_item.goal is not None:
                assert " ".join(goal_item.text.split()) == goal_item.goal.description
        for result_item in aligned.result_cell.items:
            assert row["results_text"][result_item.span[0] : result_item.span[1]] == result_item.text
    # The Lyra cells of 2015 and 2017 have goals without results after "Ökad programtrohet".
    assert after_non_ascii >= 4


def test_a_span_after_swedish_letters_and_an_emoji() -> None:
    goals = "Ökad samverkan i Årsta 😀. 10-20 deltagare i Älvsjö."
    aligned = finsam.read_cells(goals, "Möten har hållits")
    [issue] = aligned.issues
    assert (issue.code, issue.severity, issue.cell) == ("unparsed_text", "error", "goals")
    assert issue.span == (goals.index("10-20"), len(goals))
    assert goals[issue.start : issue.end] == "10-20 deltagare i Älvsjö."
    assert issue.message("en") == '"10-20 deltagare i Älvsjö." could not be read: a range, not a target.'
    assert issue.message() == issue.message("sv")
    assert issue.message("sv").startswith('"10-20 deltagare i Älvsjö." kunde inte läsas')
    assert [item.type for item in aligned.goal_cell.items] == ["goal", "unparsed"]
    assert aligned.goals[0].result == Result.qualitative("Möten har hållits", "not_assessed")
    assert aligned.sources == [[0]]
    assert not aligned.complete
    with pytest.raises(FinsamError) as caught:
        issue.message("fi")
    assert caught.value.path == "language"


def test_a_result_span_in_the_result_cell() -> None:
    results = "Hälsan ökade för många. 48 % i arbete. 12 möten"
    aligned = finsam.read_cells("Ökad hälsa. 50 % i arbete", results)
    codes = [(i.code, i.cell) for i in aligned.issues]
    assert codes == [("unaligned_result", "results")]
    [issue] = aligned.issues
    assert results[issue.start : issue.end] == "12 möten"
    assert aligned.result_cell.results[-1] == Result.count(12, text="12 möten")
    assert aligned.goals[1].result.percent == Decimal(48)


def test_goals_without_results_and_results_without_goals() -> None:
    aligned = finsam.read_cells("70 nya deltagare\n25 % i arbete/studier", "43 nya och 48 avslutade")
    assert [(i.code, i.severity) for i in aligned.issues] == [
        ("missing_result", "warning"),
        ("unaligned_result", "warning"),
    ]
    assert aligned.goals[1].result.type == "missing"
    assert aligned.sources == [[0], []]
    assert not aligned.complete


def test_parse_goal_and_result_cells() -> None:
    cell = finsam.parse_goal_cell("80 deltagare. 80 % förbättrad hälsa. Alla har en individuell\nhandlingsplan.")
    assert [(g.kind, g.target) for g in cell.goals] == [
        ("count", Decimal(80)),
        ("share", Decimal(80)),
        ("share", Decimal(100)),
    ]
    assert cell.issues == []
    assert all(g.result.type == "missing" for g in cell.goals)
    results = finsam.parse_result_cell("15 deltagare, 8 nya. 96 % (48 av 50)")
    assert [r.type for r in results.results] == ["count", "count", "share"]
    assert [item.text for item in results.items] == ["15 deltagare", "8 nya.", "96 % (48 av 50)"]
    # A share that cannot be is read as printed; the checker reports it (share_impossible).
    impossible = finsam.parse_result_cell("50 % (9 av 8)")
    assert [item.type for item in impossible.items] == ["result"]
    share = impossible.items[0].result
    assert (share.percent, share.numerator, share.denominator) == (Decimal(50), Decimal(9), Decimal(8))
    assert impossible.issues == []
    with pytest.raises(finsam.FinsamError) as refused:
        finsam.Result.share(percent=50, numerator=9, denominator=8)
    assert (refused.value.code, refused.value.path) == ("numerator_above_denominator", "numerator")
    approximate = finsam.parse_result_cell("Cirka 40 deltagare")
    assert [(i.code, i.severity) for i in approximate.issues] == [("approximate_number", "info")]


def test_a_cell_too_long_is_kept_whole() -> None:
    long = "80 deltagare. " * 200
    assert len(long) > finsam.MAX_CELL_CHARS
    aligned = finsam.read_cells(long, long)
    assert [(i.code, i.span) for i in aligned.issues] == [("too_long", (0, len(long)))] * 2
    assert [item.text for item in aligned.goal_cell.items] == [long]
    assert aligned.goals == []


def test_swedish_numbers() -> None:
    assert finsam.parse_number("1 150") == Decimal(1150)
    assert finsam.parse_number("1\u00a0150") == Decimal(1150)
    assert finsam.parse_number("12 325 367") == Decimal(12325367)
    assert str(finsam.parse_number("8,5")) == "8.5"
    assert finsam.parse_number("0,25") == Decimal("0.25")
    assert finsam.parse_number("-506") == Decimal(-506)
    for text in ["80 %", "80 st", "1 15", ""]:
        assert finsam.parse_number(text) is None
    assert finsam.id_from_name("Samverkans- team Botkyrka") == "samverkans-team-botkyrka"
    assert finsam.id_from_name("Möjliggörarna") == "mojliggorarna"
    assert finsam.id_from_name("---") is None


# ---------------------------------------------------------------------------------------------
# Any text: read_cells returns, and every span slices the Python string.

FRAGMENTS = [
    "80 %", "(12 av 13)", "1 150", "deltagare", "nya", "Ej mätbart", ".", ",", "\n", "Alla", "högst",
    "8,5", "(", ")", "av", "-", "Ökad", "hälsa", "för", "Årsta", "😀", "cirka",
]
report_like = st.lists(
    st.one_of(st.sampled_from(FRAGMENTS), st.integers(0, 9999).map(str), st.text("abcåäöÅÄÖ", min_size=1, max_size=8)),
    max_size=30,
).map(" ".join)
any_text = st.one_of(st.text(max_size=300), report_like)
surrogate_text = st.text(
    st.one_of(st.characters(), st.integers(0xD800, 0xDFFF).map(chr)),
    max_size=60,
)


def check_spans(aligned: Aligned, goals: str, results: str) -> None:
    assert len(aligned.goals) == len(aligned.sources)
    for issue in aligned.issues:
        cell = goals if issue.cell == "goals" else results
        assert 0 <= issue.start <= issue.end <= len(cell)
    for goal_item in aligned.goal_cell.items:
        assert goals[goal_item.span[0] : goal_item.span[1]] == goal_item.text
    for result_item in aligned.result_cell.items:
        assert results[result_item.span[0] : result_item.span[1]] == result_item.text


@settings(max_examples=300, deadline=None)
@given(any_text, any_text)
def test_read_cells_returns_for_any_text(goals: str, results: str) -> None:
    aligned = finsam.read_cells(goals, results)
    check_spans(aligned, goals, results)
    assert aligned.goal_cell.text == goals
    assert finsam.parse_goal_cell(goals) == aligned.goal_cell
    assert finsam.parse_result_cell(results) == aligned.result_cell
    finsam.parse_number(goals)


@settings(max_examples=100, deadline=None)
@given(surrogate_text, surrogate_text)
def test_read_cells_takes_lone_surrogates(goals: str, results: str) -> None:
    """A lone surrogate cannot cross into UTF-8; it is read as "?", one character for one."""
    aligned = finsam.read_cells(goals, results)
    replaced = [text.encode("utf-8", "replace").decode("utf-8") for text in (goals, results)]
    assert aligned.goal_cell.text == replaced[0]
    check_spans(aligned, *replaced)


def test_read_cells_refuses_what_is_not_text() -> None:
    with pytest.raises(TypeError):
        finsam.read_cells(80, "96")  # type: ignore[arg-type]


# ---------------------------------------------------------------------------------------------
# Building interventions and reports from text

START_GOALS = "40 deltagare, 20 nya.\n50 % i arbete/studier."
START_RESULTS = "61 deltagare, 21 nya\n67 % till arbete/studier (14 av 21)"


def test_intervention_from_text() -> None:
    built = Intervention.from_text("START", START_GOALS, START_RESULTS, grade="Mycket God")
    intervention = built.intervention
    assert (intervention.id, intervention.name, intervention.kind) == ("start", "START", "individual")
    assert [(g.kind, g.target, g.result.type) for g in intervention.goals] == [
        ("count", Decimal(40), "count"),
        ("count", Decimal(20), "count"),
        ("share", Decimal(50), "share"),
    ]
    assert intervention.decided_grade == DecidedGrade(Grade.VERY_GOOD, printed="Mycket God")
    assert built.issues == [] and built.complete
    assert built.aligned.goals == intervention.goals
    assert intervention.grade().grade is Grade.VERY_GOOD

    lyra = Intervention.from_text(
        "  Lyra  ", "Ökad programtrohet.", "Programtrohet har ökat.", id="lyra-2017", kind="structural"
    ).intervention
    assert (lyra.id, lyra.name, lyra.kind, lyra.decided_grade) == ("lyra-2017", "Lyra", "structural", None)


@pytest.mark.parametrize(
    ("arguments", "code", "path"),
    [
        ({"name": " "}, "empty_text", "name"),
        ({"name": "---"}, "invalid_id", "name"),
        ({"name": "Lyra", "id": "Bad Id"}, "invalid_id", "id"),
        ({"name": "Lyra", "grade": "Utmärkt"}, "invalid_grade", "grade"),
        ({"name": "Lyra", "kind": "collective"}, "unknown_variant", "kind"),
    ],
)
def test_intervention_from_text_errors(arguments: dict[str, str], code: str, path: str) -> None:
    with pytest.raises(FinsamError) as caught:
        Intervention.from_text(goals="20 nya", results="12 nya", **arguments)  # type: ignore[arg-type]
    assert (caught.value.code, caught.value.path) == (code, path)


ROWS = [
    ("Samverkansteam Huddinge", "70 nya deltagare 25 % i/närmare arbete/studier", "43 nya och 48 avslutade 25 % i/närmare arbete/studier", "God"),
    ("Hälsosam", "80 deltagare.", "96 deltagare", "Mycket God"),
    ("Kugghjulen", "1 150 ärenden", "604 ärenden", None),
]


def test_report_from_rows_as_tuples_dicts_and_a_data_frame() -> None:
    from_tuples = Report.from_text("Samordningsförbundet Exempel", "2017", ROWS)
    report = from_tuples.report
    assert (report.organisation, report.period) == ("Samordningsförbundet Exempel", "2017")
    assert [i.id for i in report.interventions] == ["samverkansteam-huddinge", "halsosam", "kugghjulen"]
    assert report.interventions[2].goals[0].target == Decimal(1150)
    assert report.interventions[2].decided_grade is None
    assert [r.intervention for r in from_tuples.rows] == report.interventions

    dicts = [{"name": n, "goals": g, "results": r, "grade": grade} for n, g, r, grade in ROWS]
    assert Report.from_text("Samordningsförbundet Exempel", "2017", dicts) == from_tuples
    assert Report.from_text("Samordningsförbundet Exempel", "2017", iter(dicts)) == from_tuples
    frame = pd.DataFrame(ROWS, columns=["name", "goals", "results", "grade"])
    frame.loc[2, "grade"] = math.nan
    assert Report.from_text("Samordningsförbundet Exempel", "2017", frame) == from_tuples
    frame = frame.assign(grade=frame["grade"].astype("string"))  # a blank is pandas.NA
    assert Report.from_text("Samordningsförbundet Exempel", "2017", frame) == from_tuples

    # The issues per row: 48 avslutade answers no goal of Samverkansteam Huddinge.
    assert [[i.code for i in issues] for issues in from_tuples.issues] == [["unaligned_result"], [], []]
    assert not from_tuples.complete
    issues = from_tuples.issues_to_pandas("en")
    assert issues.to_dict("records") == [
        {
            "row": 0,
            "intervention_id": "samverkansteam-huddinge",
            "code": "unaligned_result",
            "severity": "warning",
            "cell": "results",
            "start": 11,
            "end": 23,
            "text": "48 avslutade",
            "message": 'the result "48 avslutade" answers none of the goals.',
        }
    ]


def test_rows_with_id_and_kind() -> None:
    built = Report.from_text(
        "Exempel",
        "2019-H1",
        [("Lyra", "Ökad programtrohet.", "Ökad.", None, "lyra", "structural"), {"name": "Upis", "kind": None}],
    )
    assert [(i.id, i.kind, len(i.goals)) for i in built.report.interventions] == [
        ("lyra", "structural", 1),
        ("upis", "individual", 0),
    ]
    assert built.report.period == "2019-H1"


@pytest.mark.parametrize(
    ("rows", "code", "path"),
    [
        ([("Lyra", "20 nya", "12 nya", "Utmärkt")], "invalid_grade", "[0].grade"),
        ([("Lyra", "", ""), ("LYRA", "", "")], "duplicate_id", "[1].name"),
        ([(" ", "", "")], "empty_text", "[0].name"),
        ([{"goals": "20 nya"}], "missing_field", "[0].name"),
        ([{"name": math.nan}], "missing_field", "[0].name"),
        ([("Lyra", "", ""), {"name": "Upis", "grades": "God"}], "unknown_field", "[1].grades"),
        ([("Lyra", "20 nya")], "invalid_value", "[0]"),
        ([("Lyra", 20, "12 nya")], "invalid_type", "[0].goals"),
        (["Lyra"], "invalid_type", "[0]"),
        ([("Lyra", "", "", None, None, "collective")], "unknown_variant", "[0].kind"),
    ],
)
def test_report_from_text_errors(rows: list[Any], code: str, path: str) -> None:
    with pytest.raises(FinsamError) as caught:
        Report.from_text("Exempel", "2017", rows)
    assert (caught.value.code, caught.value.path) == (code, path)


def test_report_from_text_refuses_a_bad_period_and_unknown_columns() -> None:
    with pytest.raises(FinsamError) as caught:
        Report.from_text("Exempel", "2017-Q3", ROWS)
    assert caught.value.path == "period"
    frame = pd.DataFrame(ROWS, columns=["name", "goals", "results", "grade"]).assign(year=2017)
    with pytest.raises(FinsamError) as caught:
        Report.from_text("Exempel", "2017", frame)
    assert (caught.value.code, caught.value.path) == ("unknown_field", "[0].year")


# ---------------------------------------------------------------------------------------------
# Rendering


def small_report() -> Report:
    """The report of finsam-core/tests/render.rs: START (the decided grade agrees), a name with a
    `|`, a count in the thousands, 8.5 %, a qualitative result with a comma and quotes (the
    decided grade differs), and an intervention without goals."""
    start = Intervention(
        id="start",
        name="START",
        goals=[
            Goal.count("20 nya deltagare", 20, result=Result.count(21)),
            Goal.share("50 % i arbete/studier", 50, result=Result.share(percent=67, numerator=14, denominator=21)),
        ],
        decided_grade=DecidedGrade(Grade.VERY_GOOD),
    )
    kugghjulen = Intervention(
        id="kugghjulen",
        name="Kugghjulen | ärenden",
        goals=[
            Goal.count("1 150 ärenden", 1150, result=Result.count(1150)),
            Goal.share("10 % till arbete", 10, result=Result.share(numerator=17, denominator=200)),
            Goal.qualitative('Samverkan, "nätverk"', result=Result.qualitative("Möten, nätverk", "reached")),
        ],
        decided_grade=DecidedGrade(Grade.GOOD),
    )
    new = Intervention(id="ny", name="Ny insats", kind="structural")
    return Report("Samordningsförbundet Exempel", "2017", [start, kugghjulen, new])


def test_csv_of_a_small_report_is_exact() -> None:
    report = small_report()
    assert report.render("csv") == (
        "Insats,Mål,Resultat,Måluppfyllelse\r\n"
        "START,20 nya deltagare,21,Mycket god\r\n"
        "START,50 % i arbete/studier,67 % (14 av 21),Mycket god\r\n"
        "Kugghjulen | ärenden,1 150 ärenden,1 150,Mycket god (beslutad: God)\r\n"
        'Kugghjulen | ärenden,10 % till arbete,"8,5 % (17 av 200)",Mycket god (beslutad: God)\r\n'
        'Kugghjulen | ärenden,"Samverkan, ""nätverk""","Möten, nätverk",Mycket god (beslutad: God)\r\n'
        "Ny insats,Inga mål,,Ingen grad\r\n"
    )
    assert report.render(format="CSV", language="en") == (  # type: ignore[arg-type]  # any case
        "Intervention,Goal,Result,Goal fulfilment\r\n"
        "START,20 nya deltagare,21,Very good\r\n"
        "START,50 % i arbete/studier,67% (14 of 21),Very good\r\n"
        'Kugghjulen | ärenden,1 150 ärenden,"1,150",Very good (decided: Good)\r\n'
        "Kugghjulen | ärenden,10 % till arbete,8.5% (17 of 200),Very good (decided: Good)\r\n"
        'Kugghjulen | ärenden,"Samverkan, ""nätverk""","Möten, nätverk",Very good (decided: Good)\r\n'
        "Ny insats,No goals,,No grade\r\n"
    )
    # The CSV reads back with Python's csv module, cell for cell.
    records = list(csv.reader(io.StringIO(report.render("csv"), newline="")))
    assert records[5] == ["Kugghjulen | ärenden", 'Samverkan, "nätverk"', "Möten, nätverk", "Mycket god (beslutad: God)"]


def test_markdown_of_a_small_report_is_exact() -> None:
    assert small_report().render() == (
        "**Sammanställning av måluppfyllelse – Samordningsförbundet Exempel, 2017**\n"
        "\n"
        "| Insats | Mål | Resultat | Måluppfyllelse |\n"
        "| --- | --- | --- | --- |\n"
        "| START | 20 nya deltagare | 21 | Mycket god |\n"
        "|  | 50 % i arbete/studier | 67 % (14 av 21) |  |\n"
        "| Kugghjulen \\| ärenden | 1 150 ärenden | 1 150 | Mycket god (beslutad: God) |\n"
        "|  | 10 % till arbete | 8,5 % (17 av 200) |  |\n"
        '|  | Samverkan, "nätverk" | Möten, nätverk |  |\n'
        "| Ny insats | Inga mål |  | Ingen grad |\n"
    )
    assert small_report().render("md") == small_report().render("markdown")


def test_html_is_a_complete_accessible_document() -> None:
    html = small_report().render("html")
    assert html.startswith('<!DOCTYPE html>\n<html lang="sv">\n<head>\n<meta charset="utf-8">\n')
    assert html.endswith("</table>\n</body>\n</html>\n")
    assert "<caption>Sammanställning av måluppfyllelse – Samordningsförbundet Exempel, 2017</caption>" in html
    head, body = html.split("</thead>\n")
    assert head.endswith(
        '<tr><th scope="col">Insats</th><th scope="col">Mål</th><th scope="col">Resultat</th>'
        '<th scope="col">Måluppfyllelse</th></tr>\n'
    )
    assert body == (
        "<tbody>\n"
        '<tr><th scope="rowgroup" rowspan="2">START</th><td>20 nya deltagare</td><td>21</td><td rowspan="2">Mycket god</td></tr>\n'
        "<tr><td>50 % i arbete/studier</td><td>67 % (14 av 21)</td></tr>\n"
        "</tbody>\n"
        "<tbody>\n"
        '<tr><th scope="rowgroup" rowspan="3">Kugghjulen | ärenden</th><td>1 150 ärenden</td><td>1 150</td>'
        '<td rowspan="3">Mycket god (beslutad: God)</td></tr>\n'
        "<tr><td>10 % till arbete</td><td>8,5 % (17 av 200)</td></tr>\n"
        "<tr><td>Samverkan, &quot;nätverk&quot;</td><td>Möten, nätverk</td></tr>\n"
        "</tbody>\n"
        "<tbody>\n"
        '<tr><th scope="row">Ny insats</th><td>Inga mål</td><td></td><td>Ingen grad</td></tr>\n'
        "</tbody>\n"
        "</table>\n</body>\n</html>\n"
    )


def test_html_of_the_2017_sample() -> None:
    report = finsam.sample_report(2017)
    html = report.render("html")
    goals = sum(max(len(i.goals), 1) for i in report.interventions)
    assert html.count("<tbody>") == len(report.interventions)
    assert html.count("<tr>") == goals + 1
    assert "<td>93 % (89 av 93)</td>" in html
    english = report.render("html", "en")
    assert english.startswith('<!DOCTYPE html>\n<html lang="en">')
    assert "<td>67% (14 of 21)</td>" in english
    strict = finsam.GradingPolicy(very_good="0.99", good="0.98", acceptable="0.97")
    assert report.render("csv", policy=strict) != report.render("csv")


def test_flow_tables() -> None:
    report = finsam.sample_report(2015)
    csv_text = report.render_flows("csv", "en")
    assert csv_text is not None
    assert csv_text.startswith(
        "Intervention,Current participants,Of whom women,Of whom men,Other/unspecified,"
        "New participants,Ended participants,To work/studies,Job-seeking at end\r\n"
    )
    assert csv_text.endswith("TOTAL,728,411,299,1,501,215,98,24\r\n")
    markdown = finsam.sample_report(2017).render_flows()
    assert markdown is not None
    assert "| Hälsosam | 96 | 69 | 27 | 0 | 96 | 96 | ej tillämpligt | ej tillämpligt |\n" in markdown
    assert markdown.endswith("| Varav unika deltagare | 624 |  |  |  |  |  |  |  |\n")
    html = report.render_flows(format="html")
    assert html is not None and "<tfoot>\n<tr><th scope=\"row\">TOTALT</th>" in html
    assert small_report().render_flows("html") is None


@pytest.mark.parametrize(("arguments", "path"), [({"format": "pdf"}, "format"), ({"language": "fi"}, "language")])
def test_render_errors(arguments: dict[str, str], path: str) -> None:
    with pytest.raises(FinsamError) as caught:
        small_report().render(**arguments)  # type: ignore[arg-type]
    assert caught.value.path == path
    with pytest.raises(FinsamError) as caught:
        small_report().render_flows(**arguments)  # type: ignore[arg-type]
    assert caught.value.path == path


def test_a_rendered_table_reads_back_as_the_same_goals() -> None:
    """The 2017 summary rendered as CSV, pasted back row by row into Report.from_text, gives
    every goal's kind and target again."""
    report = finsam.sample_report(2017)
    grouped: dict[str, tuple[list[str], list[str]]] = {}
    for name, goal, result, _grade in list(csv.reader(io.StringIO(report.render("csv"), newline="")))[1:]:
        goals, results = grouped.setdefault(name, ([], []))
        goals.append(goal)
        results.append(result)
    rows = [(name, "\n".join(goals), "\n".join(results)) for name, (goals, results) in grouped.items()]
    built = Report.from_text(report.organisation, report.period, rows)
    assert built.complete
    for original, back in zip(report.interventions, built.report.interventions):
        assert [(g.kind, g.target) for g in back.goals] == [(g.kind, g.target) for g in original.goals]
