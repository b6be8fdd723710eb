//! The checker on the sample data: the exact set of findings, each a real discrepancy in the
//! printed report (the reason is given beside each); rows that are right raise nothing. And
//! property tests: a consistently built table raises nothing, and changing any one count of it
//! raises at least one finding.

use finsam_core::{
    check, DiagnosticCode, EndReason, EndReasonRow, EndReasonTable, EndReasonTotals, FlowField,
    FlowFigure, FlowFigures, FlowRow, FlowTable, Intervention, InterventionKind, Period, Report,
    Severity,
};
use proptest::prelude::*;

const REPORT_2014: &str = include_str!("../../examples/data/arsredovisning-2014.json");
const REPORT_2015: &str = include_str!("../../examples/data/arsredovisning-2015.json");
const REPORT_2017: &str = include_str!("../../examples/data/arsredovisning-2017.json");

/// (code, intervention, path, expected, printed) of every finding.
type Finding = (
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
);

/// A finding, owned: (code, intervention, path, expected, printed).
type Found = (String, String, String, String, String);

fn findings(json: &str) -> Result<Vec<Found>, finsam_core::Error> {
    let report = Report::from_json(json)?;
    let diagnostics = check(&report);
    assert!(diagnostics.iter().all(|d| d.severity == Severity::Error));
    assert_eq!(
        Report::from_json(json)?,
        report,
        "checking never changes the report"
    );
    Ok(diagnostics
        .into_iter()
        .map(|d| {
            (
                d.code.code().to_owned(),
                d.location
                    .intervention
                    .map(|i| i.to_string())
                    .unwrap_or_default(),
                d.location.path,
                d.expected
                    .map(|v| v.normalize().to_string())
                    .unwrap_or_default(),
                d.printed
                    .map(|v| v.normalize().to_string())
                    .unwrap_or_default(),
            )
        })
        .collect())
}

fn assert_findings(json: &str, expected: &[Finding]) -> Result<(), finsam_core::Error> {
    let found = findings(json)?;
    let expected: Vec<Found> = expected
        .iter()
        .map(|&(a, b, c, d, e)| (a.into(), b.into(), c.into(), d.into(), e.into()))
        .collect();
    assert_eq!(found, expected);
    Ok(())
}

#[test]
fn the_2017_report() -> Result<(), finsam_core::Error> {
    assert_findings(
        REPORT_2017,
        &[
            // "93 % ... (89 av 93)": 89 of 93 is 95.7 %.
            (
                "share_printed_mismatch",
                "halsosam",
                "interventions[1].goals[2].result.percent",
                "95.7",
                "93",
            ),
            // "6 % arbetssökande (4 av 26)": 4 of 26 is 15.4 % ...
            (
                "share_printed_mismatch",
                "samverkansteam-botkyrka",
                "interventions[3].goals[2].result.percent",
                "15.4",
                "6",
            ),
            // ... and the flow table has 66 ended, not 26 (4 of 66 is the printed 6 %).
            (
                "goal_flow_mismatch",
                "samverkansteam-botkyrka",
                "interventions[3].goals[2].result.denominator",
                "66",
                "26",
            ),
            // "67 % till arbete/studier (14 av 21)": 21 is START's new participants; 31 ended.
            (
                "goal_flow_mismatch",
                "start",
                "interventions[6].goals[2].result.denominator",
                "31",
                "21",
            ),
            // "34 nya" in the summary, 35 new in the flow table and in the section's text.
            (
                "goal_flow_mismatch",
                "upis",
                "interventions[7].goals[1].result.value",
                "35",
                "34",
            ),
            // "31 % ... (5 av 17)" is 29.4 %; "27 % ... (4 av 17)" is 23.5 %.
            (
                "share_printed_mismatch",
                "mia",
                "interventions[9].goals[1].result.percent",
                "29.4",
                "31",
            ),
            (
                "share_printed_mismatch",
                "mia",
                "interventions[9].goals[2].result.percent",
                "23.5",
                "27",
            ),
            // Möjliggörarna: 114 new and 114 ended of 108 current.
            (
                "flow_new_above_current",
                "mojliggorarna",
                "flows.rows[4].figures.new",
                "108",
                "114",
            ),
            (
                "flow_ended_above_current",
                "mojliggorarna",
                "flows.rows[4].figures.ended",
                "108",
                "114",
            ),
        ],
    )
}

