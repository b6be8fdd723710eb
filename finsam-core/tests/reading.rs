//! Reading whole reports: the 2014 appendix as its text and as its Word file gives the same
//! report, with every intervention of the summary, its section's owner, two years of results,
//! budget and outcome, and the end-reason table; the reading record names every part found or
//! absent and every issue, so that nothing is left out silently.

use finsam_core::document::{read_docx, read_text, Limits};
use finsam_core::reader::{read_report, PartKind, PartStatus, ReadOptions, Reading, ReadingCode};
use finsam_core::{EndReason, GoalResult, OutcomeWording, Report};
use rust_decimal::Decimal;

const TEXT_2014: &str = include_str!("documents/arsredovisning-2014-bilaga2.txt");
const DOCX_2014: &[u8] = include_bytes!("documents/arsredovisning-2014-bilaga2.docx");

fn text_2014() -> Result<Reading, finsam_core::Error> {
    read_report(
        &read_text(TEXT_2014, &Limits::default())?,
        &ReadOptions::default(),
    )
}

fn docx_2014() -> Result<Reading, finsam_core::Error> {
    read_report(
        &read_docx(DOCX_2014, &Limits::default())?,
        &ReadOptions::default(),
    )
}

/// The report without where its figures were read (lines in one, cells in the other).
fn without_places(mut report: Report) -> Report {
    report.sources.clear();
    report
}

/// An end reason with its women, men and total.
type EndReasonFigures = (EndReason, Option<u64>, Option<u64>, Option<u64>);

fn value(result: Option<&GoalResult>) -> Option<Decimal> {
    match result? {
        GoalResult::Count(count) => Some(count.value()),
        GoalResult::Share(share) => share.percent(),
        _ => None,
    }
}

#[test]
fn text_and_word_file_give_the_same_report() -> Result<(), finsam_core::Error> {
    let (text, docx) = (text_2014()?, docx_2014()?);
    assert_eq!(
        without_places(text.report.clone()),
        without_places(docx.report.clone())
    );
    assert_eq!(text.report.period.to_string(), "2014");
    let names: Vec<&str> = text
        .report
        .interventions
        .iter()
        .map(|i| i.name.as_ref())
        .collect();
    assert_eq!(
        names,
        [
            "Samverkansteam Botkyrka",
            "Samverkansteam Huddinge",
            "ADRIAN",
            "AkSe",
            "START",
            "Paraplyteamet",
            "Slussen",
            "Lyra",
            "Hälsosam",
            "Ungdomsprojekt i Salem",
            "Kugghjulen",
            "Remiss- och kartläggningsteam",
            "SamPlan",
        ]
    );
    // Where the figures were read: the Word file's cells, the text's lines.
    let place = |reading: &Reading, path: &str| {
        reading
            .report
            .sources
            .iter()
            .find(|s| s.path == path)
            .map(|s| s.place.to_string())
    };
    assert_eq!(
        place(&docx, "interventions[0].goals[0].result"),
        Some("table 1, row 2, cell 3".into())
    );
    assert_eq!(
        place(&text, "interventions[0].goals[0].result"),
        Some("line 8, table 1, row 2, cell 3".into())
    );
    Ok(())
}

