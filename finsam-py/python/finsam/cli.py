"""The ``finsam`` command: check, grade, read, render and compare reports from a terminal.

Installed with the package as the console script ``finsam``; ``python -m finsam`` is the same
command. Every subcommand calls the package's functions (``Report.load``, ``read_report``,
``Report.check``, ``Report.grade``, ``Report.render``, ``ReportSeries.compare``) and prints what
they return; tables, headings and messages are the core's. What is the command's own is the
arguments, reading and writing files, the exit codes and the progress bar.

Exit codes: 0 success; 1 ``check`` found a finding at error level; 2 a file could not be read
or written, is not a report, or the arguments are wrong (the reason is printed on stderr, in
the language of ``--lang``).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path
from typing import IO, Callable, Dict, List, Literal, Optional, Sequence, TypeVar

from . import _convert, _finsam
from ._errors import FinsamError
from ._finsam import GradingPolicy, Report, ReportSeries, __version__
from ._reading import read_report

__all__ = ["main"]

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_ERROR = 2

_T = TypeVar("_T")

_JSON = ".json"
_DOCUMENTS = (".txt", ".docx")
_TEXT_FORMATS = {"md": "markdown", "html": "html", "csv": "csv"}
_BINARY_FORMATS = ("xlsx", "docx")

def _say(key: str, language: str, **fields: object) -> str:
    # The command's own messages (files, arguments) are the core's, like every other.
    return _finsam._command_message(key, language).format(**fields)


class _UserError(Exception):
    """A reason the command stops with exit code 2: printed on stderr, without a traceback."""

    def __init__(self, message: str, file: Optional[str] = None) -> None:
        super().__init__(message)
        self.message = message
        self.file = file


def _finsam_reason(error: FinsamError, language: str) -> str:
    """A ``FinsamError`` as one line in ``language``: the message, where (field, line and
    column), and the code."""
    message = error.message_sv if language == "sv" else error.message_en
    where = []
    if error.path:
        where.append(_say("field", language, path=error.path))
    if error.line is not None:
        where.append(_say("line", language, line=error.line, column=error.column))
    if where:
        message += f" ({', '.join(where)})"
    return f"{message} [{error.code}]"


def _os_reason(error: OSError, language: str, key: str = "unreadable") -> str:
    if isinstance(error, FileNotFoundError):
        return _say("not_found", language)
    if isinstance(error, IsADirectoryError):
        return _say("is_directory", language)
    if isinstance(error, PermissionError):
        return _say("permission", language)
    return _say(key, language, reason=error.strerror or error)


def _guard(file: Optional[str], language: str, action: Callable[[], _T]) -> _T:
    """Runs ``action`` on ``file``, turning what is wrong with the file into a ``_UserError``."""
    try:
        return action()
    except FinsamError as error:
        raise _UserError(_finsam_reason(error, language), file) from None
    except OSError as error:
        raise _UserError(_os_reason(error, language), file) from None


def _suffix(file: str) -> str:
    return Path(file).suffix.lower()


def _load(file: str, language: str) -> Report:
    """The report in ``file``: JSON (``Report.load``), or a document read with
    ``read_report`` (.txt, .docx), chosen by the file's extension."""
    suffix = _suffix(file)
    if suffix == _JSON:
        return _guard(file, language, lambda: Report.load(file))
    if suffix in _DOCUMENTS:
        return _guard(file, language, lambda: read_report(file).report)
    raise _UserError(_say("unknown_type", language, suffix=suffix or file), file)


class _Progress:
    """A progress bar on stderr, one step per file: ``[#####-----] 2/4 file``."""

    WIDTH = 24

    def __init__(self, total: int, enabled: bool, language: str, stream: IO[str]) -> None:
        self.total = total
        self.enabled = enabled
        self.language = language
        self.stream = stream
        self.done = 0
        self.shown = 0

    def step(self, file: str) -> None:
        self.done += 1
        if not self.enabled:
            return
        filled = self.WIDTH * self.done // max(self.total, 1)
        bar = "#" * filled + "-" * (self.WIDTH - filled)
        text = f"{_say('reading', self.language)} [{bar}] {self.done}/{self.total} {Path(file).name}"
        self.stream.write("\r" + text.ljust(self.shown))
        self.shown = max(self.shown, len(text))
        if self.done == self.total:
            self.stream.write("\n")
        self.stream.flush()

    def break_line(self) -> None:
        """Ends the bar's line before a message is printed under it."""
        if self.enabled and 0 < self.done < self.total:
            self.stream.write("\n")
            self.stream.flush()


