"""The checker, the flow table and the end-reason table through the binding: the exact findings
on the sample reports (as `finsam-core/tests/checker.rs` asserts them), the DataFrames and HTML,
and property tests (a consistent report raises nothing; changing one gender count is found)."""

from __future__ import annotations

import json
import pickle
import subprocess
import sys
from decimal import Decimal
from typing import Any, Optional

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import finsam
from finsam import Diagnostic, DiagnosticList, FinsamError, Report

Finding = tuple[str, Optional[str], str, Optional[Decimal], Optional[Decimal]]


def findings(diagnostics: list[Diagnostic]) -> list[Finding]:
    return [(d.code, d.intervention_id, d.path, d.expected, d.printed) for d in diagnostics]


# --- The sample reports -------------------------------------------------------------------------


def test_the_2015_report_has_exactly_three_findings() -> None:
    diagnostics = finsam.sample_report(2015).check()
    assert findings(diagnostics) == [
        # The summary gives Slussen "59 deltagare"; the flow table has 108 current.
        ("goal_flow_mismatch", "slussen", "interventions[7].goals[0].result.value", Decimal(108), Decimal(59)),
        # Lyra: 6 women + 5 men + 1 other = 12, but 28 current.
        ("flow_gender_sum", "lyra", "flows.rows[3].figures.current", Decimal(12), Decimal(28)),
        # SamPlan: 126 + 110 + 0 = 236, but 237 current.
        ("flow_gender_sum", "samplan", "flows.rows[4].figures.current", Decimal(236), Decimal(237)),
    ]
    assert [d.severity for d in diagnostics] == ["error"] * 3
    assert [d.table for d in diagnostics] == ["goals", "flows", "flows"]
    lyra = diagnostics[1]
    assert lyra.message() == lyra.message("sv") == "Lyra: kvinnor + män + annat = 12, men aktuella deltagare = 28."
    assert lyra.message("en") == "Lyra: women + men + other = 12, but current participants = 28."


def test_the_2017_report_has_nine_findings() -> None:
    diagnostics = finsam.sample_report(2017).check()
    assert [d.code for d in diagnostics] == [
        "share_printed_mismatch",
        "share_printed_mismatch",
        "goal_flow_mismatch",
        "goal_flow_mismatch",
        "goal_flow_mismatch",
        "share_printed_mismatch",
        "share_printed_mismatch",
        "flow_new_above_current",
        "flow_ended_above_current",
    ]
    assert [d.intervention_id for d in diagnostics] == [
        "halsosam", "samverkansteam-botkyrka", "samverkansteam-botkyrka", "start", "upis", "mia", "mia",
        "mojliggorarna", "mojliggorarna",
    ]
    assert all(d.severity == "error" for d in diagnostics)
    # "93 % ... (89 av 93)": 89 of 93 is 95.7 %.
    first = diagnostics[0]
    assert (first.path, first.expected, first.printed) == (
        "interventions[1].goals[2].result.percent",
        Decimal("95.7"),
        Decimal(93),
    )
    assert first.message("en") == (
        'Hälsosam: goal "60 % tar eget ansvar för att genomföra hälsoplan": printed 93% but 89 of 93 is 95.7%.'
    )
    # Möjliggörarna: 114 new and 114 ended of 108 current.
    assert findings(diagnostics[-2:]) == [
        ("flow_new_above_current", "mojliggorarna", "flows.rows[4].figures.new", Decimal(108), Decimal(114)),
        ("flow_ended_above_current", "mojliggorarna", "flows.rows[4].figures.ended", Decimal(108), Decimal(114)),
    ]


def test_the_2014_report_has_fourteen_target_conflicts() -> None:
    diagnostics = finsam.sample_report(2014).check()
    assert len(diagnostics) == 14
    assert {d.code for d in diagnostics} == {"goal_target_conflict"}
    assert [d.intervention_id for d in diagnostics].count("samverkansteam-botkyrka") == 6
    assert findings(diagnostics)[0] == (
        "goal_target_conflict",
        "samverkansteam-botkyrka",
        "interventions[0].goals[0].also_stated[0].target",
        Decimal(50),
        Decimal(60),
    )
    assert findings(diagnostics)[-1] == (
        "goal_target_conflict",
        "slussen",
        "interventions[6].goals[2].also_stated[1].target",
        Decimal(100),
        Decimal(95),
    )


