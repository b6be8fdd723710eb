#!/usr/bin/env bash
# Runs each cargo-fuzz target of finsam-core (finsam-core/fuzz/: json_report, parse_cells,
# grade, read_text, read_docx, read_report, write_documents) for a fixed time, or until a number
# of executions, seeded with the sample reports, the shared test vectors, the summary-table
# cells and the documents of the reader's tests. Fails on any panic, hang (-timeout) or runaway
# memory (-rss_limit_mb). Installs the nightly toolchain and cargo-fuzz when they are missing.
#
#   scripts/fuzz.sh                  # 60 seconds per target
#   scripts/fuzz.sh 10               # 10 seconds per target (what `make test` runs)
#   scripts/fuzz.sh 3600 1000000     # each target until 1 million executions (or an hour)
#   FUZZ_TARGETS="read_docx grade" scripts/fuzz.sh 60   # some targets only
#
# The targets are built without AddressSanitizer (`-s none`): finsam-core forbids unsafe code,
# so what the fuzzer looks for is a panic, a hang or runaway memory, none of which needs the
# sanitizer, whose checks slow every execution. Each target has its own input
# size bound (-max_len), the size its inputs need: a cell pair is short, a document is not.
#
# The corpus grows under target/fuzz-corpus/ (never in the repository). Each target's last
# line, with the date, executions, executions a second and the result, is appended to
# target/fuzz-summary.md, in the form of the README's fuzz table.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
PER_TARGET="${1:-60}"
RUNS="${2:-0}"
TARGETS="${FUZZ_TARGETS:-json_report parse_cells grade read_text read_docx read_report write_documents}"
log() { echo "fuzz: $*" >&2; }

if ! rustup toolchain list | grep -q '^nightly'; then
  log "installing the nightly toolchain (cargo-fuzz needs it)"
  rustup toolchain install nightly --profile minimal
fi
if ! cargo fuzz --version >/dev/null 2>&1; then
  log "installing cargo-fuzz"
  cargo install cargo-fuzz --locked
fi

CORPUS="$ROOT/target/fuzz-corpus"
mkdir -p "$CORPUS/json_report" "$CORPUS/parse_cells" "$CORPUS/grade" \
  "$CORPUS/read_text" "$CORPUS/read_docx" "$CORPUS/read_report" "$CORPUS/write_documents"
# Seeds: whole reports, every error vector, every summary cell pair, every intervention.
python3 - "$ROOT" "$CORPUS" <<'PY'
import hashlib, json, pathlib, sys
root, corpus = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
def seed(target, text):
    data = text.encode("utf-8")
    (corpus / target / hashlib.sha1(data).hexdigest()).write_bytes(data)
for path in sorted((root / "examples" / "data").glob("*.json")):
    text = path.read_text(encoding="utf-8")
    seed("json_report", text)
    seed("write_documents", text)
    for intervention in json.loads(text).get("interventions", []):
        seed("grade", json.dumps(intervention, ensure_ascii=False) + "\n{}")
vectors = root / "finsam-core" / "tests" / "vectors"
for case in json.loads((vectors / "errors.json").read_text(encoding="utf-8"))["cases"]:
    seed("json_report" if case["what"] == "report" else "grade", case["input"])
for row in json.loads((vectors / "cells.json").read_text(encoding="utf-8"))["rows"]:
    seed("parse_cells", row["goals_text"] + "|" + row["results_text"])
documents = root / "finsam-core" / "tests" / "documents"
for path in sorted(documents.glob("*.txt")):
    text = path.read_text(encoding="utf-8")
    seed("read_text", text)
    seed("read_report", text)
    # Each part of a long report on its own, so that short inputs start from real sections.
    for part in text.split("\n## "):
        seed("read_report", "## " + part)
for path in sorted(documents.glob("*.docx")):
    data = path.read_bytes()
    (corpus / "read_docx" / hashlib.sha1(data).hexdigest()).write_bytes(data)
PY

# A goal and a result cell are short; a report's section is 1 to 4 KB, so 16 KB of text holds
# a summary table and several sections, every path of the report reader, and a longer input
# only costs time in proportion. A Word file or a JSON report may need more.
max_len() {
  case "$1" in
    parse_cells) echo 4096 ;;
    grade | read_report) echo 16384 ;;
    *) echo 65536 ;;
  esac
}

SUMMARY="$ROOT/target/fuzz-summary.md"
cd finsam-core
for target in $TARGETS; do
  if [ "$RUNS" != 0 ]; then
    log "$target for ${PER_TARGET}s or $RUNS runs"
  else
    log "$target for ${PER_TARGET}s"
  fi
  LOG="$ROOT/target/fuzz-$target.log"
  RUN_LIMIT=()
  if [ "$RUNS" != 0 ]; then RUN_LIMIT=("-runs=$RUNS"); fi
  if ! cargo +nightly fuzz run -s none "$target" "$CORPUS/$target" -- \
    -max_total_time="$PER_TARGET" "${RUN_LIMIT[@]}" -timeout=10 -rss_limit_mb=1024 \
    -max_len="$(max_len "$target")" -print_final_stats=1 >"$LOG" 2>&1; then
    tail -n 60 "$LOG" >&2
    echo "| \`$target\` | $(date -u +%F) | | | crash (see $LOG) |" >>"$SUMMARY"
    log "$target failed (full log: $LOG; the failing input is under finsam-core/fuzz/artifacts/$target/)"
    exit 1
  fi
  # libFuzzer's final statistics: stat::number_of_executed_units and stat::average_exec_per_sec.
  units="$(awk '/stat::number_of_executed_units/ { print $2 }' "$LOG" | tail -n 1)"
  seconds="$(grep -oE '^Done [0-9]+ runs in [0-9]+ second' "$LOG" | awk '{ print $5 }' | tail -n 1)"
  rate="$(awk -v n="$units" -v s="$seconds" 'BEGIN { if (s > 0) printf "%d", n / s; else print n }')"
  printf '| `%s` | %s | %s | %s | %s | no crash, hang or runaway memory |\n' \
    "$target" "$(date -u +%F)" "$units" "$seconds" "$rate" >>"$SUMMARY"
  log "$target: $units runs in ${seconds}s ($rate/s)"
done
log "no panics, hangs or runaway memory (summary: $SUMMARY)"
