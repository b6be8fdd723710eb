"""The crate of dist/ as another Rust program depends on it: unpacks ``finsam-core-VERSION.crate``
into WORK, writes a program beside it that depends on the unpacked crate by path (with the
features and the rust_decimal of the crate README's ``[dependencies]`` snippet) and whose
``main`` runs each ```rust example of the packaged README (finsam-core's doctests, the
repository README's Rust examples) as a function returning ``Result<(), finsam_core::Error>``,
then builds and runs it and checks that every example ran and the program exited 0.

Paths the examples read with ``include_str!`` are relative to the crate's ``src/`` (where they
run as doctests); they are read from the unpacked crate, so a file the package lacks fails the
build. Run by scripts/test-dist.sh:

    python3 examples/installed/rust_example.py dist/finsam-core-0.3.0.crate WORK
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tarfile
from pathlib import Path
from typing import List, Tuple

NAME = "finsam-readme-examples"


def fenced(markdown: str, language: str) -> List[str]:
    """The blocks of ``markdown`` fenced as ```LANGUAGE, in order."""
    return re.findall(rf"^```{language}\n(.*?)^```$", markdown, flags=re.S | re.M)


def dependencies(readme: str) -> Tuple[List[str], str]:
    """The features of finsam-core and the rust_decimal requirement of the README's snippet."""
    snippet = next(block for block in fenced(readme, "toml") if "[dependencies]" in block)
    core = re.search(r'^finsam-core = \{ version = "[^"]+", features = \[([^\]]*)\] \}$', snippet, flags=re.M)
    decimal = re.search(r'^rust_decimal = "([^"]+)"$', snippet, flags=re.M)
    if core is None or decimal is None:
        raise SystemExit(f"rust_example: the README's [dependencies] snippet is not as expected:\n{snippet}")
    return re.findall(r'"([^"]+)"', core.group(1)), decimal.group(1)


def example_function(index: int, block: str, src: Path) -> str:
    """A doctest's body as ``fn example_INDEX() -> Result<(), finsam_core::Error>``: hidden lines
    (``# …``) shown, the closing ``Ok::<(), finsam_core::Error>(())`` its value, and every
    ``include_str!`` path made absolute in the unpacked crate."""
    lines = []
    for line in block.splitlines():
        if line == "#":
            line = ""
        elif line.startswith("# "):
            line = line[2:]

        def absolute(match: "re.Match[str]") -> str:
            path = (src / match.group(1)).resolve()
            if not path.is_file():
                raise SystemExit(f"rust_example: example {index} reads {match.group(1)}, not in the package ({path})")
            return f"include_str!({json.dumps(str(path))})"

        lines.append(re.sub(r'include_str!\("([^"]+)"\)', absolute, line))
    if lines[-1] != "Ok::<(), finsam_core::Error>(())":
        raise SystemExit(f"rust_example: example {index} does not end with Ok::<(), finsam_core::Error>(())")
    body = "\n".join("    " + line if line else "" for line in lines)
    return f"fn example_{index}() -> Result<(), finsam_core::Error> {{\n{body}\n}}\n"


def program(blocks: List[str], src: Path) -> str:
    functions = "\n".join(example_function(i, block, src) for i, block in enumerate(blocks, start=1))
    calls = ",\n".join(f"        example_{i}" for i in range(1, len(blocks) + 1))
    return f"""//! The Rust examples of finsam-core's README, as a program of a user (examples/installed/rust_example.py).
#![allow(unused)]

{functions}
fn main() {{
    let examples: [fn() -> Result<(), finsam_core::Error>; {len(blocks)}] = [
{calls},
    ];
    for (index, example) in examples.iter().enumerate() {{
        if let Err(error) = example() {{
            eprintln!("example {{}} failed: {{error}}", index + 1);
            std::process::exit(1);
        }}
        println!("example {{}}: ok", index + 1);
    }}
}}
"""


def main() -> None:
    if len(sys.argv) != 3:
        raise SystemExit(__doc__)
    crate, work = Path(sys.argv[1]).resolve(), Path(sys.argv[2]).resolve()
    stem = crate.name.removesuffix(".crate")
    work.mkdir(parents=True, exist_ok=True)
    unpacked = work / stem
    shutil.rmtree(unpacked, ignore_errors=True)
    # The .crate is a gzipped tar of `finsam-core-VERSION/`; its files keep the fixed times cargo
    # gives them, so an unchanged crate is not compiled again.
    with tarfile.open(crate) as archive:
        names = archive.getnames()
        if not all(name == stem or name.startswith(stem + "/") for name in names):
            raise SystemExit(f"rust_example: {crate} holds files outside {stem}/")
        archive.extractall(work)
    readme = (unpacked / "README.md").read_text(encoding="utf-8")
    blocks = fenced(readme, "rust")
    if len(blocks) < 5:
        raise SystemExit(f"rust_example: the packaged README has {len(blocks)} Rust examples")
    features, decimal = dependencies(readme)

    app = work / "app"
    (app / "src").mkdir(parents=True, exist_ok=True)
    feature_list = ", ".join(f'"{f}"' for f in features)
    (app / "Cargo.toml").write_text(
        f"""[package]
name = "{NAME}"
version = "0.0.0"
edition = "2021"
publish = false

[dependencies]
finsam-core = {{ path = "{unpacked}", features = [{feature_list}] }}
rust_decimal = "{decimal}"

# A program of its own, not a member of the repository's workspace.
[workspace]
""",
        encoding="utf-8",
    )
    (app / "src" / "main.rs").write_text(program(blocks, unpacked / "src"), encoding="utf-8")
    # The versions the crate was packaged with, so that the build needs no registry.
    shutil.copyfile(unpacked / "Cargo.lock", app / "Cargo.lock")

    target = work / "target"
    env = {**os.environ, "CARGO_TARGET_DIR": str(target)}
    build = ["cargo", "build", "--quiet", "--manifest-path", str(app / "Cargo.toml")]
    if subprocess.run(build + ["--offline"], env=env).returncode != 0:
        print("rust_example: the offline build failed; trying again with the registry", file=sys.stderr)
        if subprocess.run(build, env=env).returncode != 0:
            raise SystemExit(f"rust_example: the program in {app} does not build against {unpacked}")
    done = subprocess.run([str(target / "debug" / NAME)], capture_output=True, text=True)
    expected = "".join(f"example {i}: ok\n" for i in range(1, len(blocks) + 1))
    if done.returncode != 0 or done.stdout != expected:
        raise SystemExit(
            f"rust_example: {app} exited {done.returncode}\nstdout:\n{done.stdout}\nstderr:\n{done.stderr}"
        )
    print(f"rust_example: the {len(blocks)} Rust examples of {crate.name}'s README ran as a program ({app})")


if __name__ == "__main__":
    main()