@pytest.mark.parametrize("year", [2014, 2015, 2017])
def test_check_function_and_method_agree_and_never_change_the_report(year: int) -> None:
    report = finsam.sample_report(year)
    before = report.to_json()
    by_function = finsam.check(report)
    by_method = report.check()
    assert isinstance(by_function, DiagnosticList) and isinstance(by_function, list)
    assert by_function == by_method
    assert report.to_json() == before
    assert report == Report.from_json(before) == finsam.sample_report(year)


def test_diagnostics_compare_hash_and_repr() -> None:
    first, second = finsam.sample_report(2015).check(), finsam.sample_report(2015).check()
    assert first == second
    assert len({*first, *second}) == 3
    assert first[1] != first[2]
    assert hash(first[1]) == hash(second[1])
    assert repr(first[1]) == (
        "<Diagnostic 'flow_gender_sum': severity='error', intervention_id='lyra', table='flows', "
        "path='flows.rows[3].figures.current', expected=Decimal('12'), printed=Decimal('28')>"
    )
    assert repr(first).startswith("DiagnosticList([<Diagnostic 'goal_flow_mismatch'")
    assert json.loads(first[1].to_json())["location"] == {
        "intervention": "lyra",
        "table": "flows",
        "path": "flows.rows[3].figures.current",
        "compared_with": None,
        "places": [],
    }
    assert (first[1].compared_with, first[1].places) == (None, [])
    with pytest.raises(FinsamError) as caught:
        first[0].message("de")
    assert (caught.value.code, caught.value.path) == ("unknown_variant", "language")


# --- Reports built from JSON --------------------------------------------------------------------


def report_json(
    rows: list[dict[str, Any]],
    *,
    total: Optional[dict[str, Any]] = None,
    unique: Optional[int] = None,
    end_reasons: Optional[dict[str, Any]] = None,
    names: Optional[list[str]] = None,
) -> str:
    names = names or [f"Insats {i}" for i in range(len(rows))]
    document: dict[str, Any] = {
        "format_version": 1,
        "organisation": "Samordningsförbundet Prov",
        "period": "2017",
        "interventions": [
            {"id": f"i{i}", "name": names[i], "kind": "individual", "status": "active"} for i in range(len(rows))
        ],
        "flows": {"rows": [{"intervention": f"i{i}", "figures": row} for i, row in enumerate(rows)]},
    }
    if total is not None:
        document["flows"]["total"] = total
    if unique is not None:
        document["flows"]["unique_participants"] = unique
    if end_reasons is not None:
        document["end_reasons"] = end_reasons
    return json.dumps(document, ensure_ascii=False)


def test_a_finding_without_intervention_stays_none() -> None:
    text = report_json(
        [{"current": 5, "women": 3, "men": 2, "other": 0}],
        total={"current": 6},
        unique=7,
    )
    diagnostics = Report.from_json(text).check()
    assert findings(diagnostics) == [
        ("flow_total_mismatch", None, "flows.total.current", Decimal(5), Decimal(6)),
        ("flow_unique_above_total", None, "flows.unique_participants", Decimal(6), Decimal(7)),
    ]
    frame = diagnostics.to_pandas()
    assert frame["intervention_id"].tolist() == [None, None]
    assert "intervention_id=None" in repr(diagnostics[0])


# --- DataFrames and HTML ------------------------------------------------------------------------

DIAGNOSTIC_COLUMNS = [
    "code", "severity", "intervention_id", "table", "path", "compared_with", "places", "expected", "printed",
    "message",
]


