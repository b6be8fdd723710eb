//! The checker across the places of a whole report read from its document: a consistent
//! report (`tests/documents/provdal-2016-consistent.txt`) raises nothing, not even for goals
//! whose wording is near a flow figure but not it; and each document made from it by changing
//! one figure in one place raises exactly the finding for that place, at its path and its
//! places in the document.

use finsam_core::document::{read_text, Limits};
use finsam_core::reader::{read_report, ReadOptions};
use finsam_core::{Diagnostic, Severity};

const CONSISTENT: &str = include_str!("documents/provdal-2016-consistent.txt");

fn checked(text: &str) -> Result<Vec<Diagnostic>, finsam_core::Error> {
    let reading = read_report(
        &read_text(text, &Limits::default())?,
        &ReadOptions::default(),
    )?;
    Ok(reading.report.check())
}

#[test]
fn a_consistent_report_raises_nothing() -> Result<(), finsam_core::Error> {
    let found = checked(CONSISTENT)?;
    let raised: Vec<(&str, &str)> = found
        .iter()
        .filter(|d| d.severity != Severity::Info)
        .map(|d| (d.code.code(), d.location.path.as_str()))
        .collect();
    assert_eq!(raised, Vec::<(&str, &str)>::new());
    Ok(())
}

/// One contradiction planted in the consistent report: the text changed, and every finding
/// it gives as (code, severity, path, compared with).
struct Plant {
    what: &'static str,
    from: &'static str,
    to: &'static str,
    expected: &'static [(
        &'static str,
        &'static str,
        &'static str,
        Option<&'static str>,
    )],
}

const PLANTS: &[Plant] = &[
    Plant {
        what: "the section's table states another result than the summary",
        from: "40 nya deltagare\t38\t35",
        to: "40 nya deltagare\t36\t35",
        expected: &[(
            "result_stated_mismatch",
            "error",
            "interventions[0].goals[0].also_reported[0].result.value",
            Some("interventions[0].goals[0].result.value"),
        )],
    },
    Plant {
        what: "the summary prints last year's result, against the section and the flow table",
        from: "38 nya deltagare 29 %",
        to: "35 nya deltagare 29 %",
        expected: &[
            (
                "result_stated_mismatch",
                "error",
                "interventions[0].goals[0].also_reported[0].result.value",
                Some("interventions[0].goals[0].result.value"),
            ),
            (
                "goal_flow_mismatch",
                "error",
                "interventions[0].goals[0].result.value",
                None,
            ),
        ],
    },
    Plant {
        what: "the section's goal list states another target",
        from: "- 40 nya deltagare,",
        to: "- 45 nya deltagare,",
        expected: &[(
            "goal_target_conflict",
            "error",
            "interventions[0].goals[0].also_stated[0].target",
            Some("interventions[0].goals[0].target"),
        )],
    },
    Plant {
        what: "the section's table states another target",
        from: "40 nya deltagare\t38",
        to: "45 nya deltagare\t38",
        expected: &[(
            "goal_target_conflict",
            "error",
            "interventions[0].goals[0].also_stated[1].target",
            Some("interventions[0].goals[0].target"),
        )],
    },
    Plant {
        what: "last year's percentage is not its fraction",
        from: "25 % (5 av 20)",
        to: "35 % (5 av 20)",
        expected: &[(
            "share_printed_mismatch",
            "error",
            "interventions[0].goals[1].last_year.percent",
            None,
        )],
    },
    Plant {
        what: "the summary's percentage is not its fraction",
        from: "13 % i arbete (1 av 8)",
        to: "23 % i arbete (1 av 8)",
        expected: &[(
            "share_printed_mismatch",
            "error",
            "interventions[1].goals[3].result.percent",
            None,
        )],
    },
    Plant {
        what: "last year's share cannot be",
        from: "50 % (9 av 18)",
        to: "113 % (9 av 8)",
        expected: &[(
            "share_impossible",
            "error",
            "interventions[1].goals[1].last_year.percent",
            None,
        )],
    },
    Plant {
        what: "the section's share is another than the summary's",
        from: "55 % (12 av 22)\t",
        to: "55 % (11 av 22)\t",
        expected: &[
            (
                "share_printed_mismatch",
                "error",
                "interventions[1].goals[1].also_reported[0].result.percent",
                None,
            ),
            (
                "result_stated_mismatch",
                "error",
                "interventions[1].goals[1].also_reported[0].result.numerator",
                Some("interventions[1].goals[1].result.numerator"),
            ),
        ],
    },
];

#[test]
fn each_planted_contradiction_is_found_at_its_places() -> Result<(), finsam_core::Error> {
    for plant in PLANTS {
        assert_eq!(CONSISTENT.matches(plant.from).count(), 1, "{}", plant.what);
        let found = checked(&CONSISTENT.replacen(plant.from, plant.to, 1))?;
        let raised: Vec<(&str, &str, &str, Option<&str>)> = found
            .iter()
            .filter(|d| d.severity != Severity::Info)
            .map(|d| {
                (
                    d.code.code(),
                    d.severity.code(),
                    d.location.path.as_str(),
                    d.location.compared_with.as_deref(),
                )
            })
            .collect();
        assert_eq!(raised, plant.expected, "{}", plant.what);
        // Each finding stands in the document: its own place, then the one compared with.
        for diagnostic in &found {
            let wanted = 1 + usize::from(diagnostic.location.compared_with.is_some());
            assert_eq!(diagnostic.location.places.len(), wanted, "{}", plant.what);
            assert!(diagnostic.location.places.iter().all(|p| p.line.is_some()));
        }
    }
    Ok(())
}

