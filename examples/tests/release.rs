//! The release's texts agree with each other: one version (the workspace's) in CHANGELOG.md's
//! newest heading, in every member and in the README's install commands, and the repository
//! README's Rust examples are the crate README's (finsam-core/README.md, whose examples are
//! finsam-core's doctests and what `scripts/test-dist.sh` runs against the packaged crate).

use std::path::{Path, PathBuf};

/// The workspace's version: every member takes it (`version.workspace = true`).
const VERSION: &str = env!("CARGO_PKG_VERSION");

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn read(path: &str) -> String {
    let full = root().join(path);
    std::fs::read_to_string(&full)
        .unwrap_or_else(|error| format!("cannot read {}: {error}", full.display()))
}

/// The code blocks of a Markdown text whose fence is ```` ```LANGUAGE ````, in order.
fn blocks(markdown: &str, language: &str) -> Vec<String> {
    let fence = format!("```{language}");
    let mut found = Vec::new();
    let mut current: Option<String> = None;
    for line in markdown.lines() {
        match current.as_mut() {
            None if line == fence => current = Some(String::new()),
            None => {}
            Some(_) if line == "```" => found.extend(current.take()),
            Some(block) => {
                block.push_str(line);
                block.push('\n');
            }
        }
    }
    found
}

/// The headings of a changelog in Keep a Changelog form, as (version, date): `## [Unreleased]`
/// gives ("Unreleased", ""), `## [x.y.z] - YYYY-MM-DD` gives ("x.y.z", "YYYY-MM-DD"), and any
/// other `## ` heading gives ("", the heading).
fn headings(changelog: &str) -> Vec<(String, String)> {
    changelog
        .lines()
        .filter_map(|line| line.strip_prefix("## "))
        .map(|heading| {
            let parsed = heading
                .strip_prefix('[')
                .and_then(|rest| match rest.split_once(']') {
                    Some((version, "")) => Some((version.to_owned(), String::new())),
                    Some((version, date)) => date
                        .strip_prefix(" - ")
                        .map(|d| (version.to_owned(), d.to_owned())),
                    None => None,
                });
            parsed.unwrap_or_else(|| (String::new(), heading.to_owned()))
        })
        .collect()
}

/// `x.y.z` as numbers, to order versions.
fn numbers(version: &str) -> Vec<u64> {
    version
        .split('.')
        .map(|part| part.parse().unwrap_or(u64::MAX))
        .collect()
}

fn is_date(text: &str) -> bool {
    text.len() == 10
        && text.char_indices().all(|(i, c)| {
            if i == 4 || i == 7 {
                c == '-'
            } else {
                c.is_ascii_digit()
            }
        })
}

#[test]
fn the_newest_changelog_release_is_the_workspace_version() {
    let headings = headings(&read("CHANGELOG.md"));
    assert_eq!(
        headings.first(),
        Some(&("Unreleased".to_owned(), String::new()))
    );
    let releases = headings.get(1..).unwrap_or_default();
    assert_eq!(
        releases.first().map(|(version, _)| version.as_str()),
        Some(VERSION)
    );
    for (version, date) in releases {
        assert!(is_date(date), "## [{version}] - {date}: not a date");
        assert_eq!(numbers(version).len(), 3, "## [{version}]: not x.y.z");
    }
    // Newest first, each version once.
    for pair in releases.windows(2) {
        if let [newer, older] = pair {
            assert!(
                numbers(&newer.0) > numbers(&older.0),
                "{} before {}",
                newer.0,
                older.0
            );
            assert!(newer.1 >= older.1, "{} dated before {}", newer.0, older.0);
        }
    }
}