def _progress(args: argparse.Namespace, total: int) -> _Progress:
    enabled = total > 1 and (args.progress or sys.stderr.isatty())
    return _Progress(total, enabled, args.lang, sys.stderr)


def _write(path: str, data: bytes, language: str) -> None:
    try:
        with open(path, "wb") as out:
            out.write(data)
    except OSError as error:
        raise _UserError(_os_reason(error, language, "unwritable"), path) from None


def _print_error(error: _UserError) -> None:
    prefix = f"finsam: {error.file}: " if error.file else "finsam: "
    print(prefix + error.message, file=sys.stderr)


# The subcommands. Each returns its exit code.


def _check(args: argparse.Namespace) -> int:
    progress = _progress(args, len(args.files))
    found: Dict[str, List[object]] = {}
    texts: List[str] = []
    code = EXIT_OK
    for file in args.files:
        try:
            diagnostics = _load(file, args.lang).check()
        except _UserError as error:
            progress.step(file)
            progress.break_line()
            _print_error(error)
            code = EXIT_ERROR
            continue
        progress.step(file)
        failing = ("error", "warning") if args.strict else ("error",)
        if any(d.severity in failing for d in diagnostics) and code == EXIT_OK:
            code = EXIT_FINDINGS
        found[file] = [json.loads(d.to_json()) for d in diagnostics]
        text = diagnostics.to_text(args.lang)
        texts.append(f"== {file} ==\n{text}" if len(args.files) > 1 else text)
    if args.json:
        print(json.dumps(found, ensure_ascii=False, indent=2))
    else:
        sys.stdout.write("\n".join(texts))
    return code


def _grade(args: argparse.Namespace) -> int:
    report = _load(args.file, args.lang)
    policy = GradingPolicy()
    assessments = report.grade(policy)
    if args.explain is not None:
        chosen = [a for a in assessments if a.intervention_id == args.explain]
        if not chosen:
            ids = ", ".join(a.intervention_id for a in assessments)
            raise _UserError(_say("unknown_id", args.lang, id=args.explain, ids=ids), args.file)
        print(chosen[0].explain(args.lang))
        return EXIT_OK
    if args.json:
        print(json.dumps([json.loads(a.to_json()) for a in assessments], ensure_ascii=False, indent=2))
        return EXIT_OK
    level: Literal["goal", "intervention"] = "goal" if args.goals else "intervention"
    sys.stdout.write(assessments.to_text(level, args.lang))
    print()
    print(assessments.agreement().text(args.lang))
    return EXIT_OK


def _read(args: argparse.Namespace) -> int:
    suffix = _suffix(args.file)
    if suffix not in _DOCUMENTS:
        key = "not_a_document" if suffix == _JSON else "unknown_type"
        raise _UserError(_say(key, args.lang, suffix=suffix or args.file), args.file)
    reading = _guard(
        args.file,
        args.lang,
        lambda: read_report(args.file, organisation=args.organisation, period=args.period),
    )
    if args.output is not None:
        _write(args.output, reading.report.to_json(pretty=True).encode("utf-8") + b"\n", args.lang)
    if args.json:
        record = {"parts": _convert.plain(reading.parts), "issues": _convert.plain(reading.issues)}
        print(json.dumps(record, ensure_ascii=False, indent=2))
    else:
        sys.stdout.write(reading.to_text(args.lang))
    if args.output is not None:
        print(_say("written", args.lang, path=args.output), file=sys.stderr)
    return EXIT_OK


def _render(args: argparse.Namespace) -> int:
    if args.to in _BINARY_FORMATS and args.output is None:
        raise _UserError(_say("binary_needs_output", args.lang, format=args.to))
    if args.template is not None and args.to != "docx":
        raise _UserError(_say("template_needs_docx", args.lang))
    report = _load(args.file, args.lang)
    if args.to in _TEXT_FORMATS:
        text = report.render(_TEXT_FORMATS[args.to], language=args.lang)  # type: ignore[arg-type]
        if args.output is None:
            sys.stdout.write(text)
        else:
            _write(args.output, text.encode("utf-8"), args.lang)
        return EXIT_OK
    data: bytes
    if args.to == "xlsx":
        data = report.to_xlsx(language=args.lang)
    else:
        template = None
        if args.template is not None:
            template = _guard(args.template, args.lang, Path(args.template).read_bytes)
        data = _guard(
            args.template or args.file,
            args.lang,
            lambda: report.to_docx(language=args.lang, template=template),
        )
    _write(args.output, data, args.lang)
    return EXIT_OK


