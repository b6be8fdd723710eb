"""The ``finsam`` command, run as a user runs it: ``python -m finsam`` and the installed console
script, on the sample reports and documents. Outputs are compared with what the package's own
functions give and with the exact values a user reads (codes, messages, grades, exit codes)."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Callable, List

import pytest

import finsam

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "examples" / "data"
JSON_2014 = DATA / "arsredovisning-2014.json"
JSON_2015 = DATA / "arsredovisning-2015.json"
JSON_2017 = DATA / "arsredovisning-2017.json"
DOCUMENTS = ROOT / "finsam-core" / "tests" / "documents"
DOCX_2014 = DOCUMENTS / "arsredovisning-2014-bilaga2.docx"
TEXT_2014 = DOCUMENTS / "arsredovisning-2014-bilaga2.txt"
CONSISTENT = DOCUMENTS / "provdal-2016-consistent.txt"

ENV = {**os.environ, "PYTHONIOENCODING": "utf-8"}
Run = Callable[..., "subprocess.CompletedProcess[str]"]


def _script() -> str:
    """The console script maturin installed next to this Python (in the venv's bin)."""
    found = shutil.which("finsam", path=str(Path(sys.executable).parent))
    assert found is not None, "the console script finsam is not installed (maturin develop installs it)"
    return found


def _runner(command: List[str]) -> Run:
    def run(*args: object) -> "subprocess.CompletedProcess[str]":
        return subprocess.run(
            command + [str(a) for a in args], capture_output=True, text=True, encoding="utf-8", env=ENV
        )

    return run


def run_module(*args: object) -> "subprocess.CompletedProcess[str]":
    return _runner([sys.executable, "-m", "finsam"])(*args)


@pytest.fixture(params=["module", "script"])
def finsam_command(request: pytest.FixtureRequest) -> Run:
    """``python -m finsam`` and the installed ``finsam``: the same command."""
    if request.param == "module":
        return run_module
    return _runner([_script()])


def raw_stderr(*args: object) -> str:
    """The stderr of ``python -m finsam`` as written: the progress bar redraws its line with
    carriage returns, which text mode would turn into line breaks."""
    result = subprocess.run([sys.executable, "-m", "finsam"] + [str(a) for a in args], capture_output=True, env=ENV)
    return result.stderr.decode("utf-8")


def cells(line: str) -> List[str]:
    """A line of a text table split into its cells (columns are two or more spaces apart)."""
    return re.split(r" {2,}", line.strip())


def row_of(output: str, first: str) -> List[str]:
    """The cells of the output's row whose first cell is ``first``."""
    rows = [cells(line) for line in output.splitlines() if line.startswith(first + " ") or line == first]
    assert len(rows) == 1, (first, output)
    return rows[0]


# --version and --help


def test_version_and_help_with_examples(finsam_command: Run) -> None:
    version = finsam_command("--version")
    assert (version.returncode, version.stdout) == (0, f"finsam {finsam.__version__}\n")
    assert re.fullmatch(r"finsam \d+\.\d+\.\d+\n", version.stdout)
    top = finsam_command("--help")
    assert top.returncode == 0
    assert "finsam check --lang en a.json b.txt" in top.stdout
    assert "Exit codes: 0 done (check: no finding at error level), 1 check found an error," in top.stdout
    for command, example in [
        ("check", "finsam check --strict rapport.txt"),
        ("grade", "finsam grade arsredovisning-2017.json --explain lyra --lang en"),
        ("read", "finsam read arsredovisning-2014-bilaga2.docx -o arsredovisning-2014.json"),
        ("render", "finsam render rapport.json --to docx --template mall.docx -o rapport.docx"),
        ("compare", "finsam compare --value decided --lang en 2014.json 2017.json"),
    ]:
        result = finsam_command(command, "--help")
        assert result.returncode == 0, command
        assert "--lang {sv,en}" in result.stdout and example in result.stdout, command
    check_help = finsam_command("check", "--help").stdout
    assert "warnings and info alone give 0, as linters\ndo; --strict makes warnings give 1" in check_help


def test_no_subcommand_is_a_usage_error() -> None:
    result = run_module()
    assert result.returncode == 2
    assert "required: COMMAND" in result.stderr and "Traceback" not in result.stderr


# check


def test_check_a_consistent_report_exits_0(finsam_command: Run) -> None:
    result = finsam_command("check", CONSISTENT)
    assert (result.returncode, result.stdout, result.stderr) == (0, "Inga avvikelser.\n", "")
    english = finsam_command("check", "--lang", "en", CONSISTENT)
    assert (english.returncode, english.stdout) == (0, "No findings.\n")


def test_check_the_2014_appendix_text_exits_1_with_its_14_findings(finsam_command: Run) -> None:
    result = finsam_command("check", TEXT_2014)
    assert result.returncode == 1 and result.stderr == ""
    lines = result.stdout.splitlines()
    assert cells(lines[0]) == ["Kod", "Allvarlighet", "Var", "Meddelande"]
    assert set(lines[1]) == {"-", " "}
    assert len(lines) == 2 + 14 + 2
    assert lines[-2:] == ["", "14 fynd: 6 fel, 8 varningar, 0 noteringar."]
    # Finding 6 of docs/findings-2014.md, at its line of the text.
    assert cells(lines[2 + 5]) == [
        "share_printed_mismatch",
        "error",
        "rad 83, kolumn 1",
        'Samverkansteam Botkyrka: texten: tryckt 26 % men 9 av 20 avslutade är 45 % ("Totalt har 85 personer '
        'haft stöd under året och 20 personer avslutades, varav 9 (26 %) till arbete/studier eller aktivt '
        'arbetssökande.").',
    ]
    # Finding 1, between two places.
    assert cells(lines[2])[:3] == ["goal_target_conflict", "warning", "rad 92, tabell 3, rad 2, cell 1; rad 8, tabell 1, rad 2, cell 2"]
    # The command prints what the package gives, nothing of its own.
    assert result.stdout == finsam.read_report(TEXT_2014).report.check().to_text("sv")


def test_check_the_2014_word_file_in_english() -> None:
    result = run_module("check", "--lang", "en", DOCX_2014)
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert cells(lines[0]) == ["Code", "Severity", "Where", "Message"]
    assert lines[-1] == "14 findings: 6 errors, 8 warnings, 0 notes."
    assert cells(lines[2 + 5]) == [
        "share_printed_mismatch",
        "error",
        "paragraph 30",
        'Samverkansteam Botkyrka: the text: printed 26% but 9 of 20 ended is 45% ("Totalt har 85 personer haft '
        'stöd under året och 20 personer avslutades, varav 9 (26 %) till arbete/studier eller aktivt '
        'arbetssökande.").',
    ]


def test_check_json_is_an_object_keyed_by_file() -> None:
    result = run_module("check", "--json", TEXT_2014, CONSISTENT)
    assert result.returncode == 1
    found = json.loads(result.stdout)
    assert list(found) == [str(TEXT_2014), str(CONSISTENT)]
    assert found[str(CONSISTENT)] == []
    findings = found[str(TEXT_2014)]
    assert len(findings) == 14
    assert sum(f["severity"] == "error" for f in findings) == 6
    first = findings[0]
    assert (first["code"], first["severity"], first["expected"], first["printed"]) == (
        "goal_target_conflict",
        "warning",
        "50",
        "60",
    )
    assert first["location"]["path"] == "interventions[0].goals[0].also_stated[0].target"
    assert first["location"]["places"] == [
        {"line": 92, "column": 1, "table": 3, "row": 2, "cell": 1},
        {"line": 8, "column": 34, "table": 1, "row": 2, "cell": 2},
    ]
    assert first["message_en"] == (
        'Samverkansteam Botkyrka: the goal "50 remisser" has the target 50 in the summary but 60 in the '
        "section's table (\"60 remiteringar\") (if it is the same goal)."
    )


def test_check_a_json_report_places_findings_at_their_path() -> None:
    result = run_module("check", "--lang", "en", JSON_2015)
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert cells(lines[2]) == [
        "goal_flow_mismatch",
        "error",
        "interventions[7].goals[0].result.value",
        'Slussen: the goal "60 deltagare." reports 59, but the participant flows give 108.',
    ]
    assert lines[-1] == "3 findings: 3 errors, 0 warnings, 0 notes."


def _warnings_only(tmp_path: Path) -> Path:
    """The 2015 report with its flow errors mended and Slussen's flow row (and the total)
    left out: one finding, the warning ``flow_row_missing``."""
    report = json.loads(JSON_2015.read_text(encoding="utf-8"))
    rows = report["flows"]["rows"]
    for row in rows:
        if row["intervention"] == "lyra":
            row["figures"]["women"] = 22
        if row["intervention"] == "samplan":
            row["figures"]["other"] = 1
    report["flows"]["rows"] = [row for row in rows if row["intervention"] != "slussen"]
    del report["flows"]["total"]
    path = tmp_path / "varningar.json"
    path.write_text(json.dumps(report, ensure_ascii=False), encoding="utf-8")
    return path


def test_warnings_alone_exit_0_and_1_with_strict(tmp_path: Path) -> None:
    path = _warnings_only(tmp_path)
    result = run_module("check", "--lang", "en", path)
    assert result.returncode == 0
    assert cells(result.stdout.splitlines()[2]) == [
        "flow_row_missing",
        "warning",
        "interventions[7]",
        "Slussen: an individual intervention without a row in the participant-flow table.",
    ]
    assert result.stdout.splitlines()[-1] == "1 finding: 0 errors, 1 warning, 0 notes."
    assert run_module("check", "--strict", path).returncode == 1


def test_unreadable_files_exit_2_with_the_reason(finsam_command: Run, tmp_path: Path) -> None:
    missing = tmp_path / "saknas.json"
    result = finsam_command("check", missing)
    assert (result.returncode, result.stdout, result.stderr) == (2, "", f"finsam: {missing}: filen finns inte\n")
    english = finsam_command("check", "--lang", "en", missing)
    assert english.stderr == f"finsam: {missing}: no such file\n"

    garbage = tmp_path / "skräp.docx"
    garbage.write_bytes(b"\x00\x01garbage\xff")
    result = finsam_command("check", garbage)
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == (
        f"finsam: {garbage}: filen är varken ett Word-dokument eller text i UTF-8 (byte 9) [invalid_document]\n"
    )

    invalid = tmp_path / "fel.json"
    invalid.write_text('{"format_version": 1, "organisation": 3}', encoding="utf-8")
    result = finsam_command("check", "--lang", "en", invalid)
    assert result.returncode == 2
    assert result.stderr == (
        f"finsam: {invalid}: expected a string, found the number 3 (field organisation, line 1, column 39) [invalid_type]\n"
    )

    broken = tmp_path / "trasig.json"
    broken.write_text('{"format_version": 1, ', encoding="utf-8")
    result = finsam_command("check", broken)
    assert result.returncode == 2
    assert result.stderr == (
        f"finsam: {broken}: texten är inte giltig JSON: EOF while parsing a value (rad 1, kolumn 22) [json_syntax]\n"
    )

    pdf = tmp_path / "rapport.pdf"
    pdf.write_bytes(b"%PDF-1.4")
    result = finsam_command("check", pdf)
    assert result.returncode == 2
    assert result.stderr == (
        f"finsam: {pdf}: okänd filtyp '.pdf': finsam läser rapporter i JSON (.json), text (.txt) och Word (.docx)\n"
    )

    directory = tmp_path / "mapp.json"
    directory.mkdir()
    result = finsam_command("check", "--lang", "en", directory)
    assert (result.returncode, result.stderr) == (2, f"finsam: {directory}: is a directory, not a file\n")


def test_an_unreadable_file_does_not_stop_the_others(tmp_path: Path) -> None:
    missing = tmp_path / "saknas.txt"
    result = run_module("check", missing, CONSISTENT)
    assert result.returncode == 2
    assert result.stderr == f"finsam: {missing}: filen finns inte\n"
    assert result.stdout == f"== {CONSISTENT} ==\nInga avvikelser.\n"
    # Under a progress bar, the reason starts on its own line.
    shown = raw_stderr("check", "--progress", missing, CONSISTENT)
    assert shown.endswith(f"1/2 saknas.txt\nfinsam: {missing}: filen finns inte\n\rLäser [########################] 2/2 provdal-2016-consistent.txt\n")


def test_progress_bar_on_stderr_for_several_files() -> None:
    files = [JSON_2014, JSON_2015, JSON_2017]
    result = run_module("check", "--progress", *files)
    assert result.returncode == 1
    steps = raw_stderr("check", "--progress", *files).split("\r")
    assert steps[0] == ""
    assert steps[1].rstrip() == "Läser [########----------------] 1/3 arsredovisning-2014.json"
    assert steps[3] == "Läser [########################] 3/3 arsredovisning-2017.json\n"
    # Without --progress, on a pipe: nothing on stderr; with one file: no bar.
    assert run_module("check", *files).stderr == ""
    assert run_module("check", "--progress", JSON_2017).stderr == ""
    english = run_module("compare", "--progress", "--lang", "en", *files)
    assert english.stderr.endswith("Reading [########################] 3/3 arsredovisning-2017.json\n")
    # The report of each file is headed by its name.
    assert [line for line in result.stdout.splitlines() if line.startswith("== ")] == [f"== {f} ==" for f in files]


# grade


def test_grade_shows_computed_against_decided(finsam_command: Run) -> None:
    result = finsam_command("grade", JSON_2017)
    assert result.returncode == 0 and result.stderr == ""
    lines = result.stdout.splitlines()
    assert cells(lines[0]) == ["Insats-id", "Insats", "Poäng", "Beräknad", "Beslutad", "Jämförelse"]
    assert row_of(result.stdout, "mia") == ["mia", "MIA-projektet", "0,843", "Godtagbar", "God", "decided_higher"]
    assert row_of(result.stdout, "adrian") == [
        "adrian",
        "Adrian",
        "0,629",
        "Godtagbar",
        "Ej tillämpbar",
        "decided_not_applicable",
    ]
    assert lines[-1] == "5 av 7 bedömda rader stämmer med förbundets beslut; 3 inte bedömda"
    assert len(lines) == 2 + 10 + 2
    english = run_module("grade", "--lang", "en", JSON_2017).stdout
    assert cells(english.splitlines()[0]) == ["Intervention id", "Intervention", "Score", "Computed", "Decided", "Comparison"]
    assert row_of(english, "slussen") == ["slussen", "Slussen", "0.945", "Good", "Good", "agrees"]


def test_grade_explain_prints_the_explanation(finsam_command: Run) -> None:
    assessment = next(a for a in finsam.Report.load(JSON_2017).grade() if a.intervention_id == "lyra")
    for language in ("sv", "en"):
        result = finsam_command("grade", JSON_2017, "--explain", "lyra", "--lang", language)
        assert (result.returncode, result.stdout) == (0, assessment.explain(language) + "\n")
    swedish = finsam_command("grade", JSON_2017, "--explain", "lyra").stdout
    assert swedish.splitlines()[0] == "Lyra: beräknad måluppfyllelse Godtagbar (medelvärde 0,653 av 2 mätta mål)"


def test_grade_explain_an_unknown_id_lists_the_known_ones() -> None:
    result = run_module("grade", JSON_2017, "--explain", "okand", "--lang", "en")
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == (
        f"finsam: {JSON_2017}: no intervention has the id 'okand'; the report's interventions are: adrian, "
        "halsosam, lyra, samverkansteam-botkyrka, samverkansteam-huddinge, slussen, start, upis, mojliggorarna, mia\n"
    )


def test_grade_goals_and_json() -> None:
    goals = run_module("grade", "--goals", "--lang", "en", JSON_2017).stdout
    assert cells(goals.splitlines()[3]) == ["adrian", "2", "35 % i egen försörjning.", "1 of 11 = 9.1%", "0.259", "partly_reached"]
    graded = json.loads(run_module("grade", "--json", JSON_2017).stdout)
    assert [(a["intervention_id"], a["grade"]) for a in graded][:3] == [
        ("adrian", "acceptable"),
        ("halsosam", "very_good"),
        ("lyra", "acceptable"),
    ]


# read


def test_read_writes_a_report_that_loads_again(finsam_command: Run, tmp_path: Path) -> None:
    out = tmp_path / "rapport.json"
    result = finsam_command("read", TEXT_2014, "-o", out)
    assert result.returncode == 0
    assert result.stderr == f"Skrev {out}\n"
    reading = finsam.read_report(TEXT_2014)
    assert finsam.Report.load(out) == reading.report
    assert result.stdout == reading.to_text("sv")
    lines = result.stdout.splitlines()
    assert cells(lines[0]) == ["post", "kod", "status", "insats", "plats", "text", "meddelande"]
    assert cells(lines[2]) == ["part", "organisation", "absent"]
    assert cells(lines[4]) == ["part", "summary", "found", "rad 7, tabell 1"]
    assert len(lines) == 2 + len(reading.parts) + len(reading.issues)


def test_read_a_word_file_with_json_record(tmp_path: Path) -> None:
    out = tmp_path / "rapport.json"
    result = run_module(
        "read", DOCX_2014, "--json", "-o", out, "--organisation", "Samordningsförbundet Botkyrka, Huddinge och Salem"
    )
    assert result.returncode == 0
    record = json.loads(result.stdout)
    reading = finsam.read_report(DOCX_2014, organisation="Samordningsförbundet Botkyrka, Huddinge och Salem")
    assert len(record["parts"]) == len(reading.parts) and len(record["issues"]) == len(reading.issues)
    assert record["parts"][0] == {
        "kind": "organisation",
        "intervention": None,
        "status": "absent",
        "place": None,
        "text": None,
    }
    summary = next(p for p in record["parts"] if p["kind"] == "summary")
    assert summary["place"] == {"table": 1}
    loaded = finsam.Report.load(out)
    assert loaded == reading.report
    assert loaded.organisation == "Samordningsförbundet Botkyrka, Huddinge och Salem"
    assert result.stderr == f"Skrev {out}\n"


def test_read_refuses_a_json_report() -> None:
    result = run_module("read", JSON_2017, "--lang", "en")
    assert result.returncode == 2
    assert result.stderr == f"finsam: {JSON_2017}: finsam read reads a document, text (.txt) or Word (.docx), not '.json'\n"


# render


def test_render_text_formats(tmp_path: Path) -> None:
    report = finsam.Report.load(JSON_2017)
    markdown = run_module("render", JSON_2017, "--to", "md")
    assert (markdown.returncode, markdown.stdout) == (0, report.render("markdown", language="sv"))
    assert markdown.stdout.startswith("**Sammanställning av måluppfyllelse")
    html = tmp_path / "tabell.html"
    result = run_module("render", JSON_2017, "--to", "html", "--lang", "en", "-o", html)
    assert (result.returncode, result.stdout) == (0, "")
    assert html.read_text(encoding="utf-8") == report.render("html", language="en")
    csv = tmp_path / "tabell.csv"
    assert run_module("render", TEXT_2014, "--to", "csv", "-o", csv).returncode == 0
    written = csv.read_bytes()
    assert written == finsam.read_report(TEXT_2014).report.render("csv").encode("utf-8")
    assert written.startswith(b"Insats,M\xc3\xa5l,Resultat,M\xc3\xa5luppfyllelse\r\n")


def test_render_binary_formats_need_an_output_file(tmp_path: Path) -> None:
    for target in ("xlsx", "docx"):
        result = run_module("render", JSON_2017, "--to", target)
        assert (result.returncode, result.stdout) == (2, "")
        assert result.stderr == f"finsam: --to {target} skriver en binär fil: ange den med -o FIL\n"
    result = run_module("render", JSON_2017, "--to", "md", "--template", DOCX_2014, "--lang", "en")
    assert (result.returncode, result.stderr) == (2, "finsam: --template applies only to --to docx\n")


def test_render_xlsx(tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    out = tmp_path / "rapport.xlsx"
    result = run_module("render", JSON_2017, "--to", "xlsx", "-o", out)
    assert (result.returncode, result.stderr) == (0, "")
    assert out.read_bytes().startswith(b"PK\x03\x04")
    workbook = openpyxl.load_workbook(out)
    assert len(workbook.sheetnames) >= 1


def test_render_docx_with_a_template(tmp_path: Path) -> None:
    docx = pytest.importorskip("docx")
    out = tmp_path / "rapport.docx"
    result = run_module("render", JSON_2017, "--to", "docx", "--template", DOCX_2014, "-o", out, "--lang", "en")
    assert (result.returncode, result.stderr) == (0, "")
    assert out.read_bytes().startswith(b"PK\x03\x04")
    assert docx.Document(str(out)) is not None
    plain = tmp_path / "utan-mall.docx"
    assert run_module("render", JSON_2017, "--to", "docx", "-o", plain).returncode == 0
    assert plain.read_bytes().startswith(b"PK\x03\x04")


# compare


def test_compare_shows_the_periods_as_columns(finsam_command: Run) -> None:
    result = finsam_command("compare", JSON_2014, JSON_2015, JSON_2017)
    assert result.returncode == 0 and result.stderr == ""
    lines = result.stdout.splitlines()
    assert cells(lines[0]) == ["Insats-id", "Insats", "2014", "2015", "2017"]
    assert row_of(result.stdout, "samverkansteam-botkyrka") == [
        "samverkansteam-botkyrka",
        "Samverkansteam Botkyrka",
        "God",
        "Godtagbar",
        "Godtagbar",
    ]
    assert row_of(result.stdout, "akse") == ["akse", "AkSe", "Mycket god", "Godtagbar"]
    assert row_of(result.stdout, "paraplyteamet") == ["paraplyteamet", "Paraplyteamet", "God"]
    # A blank 2014 and 2015: the 2017 grade stands in its own column.
    mia = next(line for line in lines if line.startswith("mia "))
    assert mia.index("Godtagbar") == lines[0].index("2017")
    series = finsam.ReportSeries([finsam.Report.load(p) for p in (JSON_2014, JSON_2015, JSON_2017)])
    assert result.stdout == series.compare().to_text("label", "sv")


def test_compare_in_english_and_other_values() -> None:
    english = run_module("compare", "--lang", "en", JSON_2014, JSON_2017).stdout
    assert cells(english.splitlines()[0]) == ["Intervention id", "Intervention", "2014", "2017"]
    assert row_of(english, "upis") == ["upis", "Ungdomsprojektet Salem", "Not met", "Very good"]
    decided = run_module("compare", "--value", "decided", JSON_2015, JSON_2017).stdout
    assert row_of(decided, "adrian") == ["adrian", "Adrian", "Mycket god", "Ej tillämpbar"]
    compared = json.loads(run_module("compare", "--json", JSON_2014, JSON_2017).stdout)
    assert compared["periods"] == ["2014", "2017"]


def test_compare_errors_exit_2(tmp_path: Path) -> None:
    result = run_module("compare", JSON_2017)
    assert (result.returncode, result.stderr) == (2, "finsam: compare behöver minst två rapporter\n")
    twice = run_module("compare", "--lang", "en", JSON_2017, JSON_2017)
    assert twice.returncode == 2
    assert twice.stderr.startswith("finsam: ") and twice.stderr.endswith("[duplicate_period]\n")
    assert "2017" in twice.stderr and "Traceback" not in twice.stderr