def test_diagnostic_frame_has_one_row_per_diagnostic() -> None:
    frame = finsam.sample_report(2015).check().to_pandas()
    assert frame.shape == (3, 10)
    assert list(frame.columns) == DIAGNOSTIC_COLUMNS
    assert frame["code"].tolist() == ["goal_flow_mismatch", "flow_gender_sum", "flow_gender_sum"]
    assert frame.loc[1, "intervention_id"] == "lyra"
    assert frame.loc[1, "path"] == "flows.rows[3].figures.current"
    assert frame.loc[1, "expected"] == Decimal(12) and isinstance(frame.loc[1, "expected"], Decimal)
    assert frame.loc[2, "printed"] == Decimal(237)
    assert frame.loc[1, "message"] == "Lyra: kvinnor + män + annat = 12, men aktuella deltagare = 28."
    english = finsam.sample_report(2015).check().to_pandas(language="en")
    assert english.loc[1, "message"] == "Lyra: women + men + other = 12, but current participants = 28."
    assert finsam.sample_report(2017).check().to_pandas().shape == (9, 10)
    empty = DiagnosticList().to_pandas()
    assert empty.shape == (0, 10) and list(empty.columns) == DIAGNOSTIC_COLUMNS
    with pytest.raises(FinsamError) as caught:
        finsam.sample_report(2015).check().to_pandas(language="de")
    assert caught.value.path == "language"


def test_diagnostic_html_is_a_table_with_escaped_text() -> None:
    text = report_json(
        [{"current": 28, "women": 6, "men": 5, "other": 1}],
        names=['Lyra <Huddinge & "Botkyrka">'],
    )
    diagnostics = Report.from_json(text).check()
    html = diagnostics._repr_html_()
    assert html == diagnostics.to_html()
    assert html.startswith('<table class="finsam-diagnostics">\n<thead>\n<tr><th scope="col">Kod</th>')
    assert html.count('<tr class="finsam-error">') == 1
    assert "<td>Lyra &lt;Huddinge &amp; &quot;Botkyrka&quot;&gt;: kvinnor + män + annat = 12" in html
    assert "<Huddinge" not in html
    english = diagnostics.to_html("en")
    assert '<th scope="col">Expected</th>' in english and "<td>12</td><td>28</td>" in english
    share = finsam.sample_report(2017).check()
    assert "<td>95,7</td><td>93</td>" in share.to_html()
    assert "<td>95.7</td><td>93</td>" in share.to_html("en")
    assert DiagnosticList().to_html() == '<p class="finsam-diagnostics">Inga avvikelser.</p>'
    assert DiagnosticList().to_html("en") == '<p class="finsam-diagnostics">No findings.</p>'


def run_python(code: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)


@pytest.mark.parametrize(
    "call",
    ["finsam.sample_report(2015).check().to_pandas()", "finsam.sample_report(2015).flows.to_pandas()"],
)
def test_new_frames_without_pandas_say_what_to_install(call: str) -> None:
    code = (
        "import sys; sys.modules['pandas'] = None\n"
        "import finsam\n"
        "try:\n"
        f"    {call}\n"
        "except ImportError as e:\n"
        "    print(type(e).__name__, e)\n"
    )
    result = run_python(code)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ImportError to_pandas needs pandas, which is not installed: pip install pandas"


# --- Flow and end-reason tables -----------------------------------------------------------------

FLOW_COLUMNS = [
    "intervention_id", "label", "current", "women", "men", "other", "new", "ended", "to_work_or_studies", "job_seeking",
]


def test_flow_table_of_the_2015_report() -> None:
    flows = finsam.sample_report(2015).flows
    assert flows is not None
    assert len(flows.rows) == 10 and flows.unique_participants is None
    lyra = flows.rows[3]
    assert (lyra.intervention_id, lyra.label) == ("lyra", "Lyra")
    figures = lyra.figures
    assert (figures.current, figures.women, figures.men, figures.other) == (28, 6, 5, 1)
    assert (figures.new, figures.ended, figures.to_work_or_studies, figures.job_seeking) == (12, 20, 6, 5)
    assert flows.row("lyra") == lyra and flows.row("nobody") is None
    assert flows.total is not None and flows.total.current == 728
    # A flow row is a frozen dataclass: its repr shows every field.
    assert repr(lyra).startswith("FlowRow(intervention='lyra', figures=FlowFigures(current=28, women=6")
    assert repr(flows) == "<FlowTable 10 row(s), unique_participants=None>"

    frame = flows.to_pandas()
    assert frame.shape == (11, 10)
    assert list(frame.columns) == FLOW_COLUMNS
    assert frame.iloc[3].tolist() == ["lyra", "Lyra", 28, 6, 5, 1, 12, 20, 6, 5]
    assert frame.iloc[10].tolist() == [None, "TOTALT", 728, 411, 299, 1, 501, 215, 98, 24]
    assert type(frame.loc[0, "current"]) is int


