"""The charts of finsam.charts on the 2014 Word appendix (and the 2017 sample for the flows by
gender, which the appendix does not print): each chart's rows against the core's rows, its
PNG, its Vega-Lite spec, its notebook display, and its message without matplotlib."""

from __future__ import annotations

import json
import subprocess
import sys
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

import finsam
from finsam import charts

DOCX_2014 = Path(__file__).resolve().parents[2] / "finsam-core" / "tests" / "documents" / "arsredovisning-2014-bilaga2.docx"
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
SCHEMA = "https://vega.github.io/schema/vega-lite/v5.json"


@pytest.fixture(scope="module")
def report() -> finsam.Report:
    return finsam.read_report(DOCX_2014).report


def plain(value: Any) -> Any:
    return float(value) if isinstance(value, Decimal) else value


def json_rows(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [{key: plain(value) for key, value in row.items()} for row in rows]


def test_goal_attainment_rows_are_the_cores_goal_rows(report: finsam.Report) -> None:
    chart = charts.goal_attainment(report)
    frame = report.to_pandas(level="goal")
    keys = ["intervention_id", "intervention", "goal_number", "goal", "target", "value", "attainment", "status"]
    assert [{key: row[key] for key in keys} for row in chart.data] == frame[keys].to_dict("records")
    assert len(chart.data) == 30
    first = chart.data[0]
    assert first == {
        "intervention_id": "samverkansteam-botkyrka",
        "intervention": "Samverkansteam Botkyrka",
        "goal_number": 1,
        "goal": "50 remisser",
        "target": Decimal("50"),
        "value": Decimal("42"),
        "attainment": Decimal("0.84"),
        "status": "partly_reached",
        "status_label": "delvis uppnått",
    }
    salem = [row for row in chart.data if row["intervention_id"] == "ungdomsprojekt-i-salem"]
    assert [(row["attainment"], row["status"], row["status_label"]) for row in salem] == [
        (Decimal("0.30"), "partly_reached", "delvis uppnått"),
        (None, "not_measured", "ej mätt"),
    ]
    assert chart.references == [{"label": "Målvärde", "attainment": Decimal(1)}]
    assert (chart.kind, chart.title, chart.empty, chart.message) == ("goal_attainment", "Måluppfyllelse per mål", False, None)

    spec = chart.vega_lite()
    assert spec["$schema"] == SCHEMA
    assert spec["data"]["values"] == json_rows(chart.data)
    assert spec["facet"]["row"]["field"] == "intervention"
    assert spec["facet"]["row"]["title"] == "Insats"
    bar, rule = spec["spec"]["layer"]
    assert bar["mark"]["type"] == "bar" and rule["mark"]["type"] == "rule"
    assert rule["encoding"]["x"] == {"datum": 1.0}
    encoding = bar["encoding"]
    assert (encoding["x"]["field"], encoding["x"]["title"]) == ("attainment", "Måluppfyllelse")
    assert (encoding["y"]["field"], encoding["y"]["title"]) == ("goal", "Mål")
    assert encoding["color"]["field"] == "status_label"
    assert encoding["color"]["title"] == "Status"
    assert encoding["color"]["scale"]["domain"] == ["uppnått", "delvis uppnått", "ej mätt", "ej bedömt"]


def test_goal_attainment_in_english(report: finsam.Report) -> None:
    chart = charts.goal_attainment(report, language="en")
    assert chart.title == "Attainment per goal"
    assert chart.data[0]["status_label"] == "partly reached"
    assert chart.references == [{"label": "Target", "attainment": Decimal(1)}]
    assert chart.vega_lite()["spec"]["layer"][0]["encoding"]["x"]["title"] == "Attainment"


def test_scores_rows_and_the_band_edges(report: finsam.Report) -> None:
    chart = charts.scores(report)
    frame = report.to_pandas(level="intervention")
    keys = ["intervention_id", "intervention", "score", "grade_label", "rule"]
    assert [{key: row[key] for key in keys} for row in chart.data] == frame[keys].to_dict("records")
    assert [row["grade"] for row in chart.data] == [g.code for g in frame["grade"]]
    botkyrka = chart.data[0]
    assert botkyrka == {
        "intervention_id": "samverkansteam-botkyrka",
        "intervention": "Samverkansteam Botkyrka",
        "score": Decimal("0.9225"),
        "grade": "good",
        "grade_label": "God",
        "rule": "score_band",
    }
    samplan = chart.data[-1]
    assert (samplan["intervention"], samplan["score"], samplan["grade_label"]) == ("SamPlan", Decimal("0.23"), "Ej uppfyllt")
    assert chart.references == [
        {"grade": "very_good", "grade_label": "Mycket god", "edge": Decimal("0.95")},
        {"grade": "good", "grade_label": "God", "edge": Decimal("0.85")},
        {"grade": "acceptable", "grade_label": "Godtagbar", "edge": Decimal("0.50")},
    ]

    spec = chart.vega_lite()
    assert spec["$schema"] == SCHEMA
    assert spec["data"]["values"] == json_rows(chart.data)
    bar, rule, text = spec["layer"]
    assert [layer["mark"]["type"] for layer in spec["layer"]] == ["bar", "rule", "text"]
    assert bar["encoding"]["x"]["field"] == "score" and bar["encoding"]["x"]["title"] == "Poäng"
    assert bar["encoding"]["y"]["field"] == "intervention"
    assert bar["encoding"]["color"]["title"] == "Beräknad"
    assert bar["encoding"]["color"]["scale"]["domain"] == ["Mycket god", "God", "Godtagbar", "Ej uppfyllt"]
    assert rule["data"]["values"] == text["data"]["values"] == json_rows(chart.references)
    assert text["encoding"]["text"]["field"] == "grade_label"


def test_scores_with_another_policy(report: finsam.Report) -> None:
    policy = finsam.GradingPolicy(very_good="0.9", good="0.8", acceptable="0.6")
    chart = charts.scores(report, policy=policy, language="en")
    assert [(r["grade_label"], r["edge"]) for r in chart.references] == [
        ("Very good", Decimal("0.9")),
        ("Good", Decimal("0.8")),
        ("Acceptable", Decimal("0.6")),
    ]
    huddinge = next(row for row in chart.data if row["intervention_id"] == "samverkansteam-huddinge")
    assert (huddinge["score"], huddinge["grade_label"]) == (Decimal("0.8071428571428571428571428572"), "Good")
    assert chart.vega_lite()["layer"][0]["encoding"]["x"]["title"] == "Score"


def test_flows_by_gender_of_the_2014_appendix_is_empty_and_says_why(report: finsam.Report) -> None:
    # The appendix's flow table prints only the current participants of each intervention.
    flows = report.flows
    assert flows is not None and flows.rows[0].figures.current == 85 and flows.rows[0].figures.women is None
    chart = charts.flows_by_gender(report)
    assert chart.empty and chart.data == []
    assert chart.message == "Flödestabellen anger inte antalet kvinnor och män."
    assert repr(chart) == "<Chart flows_by_gender: empty: Flödestabellen anger inte antalet kvinnor och män.>"
    spec = chart.vega_lite()
    assert spec["data"]["values"] == []
    assert spec["title"] == {
        "text": "Aktuella deltagare per insats efter kön",
        "subtitle": "Flödestabellen anger inte antalet kvinnor och män.",
    }
    assert chart._repr_png_().startswith(PNG_SIGNATURE)


def test_flows_by_gender_without_a_flow_table() -> None:
    bare = finsam.Report("Samordningsförbundet Exempel", "2017")
    chart = charts.flows_by_gender(bare, language="en")
    assert chart.empty and chart.message == "The report has no participant-flow table."


def test_flows_by_gender_of_the_2017_sample() -> None:
    report = finsam.sample_report(2017)
    chart = charts.flows_by_gender(report)
    flows = report.flows
    assert flows is not None and flows.total is not None
    assert len(chart.data) == len(flows.rows) == 10
    assert chart.data[0] == {"intervention_id": "adrian", "intervention": "Adrian", "women": 6, "men": 4, "other": 1}
    slussen = next(row for row in chart.data if row["intervention_id"] == "slussen")
    assert (slussen["women"], slussen["men"]) == (62, 79)
    # The TOTALT row (407 women, 346 men) is left out.
    assert all(row["intervention"] != "TOTALT" for row in chart.data)
    assert sum(row["women"] for row in chart.data) == flows.total.women == 407
    spec = chart.vega_lite()
    assert spec["$schema"] == SCHEMA
    assert spec["mark"]["type"] == "bar"
    assert spec["data"]["values"] == json_rows(chart.data)
    assert spec["transform"][0] == {"fold": ["women", "men", "other"], "as": ["gender", "count"]}
    assert spec["encoding"]["color"]["scale"]["domain"] == ["Kvinnor", "Män", "Annat/ej angivet"]
    assert spec["encoding"]["x"]["title"] == "Aktuella deltagare"
    assert {"x", "y", "yOffset", "color"} <= set(spec["encoding"])


def test_budget_outcome_from_the_sections(report: finsam.Report) -> None:
    chart = charts.budget_outcome(report)
    assert report.economics is None
    assert len(chart.data) == 13
    assert chart.data[0] == {
        "intervention_id": "samverkansteam-botkyrka",
        "intervention": "Samverkansteam Botkyrka",
        "budget": Decimal("3335"),
        "outcome": Decimal("2611"),
        "unit": "tkr",
        "wording": "requisitioned",
        "source": "section",
    }
    for row, intervention in zip(chart.data, report.interventions):
        assert intervention.budget is not None
        assert (row["budget"], row["outcome"]) == (intervention.budget.budget, intervention.budget.outcome)
    huddinge = chart.data[1]
    assert (huddinge["budget"], huddinge["outcome"], huddinge["wording"]) == (Decimal("2940"), Decimal("2827"), "outcome")
    spec = chart.vega_lite()
    assert spec["$schema"] == SCHEMA
    assert spec["mark"]["type"] == "bar"
    assert spec["data"]["values"] == json_rows(chart.data)
    assert spec["data"]["values"][0]["budget"] == 3335.0
    assert spec["transform"][0] == {"fold": ["budget", "outcome"], "as": ["measure", "amount"]}
    assert spec["encoding"]["x"] == {"field": "amount", "type": "quantitative", "title": "tkr"}
    assert spec["encoding"]["color"]["scale"]["domain"] == ["Budget", "Utfall"]
    assert charts.budget_outcome(report, language="en").vega_lite()["encoding"]["x"]["title"] == "kSEK"


def test_png_mimebundle_and_save(report: finsam.Report, tmp_path: Path) -> None:
    chart = charts.scores(report)
    png = chart._repr_png_()
    assert png.startswith(PNG_SIGNATURE)
    bundle = chart._repr_mimebundle_()
    assert set(bundle) == {"image/png", "application/vnd.vegalite.v5+json", "text/plain"}
    assert bundle["image/png"] == png
    assert bundle["application/vnd.vegalite.v5+json"] == chart.vega_lite()
    assert bundle["text/plain"] == "<Chart scores: 13 row(s)>"
    assert set(chart._repr_mimebundle_(include=["image/png"])) == {"image/png"}
    assert set(chart._repr_mimebundle_(exclude=["application/vnd.vegalite.v5+json"])) == {"image/png", "text/plain"}
    # The spec is a copy: changing it changes nothing of the chart.
    chart.vega_lite()["data"]["values"].clear()
    assert len(chart.vega_lite()["data"]["values"]) == 13
    chart.save(tmp_path / "scores.png")
    assert (tmp_path / "scores.png").read_bytes().startswith(PNG_SIGNATURE)
    chart.save(tmp_path / "scores.vl.json")
    assert json.loads((tmp_path / "scores.vl.json").read_text(encoding="utf-8")) == chart.vega_lite()
    chart.save(tmp_path / "scores.svg")
    assert b"<svg" in (tmp_path / "scores.svg").read_bytes()


def test_ipython_shows_png_and_vega_lite(report: finsam.Report) -> None:
    formatter = pytest.importorskip("IPython.core.formatters")
    data, _ = formatter.DisplayFormatter().format(charts.budget_outcome(report))
    assert data["image/png"].startswith(PNG_SIGNATURE)
    assert data["application/vnd.vegalite.v5+json"]["$schema"] == SCHEMA


def test_a_language_the_core_does_not_have(report: finsam.Report) -> None:
    with pytest.raises(finsam.FinsamError):
        charts.scores(report, language="de")


def _run(code: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)


def test_importing_finsam_and_its_charts_does_not_import_matplotlib() -> None:
    done = _run(
        "import sys, finsam, finsam.charts\n"
        "assert finsam.charts.scores is not None\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('matplotlib', 'pandas')))\n"
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout == "[]\n"


@pytest.mark.parametrize("hidden", ["matplotlib", "pandas"])
def test_a_chart_without_the_notebook_extra_says_what_to_install(hidden: str) -> None:
    done = _run(
        f"import sys\nsys.modules[{hidden!r}] = None\n"
        "import finsam\nfrom finsam import charts\n"
        "try:\n    charts.scores(finsam.sample_report(2017))\n"
        "except ImportError as error:\n    print(error)\n"
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout == (
        f"finsam.charts needs matplotlib and pandas ({hidden} is not installed): pip install finsam[notebook]\n"
    )


def test_diagnostics_and_reading_show_as_html_tables() -> None:
    formatter = pytest.importorskip("IPython.core.formatters")
    reading = finsam.read_report(DOCX_2014)
    findings = reading.report.check()
    assert isinstance(findings, finsam.DiagnosticList)
    shown, _ = formatter.DisplayFormatter().format(findings)
    assert shown["text/html"] == findings.to_html()
    assert shown["text/html"].startswith("<table")
    assert "goal_target_conflict" in shown["text/html"]
    shown, _ = formatter.DisplayFormatter().format(reading)
    assert shown["text/html"] == reading.to_html()
    assert shown["text/html"].startswith('<table class="finsam-reading">')
    assert "missing_heading" in shown["text/html"]
    none, _ = formatter.DisplayFormatter().format(finsam.DiagnosticList())
    assert none["text/html"] == finsam.DiagnosticList().to_html()