def _compare(args: argparse.Namespace) -> int:
    if len(args.files) < 2:
        raise _UserError(_say("compare_needs_two", args.lang))
    progress = _progress(args, len(args.files))
    reports = []
    for file in args.files:
        try:
            reports.append(_load(file, args.lang))
        except _UserError:
            progress.break_line()
            raise
        progress.step(file)
    series = _guard(None, args.lang, lambda: ReportSeries(reports))
    comparison = series.compare()
    if args.json:
        print(json.dumps(json.loads(comparison.to_json()), ensure_ascii=False, indent=2))
    else:
        sys.stdout.write(comparison.to_text(args.value, args.lang))
    return EXIT_OK


# The parser.

_TOP_EPILOG = """\
examples:
  finsam check rapport.docx                 the findings of a report, in Swedish
  finsam check --lang en a.json b.txt       several reports, in English
  finsam grade arsredovisning-2017.json     computed against decided grades
  finsam grade rapport.json --explain lyra  why Lyra got its grade
  finsam read bilaga2.docx -o rapport.json  a Word document into the JSON format
  finsam render rapport.json --to html -o tabell.html
  finsam compare 2014.json 2015.json 2017.json

Exit codes: 0 done (check: no finding at error level), 1 check found an error,
2 a file could not be read or written, or is not a report (the reason is on stderr).
Each subcommand has its own help: finsam check --help.
"""

_CHECK_EPILOG = """\
Checks the arithmetic and the consistency of each report: JSON (.json), text (.txt)
or Word (.docx), chosen by the file's extension. Prints one table per file: the code,
the severity (error, warning, info), where the finding is (the place in the document,
or the JSON path for a JSON report) and the message; then the findings counted.

--json prints one JSON object keyed by each file as given, each holding the list of
its findings as the core writes them (code, severity, location with path and places,
expected, printed, message_sv, message_en). A file that cannot be read is left out of
the object and its reason printed on stderr.

Exit codes: 0 no finding at error level (warnings and info alone give 0, as linters
do; --strict makes warnings give 1), 1 at least one finding at error level,
2 a file could not be read (the other files are still checked).

examples:
  finsam check arsredovisning-2014-bilaga2.docx
  finsam check --lang en --json 2014.json 2015.json > findings.json
  finsam check --strict rapport.txt
"""

_GRADE_EPILOG = """\
Grades every intervention of the report with the default policy and prints one row
per intervention: id, name, score (mean attainment of the measured goals), computed
grade, decided grade and how they compare; then how far they agree. --explain ID
prints the full explanation of one intervention (an unknown id lists the known ones,
exit 2).

examples:
  finsam grade arsredovisning-2017.json
  finsam grade arsredovisning-2017.json --explain lyra --lang en
  finsam grade rapport.docx --goals
"""

_READ_EPILOG = """\
Reads a report from its document, text (.txt) or Word (.docx), and writes it in the
JSON format with -o (finsam check, grade and render read it again). Prints the reading
record: every part found (with its place) or absent, then every issue at its place;
--json prints it as {"parts": [...], "issues": [...]}.

examples:
  finsam read arsredovisning-2014-bilaga2.docx -o arsredovisning-2014.json
  finsam read bilaga.txt --organisation "Samordningsförbundet X" --period 2016
"""

_RENDER_EPILOG = """\
Writes the report's goal-fulfilment summary (Insats | Mål | Resultat | Måluppfyllelse)
as Markdown (md), a standalone HTML document (html) or CSV (csv), to stdout when -o is
not given; or the whole report as an Excel workbook (xlsx) or a Word document (docx),
which need -o. --template FILE uses the styles of a Word document for docx.

examples:
  finsam render rapport.json --to md
  finsam render rapport.json --to html -o tabell.html --lang en
  finsam render rapport.json --to xlsx -o rapport.xlsx
  finsam render rapport.json --to docx --template mall.docx -o rapport.docx
"""

