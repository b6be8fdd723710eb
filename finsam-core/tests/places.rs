//! The checker across the places of a whole report read from its document: a consistent
//! report (`tests/documents/provdal-2016-consistent.txt`) raises nothing, not even for goals
//! whose wording is near a flow figure but not it; and each document made from it by changing
//! one figure in one place raises exactly the finding for that place, at its path and its
//! places in the document.

mod support;

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
    Plant {
        what: "the text's new participants against the summary's goal and the flow table",
        from: "Under året deltog 45 personer",
        to: "Under året skrevs 36 nya deltagare in. Under året deltog 45 personer",
        expected: &[
            (
                "text_figure_mismatch",
                "error",
                "interventions[0].stated_counts[0].new",
                Some("interventions[0].goals[0].result.value"),
            ),
            (
                "text_figure_mismatch",
                "error",
                "interventions[0].stated_counts[0].new",
                Some("flows.rows[0].figures.new"),
            ),
        ],
    },
    Plant {
        what: "the text's gender shares do not add up",
        from: "56 % kvinnor",
        to: "66 % kvinnor",
        expected: &[(
            "text_share_sum",
            "error",
            "interventions[0].stated_counts[2].gender_shares",
            None,
        )],
    },
    Plant {
        what: "the text's percentage of the ended is not its count",
        from: "7 (29 %)",
        to: "7 (39 %)",
        expected: &[(
            "share_printed_mismatch",
            "error",
            "interventions[0].stated_counts[1].to_work_or_studies.percent",
            None,
        )],
    },
    Plant {
        what: "the text's ended against the flow table, and its share of them",
        from: "24 deltagare avslutades",
        to: "26 deltagare avslutades",
        expected: &[
            (
                "share_printed_mismatch",
                "error",
                "interventions[0].stated_counts[1].to_work_or_studies.percent",
                None,
            ),
            (
                "text_figure_mismatch",
                "error",
                "interventions[0].stated_counts[1].ended",
                Some("flows.rows[0].figures.ended"),
            ),
        ],
    },
    Plant {
        what: "the text's women and men do not add up, and the men are not the flow table's",
        from: "25 kvinnor och 20 män",
        to: "25 kvinnor och 22 män",
        expected: &[
            (
                "text_sum_mismatch",
                "error",
                "interventions[0].stated_counts[0].of_whom.total",
                None,
            ),
            (
                "text_figure_mismatch",
                "error",
                "interventions[0].stated_counts[0].of_whom.men",
                Some("flows.rows[0].figures.men"),
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
            vec![Some(40), Some(8)],
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
    support::doc_is_current("findings-2014.md", &page, "places")
}

/// The figures of one made-up intervention, consistent with each other.
#[derive(Debug, Clone)]
struct Made {
    new: u32,
    new_target: u32,
    ended: u32,
    to_work: u32,
    share_target: u32,
    women: u32,
    men: u32,
    last_new: u32,
    last_ended: u32,
    last_to_work: u32,
}

fn made() -> impl proptest::strategy::Strategy<Value = Made> {
    use proptest::prelude::*;
    (
        1u32..80,
        1u32..80,
        1u32..40,
        0u32..=100,
        1u32..90,
        0u32..30,
        1u32..80,
        1u32..40,
        0u32..=100,
    )
        .prop_map(
            |(
                new,
                new_target,
                ended,
                work,
                share_target,
                extra,
                last_new,
                last_ended,
                last_work,
            )| {
                let to_work = ended * work / 100;
                let current = new.max(ended) + extra;
                Made {
                    new,
                    new_target,
                    ended,
                    to_work,
                    share_target,
                    women: current / 2,
                    men: current - current / 2,
                    last_new,
                    last_ended,
                    last_to_work: last_ended * last_work / 100,
                }
            },
        )
}

/// A printed percentage of `n` of `d`, rounded as a report rounds it.
fn printed(n: u32, d: u32) -> u32 {
    (200 * n + d) / (2 * d)
}

const NAMES: [&str; 3] = ["Steget", "Bron", "Vägen"];

/// One figure of the document to change, and the finding that must follow.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Change {
    SectionResult,
    LastYearPercent,
    ListTarget,
}

/// The report as its text: the summary, the flow table with its TOTALT row, and each
/// intervention's section with its goal list and its table of this year's and last year's
/// results. `change` alters one figure of intervention `which`.
fn document(made: &[Made], change: Option<(Change, usize)>) -> String {
    let changed = |c: Change, i: usize| matches!(change, Some((k, j)) if j == i && std::mem::discriminant(&k) == std::mem::discriminant(&c));
    let mut text = String::from("# Samordningsförbundet Provdal: Årsredovisning 2016\n\n## Sammanställning av måluppfyllelse för finansierade insatser\n\nInsats\tMål 2016\tResultat 2016\tTotalt antal aktuella deltagare 2016\n");
    for (m, name) in made.iter().zip(NAMES) {
        text.push_str(&format!(
            "{name}\t{} nya deltagare {} % till arbete/studier\t{} nya deltagare {} % till arbete/studier ({} av {})\t{}\n",
            m.new_target, m.share_target, m.new, printed(m.to_work, m.ended), m.to_work, m.ended, m.women + m.men
        ));
    }
    text.push_str("\n## Sammanfattning av deltagarflöden\n\nInsats\tAntal aktuella deltagare\tVarav kvinnor\tVarav män\tAnnat/ej angivet\tVarav nya deltagare\tAntal avslutade deltagare\tTill arbete/studier\n");
    let mut total = [0u32; 7];
    for (m, name) in made.iter().zip(NAMES) {
        let row = [
            m.women + m.men,
            m.women,
            m.men,
            0,
            m.new,
            m.ended,
            m.to_work,
        ];
        for (sum, value) in total.iter_mut().zip(row) {
            *sum += value;
        }
        let cells: Vec<String> = row.iter().map(u32::to_string).collect();
        text.push_str(&format!("{name}\t{}\n", cells.join("\t")));
    }
    let cells: Vec<String> = total.iter().map(u32::to_string).collect();
    text.push_str(&format!("TOTALT\t{}\n", cells.join("\t")));
    for (i, (m, name)) in made.iter().zip(NAMES).enumerate() {
        let list_target = m.new_target + u32::from(changed(Change::ListTarget, i)) * 5;
        let section_new = m.new + u32::from(changed(Change::SectionResult, i));
        // Moved 7 points, down from a high percentage so that it stays a possible one.
        let exact = printed(m.last_to_work, m.last_ended);
        let last_percent = match changed(Change::LastYearPercent, i) {
            true if exact >= 50 => exact - 7,
            true => exact + 7,
            false => exact,
        };
        text.push_str(&format!(
            "\n## {name}\n\n{name} ger samordnat stöd.\n\n### Mål 2016\n\n- {list_target} nya deltagare,\n- {} % till arbete/studier vid avslut.\n\n### Resultat\n\nMål\tResultat 2016\tResultat 2015\n{} nya deltagare\t{section_new}\t{}\n{} % till arbete/studier\t{} % ({} av {})\t{last_percent} % ({} av {})\n",
            m.share_target, m.new_target, m.last_new, m.share_target,
            printed(m.to_work, m.ended), m.to_work, m.ended, m.last_to_work, m.last_ended
        ));
    }
    text
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(48))]

    #[test]
    fn a_consistent_document_raises_nothing_and_one_change_raises_its_finding(
        made in proptest::collection::vec(made(), 3),
        which in 0usize..3,
        change in proptest::sample::select(vec![Change::SectionResult, Change::LastYearPercent, Change::ListTarget]),
    ) {
        let found = checked(&document(&made, None))
            .map_err(|e| proptest::test_runner::TestCaseError::fail(e.to_string()))?;
        let raised: Vec<String> = found.iter().filter(|d| d.severity != Severity::Info)
            .map(|d| format!("{} {}", d.code.code(), d.message_en)).collect();
        proptest::prop_assert!(raised.is_empty(), "{raised:?}");
        let found = checked(&document(&made, Some((change, which))))
            .map_err(|e| proptest::test_runner::TestCaseError::fail(e.to_string()))?;
        let raised: Vec<(&str, String)> = found.iter().filter(|d| d.severity != Severity::Info)
            .map(|d| (d.code.code(), d.location.path.clone())).collect();
        let expected = match change {
            Change::SectionResult => ("result_stated_mismatch", format!("interventions[{which}].goals[0].also_reported[0].result.value")),
            Change::LastYearPercent => ("share_printed_mismatch", format!("interventions[{which}].goals[1].last_year.percent")),
            Change::ListTarget => ("goal_target_conflict", format!("interventions[{which}].goals[0].also_stated[0].target")),
        };
        proptest::prop_assert_eq!(raised, vec![expected]);
    }
}