#[test]
fn each_section_gives_its_owner_two_years_of_results_and_its_budget(
) -> Result<(), finsam_core::Error> {
    let reading = text_2014()?;
    let expected: [(&str, Option<&str>, i64, i64, OutcomeWording); 13] = [
        (
            "samverkansteam-botkyrka",
            Some("Botkyrka kommuns socialförvaltning"),
            3335,
            2611,
            OutcomeWording::Requisitioned,
        ),
        (
            "samverkansteam-huddinge",
            None,
            2940,
            2827,
            OutcomeWording::Outcome,
        ),
        (
            "adrian",
            Some("Salems kommun"),
            676,
            676,
            OutcomeWording::Requisitioned,
        ),
        ("akse", None, 1055, 1011, OutcomeWording::Requisitioned),
        (
            "start",
            Some("Botkyrka kommuns arbetsmarknads- och vuxenutbildningsförvaltning"),
            2150,
            2088,
            OutcomeWording::Requisitioned,
        ),
        (
            "paraplyteamet",
            Some("Botkyrka kommun"),
            1050,
            850,
            OutcomeWording::Requisitioned,
        ),
        (
            "slussen",
            Some("Arbetsförmedlingen"),
            2450,
            2208,
            OutcomeWording::Outcome,
        ),
        (
            "lyra",
            Some("Huddinge kommun"),
            2100,
            2039,
            OutcomeWording::Costs,
        ),
        (
            "halsosam",
            Some("Huddinge kommun"),
            780,
            776,
            OutcomeWording::Outcome,
        ),
        (
            "ungdomsprojekt-i-salem",
            Some("Socialförvaltningen i Salems kommun"),
            827,
            764,
            OutcomeWording::Requisitioned,
        ),
        ("kugghjulen", None, 1380, 1026, OutcomeWording::Costs),
        (
            "remiss-och-kartlaggningsteam",
            None,
            780,
            777,
            OutcomeWording::Outcome,
        ),
        (
            "samplan",
            Some("Försäkringskassan"),
            300,
            257,
            OutcomeWording::Requisitioned,
        ),
    ];
    for (id, owner, budget, outcome, wording) in expected {
        let intervention = reading.report.intervention(id);
        assert_eq!(intervention.and_then(|i| i.owner.as_deref()), owner, "{id}");
        let stated = intervention.and_then(|i| i.budget.as_ref());
        assert_eq!(
            stated.map(|b| (b.budget, b.outcome, b.wording)),
            Some((
                Some(Decimal::from(budget)),
                Some(Decimal::from(outcome)),
                wording
            )),
            "{id}"
        );
        // An owner not found is recorded as absent, not guessed.
        let status = reading
            .parts_of(PartKind::Owner, Some(id))
            .first()
            .map(|p| p.status);
        assert_eq!(
            status,
            Some(if owner.is_some() {
                PartStatus::Found
            } else {
                PartStatus::Absent
            }),
            "{id}"
        );
    }
    // Botkyrka's first goal: 42 in the summary, 37 in the section's table for 2014 and 42 for
    // 2013; the table states the target as 60 where the summary says 50.
    let goal = reading
        .report
        .intervention("samverkansteam-botkyrka")
        .and_then(|i| i.goals.first());
    assert_eq!(goal.map(|g| g.description()), Some("50 remisser"));
    assert_eq!(value(goal.map(|g| g.result())), Some(Decimal::from(42)));
    assert_eq!(
        value(
            goal.and_then(|g| g.also_reported().first())
                .map(|s| &s.result)
        ),
        Some(Decimal::from(37))
    );
    assert_eq!(
        value(goal.and_then(|g| g.last_year())),
        Some(Decimal::from(42))
    );
    assert_eq!(
        goal.and_then(|g| g.also_stated().first()).map(|s| s.target),
        Some(Decimal::from(60))
    );
    // Every goal whose section's table has a row for it has both years.
    let with_both = reading
        .report
        .interventions
        .iter()
        .flat_map(|i| &i.goals)
        .filter(|g| g.last_year().is_some() && !g.also_reported().is_empty())
        .count();
    assert_eq!(with_both, 19);
    Ok(())
}

