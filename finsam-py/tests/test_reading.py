"""Reading whole reports through the binding: the 2014 appendix as a Word file and as text,
a Word file written here with python-docx (merged header cells, several paragraphs in a cell,
line breaks), and files that are not reports."""

from __future__ import annotations

import io
from decimal import Decimal
from pathlib import Path

import pytest

import finsam

DOCUMENTS = Path(__file__).resolve().parents[2] / "finsam-core" / "tests" / "documents"
DOCX_2014 = DOCUMENTS / "arsredovisning-2014-bilaga2.docx"
TEXT_2014 = DOCUMENTS / "arsredovisning-2014-bilaga2.txt"


def test_the_2014_appendix_reads_from_its_word_file_and_its_text() -> None:
    from_docx = finsam.read_report(DOCX_2014)
    from_text = finsam.read_report(TEXT_2014.read_text(encoding="utf-8"))
    assert [i.id for i in from_docx.report.interventions] == [i.id for i in from_text.report.interventions]
    assert len(from_docx.report.interventions) == 13
    botkyrka = from_docx.report.intervention("samverkansteam-botkyrka")
    assert botkyrka is not None and botkyrka.owner == "Botkyrka kommuns socialförvaltning"
    absent = [(p.kind, p.intervention) for p in from_docx.parts if p.status == "absent"]
    assert ("owner", "akse") in absent and ("organisation", None) in absent
    # The record as records, as a table, and as HTML for a notebook.
    place = next(p.place for p in from_docx.parts if p.kind == "result_table" and p.intervention == "adrian")
    assert place is not None and (place.table, place.row) == (5, None)
    issue = from_docx.issues[0]
    assert (issue.code, issue.severity) == ("missing_heading", "warning")
    frame = from_docx.to_pandas(language="en")
    assert list(frame.columns) == ["entry", "code", "status", "intervention_id", "place", "text", "message"]
    assert len(frame) == len(from_docx.parts) + len(from_docx.issues)
    assert frame.iloc[-1]["entry"] == "issue"
    assert from_docx._repr_html_().startswith('<table class="finsam-reading">')
    findings = from_docx.report.check()
    assert findings[0].code == "goal_target_conflict"


def test_bytes_and_options() -> None:
    reading = finsam.read_report(
        DOCX_2014.read_bytes(), organisation="Samordningsförbundet Botkyrka, Huddinge och Salem"
    )
    assert reading.report.organisation == "Samordningsförbundet Botkyrka, Huddinge och Salem"
    assert all(i.code != "missing_heading" for i in reading.issues)
    assert repr(reading).startswith("<Reading Samordningsförbundet Botkyrka, Huddinge och Salem 2014: 13 intervention(s)")


def test_a_word_file_written_with_python_docx() -> None:
    docx = pytest.importorskip("docx")
    document = docx.Document()
    document.add_heading("Samordningsförbundet Exempel: årsredovisning 2017", level=1)
    document.add_heading("Sammanställning av måluppfyllelse", level=2)
    # Columns in another order than the 2014 appendix: the grade first after the name.
    summary = document.add_table(rows=2, cols=4)
    for cell, text in zip(summary.rows[0].cells, ["Insats", "Måluppfyllelse", "Resultat", "Mål"]):
        cell.text = text
    row = summary.rows[1].cells
    row[0].text = "Lyra"
    row[1].text = "Godtagbar"
    # Several paragraphs in one cell, one goal each; a line break inside a paragraph.
    row[3].text = "20 nya deltagare"
    row[3].add_paragraph("50 % i arbete/studier")
    row[2].text = ""
    run = row[2].paragraphs[0].add_run("18 nya deltagare")
    run.add_break()
    row[2].paragraphs[0].add_run("33 % (4 av 12)")
    document.add_heading("Orsak till avslut", level=3)
    reasons = document.add_table(rows=4, cols=4)
    header, genders = reasons.rows[0].cells, reasons.rows[1].cells
    header[0].text, header[1].text, header[3].text = "Avslutsanledning", "Kön", "Totalt"
    header[1].merge(header[2])  # "Kön" spans "Kvinna" and "Man".
    genders[1].text, genders[2].text = "Kvinna", "Man"
    header[0].merge(genders[0])  # merged down over the second header row
    for cells, values in zip([reasons.rows[2].cells, reasons.rows[3].cells], [["Flytt", "7", "3", "10"], ["Totalt", "7", "3", "10"]]):
        for cell, value in zip(cells, values):
            cell.text = value
    document.add_heading("Lyra", level=2)
    document.add_paragraph("Projektägare är Huddinge kommun.")
    document.add_heading("Ekonomiskt utfall i förhållande till budget", level=3)
    document.add_paragraph("Lyra hade en budget på 1 910 tkr varav 1 643 tkr rekvirerades.")
    out = io.BytesIO()
    document.save(out)
    reading = finsam.read_report(out.getvalue())
    report = reading.report
    assert (report.organisation, report.period) == ("Samordningsförbundet Exempel", "2017")
    lyra = report.intervention("lyra")
    assert lyra is not None
    assert [g.description for g in lyra.goals] == ["20 nya deltagare", "50 % i arbete/studier"]
    assert lyra.decided_grade is not None and lyra.decided_grade.grade == finsam.Grade.ACCEPTABLE
    assert lyra.owner == "Huddinge kommun"
    assert report.end_reasons is not None
    flytt = report.end_reasons.rows[0]
    assert (flytt.reason, flytt.women, flytt.men, flytt.total) == ("moved", 7, 3, 10)
    assert report.end_reasons.total is not None and report.end_reasons.total.total == 10