_COMPARE_EPILOG = """\
Follows the interventions of several reports of one association across their periods
and prints one row per intervention and one column per period, holding the computed
grade (--value label, the default), the decided grade (decided), the score (score) or
the grade's code (grade). Two reports of one period are an error (exit 2).

examples:
  finsam compare arsredovisning-2014.json arsredovisning-2015.json arsredovisning-2017.json
  finsam compare --value decided --lang en 2014.json 2017.json
"""


def _parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--lang",
        choices=("sv", "en"),
        default="sv",
        help="language of headings and messages: sv (Swedish, the default) or en (English)",
    )
    common.add_argument(
        "--progress",
        action="store_true",
        help="show the progress bar on stderr even when it is not a terminal (it is shown "
        "on a terminal when several files are given)",
    )
    parser = argparse.ArgumentParser(
        prog="finsam",
        description="Follow-up of interventions funded by Swedish coordination associations "
        "(samordningsförbund): check, grade, read, render and compare reports.",
        epilog=_TOP_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"finsam {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    commands.required = True

    def command(name: str, summary: str, epilog: str) -> argparse.ArgumentParser:
        return commands.add_parser(
            name,
            parents=[common],
            help=summary,
            description=summary,
            epilog=epilog,
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )

    check = command("check", "check reports for contradictions and arithmetic errors", _CHECK_EPILOG)
    check.add_argument("files", nargs="+", metavar="FILE", help="a report: .json, .txt or .docx")
    check.add_argument("--json", action="store_true", help="print the findings as JSON")
    check.add_argument("--strict", action="store_true", help="exit 1 on warnings too")
    check.set_defaults(run=_check)

    grade = command("grade", "grade goal fulfilment: computed against decided grades", _GRADE_EPILOG)
    grade.add_argument("file", metavar="FILE", help="a report: .json, .txt or .docx")
    grade.add_argument("--explain", metavar="ID", help="explain the grade of the intervention ID")
    grade.add_argument("--goals", action="store_true", help="one row per goal instead of per intervention")
    grade.add_argument("--json", action="store_true", help="print the assessments as JSON")
    grade.set_defaults(run=_grade)

    read = command("read", "read a document (.txt, .docx) into the JSON format", _READ_EPILOG)
    read.add_argument("file", metavar="FILE", help="a document: .txt or .docx")
    read.add_argument("-o", "--output", metavar="OUT", help="write the report as JSON to OUT")
    read.add_argument("--json", action="store_true", help="print the reading record as JSON")
    read.add_argument("--organisation", help="the association, when the title does not name it")
    read.add_argument("--period", help='the period ("2014", "2019-H1"), when the document does not give it')
    read.set_defaults(run=_read)

    render = command("render", "render a report as md, html, csv, xlsx or docx", _RENDER_EPILOG)
    render.add_argument("file", metavar="FILE", help="a report: .json, .txt or .docx")
    render.add_argument(
        "--to", required=True, choices=("md", "html", "csv") + _BINARY_FORMATS, help="the format to write"
    )
    render.add_argument("-o", "--output", metavar="OUT", help="the file to write (stdout for md, html, csv)")
    render.add_argument("--template", metavar="FILE", help="a .docx whose styles --to docx uses")
    render.set_defaults(run=_render)

    compare = command("compare", "compare reports of several periods side by side", _COMPARE_EPILOG)
    compare.add_argument("files", nargs="+", metavar="FILE", help="reports of different periods")
    compare.add_argument(
        "--value",
        choices=("label", "decided", "score", "grade"),
        default="label",
        help="what each period's cell holds (default: label, the computed grade)",
    )
    compare.add_argument("--json", action="store_true", help="print the comparison as JSON")
    compare.set_defaults(run=_compare)
    return parser


def main(argv: Optional[Sequence[str]] = None) -> int:
    """Runs the ``finsam`` command with ``argv`` (the process's arguments when ``None``) and
    returns its exit code: 0 success, 1 ``check`` found an error, 2 a file could not be read
    or written or the arguments are wrong."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="replace")
    args = _parser().parse_args(argv)
    try:
        code: int = args.run(args)
        sys.stdout.flush()
        return code
    except _UserError as error:
        _print_error(error)
        return EXIT_ERROR
    except BrokenPipeError:
        # The reader of stdout went away (e.g. `| head`): stop quietly.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_OK
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
