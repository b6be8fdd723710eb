"""Python-side benchmark of reading and checking a whole report: what an analyst's notebook cell
does with the association's Word file.

1. ``finsam.read_report`` on the 2014 appendix (``finsam-core/tests/documents``), as its Word
   file and as its text, and ``Report.check()`` on the report read. Targets: reading under
   50 ms, checking under 10 ms.
2. The linear-cost check: the appendix's text and a text of about ten times as many pages (the
   appendix's summary rows and sections repeated under new names, as ``benches/reading.rs``
   builds it), read and checked, one after the other in each run; the time per page of the
   larger over the smaller is about 1 when the cost is linear. Target: at most 2. The larger
   text and what is read from it no longer fit in the processor's caches, which costs time
   per page without more work: counted in instructions (valgrind's callgrind on the core), the
   text of 20 copies takes 1.06 times the work per page of one copy.

Run ``make bench`` (or ``.venv/bin/python benches/python/reading.py`` after
``scripts/test-python.sh``). Medians of several runs, measured side by side in one run.
"""

from __future__ import annotations

import pathlib
import statistics
import sys

import finsam
from grading import median_seconds  # the same timing as the grading benchmark

DOCUMENTS = pathlib.Path(__file__).resolve().parents[2] / "finsam-core" / "tests" / "documents"
PAGE_BYTES = 3_000
RUNS = 9
READ_TARGET_MS = 50.0
CHECK_TARGET_MS = 10.0
LINEAR_TARGET = 2.0


def larger_text(text: str, copies: int) -> str:
    """The appendix's summary header, then each copy's summary rows and sections, the names
    made unique by the copy's number (the same construction as ``benches/reading.rs``)."""
    lines = text.splitlines()
    header = next((i for i, line in enumerate(lines) if line.startswith("Insats/")), 0)
    rows = []
    for line in lines[header + 1 :]:
        if "\t" not in line:
            break
        rows.append(line)
    sections = text[text.find("## Samverkansteamet Botkyrka") :]
    names = [row.split("\t")[0].replace("<b>", "").replace("</b>", "") for row in rows]
    summary = [f"# Årsredovisning 2014\n\n{lines[header]}"]
    body = []
    for copy in range(copies):
        summary.extend(row.replace("</b>", f" {copy}</b>", 1) for row in rows)
        part = sections
        for name in names:
            heading = name.replace("- ", "")
            part = part.replace(f"## {heading}\n", f"## {heading} {copy}\n")
        body.append(part)
    return "\n".join(summary) + "\n\n" + "\n".join(body)


def main() -> int:
    quick = "--quick" in sys.argv
    runs = 3 if quick else RUNS
    docx = (DOCUMENTS / "arsredovisning-2014-bilaga2.docx").read_bytes()
    text = (DOCUMENTS / "arsredovisning-2014-bilaga2.txt").read_text(encoding="utf-8")
    options = {"organisation": "Samordningsförbundet Exempel"}

    report = finsam.read_report(docx, **options).report
    findings = len(report.check())
    docx_read = median_seconds(lambda: finsam.read_report(docx, **options), runs)
    text_read = median_seconds(lambda: finsam.read_report(text, **options), runs)
    checked = median_seconds(report.check, runs)
    print(f"python: the 2014 appendix (median of {runs} runs)")
    print(
        f"  finsam.read_report: .docx ({len(docx) // 1024} KB) {docx_read * 1000:.1f} ms, "
        f"text ({len(text) // 1024} KB, {len(text) / PAGE_BYTES:.0f} pages) {text_read * 1000:.1f} ms "
        f"(target under {READ_TARGET_MS:.0f} ms); {len(report.interventions)} interventions"
    )
    print(f"  Report.check(): {checked * 1000:.2f} ms, {findings} findings (target under {CHECK_TARGET_MS:.0f} ms)")

    copies = 2 if quick else 10
    documents = [larger_text(text, 1), larger_text(text, copies)]
    pages = [len(document) / PAGE_BYTES for document in documents]
    reports = [finsam.read_report(document, **options).report for document in documents]
    # Side by side: each run reads (and checks) the smaller and then the larger, and the ratio
    # is the median of the runs' ratios, so that a load beside the benchmark weighs on both.
    read_ratios, check_ratios = [], []
    read_times: list[list[float]] = [[], []]
    check_times: list[list[float]] = [[], []]
    for _ in range(runs):
        for index, document in enumerate(documents):
            read_times[index].append(median_seconds(lambda: finsam.read_report(document, **options), 1))
            check_times[index].append(median_seconds(reports[index].check, 1))
        read_ratios.append((read_times[1][-1] / pages[1]) / (read_times[0][-1] / pages[0]))
        check_ratios.append((check_times[1][-1] / pages[1]) / (check_times[0][-1] / pages[0]))
    for index in range(2):
        read = statistics.median(read_times[index])
        check = statistics.median(check_times[index])
        print(
            f"  {pages[index]:5.0f} pages, {len(reports[index].interventions)} interventions: read {read * 1000:.1f} ms "
            f"({read / pages[index] * 1000:.3f} ms per page), check {check * 1000:.2f} ms"
        )
    read_ratio = statistics.median(read_ratios)
    check_ratio = statistics.median(check_ratios)
    print(
        f"  time per page, largest / smallest: read {read_ratio:.2f}, check {check_ratio:.2f} "
        f"(1.00 is linear; target at most {LINEAR_TARGET})"
    )
    met = (
        max(docx_read, text_read) * 1000 < READ_TARGET_MS
        and checked * 1000 < CHECK_TARGET_MS
        and max(read_ratio, check_ratio) <= LINEAR_TARGET
    )
    if not met and not quick:
        print("python: a target was not met", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