#[test]
fn the_end_reason_table_reads_with_its_merged_gender_header() -> Result<(), finsam_core::Error> {
    for reading in [text_2014()?, docx_2014()?] {
        let table = reading.report.end_reasons.as_ref();
        let rows: Vec<EndReasonFigures> = table
            .map(|t| {
                t.rows
                    .iter()
                    .map(|r| (r.reason, r.women, r.men, r.total))
                    .collect()
            })
            .unwrap_or_default();
        assert_eq!(rows.len(), 8);
        assert_eq!(
            rows.first(),
            Some(&(
                EndReason::WorkStudiesJobSeeking,
                Some(34),
                Some(53),
                Some(87)
            ))
        );
        assert_eq!(
            rows.last(),
            Some(&(EndReason::Other, Some(4), Some(8), Some(12)))
        );
        let total = table.and_then(|t| t.total);
        assert_eq!(
            total.map(|t| (t.women, t.men, t.total)),
            Some((Some(94), Some(95), Some(189)))
        );
        assert!(table
            .and_then(|t| t.note.as_deref())
            .is_some_and(|n| n.contains("189 personer")));
    }
    Ok(())
}

/// The whole record: every expected part found or absent, and every issue with its code.
#[test]
fn the_reading_record_is_complete() -> Result<(), finsam_core::Error> {
    let reading = text_2014()?;
    let absent: Vec<(&str, Option<&str>)> = reading
        .absent()
        .map(|p| (p.kind.code(), p.intervention.as_ref().map(|i| i.as_str())))
        .collect();
    assert_eq!(
        absent,
        [
            ("organisation", None),
            ("period", None),
            ("owner", Some("samverkansteam-huddinge")),
            ("partners", Some("samverkansteam-huddinge")),
            ("partners", Some("adrian")),
            ("owner", Some("akse")),
            ("partners", Some("akse")),
            ("target_group", Some("akse")),
            ("partners", Some("lyra")),
            ("partners", Some("ungdomsprojekt-i-salem")),
            ("result_table", Some("ungdomsprojekt-i-salem")),
            ("owner", Some("kugghjulen")),
            ("partners", Some("kugghjulen")),
            ("target_group", Some("kugghjulen")),
            ("result_table", Some("kugghjulen")),
            ("owner", Some("remiss-och-kartlaggningsteam")),
            ("partners", Some("remiss-och-kartlaggningsteam")),
            ("partners", Some("samplan")),
        ]
    );
    // Each intervention has a part of each kind, found or absent: none is left out.
    for intervention in &reading.report.interventions {
        for kind in [
            PartKind::Section,
            PartKind::Owner,
            PartKind::Partners,
            PartKind::TargetGroup,
            PartKind::GoalList,
            PartKind::ResultTable,
            PartKind::Budget,
        ] {
            assert_eq!(
                reading.parts_of(kind, Some(intervention.id.as_str())).len(),
                1,
                "{} {:?}",
                intervention.id,
                kind
            );
        }
    }
    for kind in [
        PartKind::Organisation,
        PartKind::Period,
        PartKind::Summary,
        PartKind::Flows,
        PartKind::EndReasons,
    ] {
        assert_eq!(reading.parts_of(kind, None).len(), 1, "{kind:?}");
    }
    let count = |code: ReadingCode| reading.issues.iter().filter(|i| i.code == code).count();
    assert_eq!(count(ReadingCode::MissingHeading), 1);
    // The summary's "43 nya och 48 avslutade" and "Inga avslutade deltagare 2014" have a result
    // no goal takes; the parser says so at the cell.
    assert_eq!(count(ReadingCode::Cell), 2);
    assert_eq!(count(ReadingCode::UnmatchedGoal), 29);
    assert_eq!(reading.issues.len(), 32);
    Ok(())
}

#[test]
fn a_title_names_the_association_and_options_fill_what_it_does_not(
) -> Result<(), finsam_core::Error> {
    let document = read_text(TEXT_2014, &Limits::default())?;
    let options = ReadOptions {
        organisation: Some("Samordningsförbundet Botkyrka, Huddinge och Salem".into()),
        period: None,
    };
    let reading = read_report(&document, &options)?;
    assert_eq!(
        reading.report.organisation,
        "Samordningsförbundet Botkyrka, Huddinge och Salem"
    );
    assert!(reading
        .issues
        .iter()
        .all(|i| i.code != ReadingCode::MissingHeading));
    let titled = read_text(
        "# Samordningsförbundet Exempel: halvårsrapport 2019\n\nInsats\tMål\tResultat\nLyra\t20 nya deltagare\t8 nya deltagare\n",
        &Limits::default(),
    )?;
    let reading = read_report(&titled, &ReadOptions::default())?;
    assert_eq!(
        (
            reading.report.organisation.as_str(),
            reading.report.period.to_string()
        ),
        ("Samordningsförbundet Exempel", "2019-H1".to_owned())
    );
    Ok(())
}

