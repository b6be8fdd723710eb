//! What a report states beside the summary: last year's result, the result as the
//! intervention's section states it, the section's budget sentence, and where each figure was
//! read. Each loads from the JSON format, writes back the same, and is checked like the rest.

use finsam_core::{OutcomeWording, Report};
use rust_decimal::Decimal;

const REPORT: &str = r#"{
  "format_version": 1,
  "organisation": "Samordningsförbundet Exempel",
  "period": "2014",
  "interventions": [{
    "id": "botkyrka", "name": "Samverkansteam Botkyrka", "kind": "individual", "status": "active",
    "goals": [{
      "description": "60 remiteringar", "kind": "count", "target": "60",
      "result": {"type": "count", "value": "42"},
      "last_year": {"type": "count", "value": "42"},
      "also_reported": [{"place": "avsnittets tabell", "text": "37",
                         "result": {"type": "count", "value": "37"}}]
    }],
    "budget": {"unit": "tkr", "budget": "3335", "outcome": "2611", "wording": "requisitioned",
               "text": "Projektet var budgeterat med 3 335 tkr för verksamheten 2014 varav insatsen endast rekvirerat 2 611 tkr."}
  }],
  "sources": [{"path": "interventions[0].goals[0].result", "place": {"table": 1, "row": 2, "cell": 3}}]
}"#;

#[test]
fn stated_elsewhere_loads_and_writes_back() -> Result<(), finsam_core::Error> {
    let report = Report::from_json(REPORT)?;
    let intervention = report.intervention("botkyrka");
    let goal = intervention.and_then(|i| i.goals.first());
    assert_eq!(
        goal.and_then(|g| g.last_year()).map(|r| r.code()),
        Some("count")
    );
    assert_eq!(
        goal.map(|g| g
            .also_reported()
            .iter()
            .map(|s| s.text.as_str())
            .collect::<Vec<_>>()),
        Some(vec!["37"])
    );
    let budget = intervention.and_then(|i| i.budget.clone());
    assert_eq!(
        budget.as_ref().map(|b| (b.budget, b.outcome, b.wording)),
        Some((
            Some(Decimal::from(3335)),
            Some(Decimal::from(2611)),
            OutcomeWording::Requisitioned
        ))
    );
    assert_eq!(
        report.sources.first().map(|s| s.place.to_string()),
        Some("table 1, row 2, cell 3".into())
    );
    assert_eq!(Report::from_json(&report.to_json())?, report);
    Ok(())
}

#[test]
fn a_result_stated_elsewhere_must_fit_the_goal() {
    let wrong = REPORT.replace(
        r#""last_year": {"type": "count", "value": "42"}"#,
        r#""last_year": {"type": "share", "percent": "40"}"#,
    );
    let error = Report::from_json(&wrong).err();
    assert_eq!(
        error.map(|e| (e.code(), e.path().to_owned())),
        Some((
            "result_kind_mismatch",
            "interventions[0].goals[0].last_year".into()
        ))
    );
    let wrong = REPORT.replace(r#""place": "avsnittets tabell""#, r#""place": " ""#);
    let error = Report::from_json(&wrong).err();
    assert_eq!(
        error.map(|e| (e.code(), e.path().to_owned())),
        Some((
            "empty_text",
            "interventions[0].goals[0].also_reported[0].place".into()
        ))
    );
}
