"""The documents a report is written as: the .xlsx opened with openpyxl, the .docx with
python-docx, each cell of each kind checked for its type and value."""

from __future__ import annotations

import io
import zipfile
from decimal import Decimal

import docx
import openpyxl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import finsam
from conftest import ROOT

DOCX_2014 = ROOT / "finsam-core" / "tests" / "documents" / "arsredovisning-2014-bilaga2.docx"
TEXT_2014 = ROOT / "finsam-core" / "tests" / "documents" / "arsredovisning-2014-bilaga2.txt"
HALF_2019 = ROOT / "examples" / "data" / "halvarsrapport-2019.json"


def workbook(data: bytes) -> openpyxl.Workbook:
    return openpyxl.load_workbook(io.BytesIO(data))


def headers(sheet: object) -> list[object]:
    return [cell.value for cell in next(sheet.iter_rows(max_row=1))]  # type: ignore[attr-defined]


def test_the_2014_appendix_as_a_workbook_of_typed_sheets() -> None:
    report = finsam.read_report(TEXT_2014).report
    book = workbook(report.to_xlsx())
    assert book.sheetnames == ["Måluppfyllelse", "Mål", "Kontroll", "Deltagarflöden", "Avslutsorsaker", "Budget i avsnitten"]
    fulfilment = book["Måluppfyllelse"]
    assert headers(fulfilment) == [
        "Insats-id", "Insats", "Mål", "Mätta mål", "Omätta mål", "Poäng", "Beräknad bedömning",
        "Beräknad", "Beslutad bedömning", "Beslutad", "Jämförelse", "Regel",
    ]
    # Headers bold, frozen under the first row and filtered over the whole table.
    assert all(cell.font.bold for cell in fulfilment[1])
    assert fulfilment.freeze_panes == "A2"
    assert fulfilment.auto_filter.ref == "A1:L14"
    # An id and a name are text, a count a whole number, a score a number with three decimals.
    assert (fulfilment["A2"].value, fulfilment["A2"].data_type) == ("samverkansteam-botkyrka", "s")
    assert fulfilment["B2"].value == "Samverkansteam Botkyrka"
    assert (fulfilment["C2"].value, fulfilment["C2"].data_type, fulfilment["C2"].number_format) == (4, "n", "#,##0")
    assert (fulfilment["F2"].value, fulfilment["F2"].number_format) == (0.9225, "0.000")
    assert fulfilment["H2"].value == "God"
    assert fulfilment["J2"].value is None
    # The goals: a target is a number, an attainment a number; texts as printed.
    goals = book["Mål"]
    assert goals["D2"].value == "50 remisser"
    assert (goals["G2"].value, goals["G2"].data_type) == (50, "n")
    assert goals["J2"].value == "42"
    # Money in the sections' unit, with a thousands separator (Swedish Excel shows "3 335").
    budget = book["Budget i avsnitten"]
    assert headers(budget) == ["Insats-id", "Insats", "Enhet", "Budget", "Utfall", "Avvikelse", "Utfallsord"]
    assert [budget[f"{c}2"].value for c in "ABCDEFG"] == [
        "samverkansteam-botkyrka", "Samverkansteam Botkyrka", "tkr", 3335, 2611, 724, "requisitioned",
    ]
    assert budget["D2"].number_format == "#,##0"
    # The checker's findings, as `check` gives them.
    findings = book["Kontroll"]
    assert findings.max_row == 1 + len(report.check())
    assert findings["A2"].value == report.check()[0].code


def test_an_id_of_digits_stays_text_and_percentages_are_excels() -> None:
    report = finsam.Report.load(HALF_2019)
    book = workbook(report.to_xlsx(language="en"))
    assert book.sheetnames[:3] == ["Goal fulfilment", "Goals", "Findings"]
    deviations = book["Budget per intervention"]
    assert headers(deviations) == [
        "Group", "Row", "Intervention id", "Wording", "Budget", "Outcome", "Deviation", "Deviation %",
    ]
    assert (deviations["E2"].value, deviations["G2"].value) == (1725000, -7974)
    # A percentage (−0.46 %) is Excel's: a part of one, with a percent format.
    assert deviations["H2"].value == pytest.approx(-0.004622608695652174, abs=0)
    assert deviations["H2"].number_format == "0.0#%"
    with_id = finsam.Report.from_json(
        '{"format_version": 1, "organisation": "Samordningsförbundet Exempel", "period": "2017",'
        ' "interventions": [{"id": "0012", "name": "0012", "kind": "individual", "status": "active"}]}'
    )
    sheet = workbook(with_id.to_xlsx())["Måluppfyllelse"]
    assert (sheet["A2"].value, sheet["A2"].data_type) == ("0012", "s")
    assert (sheet["B2"].value, sheet["B2"].data_type) == ("0012", "s")