#[test]
fn the_2015_report() -> Result<(), finsam_core::Error> {
    assert_findings(
        REPORT_2015,
        &[
            // The summary gives Slussen "59 deltagare"; the flow table has 108 current (59 new).
            (
                "goal_flow_mismatch",
                "slussen",
                "interventions[7].goals[0].result.value",
                "108",
                "59",
            ),
            // Lyra: 6 women + 5 men + 1 other = 12, but 28 current.
            (
                "flow_gender_sum",
                "lyra",
                "flows.rows[3].figures.current",
                "12",
                "28",
            ),
            // SamPlan: 126 + 110 + 0 = 236, but 237 current.
            (
                "flow_gender_sum",
                "samplan",
                "flows.rows[4].figures.current",
                "236",
                "237",
            ),
        ],
    )
}

#[test]
fn the_2014_report() -> Result<(), finsam_core::Error> {
    const BOTKYRKA: &str = "samverkansteam-botkyrka";
    assert_findings(
        REPORT_2014,
        &[
            // The summary's targets against the section's "Mål 2014" list and its small table.
            (
                "goal_target_conflict",
                BOTKYRKA,
                "interventions[0].goals[0].also_stated[0].target",
                "50",
                "60",
            ),
            (
                "goal_target_conflict",
                BOTKYRKA,
                "interventions[0].goals[0].also_stated[1].target",
                "50",
                "60",
            ),
            (
                "goal_target_conflict",
                BOTKYRKA,
                "interventions[0].goals[1].also_stated[0].target",
                "40",
                "50",
            ),
            (
                "goal_target_conflict",
                BOTKYRKA,
                "interventions[0].goals[1].also_stated[1].target",
                "40",
                "50",
            ),
            (
                "goal_target_conflict",
                BOTKYRKA,
                "interventions[0].goals[2].also_stated[0].target",
                "20",
                "25",
            ),
            (
                "goal_target_conflict",
                BOTKYRKA,
                "interventions[0].goals[3].also_stated[0].target",
                "25",
                "35",
            ),
            (
                "goal_target_conflict",
                "akse",
                "interventions[3].goals[1].also_stated[0].target",
                "30",
                "35",
            ),
            (
                "goal_target_conflict",
                "akse",
                "interventions[3].goals[1].also_stated[1].target",
                "30",
                "35",
            ),
            (
                "goal_target_conflict",
                "start",
                "interventions[4].goals[1].also_stated[0].target",
                "35",
                "30",
            ),
            (
                "goal_target_conflict",
                "start",
                "interventions[4].goals[1].also_stated[1].target",
                "35",
                "30",
            ),
            (
                "goal_target_conflict",
                "paraplyteamet",
                "interventions[5].goals[0].also_stated[0].target",
                "55",
                "60",
            ),
            (
                "goal_target_conflict",
                "paraplyteamet",
                "interventions[5].goals[0].also_stated[1].target",
                "55",
                "60",
            ),
            (
                "goal_target_conflict",
                "slussen",
                "interventions[6].goals[2].also_stated[0].target",
                "100",
                "95",
            ),
            (
                "goal_target_conflict",
                "slussen",
                "interventions[6].goals[2].also_stated[1].target",
                "100",
                "95",
            ),
            // The end-reason table (189 participants by reason and gender) adds up: nothing.
        ],
    )
}

#[test]
fn messages_are_in_swedish_and_english() -> Result<(), finsam_core::Error> {
    let report = Report::from_json(REPORT_2017)?;
    let diagnostics = check(&report);
    let first = diagnostics.first();
    assert_eq!(
        first.map(|d| d.message_sv.as_str()),
        Some("Hälsosam: målet \"60 % tar eget ansvar för att genomföra hälsoplan\": tryckt 93 % men 89 av 93 är 95,7 %.")
    );
    assert_eq!(
        first.map(|d| d.message_en.as_str()),
        Some("Hälsosam: goal \"60 % tar eget ansvar för att genomföra hälsoplan\": printed 93% but 89 of 93 is 95.7%.")
    );
    let upis = diagnostics
        .iter()
        .find(|d| d.code == DiagnosticCode::GoalFlowMismatch && d.location.path.ends_with("value"));
    assert_eq!(
        upis.map(|d| d.message_sv.as_str()),
        Some("Ungdomsprojektet Salem: målet \"33 nya\" redovisar 34, men deltagarflödet ger 35.")
    );
    Ok(())
}

