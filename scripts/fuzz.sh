#!/usr/bin/env bash
# Runs each cargo-fuzz target of finsam-core (finsam-core/fuzz/: json_report, parse_cells,
# grade, read_text, read_docx, read_report, write_documents) for a fixed time, seeded with the sample reports,
# the shared test vectors, the summary-table cells and the documents of the reader's tests. Fails on any panic, hang (-timeout) or runaway memory (-rss_limit_mb).
# Installs the nightly toolchain and cargo-fuzz when they are missing.
#
#   scripts/fuzz.sh            # 60 seconds per target
#   scripts/fuzz.sh 10         # 10 seconds per target (what `make test` runs)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
PER_TARGET="${1:-60}"
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

cd finsam-core
for target in json_report parse_cells grade read_text read_docx read_report write_documents; do
  log "$target for ${PER_TARGET}s"
  LOG="$ROOT/target/fuzz-$target.log"
  if ! cargo +nightly fuzz run "$target" "$CORPUS/$target" -- \
    -max_total_time="$PER_TARGET" -timeout=10 -rss_limit_mb=1024 -max_len=65536 >"$LOG" 2>&1; then
    tail -n 60 "$LOG" >&2
    log "$target failed (full log: $LOG; the failing input is under finsam-core/fuzz/artifacts/$target/)"
    exit 1
  fi
  grep -E '^Done [0-9]+ runs' "$LOG" >&2 || true
done
log "no panics, hangs or runaway memory"