def test_the_appendix_as_a_word_document() -> None:
    report = finsam.read_report(DOCX_2014, organisation="Samordningsförbundet Botkyrka, Huddinge och Salem").report
    data = report.to_docx()
    document = docx.Document(io.BytesIO(data))
    # Word's own heading styles, so that its navigation pane and table of contents work.
    headings = [(p.style.name, p.text) for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert headings[:3] == [
        ("Heading 1", "Samordningsförbundet Botkyrka, Huddinge och Salem: måluppfyllelse 2014"),
        ("Heading 2", "Sammanställning av måluppfyllelse – individinriktade insatser"),
        ("Heading 2", "Deltagarflöden 2014"),
    ]
    assert ("Heading 2", "Samverkansteam Botkyrka") in headings
    assert ("Heading 3", "Bedömning av måluppfyllelse") in headings
    summary = document.tables[0]
    assert [c.text for c in summary.rows[0].cells] == ["Insats", "Mål 2014", "Resultat 2014", "Måluppfyllelse", "Beräknad"]
    assert [c.text for c in summary.rows[1].cells] == [
        "Samverkansteam Botkyrka",
        "50 remisser\n40 får individcoaching\n20 deltagare i hälsogrupp\n25 % i/närmare arbete/studier",
        "42 remisser\n34 individcoaching\n23 deltagare i hälsogrupp\n26 % i/närmare arbete/studier",
        "",
        "God",
    ]
    # The grading rule stands in a footnote of the table.
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        footnotes = archive.read("word/footnotes.xml").decode("utf-8")
    assert "Mycket god från 0,95, God från 0,85, Godtagbar från 0,5" in footnotes
    # The flow table: this appendix states only the current participants, in its summary.
    flows = next(t for t in document.tables if t.rows[0].cells[1].text == "Aktuella deltagare")
    assert [c.text for c in flows.rows[1].cells[:3]] == ["Samverkansteam Botkyrka", "85", ""]
    # Read back, it is the same report: the same interventions, goals and grades.
    again = finsam.read_report(data).report
    assert again.organisation == report.organisation
    assert [i.id for i in again.interventions] == [i.id for i in report.interventions]
    assert [a.grade for a in again.grade()] == [a.grade for a in report.grade()]
    assert [[g.target for g in i.goals] for i in again.interventions] == [[g.target for g in i.goals] for i in report.interventions]


def test_the_flow_table_ends_with_its_totalt_row() -> None:
    document = docx.Document(io.BytesIO(finsam.sample_report(2017).to_docx()))
    flows = next(t for t in document.tables if t.rows[0].cells[1].text == "Aktuella deltagare")
    assert [c.text for c in flows.rows[-2].cells] == ["TOTALT", "760", "407", "346", "7", "529", "506", "114", "33"]
    assert [c.text for c in flows.rows[-1].cells[:2]] == ["Varav unika deltagare", "624"]
    # Its summary rows are bold, the figures right-aligned.
    total = flows.rows[-2].cells
    assert total[0].paragraphs[0].runs[0].bold
    assert total[1].paragraphs[0].alignment == docx.enum.text.WD_ALIGN_PARAGRAPH.RIGHT
    english = docx.Document(io.BytesIO(finsam.sample_report(2017).to_docx(language="en")))
    assert english.paragraphs[0].text.endswith(": goal fulfilment 2017")
    # The 2017 report gives some interventions ids of their own ("upis"): they have a column.
    assert [c.text for c in english.tables[0].rows[0].cells] == [
        "Intervention", "Intervention id", "Goals 2017", "Results 2017", "Goal fulfilment", "Computed",
    ]
    assert "upis" in [row.cells[1].text for row in english.tables[0].rows]


def test_a_template_gives_its_styles_and_a_bad_one_a_clear_error() -> None:
    template = docx.Document()
    template.styles["Heading 1"].font.size = docx.shared.Pt(30)
    buffer = io.BytesIO()
    template.save(buffer)
    report = finsam.sample_report(2017)
    written = docx.Document(io.BytesIO(report.to_docx(template=buffer.getvalue())))
    title = written.paragraphs[0]
    assert title.style.name == "Heading 1"
    assert title.style.font.size == docx.shared.Pt(30)
    with pytest.raises(finsam.FinsamError) as raised:
        report.to_docx(template=b"not a Word file")
    assert (raised.value.code, raised.value.path) == ("invalid_document", "template")
    assert raised.value.message_sv.startswith("mallen är inte ett läsbart Word-dokument")


@settings(max_examples=25, deadline=None)
@given(
    targets=st.lists(st.integers(min_value=1, max_value=500), min_size=1, max_size=4, unique=True),
    results=st.lists(st.integers(min_value=0, max_value=600), min_size=4, max_size=4),
    english=st.booleans(),
)
def test_any_report_writes_both_documents_and_the_workbook_holds_its_figures(
    targets: list[int], results: list[int], english: bool
) -> None:
    goals = "\n".join(f"{t} nya deltagare" for t in targets)
    outcome = "\n".join(f"{r} nya deltagare" for r in results[: len(targets)])
    report = finsam.Report.from_text(
        "Samordningsförbundet Exempel", "2017", [{"name": "START", "goals": goals, "results": outcome}]
    ).report
    language = "en" if english else "sv"
    sheet = workbook(report.to_xlsx(language=language))["Goals" if english else "Mål"]
    assert [row[6] for row in sheet.iter_rows(min_row=2, values_only=True)] == targets
    document = docx.Document(io.BytesIO(report.to_docx(language=language)))
    assert document.tables[0].rows[1].cells[1].text == goals
    if not english:
        again = finsam.read_report(report.to_docx()).report
        assert [g.target for g in again.interventions[0].goals] == [Decimal(t) for t in targets]