#[test]
fn a_missing_flow_row_is_a_warning() -> Result<(), finsam_core::Error> {
    let mut report = Report::from_json(REPORT_2017)?;
    if let Some(flows) = report.flows.as_mut() {
        flows.rows.retain(|row| row.intervention.as_str() != "lyra");
        if let Some(total) = flows.total.as_mut() {
            total.current = Some(FlowFigure::Count(738));
            total.women = Some(FlowFigure::Count(393));
            total.men = Some(FlowFigure::Count(338));
            total.new = Some(FlowFigure::Count(516));
            total.ended = Some(FlowFigure::Count(495));
            total.job_seeking = Some(FlowFigure::Count(31));
        }
    }
    let warnings: Vec<_> = check(&report)
        .into_iter()
        .filter(|d| d.severity == Severity::Warning)
        .collect();
    assert_eq!(warnings.len(), 1);
    assert_eq!(
        warnings.first().map(|d| d.code),
        Some(DiagnosticCode::FlowRowMissing)
    );
    assert_eq!(
        warnings.first().map(|d| d.location.path.as_str()),
        Some("interventions[2]")
    );
    Ok(())
}

#[test]
fn totals_and_end_reasons_that_do_not_add_up() -> Result<(), finsam_core::Error> {
    let mut report = Report::from_json(REPORT_2014)?;
    if let Some(table) = report.end_reasons.as_mut() {
        if let Some(row) = table.rows.get_mut(1) {
            row.total = Some(45);
        }
    }
    if let Some(flows) = report.flows.as_mut() {
        flows.total = Some(FlowFigures {
            current: Some(FlowFigure::Count(1_200)),
            ..FlowFigures::default()
        });
        flows.unique_participants = Some(1_300);
    }
    let found: Vec<(String, String)> = check(&report)
        .into_iter()
        .filter(|d| d.code != DiagnosticCode::GoalTargetConflict)
        .map(|d| (d.code.code().to_owned(), d.location.path))
        .collect();
    let expected = [
        ("flow_total_mismatch", "flows.total.current"),
        ("flow_unique_above_total", "flows.unique_participants"),
        ("end_reason_row_total", "end_reasons.rows[1].total"),
        ("end_reason_column_total", "end_reasons.total.total"),
    ];
    assert_eq!(found, expected.map(|(a, b)| (a.to_owned(), b.to_owned())));
    Ok(())
}

/// A flow row whose figures keep every invariant.
fn consistent_row() -> impl Strategy<Value = FlowFigures> {
    (0u64..300, 0u64..300, 0u64..20)
        .prop_flat_map(|(women, men, other)| {
            let current = women + men + other;
            (Just((women, men, other, current)), 0..=current, 0..=current).prop_flat_map(
                |(w, new, ended)| {
                    (Just((w, new, ended)), 0..=ended).prop_flat_map(|(w, tw)| {
                        let (_, _, ended) = w;
                        (Just((w, tw)), 0..=(ended - tw))
                    })
                },
            )
        })
        .prop_map(
            |((((women, men, other, current), new, ended), to_work), job_seeking)| {
                let c = |n| Some(FlowFigure::Count(n));
                FlowFigures {
                    current: c(current),
                    women: c(women),
                    men: c(men),
                    other: c(other),
                    new: c(new),
                    ended: c(ended),
                    to_work_or_studies: c(to_work),
                    job_seeking: c(job_seeking),
                }
            },
        )
}

