"""The package's version is the release's: ``finsam.__version__`` is the workspace's version
(the root Cargo.toml, which maturin gives the wheel) and the newest version heading of
CHANGELOG.md."""

from __future__ import annotations

import re

import finsam
from conftest import ROOT


def newest_release(changelog: str) -> str:
    """The version of the first ``## [x.y.z] - YYYY-MM-DD`` heading, after ``## [Unreleased]``."""
    headings = re.findall(r"^## \[([^\]]+)\](.*)$", changelog, flags=re.M)
    assert headings[0] == ("Unreleased", ""), headings[:2]
    version, date = headings[1]
    assert re.fullmatch(r" - \d{4}-\d{2}-\d{2}", date), headings[1]
    return version


def workspace_version() -> str:
    cargo = (ROOT / "Cargo.toml").read_text(encoding="utf-8")
    section = cargo.split("[workspace.package]\n", 1)[1].split("\n[", 1)[0]
    found = re.findall(r'^version = "([^"]+)"$', section, flags=re.M)
    assert len(found) == 1, section
    return found[0]


def test_the_version_is_the_workspace_s_and_the_newest_changelog_release() -> None:
    assert finsam.__version__ == workspace_version()
    assert finsam.__version__ == newest_release((ROOT / "CHANGELOG.md").read_text(encoding="utf-8"))


def test_the_newest_release_is_read_from_the_changelog_s_second_heading() -> None:
    changelog = "# Changelog\n\n## [Unreleased]\n\n## [1.2.3] - 2026-12-02\n\n- x\n\n## [1.2.2] - 2026-12-01\n"
    assert newest_release(changelog) == "1.2.3"
