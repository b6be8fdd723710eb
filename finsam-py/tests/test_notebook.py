"""The example notebook runs headless and shows the goal-fulfilment table, the chart and an
explanation."""

from __future__ import annotations

from typing import Any

import nbformat
from nbclient import NotebookClient

import finsam
from conftest import NOTEBOOK, SAMPLE_2017


def outputs_of(cell: Any, kind: str) -> list[str]:
    found: list[str] = []
    for output in cell.get("outputs", []):
        if output.get("output_type") == "stream" and kind == "stream":
            found.append(output["text"])
        elif kind in output.get("data", {}):
            found.append(output["data"][kind])
    return found


def test_annual_report_notebook_runs_and_shows_grades() -> None:
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    NotebookClient(
        notebook, kernel_name="python3", timeout=120, resources={"metadata": {"path": str(NOTEBOOK.parent)}}
    ).execute()
    code = [cell for cell in notebook.cells if cell.cell_type == "code"]
    report = finsam.Report.load(SAMPLE_2017)
    assessments = report.grade()

    assert outputs_of(code[0], "stream") == [f"{report.organisation} 2017 10 insatser\n"]

    (table,) = outputs_of(code[1], "text/html")
    assert table == assessments.to_html()
    assert table.startswith('<table class="finsam-goal-fulfilment">\n<caption>Sammanställning av måluppfyllelse</caption>')
    assert table.count("<tbody") == 10
    for assessment in assessments:
        label = assessment.grade.label_sv if assessment.grade else "ingen grad"
        assert f"Beräknad: {label}" in table
    assert "Beräknad: Godtagbar<br>Beslutad: Ej tillämpbar" in table

    (frame_html,) = outputs_of(code[2], "text/html")
    assert "decided_label" in frame_html and "Mycket god" in frame_html

    assert len(outputs_of(code[3], "image/png")) == 1

    differing = [a for a in assessments if a.comparison in ("decided_higher", "decided_lower")]
    assert outputs_of(code[4], "stream") == [differing[0].explain() + "\n"]

    calibration = report.calibrate()
    (calibration_text,) = outputs_of(code[5], "stream")
    assert calibration_text.startswith(f"edges: {[str(e) for e in calibration.edges]}\n")
    assert f"agreeing: {calibration.agreeing} of {calibration.considered}" in calibration_text