/// The 2015 and 2017 appendices as text (their tables laid out again as tab-separated rows)
/// read to the same summary and flow table as the samples transcribed by hand into the JSON
/// format (`examples/data/`): every intervention with its decided grade, its goals' targets and
/// results, and every figure of the flow table with its TOTALT row and unique participants.
#[test]
fn the_2015_and_2017_appendices_read_as_their_samples() -> Result<(), finsam_core::Error> {
    let cases = [
        (
            include_str!("documents/arsredovisning-2015-bilaga2.txt"),
            include_str!("../../examples/data/arsredovisning-2015.json"),
        ),
        (
            include_str!("documents/arsredovisning-2017-bilaga2.txt"),
            include_str!("../../examples/data/arsredovisning-2017.json"),
        ),
    ];
    for (text, json) in cases {
        let sample = Report::from_json(json)?;
        let options = ReadOptions {
            organisation: Some(sample.organisation.clone()),
            period: None,
        };
        let reading = read_report(&read_text(text, &Limits::default())?, &options)?;
        let read = &reading.report;
        assert_eq!(read.period, sample.period);
        assert_eq!(read.interventions.len(), sample.interventions.len());
        for (got, want) in read.interventions.iter().zip(&sample.interventions) {
            let label = want.name.as_ref();
            assert!(want.is_called(&got.name), "{label} read as {}", got.name);
            assert_eq!(
                got.decided_grade.as_ref().map(|d| d.decision),
                want.decided_grade.as_ref().map(|d| d.decision),
                "{label}"
            );
            // The sample keeps only the goals of the year; the parser sets aside what leaked
            // from last year's column (AkSe and Lyra 2015), or keeps it as goals without results
            // (Lyra 2017).
            let targets = |i: &finsam_core::Intervention| {
                i.goals.iter().map(|g| g.target()).collect::<Vec<_>>()
            };
            let got_targets = targets(got);
            assert_eq!(
                got_targets.get(..want.goals.len()),
                Some(targets(want).as_slice()),
                "{label}"
            );
            for (g, w) in got.goals.iter().zip(&want.goals) {
                assert_eq!(
                    value(Some(g.result())),
                    value(Some(w.result())),
                    "{label}: {}",
                    w.description()
                );
            }
        }
        // The flow table: each of the sample's rows whose label names an intervention of the
        // summary, with the same figures; the TOTALT row and the unique participants.
        let (got, want) = (read.flows.as_ref(), sample.flows.as_ref());
        for w in want.iter().flat_map(|f| &f.rows) {
            let label = w.label.as_deref().unwrap_or_default();
            let found = got.and_then(|f| f.rows.iter().find(|g| g.label.as_deref() == Some(label)));
            match found {
                Some(g) => assert_eq!(g.figures, w.figures, "{label}"),
                // 2015's flow table calls UPIS "Upis", a name the summary never uses: the
                // reader says so instead of guessing.
                None => assert!(
                    reading
                        .issues
                        .iter()
                        .any(|i| i.code == ReadingCode::UnreadTableRow && i.text == label),
                    "{label} neither read nor reported"
                ),
            }
        }
        assert_eq!(got.and_then(|f| f.total), want.and_then(|f| f.total));
        assert_eq!(
            got.and_then(|f| f.unique_participants),
            want.and_then(|f| f.unique_participants)
        );
        assert_eq!(
            reading
                .parts_of(PartKind::Flows, None)
                .first()
                .map(|p| p.status),
            Some(PartStatus::Found)
        );
    }
    // 2017's flow table names every intervention as its summary does: the checker finds in the
    // text what it finds in the sample.
    let (text, json) = cases[1];
    let sample = Report::from_json(json)?;
    let read = read_report(
        &read_text(text, &Limits::default())?,
        &ReadOptions::default(),
    )?
    .report;
    let codes = |r: &Report| {
        let mut codes: Vec<&str> = r
            .check()
            .iter()
            .filter(|d| d.location.table == finsam_core::Table::Flows)
            .map(|d| d.code.code())
            .collect();
        codes.sort_unstable();
        codes
    };
    assert_eq!(codes(&read), codes(&sample));
    assert_eq!(read.flows.map(|f| f.rows.len()), Some(10));
    Ok(())
}