def test_what_is_not_a_report_says_so(tmp_path: Path) -> None:
    with pytest.raises(finsam.FinsamError) as error:
        finsam.read_report(b"%PDF-1.7 \xff\xfe")
    assert error.value.code == "invalid_document"
    assert error.value.message_sv.startswith("filen är varken ett Word-dokument")
    with pytest.raises(FileNotFoundError):
        finsam.read_report(tmp_path / "saknas.docx")
    with pytest.raises(finsam.FinsamError) as error:
        finsam.read_report(b"PK\x03\x04 not really a zip")
    assert error.value.code == "invalid_document"
    with pytest.raises(finsam.FinsamError) as error:
        finsam.read_report("Insats\tMål\tResultat\nLyra\t20\t18\n", period="2017-H2")
    assert (error.value.code, error.value.path) == ("invalid_period", "period")


def test_a_finding_between_two_places_names_both_and_where_they_stand() -> None:
    reading = finsam.read_report(TEXT_2014)
    found = [d for d in reading.report.check() if d.code == "result_stated_mismatch"]
    first = found[0]
    assert (first.path, first.compared_with) == (
        "interventions[0].goals[0].also_reported[0].result.value",
        "interventions[0].goals[0].result.value",
    )
    assert [(p.line, p.table, p.row, p.cell) for p in first.places] == [(92, 3, 2, 2), (8, 1, 2, 3)]
    assert first.message("en") == (
        'Samverkansteam Botkyrka: goal "50 remisser": the summary reports 42 but the section\'s table 37 '
        "(42 is last year's result in the section's table) (if it is the same goal)."
    )
    assert first.severity == "warning"
    frame = reading.report.check().to_pandas(language="en")
    row = frame[frame["code"] == "result_stated_mismatch"].iloc[0]
    assert row["compared_with"] == "interventions[0].goals[0].result.value"
    assert row["places"] == "line 92, table 3, row 2, cell 2; line 8, table 1, row 2, cell 3"


def test_a_sections_budget_and_the_figures_of_its_text() -> None:
    botkyrka = finsam.read_report(TEXT_2014).report.interventions[0]
    assert botkyrka.budget is not None
    assert (botkyrka.budget.unit, botkyrka.budget.budget, botkyrka.budget.outcome, botkyrka.budget.wording) == (
        "tkr", Decimal(3335), Decimal(2611), "requisitioned"
    )
    stated = botkyrka.stated_counts
    assert [(s.this_period, s.current, s.ended) for s in stated] == [(False, None, None), (True, 85, 20)]
    assert stated[0].gender_shares is not None
    assert (stated[0].gender_shares.women, stated[0].gender_shares.men) == (Decimal(84), Decimal(16))
    # The sentence runs on over a page break in the source; it is read whole.
    assert stated[1].text.endswith("varav 9 (26 %) till arbete/studier eller aktivt arbetssökande.")
    assert stated[1].to_work_or_studies is not None
    assert (stated[1].to_work_or_studies.count, stated[1].to_work_or_studies.percent) == (9, Decimal(26))