def test_flow_figures_not_applicable_and_blank() -> None:
    flows_2017 = finsam.sample_report(2017).flows
    assert flows_2017 is not None and flows_2017.unique_participants == 624
    halsosam = flows_2017.row("halsosam")
    assert halsosam is not None
    assert halsosam.figures.to_work_or_studies == "not_applicable" == halsosam.figures.job_seeking
    assert halsosam.figures.current == 96
    frame = flows_2017.to_pandas()
    assert frame.loc[1, "job_seeking"] == "not_applicable"
    assert repr(halsosam.figures).endswith("to_work_or_studies='not_applicable', job_seeking='not_applicable')")

    flows_2014 = finsam.sample_report(2014).flows
    assert flows_2014 is not None and flows_2014.total is None
    first = flows_2014.rows[0].figures
    assert (first.current, first.women, first.job_seeking) == (85, None, None)
    assert flows_2014.rows[0].label is None
    frame = flows_2014.to_pandas()
    assert frame.shape == (13, 10)  # no TOTALT row printed
    assert frame.iloc[0].tolist() == ["samverkansteam-botkyrka", None, 85] + [None] * 7


def test_end_reason_table_of_the_2014_report() -> None:
    report = finsam.sample_report(2014)
    table = report.end_reasons
    assert table is not None
    assert len(table.rows) == 8
    first = table.rows[0]
    assert (first.reason, first.label, first.women, first.men, first.other, first.total) == (
        "work_studies_job_seeking",
        "Arbete/studier/arbetsökande",
        34,
        53,
        None,
        87,
    )
    assert table.total is not None
    assert (table.total.women, table.total.men, table.total.other, table.total.total) == (94, 95, None, 189)
    assert table.note is not None and "189" in table.note
    assert repr(table) == "<EndReasonTable 8 row(s), total=189>"
    frame = table.to_pandas()
    assert frame.shape == (9, 6)
    assert list(frame.columns) == ["reason", "label", "women", "men", "other", "total"]
    assert frame.iloc[1].tolist() == ["continued_rehabilitation", "Fortsatt rehabilitering", 27, 19, None, 46]
    assert frame.iloc[8].tolist() == [None, "Totalt", 94, 95, None, 189]
    assert finsam.sample_report(2015).end_reasons is None
    assert finsam.sample_report(2017).end_reasons is None
    assert Report("Samordningsförbundet Exempel", "2017").flows is None


def test_tables_compare_and_survive_pickling() -> None:
    report = finsam.sample_report(2017)
    copy = pickle.loads(pickle.dumps(report))
    assert copy == report
    assert copy.flows == report.flows and hash(copy.flows) == hash(report.flows)
    assert report.flows is not None and report.flows.rows[0] != report.flows.rows[1]
    end_reasons = finsam.sample_report(2014).end_reasons
    assert end_reasons is not None and end_reasons == finsam.sample_report(2014).end_reasons
    assert len({end_reasons.rows[0], finsam.sample_report(2014).end_reasons.rows[0]}) == 1  # type: ignore[union-attr]


def test_goal_measures() -> None:
    report = finsam.sample_report(2017)
    adrian, halsosam = report.interventions[0], report.interventions[1]
    assert [goal.measures for goal in adrian.goals] == [None, "share_to_work_or_studies_of_ended"]
    assert [goal.measures for goal in halsosam.goals] == ["current_participants", None, None]
    assert finsam.Goal.count("20 nya", 20).measures is None


