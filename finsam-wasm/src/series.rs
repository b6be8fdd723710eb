//! Reports of one association across periods, for JS (`compareReports`): each intervention
//! followed by id and by name, each goal against the year before, and the grade history, with
//! the same in flat rows for a table.

use finsam_core::{Report, ReportSeries};
use finsam_core::{SeriesComparison, SeriesGoalRow, SeriesGradeRow};
use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::convert::policy_or_default;
use crate::convert::{from_js, throwable, to_js};
use crate::panic_hook;

/// A comparison with its flat rows, as `compareReports` returns it.
#[derive(Serialize)]
struct Compared<'a> {
    #[serde(flatten)]
    comparison: &'a SeriesComparison,
    grade_rows: Vec<SeriesGradeRow>,
    goal_rows: Vec<SeriesGoalRow>,
}

/// Follows reports of different periods, given in any order: grades each with the default
/// policy or `policy`, joins each intervention to its earlier appearances (by id, else by a
/// name or alias it had), and each goal to the same goal of the intervention's previous report
/// of the same kind (by description, else by the figure it measures) with the change of value
/// and attainment. Returns `{periods, interventions, grade_rows, goal_rows}`: the histories,
/// and the same as flat rows, one per intervention and period and one per goal and period.
/// Throws a `FinsamError`: `duplicate_period` at `[i].period` for a second report of a period;
/// for a report that is not valid, the core's code with the path under its index
/// (`[1].interventions[0].goals[0].target`).
#[wasm_bindgen(js_name = compareReports, unchecked_return_type = "ReportComparison")]
pub fn compare_reports(
    #[wasm_bindgen(unchecked_param_type = "Report[]")] reports: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "Policy | null")] policy: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    panic_hook::check()?;
    let reports: Vec<Report> = from_js(&reports)?;
    let policy = policy_or_default(policy)?;
    let mut series = ReportSeries::new();
    for (index, report) in reports.into_iter().enumerate() {
        series
            .add(report)
            .map_err(|e| throwable(&e.under(&format!("[{index}]"))))?;
    }
    let comparison = series.compare(&policy).map_err(|e| throwable(&e))?;
    to_js(&Compared {
        grade_rows: comparison.grade_rows(),
        goal_rows: comparison.goal_rows(),
        comparison: &comparison,
    })
}
