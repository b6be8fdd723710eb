"""The example notebook runs headless on the 2014 Word appendix and shows the reading record,
the checker's findings, the goal-fulfilment table, the four charts, an explanation and the
calibration."""

from __future__ import annotations

import base64
import shutil
from pathlib import Path
from typing import Any

import docx
import openpyxl

import nbformat
from nbclient import NotebookClient

import finsam
from conftest import NOTEBOOK, ROOT
from finsam import charts

DOCX_2014 = ROOT / "examples" / "data" / "arsredovisning-2014-bilaga2.docx"
ORGANISATION = "Samordningsförbundet Botkyrka, Huddinge och Salem"


def outputs_of(cell: Any, kind: str) -> list[Any]:
    found: list[Any] = []
    for output in cell.get("outputs", []):
        if output.get("output_type") == "stream" and kind == "stream":
            found.append(output["text"])
        elif kind in output.get("data", {}):
            found.append(output["data"][kind])
    return found


def test_the_example_data_is_the_appendix_the_core_tests_read() -> None:
    core = ROOT / "finsam-core" / "tests" / "documents" / "arsredovisning-2014-bilaga2.docx"
    assert DOCX_2014.read_bytes() == core.read_bytes()


def test_annual_report_notebook_runs_and_shows_the_2014_appendix(tmp_path: Path) -> None:
    # Run where the notebook can write its documents: a copy of examples/ (notebook and data).
    shutil.copytree(NOTEBOOK.parent, tmp_path / "notebooks")
    shutil.copytree(DOCX_2014.parent, tmp_path / "data")
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    NotebookClient(
        notebook, kernel_name="python3", timeout=180, resources={"metadata": {"path": str(tmp_path / "notebooks")}}
    ).execute()
    code = [cell for cell in notebook.cells if cell.cell_type == "code"]
    assert len(code) == 11
    reading = finsam.read_report(DOCX_2014, organisation=ORGANISATION)
    report = reading.report
    assessments = report.grade()

    assert outputs_of(code[0], "stream") == [f"{ORGANISATION} 2014 13 insatser\n"]

    (record,) = outputs_of(code[1], "text/html")
    assert record == reading.to_html()
    assert record.startswith('<table class="finsam-reading">')
    assert "48 avslutade" in record and "unmatched_goal" in record

    (findings,) = outputs_of(code[2], "text/html")
    assert findings == report.check().to_html()
    assert findings.startswith("<table")
    assert findings.count('<tr class="finsam-') == 14 and findings.count('<tr class="finsam-warning">') == 8
    assert (
        "<td>goal_target_conflict</td><td>warning</td><td>samverkansteam-botkyrka</td><td>goals</td>"
        "<td>interventions[0].goals[0].also_stated[0].target</td>"
    ) in findings
    assert "målet &quot;50 remisser&quot; har målvärdet 50 i sammanställningen men 60 i avsnittets tabell" in findings
    assert findings.count("goal_target_conflict") == 9
    assert "result_stated_mismatch" in findings and "share_printed_mismatch" in findings

    (table,) = outputs_of(code[3], "text/html")
    assert table == assessments.to_html()
    assert table.startswith('<table class="finsam-goal-fulfilment">\n<caption>Sammanställning av måluppfyllelse</caption>')
    assert table.count("<tbody") == 13
    assert "Beräknad: God" in table and "Beräknad: Ej uppfyllt" in table and "Beslutad" not in table

    drawn = {
        4: charts.goal_attainment(report),
        5: charts.scores(report),
        6: charts.flows_by_gender(report),
        7: charts.budget_outcome(report),
    }
    for index, chart in drawn.items():
        (png,) = outputs_of(code[index], "image/png")
        assert base64.b64decode(png).startswith(b"\x89PNG\r\n\x1a\n")
        (spec,) = outputs_of(code[index], "application/vnd.vegalite.v5+json")
        assert spec == chart.vega_lite()
        assert outputs_of(code[index], "text/plain") == [repr(chart)]
    assert outputs_of(code[5], "text/plain") == ["<Chart scores: 13 row(s)>"]
    assert outputs_of(code[6], "text/plain") == [
        "<Chart flows_by_gender: empty: Flödestabellen anger inte antalet kvinnor och män.>"
    ]
    assert outputs_of(code[7], "application/vnd.vegalite.v5+json")[0]["data"]["values"][0]["budget"] == 3335.0

    salem = next(a for a in assessments if a.intervention_id == "ungdomsprojekt-i-salem")
    (explanation,) = outputs_of(code[8], "stream")
    assert explanation == salem.explain() + "\n"
    assert explanation.startswith(
        "Ungdomsprojekt i Salem: beräknad måluppfyllelse Ej uppfyllt (medelvärde 0,3 av 1 mätta mål)\n"
    )

    assert outputs_of(code[9], "stream") == [
        "No graded rows to compare with the association's decision; 13 not graded\n"
        "edges: ['0.95', '0.85', '0.50']\n"
        "considered: 0 of 13\n"
        "left out: ['no_decided_grade']\n"
    ]

    assert outputs_of(code[10], "stream") == ["Skrev arsredovisning-2014.xlsx och arsredovisning-2014-bilaga.docx\n"]
    book = openpyxl.load_workbook(tmp_path / "notebooks" / "arsredovisning-2014.xlsx")
    assert book.sheetnames == ["Måluppfyllelse", "Mål", "Kontroll", "Deltagarflöden", "Avslutsorsaker", "Budget i avsnitten"]
    assert book["Måluppfyllelse"]["B2"].value == "Samverkansteam Botkyrka"
    appendix = docx.Document(str(tmp_path / "notebooks" / "arsredovisning-2014-bilaga.docx"))
    assert appendix.tables[0].rows[1].cells[0].text == "Samverkansteam Botkyrka"
