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

# Requirements: the build requirement (maturin) and the dependency group `test` of
# finsam-py/pyproject.toml (PEP 735; this pip has no --group, so the list is read here). Each is
# installed only when its distribution is absent or outside the specifier's version range.
missing="$(python - <<'PY'
import re
import tomllib
from importlib import metadata

with open("finsam-py/pyproject.toml", "rb") as file:
    project = tomllib.load(file)
wanted = project["build-system"]["requires"] + project["dependency-groups"]["test"]


def version(text):
    return tuple(int(part) for part in re.findall(r"\d+", text)[:3])


def satisfied(spec):
    name, bounds = re.match(r"([A-Za-z0-9_.-]+)(.*)", spec.replace(" ", "")).groups()
    try:
        installed = version(metadata.version(name))
    except metadata.PackageNotFoundError:
        return False
    checks = {">=": lambda a, b: a >= b, "<": lambda a, b: a < b, "==": lambda a, b: a == b,
              ">": lambda a, b: a > b, "<=": lambda a, b: a <= b}
    for operator, bound in re.findall(r"(>=|<=|==|<|>)([0-9.]+)", bounds):
        if not checks[operator](installed, version(bound)):
            return False
    return True


for spec in wanted:
    if not satisfied(spec):
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
# The Python benchmarks, once each at a small size, so that `make bench` keeps working.
python benches/python/grading.py --quick
python benches/python/reading.py --quick
