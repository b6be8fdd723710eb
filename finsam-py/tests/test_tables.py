"""Tables through the binding: pandas frames, HTML for notebooks, and pandas staying optional."""

from __future__ import annotations

import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pandas as pd
import pytest

import finsam
from finsam import DecidedGrade, Goal, Grade, Intervention, Report, Result


def small_report() -> Report:
    start = Intervention(
        id="start",
        name="START <Botkyrka & Salem>",
        goals=[
            Goal.count("20 nya deltagare", 20, result=Result.count(21)),
            Goal.share("50 % i arbete/studier", 50, result=Result.share(percent=70, numerator=14, denominator=21)),
            Goal.count("10 remisser", 10, result=Result.not_measured("Ej mätbart")),
        ],
        decided_grade=DecidedGrade(Grade.VERY_GOOD),
    )
    lyra = Intervention(
        id="lyra",
        name="Lyra",
        kind="structural",
        goals=[
            Goal.qualitative("Ökad programtrohet", result=Result.qualitative('Ökad i "Huddinge"', "reached")),
            Goal.count("8 möten", 8, result=Result.count(2)),
        ],
        decided_grade="Ej tillämpbar",
    )
    return Report("Samordningsförbundet Exempel", "2017", [start, lyra])


def test_goal_frame_has_one_row_per_goal() -> None:
    frame = small_report().to_pandas()
    assert list(frame.columns) == [
        "intervention_id", "intervention", "goal_number", "goal", "kind", "direction", "target",
        "unit", "result_type", "result", "value", "attainment", "status",
    ]
    assert frame["intervention_id"].tolist() == ["start", "start", "start", "lyra", "lyra"]
    assert frame["goal_number"].tolist() == [1, 2, 3, 1, 2]
    assert frame["result"].tolist() == [
        "21",
        "14 av 21 = 66,7 % (tryckt 70 %)",
        'ej mätt ("Ej mätbart")',
        '"Ökad i "Huddinge"" (bedömt uppnått)',
        "2",
    ]
    assert frame["attainment"].tolist() == [Decimal(1), Decimal(1), None, Decimal(1), Decimal("0.25")]
    assert frame["status"].tolist() == ["reached", "reached", "not_measured", "reached", "partly_reached"]
    assert frame["target"].tolist()[:3] == [Decimal(20), Decimal(50), Decimal(10)]
    english = small_report().to_pandas(language="en")
    assert english["result"].tolist()[1] == "14 of 21 = 66.7% (printed 70%)"


def test_intervention_frame_compares_computed_and_decided() -> None:
    frame = small_report().to_pandas(level="intervention")
    assert list(frame.columns) == [
        "intervention_id", "intervention", "goals", "measured_goals", "unmeasured_goals", "score",
        "grade", "grade_label", "decided", "decided_label", "comparison", "rule",
    ]
    rows = frame.to_dict("records")
    assert rows[0] == {
        "intervention_id": "start",
        "intervention": "START <Botkyrka & Salem>",
        "goals": 3,
        "measured_goals": 2,
        "unmeasured_goals": 1,
        "score": Decimal(1),
        "grade": Grade.GOOD,
        "grade_label": "God",
        "decided": Grade.VERY_GOOD,
        "decided_label": "Mycket god",
        "comparison": "decided_higher",
        "rule": "capped_for_unmeasured",
    }
    assert (rows[1]["score"], rows[1]["grade"], rows[1]["decided"], rows[1]["decided_label"], rows[1]["comparison"]) == (
        Decimal("0.625"),
        Grade.ACCEPTABLE,
        None,
        "Ej tillämpbar",
        "decided_not_applicable",
    )
    strict = finsam.GradingPolicy(very_good=Decimal("0.99"), good="0.9", acceptable="0.7")
    assert small_report().to_pandas("intervention", strict)["grade"].tolist() == [Grade.GOOD, Grade.NOT_MET]
    assert small_report().to_pandas("intervention", language="en")["decided_label"].tolist() == ["Very good", "Not applicable"]


