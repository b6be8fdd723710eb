#!/usr/bin/env bash
# Builds the Python binding (finsam-py) into .venv and runs its tests: pytest (unit, property,
# shared vectors, README examples, the example notebook) and mypy.stubtest (the stub against the
# binary). Run from anywhere; installs only what is missing, so a second run is fast.
# With --build-only it stops once the module is built (for the benchmarks).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
root="$PWD"
venv="$root/.venv"

if [ ! -x "$venv/bin/python" ]; then
    python3 -m venv "$venv"
fi
# shellcheck disable=SC1091
. "$venv/bin/activate"
export PYO3_PYTHON="$venv/bin/python"

# Requirements as pip specifiers; each is installed only when its distribution is absent or,
# for maturin, outside the range.
missing="$(python - <<'PY'
from importlib import metadata

wanted = {
    "maturin": "maturin>=1.9.4,<2",
    "pytest": "pytest",
    "hypothesis": "hypothesis",
    "pandas": "pandas",
    "pandas-stubs": "pandas-stubs",
    "mypy": "mypy",
    "nbclient": "nbclient",
    "nbformat": "nbformat",
    "ipykernel": "ipykernel",
    "matplotlib": "matplotlib",
}
for name, spec in wanted.items():
    try:
        version = metadata.version(name)
    except metadata.PackageNotFoundError:
        print(spec)
        continue
    if name == "maturin":
        parts = tuple(int(p) for p in version.split(".")[:3] if p.isdigit())
        if not ((1, 9, 4) <= parts < (2,)):
            print(spec)
PY
)"
if [ -n "$missing" ]; then
    # shellcheck disable=SC2086
    python -m pip install --quiet --disable-pip-version-check $missing
fi

(cd finsam-py && maturin develop --release --quiet)
if [ "${1:-}" = "--build-only" ]; then
    exit 0
fi
python -m pytest finsam-py/tests -q
python -m mypy.stubtest finsam