fn consistent_report(
    rows: Vec<FlowFigures>,
    reasons: Vec<(u64, u64)>,
) -> Result<Report, finsam_core::Error> {
    let mut report = Report::new("Samordningsförbundet Prov", Period::year_of(2017)?)?;
    let mut total = FlowFigures::default();
    for field in FlowField::ALL {
        let sum: u64 = rows.iter().filter_map(|r| r.count(field)).sum();
        total.set(field, Some(FlowFigure::Count(sum)));
    }
    let mut table = FlowTable {
        rows: Vec::new(),
        total: Some(total),
        unique_participants: total.count(FlowField::Current),
    };
    for (index, figures) in rows.into_iter().enumerate() {
        let intervention = Intervention::new(
            &format!("i{index}"),
            format!("Insats {index}"),
            InterventionKind::Individual,
        )?;
        table.rows.push(FlowRow {
            intervention: intervention.id.clone(),
            label: None,
            figures,
        });
        report.interventions.push(intervention);
    }
    report.flows = Some(table);
    let (women, men): (u64, u64) = (
        reasons.iter().map(|r| r.0).sum(),
        reasons.iter().map(|r| r.1).sum(),
    );
    report.end_reasons = Some(EndReasonTable {
        rows: reasons
            .iter()
            .zip(EndReason::ALL)
            .map(|(&(w, m), reason)| EndReasonRow {
                reason,
                label: None,
                women: Some(w),
                men: Some(m),
                other: None,
                total: Some(w + m),
            })
            .collect(),
        total: Some(EndReasonTotals {
            women: Some(women),
            men: Some(men),
            other: None,
            total: Some(women + men),
        }),
        note: None,
    });
    Ok(report)
}

proptest! {
    #[test]
    fn a_consistent_table_raises_nothing(
        rows in proptest::collection::vec(consistent_row(), 1..8),
        reasons in proptest::collection::vec((0u64..100, 0u64..100), 1..8),
    ) {
        let report = consistent_report(rows, reasons).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(check(&report), Vec::new());
    }

    #[test]
    fn changing_any_one_count_raises_something(
        rows in proptest::collection::vec(consistent_row(), 1..8),
        reasons in proptest::collection::vec((0u64..100, 0u64..100), 1..8),
        which in any::<prop::sample::Index>(),
        delta in 1u64..50,
        up in any::<bool>(),
    ) {
        let mut report = consistent_report(rows, reasons).map_err(|e| TestCaseError::fail(e.to_string()))?;
        // Every count cell of the report: flow rows, flow totals, end-reason rows and totals.
        let mut cells: Vec<&mut u64> = Vec::new();
        if let Some(flows) = report.flows.as_mut() {
            for row in &mut flows.rows {
                cells.extend(figure_cells(&mut row.figures));
            }
            if let Some(total) = flows.total.as_mut() {
                cells.extend(figure_cells(total));
            }
        }
        if let Some(table) = report.end_reasons.as_mut() {
            for row in &mut table.rows {
                cells.extend([&mut row.women, &mut row.men, &mut row.total].into_iter().flatten());
            }
            if let Some(total) = table.total.as_mut() {
                cells.extend([&mut total.women, &mut total.men, &mut total.total].into_iter().flatten());
            }
        }
        let index = which.index(cells.len());
        if let Some(cell) = cells.into_iter().nth(index) {
            *cell = if up || *cell < delta { *cell + delta } else { *cell - delta };
        }
        prop_assert!(!check(&report).is_empty());
    }
}

fn figure_cells(figures: &mut FlowFigures) -> Vec<&mut u64> {
    [
        &mut figures.current,
        &mut figures.women,
        &mut figures.men,
        &mut figures.other,
        &mut figures.new,
        &mut figures.ended,
        &mut figures.to_work_or_studies,
        &mut figures.job_seeking,
    ]
    .into_iter()
    .filter_map(|cell| match cell {
        Some(FlowFigure::Count(n)) => Some(n),
        _ => None,
    })
    .collect()
}

/// Validation of a report that does not load reports the real error only: the flow table's
/// references to interventions still resolve while each part is checked on its own.
#[test]
fn validation_keeps_references_to_interventions() {
    let errors = finsam_core::format::validate_report_json(
        r#"{"format_version": 1, "organisation": "X", "period": "2015",
            "interventions": [{"id": "a", "name": "A", "kind": "individual", "status": "active",
              "goals": [{"description": "g", "kind": "count", "target": "-1"}]}],
            "flows": {"rows": [{"intervention": "a", "figures": {"current": 3}}]}}"#,
    );
    let found: Vec<(&str, &str)> = errors.iter().map(|e| (e.code(), e.path())).collect();
    assert_eq!(
        found,
        [("negative_value", "interventions[0].goals[0].target")]
    );
}