#[test]
fn a_finding_between_two_places_names_both_values_and_both_lines() -> Result<(), finsam_core::Error>
{
    let text = CONSISTENT.replacen("38 nya deltagare 29 %", "35 nya deltagare 29 %", 1);
    let found = checked(&text)?;
    let stated = found
        .iter()
        .find(|d| d.code.code() == "result_stated_mismatch")
        .map(|d| {
            (
                d.message_sv.as_str(),
                d.message_en.as_str(),
                d.location.places.iter().map(|p| p.line).collect::<Vec<_>>(),
            )
        });
    assert_eq!(
        stated,
        Some((
            "Steget: målet \"40 nya deltagare\": sammanställningen redovisar 35 men avsnittets tabell 38 (35 är förra årets resultat i avsnittets tabell).",
            "Steget: goal \"40 nya deltagare\": the summary reports 35 but the section's table 38 (35 is last year's result in the section's table).",
            vec![Some(38), Some(8)],
        ))
    );
    Ok(())
}

/// Wordings near the flow table's share to work or studies, and whether a goal so worded is
/// that figure (and so compared with it).
#[test]
fn a_goal_is_linked_to_a_flow_figure_only_when_its_wording_is_that_figure() {
    let cases = [
        (
            "30 % till arbete/studier",
            Some("share_to_work_or_studies_of_ended"),
        ),
        (
            "35 % arbetar/studerar vid avslut",
            Some("share_to_work_or_studies_of_ended"),
        ),
        (
            "25 % till arbete/studier eller arbetssökande",
            Some("share_work_studies_or_job_seeking_of_ended"),
        ),
        (
            "20 % arbetssökande vid avslut",
            Some("share_job_seeking_of_ended"),
        ),
        (
            "50 % redo för arbete, studier eller andra arbetsmarknadsinsatser",
            None,
        ),
        ("20 % påbörjat studier", None),
        ("35 % i arbete", None),
        ("50 % i egen försörjning", None),
        ("25 % i/närmare arbete/studier", None),
        ("50 % i arbete/studier (1 år efter avslut)", None),
        ("30 % till arbete/studier via ordinarie insatser", None),
        ("40 nya deltagare", Some("new_participants")),
        ("15 deltagare", Some("current_participants")),
        ("55 lyfts i samverkansgrupp", None),
    ];
    for (wording, expected) in cases {
        let cell = finsam_core::text::parse_goal_cell(wording);
        let measures: Vec<Option<&str>> = cell
            .goals()
            .map(|g| g.measures().map(|m| m.code()))
            .collect();
        assert_eq!(measures, [expected], "{wording}");
    }
}

/// `docs/findings-2014.md`: everything the checker finds in the 2014 appendix as read from its
/// text, written by this test (run with `FINSAM_WRITE_DOCS=1` to write it) and checked to be
/// current, so that a reader sees what finsam finds in a real report.
#[test]
fn the_2014_findings_in_docs_are_current() -> Result<(), finsam_core::Error> {
    use finsam_core::Language;
    let text = include_str!("documents/arsredovisning-2014-bilaga2.txt");
    let found = checked(text)?;
    let mut page = String::from(
        "# What finsam finds in the 2014 appendix\n\n\
         The checker's findings on `finsam-core/tests/documents/arsredovisning-2014-bilaga2.txt`, \
         the text of appendix 2 of the 2014 annual report, read whole with `read_report` and \
         checked with `check`. Written by the test `the_2014_findings_in_docs_are_current` \
         (`finsam-core/tests/places.rs`); `FINSAM_WRITE_DOCS=1 cargo test -p finsam-core --test \
         places` writes it again. Lines are the lines of the text; \"compared with\" is the \
         other place of a finding between two.\n\n",
    );
    let count = |severity: Severity| found.iter().filter(|d| d.severity == severity).count();
    page.push_str(&format!(
        "{} findings: {} errors, {} warnings, {} notes.\n\n",
        found.len(),
        count(Severity::Error),
        count(Severity::Warning),
        count(Severity::Info)
    ));
    page.push_str(
        "| # | severity | code | where | compared with | finding |\n|---|---|---|---|---|---|\n",
    );
    for (index, diagnostic) in found.iter().enumerate() {
        let place = |i: usize| {
            diagnostic
                .location
                .places
                .get(i)
                .map(|p| p.describe(Language::English))
                .unwrap_or_default()
        };
        page.push_str(&format!(
            "| {} | {} | `{}` | {} | {} | {} |\n",
            index + 1,
            diagnostic.severity.code(),
            diagnostic.code.code(),
            place(0),
            place(1),
            diagnostic.message_en.replace('|', "\\|")
        ));
    }
    page.push_str("\n## På svenska\n\n| # | fynd |\n|---|---|\n");
    for (index, diagnostic) in found.iter().enumerate() {
        page.push_str(&format!(
            "| {} | {} |\n",
            index + 1,
            diagnostic.message_sv.replace('|', "\\|")
        ));
    }
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../docs/findings-2014.md");
    if std::env::var_os("FINSAM_WRITE_DOCS").is_some() {
        std::fs::write(path, &page).map_err(|e| {
            finsam_core::Error::new(finsam_core::ErrorKind::InvalidValue, "", e.to_string())
        })?;
    }
    let written = std::fs::read_to_string(path).unwrap_or_default();
    assert!(
        written == page,
        "docs/findings-2014.md is not current: run FINSAM_WRITE_DOCS=1 cargo test -p finsam-core --test places"
    );
    Ok(())
}