def test_assessment_list_frames_match_the_report() -> None:
    report = small_report()
    assessments = report.grade()
    pd.testing.assert_frame_equal(assessments.to_pandas(), report.to_pandas())
    pd.testing.assert_frame_equal(assessments.to_pandas("intervention"), report.to_pandas("intervention"))
    empty = finsam.grade_many([]).to_pandas()
    assert len(empty) == 0 and "attainment" in empty.columns
    with pytest.raises(finsam.FinsamError) as caught:
        report.to_pandas(level="goals")  # type: ignore[arg-type]
    assert (caught.value.code, caught.value.path) == ("unknown_variant", "level")


def test_report_html_is_the_goal_fulfilment_table() -> None:
    html = small_report()._repr_html_()
    assert html == small_report().to_html()
    assert html.startswith(
        '<table class="finsam-goal-fulfilment">\n'
        "<caption>Sammanställning av måluppfyllelse – Samordningsförbundet Exempel, 2017</caption>\n"
        '<thead>\n<tr><th scope="col">Insats</th><th scope="col">Mål</th><th scope="col">Resultat</th>'
        '<th scope="col">Måluppfyllelse</th></tr>\n</thead>\n'
    )
    assert (
        '<tr><th scope="rowgroup" rowspan="3">START &lt;Botkyrka &amp; Salem&gt;</th><td>20 nya deltagare</td>'
        '<td>21 → 100 % (uppnått)</td><td rowspan="3" class="finsam-differs">Beräknad: God<br>Beslutad: Mycket god</td></tr>'
    ) in html
    assert '<td>&quot;Ökad i &quot;Huddinge&quot;&quot; (bedömt uppnått)</td>' in html
    assert '<td rowspan="2" class="finsam-differs">Beräknad: Godtagbar<br>Beslutad: Ej tillämpbar</td>' in html
    english = small_report().to_html(language="en")
    assert '<th scope="col">Goal fulfilment</th>' in english and "Computed: Good<br>Decided: Very good" in english
    assessments = small_report().grade()
    assert assessments._repr_html_() == assessments.to_html()
    assert "<caption>Sammanställning av måluppfyllelse</caption>" in assessments.to_html()
    assert "<caption>Bilaga 2</caption>" in assessments.to_html(caption="Bilaga 2")


def test_assessment_html_and_explanations() -> None:
    assessment = small_report().grade()[0]
    html = assessment._repr_html_()
    assert html.startswith(
        '<div class="finsam-assessment">\n<table class="finsam-goal-fulfilment">\n'
        "<caption>START &lt;Botkyrka &amp; Salem&gt;: beräknad måluppfyllelse God (medelvärde 1 av 2 mätta mål)</caption>"
    )
    assert html.endswith("<p>Beslutad grad: Mycket god, högre än den beräknade (God).</p>\n</div>")
    assert assessment.to_html("en").count("<p>") == 2
    both = small_report().grade()
    assert both.explain("en") == both[0].explain("en") + "\n\n" + both[1].explain("en")


def run_python(code: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)


def test_importing_finsam_does_not_import_pandas() -> None:
    result = run_python("import sys, finsam; finsam.sample_report().grade(); print('pandas' in sys.modules)")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False"


def test_to_pandas_without_pandas_says_what_to_install() -> None:
    code = (
        "import sys; sys.modules['pandas'] = None\n"
        "import finsam\n"
        "try:\n"
        "    finsam.sample_report().to_pandas()\n"
        "except ImportError as e:\n"
        "    print(type(e).__name__, e)\n"
    )
    result = run_python(code)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ImportError to_pandas needs pandas, which is not installed: pip install pandas"


def test_the_sample_report_table_shows_every_intervention(sample_path: Path) -> None:
    report = Report.load(sample_path)
    html = report._repr_html_()
    assert html.count("<tbody") == len(report.interventions) == 10
    assert html.count('<th scope="rowgroup"') == 10
    assessments = report.grade()
    assert html.count("Beräknad: ") == len(assessments)
    for assessment in assessments:
        assert assessment.grade is None or f"Beräknad: {assessment.grade.label_sv}" in html