def test_sample_reports_include_2014() -> None:
    report = finsam.sample_report(2014)
    assert report.period == "2014"
    with pytest.raises(FinsamError) as caught:
        finsam.sample_report(2016)
    assert caught.value.path == "year"
    assert "2014, 2015, 2017" in str(caught.value)


# --- Properties ---------------------------------------------------------------------------------

FIGURES = ["current", "women", "men", "other", "new", "ended", "to_work_or_studies", "job_seeking"]


@st.composite
def consistent_rows(draw: st.DrawFn) -> dict[str, Any]:
    """A flow row that keeps every invariant; to work/studies and job-seeking may be "ej
    tillämpligt"."""
    women = draw(st.integers(min_value=0, max_value=300))
    men = draw(st.integers(min_value=0, max_value=300))
    other = draw(st.integers(min_value=0, max_value=20))
    current = women + men + other
    new = draw(st.integers(min_value=0, max_value=current))
    ended = draw(st.integers(min_value=0, max_value=current))
    to_work: Any = draw(st.integers(min_value=0, max_value=ended))
    job_seeking: Any = draw(st.integers(min_value=0, max_value=ended - to_work))
    if draw(st.booleans()):
        to_work = job_seeking = "not_applicable"
    return {
        "current": current, "women": women, "men": men, "other": other, "new": new, "ended": ended,
        "to_work_or_studies": to_work, "job_seeking": job_seeking,
    }


@st.composite
def consistent_reports(draw: st.DrawFn) -> tuple[list[dict[str, Any]], str]:
    rows = draw(st.lists(consistent_rows(), min_size=1, max_size=8))
    total = {name: sum(row[name] for row in rows if isinstance(row[name], int)) for name in FIGURES}
    unique = draw(st.integers(min_value=0, max_value=total["current"]))
    reasons = draw(st.lists(st.tuples(st.integers(0, 100), st.integers(0, 100)), min_size=1, max_size=8))
    codes = ["work_studies_job_seeking", "continued_rehabilitation", "illness", "parental_leave", "moved",
             "consent_withdrawn", "measurement_missing_or_dropout", "other"]
    end_reasons = {
        "rows": [
            {"reason": code, "women": w, "men": m, "total": w + m} for code, (w, m) in zip(codes, reasons)
        ],
        "total": {
            "women": sum(w for w, _ in reasons),
            "men": sum(m for _, m in reasons),
            "total": sum(w + m for w, m in reasons),
        },
    }
    return rows, report_json(rows, total=total, unique=unique, end_reasons=end_reasons)


@settings(max_examples=100, deadline=None)
@given(consistent_reports())
def test_a_consistent_report_has_no_diagnostics(built: tuple[list[dict[str, Any]], str]) -> None:
    _, text = built
    report = Report.from_json(text)
    assert report.check() == []
    assert report == Report.from_json(text)


@settings(max_examples=100, deadline=None)
@given(consistent_reports(), st.data())
def test_changing_one_gender_count_is_found(built: tuple[list[dict[str, Any]], str], data: st.DataObject) -> None:
    rows, text = built
    document = json.loads(text)
    index = data.draw(st.integers(min_value=0, max_value=len(rows) - 1), label="row")
    field = data.draw(st.sampled_from(["women", "men", "other"]), label="field")
    delta = data.draw(st.integers(min_value=1, max_value=50), label="delta")
    figures = document["flows"]["rows"][index]["figures"]
    figures[field] = figures[field] + delta if data.draw(st.booleans()) or figures[field] < delta else figures[field] - delta
    changed = Report.from_json(json.dumps(document))
    before = changed.to_json()
    diagnostics = changed.check()
    gender_sum = figures["women"] + figures["men"] + figures["other"]
    assert (
        "flow_gender_sum",
        f"i{index}",
        f"flows.rows[{index}].figures.current",
        Decimal(gender_sum),
        Decimal(figures["current"]),
    ) in findings(diagnostics)
    assert f"flows.total.{field}" in [d.path for d in diagnostics if d.code == "flow_total_mismatch"]
    assert changed.to_json() == before