/// Another association's report, as its public page prints it: Samordningsförbundet
/// Umeåregionen's social report for 2022 (the source is named in the fixture). It has no
/// goal-fulfilment table: its goals are indicators, each followed by its outcome. The reader
/// takes the association and the year from the title, reports the tables it did not find as
/// absent, and invents no intervention; the indicator and its outcome, read by the cell parser,
/// give the share goal and its result as printed, "79 % (75 av 95) av de i personalen …".
#[test]
fn another_associations_report_reads_without_guessing() -> Result<(), finsam_core::Error> {
    let text = include_str!("documents/umearegionen-2022-god-samordning.txt");
    let document = read_text(text, &Limits::default())?;
    let reading = read_report(&document, &ReadOptions::default())?;
    let found: Vec<(&str, &str, Option<&str>)> = reading
        .parts
        .iter()
        .map(|p| (p.kind.code(), p.status.code(), p.text.as_deref()))
        .collect();
    assert_eq!(
        found,
        [
            (
                "organisation",
                "found",
                Some("Samordningsförbundet Umeåregionen")
            ),
            ("period", "found", Some("2022")),
            ("summary", "absent", None),
            ("flows", "absent", None),
            ("end_reasons", "absent", None),
        ]
    );
    assert!(reading.report.interventions.is_empty());
    assert!(reading.issues.is_empty());
    // The indicator of 3.2 and its outcome, as paragraphs of the document.
    let paragraph = |start: &str| {
        document
            .blocks
            .iter()
            .find_map(|b| b.text().filter(|t| t.starts_with(start)))
            .map(str::to_owned)
            .unwrap_or_default()
    };
    let goals = finsam_core::text::parse_goal_cell(&paragraph("80 % av de i personalen"));
    let results = finsam_core::text::parse_result_cell(&paragraph("79 % (75 av 95)"));
    assert!(goals.issues.is_empty() && results.issues.is_empty());
    let aligned = finsam_core::text::align(goals, results);
    let read: Vec<_> = aligned
        .goals
        .iter()
        .map(|goal| match goal.result() {
            GoalResult::Share(share) => (
                goal.kind().code(),
                goal.target(),
                share.percent(),
                share.numerator(),
                share.denominator(),
            ),
            _ => (goal.kind().code(), goal.target(), None, None, None),
        })
        .collect();
    let n = |v: i64| Some(Decimal::from(v));
    assert_eq!(read, [("share", n(80), n(79), n(75), n(95))]);
    let mut intervention = finsam_core::Intervention::new(
        "lokal-samverkan",
        "3.2 Lokal samverkan",
        finsam_core::InterventionKind::Structural,
    )?;
    intervention.goals = aligned.goals;
    let assessed = finsam_core::grade(&intervention, &finsam_core::GradingPolicy::default())?;
    // 75 of 95 is 78.9 % of the 80 % aimed at: an attainment of 0.987, "Mycket god".
    assert_eq!(
        (
            assessed.grade.map(|g| g.code()),
            assessed.score.map(|s| s.round_dp(3))
        ),
        (Some("very_good"), Some(Decimal::new(987, 3)))
    );
    Ok(())
}