#[test]
fn the_changelog_headings_are_read_as_keep_a_changelog_writes_them() {
    let text = "# Changelog\n\n## [Unreleased]\n\n## [1.2.3] - 2026-12-02\n### Added\n## Notes\n";
    let expected = [("Unreleased", ""), ("1.2.3", "2026-12-02"), ("", "Notes")];
    let expected: Vec<(String, String)> = expected
        .iter()
        .map(|(a, b)| ((*a).to_owned(), (*b).to_owned()))
        .collect();
    assert_eq!(headings(text), expected);
    assert!(is_date("2026-12-02") && !is_date("2026-1-02") && !is_date("2026/12/02"));
    assert!(numbers("0.10.0") > numbers("0.9.1"));
}

#[test]
fn every_member_takes_the_workspace_version() {
    for member in [
        "finsam-core",
        "finsam-py",
        "finsam-wasm",
        "examples",
        "benches",
    ] {
        let manifest = read(&format!("{member}/Cargo.toml"));
        assert!(
            manifest.contains("\nversion.workspace = true\n"),
            "{member}/Cargo.toml"
        );
    }
    // The workspace's dependency on the core names no second version.
    let workspace = read("Cargo.toml");
    assert!(
        workspace.contains("\nfinsam-core = { path = \"finsam-core\" }\n"),
        "{workspace}"
    );
    // The npm package's template leaves the version to scripts/build-wasm.sh.
    assert!(read("finsam-wasm/pkg-template/package.json").contains("\n  \"version\": \"0.0.0\",\n"));
}

#[test]
fn the_crate_readme_depends_on_this_version() {
    let minor = VERSION
        .rsplit_once('.')
        .map(|(minor, _)| minor)
        .unwrap_or(VERSION);
    let toml = blocks(&read("finsam-core/README.md"), "toml");
    assert_eq!(
        toml.first().and_then(|t| t.lines().find(|l| l.starts_with("finsam-core = "))),
        Some(format!("finsam-core = {{ version = \"{minor}\", features = [\"docx\", \"xlsx\", \"docx-write\"] }}").as_str())
    );
}

#[test]
fn the_repository_readme_shows_the_crate_readme_s_rust_examples() {
    let crate_examples = blocks(&read("finsam-core/README.md"), "rust");
    let repository_examples = blocks(&read("README.md"), "rust");
    assert_eq!(crate_examples.len(), 5);
    for (index, (shown, source)) in repository_examples.iter().zip(&crate_examples).enumerate() {
        assert_eq!(
            shown, source,
            "README.md's Rust example {index} differs from finsam-core/README.md's"
        );
    }
    assert_eq!(repository_examples.len(), crate_examples.len());
    // Each ends as a doctest that returns the crate's error.
    for example in &crate_examples {
        assert!(
            example.ends_with("\n# Ok::<(), finsam_core::Error>(())\n"),
            "{example}"
        );
    }
}

#[test]
fn the_readme_installs_this_version_s_release_files() {
    let readme = read("README.md");
    let install = readme
        .split_once("\n## Install\n")
        .and_then(|(_, rest)| rest.split("\n## ").next())
        .unwrap_or_default();
    let commands: Vec<String> = blocks(install, "sh")
        .iter()
        .flat_map(|block| block.lines())
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
        .map(str::to_owned)
        .collect();
    // The wheel's name as maturin writes it: abi3 for CPython >= 3.9, manylinux2014 (glibc 2.17).
    let wheel =
        format!("finsam-{VERSION}-cp39-abi3-manylinux2014_x86_64.manylinux_2_17_x86_64.whl");
    let position = |command: &str| commands.iter().position(|c| c == command);
    assert_eq!(
        position(&format!("pip install {wheel}")),
        Some(0),
        "{install}"
    );
    // Then the npm package and the crate, and building from source last.
    let npm = position(&format!("npm install ./finsam-{VERSION}.tgz"));
    let crate_file = position(&format!("tar xzf finsam-core-{VERSION}.crate"));
    let from_source = position("pip install ./finsam-py");
    assert!(npm.is_some() && crate_file.is_some(), "{commands:?}");
    assert!(
        from_source > npm && from_source > crate_file,
        "{commands:?}"
    );
    assert!(install.contains("`sha256sum -c SHA256SUMS`"), "{install}");
}
