//! The package's `finsam/reports` module (feature `reports`), beside the text reader
//! (`text.rs`): a report's tables written as Markdown, HTML or CSV, every table the core
//! builds as data (`{columns, rows}`, the same tables Python's `to_pandas` gets), the line
//! under the goal-fulfilment table (how far the computed grades agree with the decided ones),
//! and reports of several periods compared.

use finsam_core::render::{self, Format, GoalValue, GradeValue, Table};
use finsam_core::text::TextRow;
use finsam_core::{Agreement, Language, Report, ReportSeries, Result, SeriesComparison};
use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::convert::{from_js, language_or_swedish, parsed, policy_or_default, report_from_js};
use crate::convert::{throwable, to_js, JsResult};
use crate::panic_hook;

/// A report's goal-fulfilment summary (*Sammanställning av måluppfyllelse*: Insats | Mål |
/// Resultat | Måluppfyllelse), one row per goal, every intervention graded with the default
/// policy or `policy`, captioned with the organisation and period. `format` is `"markdown"`
/// (or `"md"`), `"html"` (a complete, accessible document) or `"csv"` (RFC 4180, CRLF line
/// ends); `language` is `"sv"` (the default) or `"en"`. Throws a `FinsamError`: at `format` or
/// `language` for one that is not known (`unknown_variant`) or not a string (`invalid_type`);
/// with the core's code and path for a report or policy that is not valid.
#[wasm_bindgen(js_name = renderGoalTable)]
pub fn render_goal_table(
    #[wasm_bindgen(unchecked_param_type = "Report")] report: JsValue,
    #[wasm_bindgen(unchecked_param_type = "TableFormat")] format: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "Language | null")] language: Option<JsValue>,
    #[wasm_bindgen(unchecked_optional_param_type = "GradingPolicy | null")] policy: Option<JsValue>,
) -> Result<String, JsValue> {
    panic_hook::check()?;
    let report = report_from_js(&report)?;
    let format: Format = parsed(&format, "format")?;
    let (language, policy) = (language_or_swedish(language)?, policy_or_default(policy)?);
    render::render_goal_table(&report, &policy, format, language).map_err(|e| throwable(&e))
}

/// A report's participant-flow table (*Sammanfattning av deltagarflöden*): one row per
/// intervention with its eight figures, then the TOTALT row and the unique participants as the
/// report states them; `null` when the report has no flow table. `format` and `language` as
/// for `renderGoalTable`. Throws a `FinsamError` as `renderGoalTable` does.
#[wasm_bindgen(js_name = renderFlowTable, unchecked_return_type = "string | null")]
pub fn render_flow_table(
    #[wasm_bindgen(unchecked_param_type = "Report")] report: JsValue,
    #[wasm_bindgen(unchecked_param_type = "TableFormat")] format: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "Language | null")] language: Option<JsValue>,
) -> JsResult {
    panic_hook::check()?;
    let report = report_from_js(&report)?;
    let format: Format = parsed(&format, "format")?;
    let table = render::render_flow_table(&report, format, language_or_swedish(language)?);
    to_js(&table)
}

/// A report's tables as an .xlsx workbook (a `Uint8Array`): one sheet per table (goal
/// fulfilment, goals, the checker's findings, and those the report has: participant flows, end
/// reasons, statement, cost rules, budget per intervention), cells typed (counts and money as
/// numbers, shares as percentages, ids and names as text), headers bold, frozen and filtered.
/// `language` is `"sv"` (the default) or `"en"`. Throws a `FinsamError` as `renderGoalTable`
/// does.
#[wasm_bindgen(js_name = renderXlsx)]
pub fn render_xlsx(
    #[wasm_bindgen(unchecked_param_type = "Report")] report: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "Language | null")] language: Option<JsValue>,
    #[wasm_bindgen(unchecked_optional_param_type = "GradingPolicy | null")] policy: Option<JsValue>,
) -> Result<js_sys::Uint8Array, JsValue> {
    panic_hook::check()?;
    let report = report_from_js(&report)?;
    let (language, policy) = (language_or_swedish(language)?, policy_or_default(policy)?);
    let bytes =
        finsam_core::write::report_xlsx(&report, &policy, language).map_err(|e| throwable(&e))?;
    Ok(js_sys::Uint8Array::from(bytes.as_slice()))
}

/// A report's appendix as a Word document (a `Uint8Array`): the goal-fulfilment table with the
/// grading rule as its footnote, the flow table with its TOTALT row, the checker's findings,
/// and each intervention's section with the explanation of its grade, in Word's own heading
/// and table styles (a template's styles are for Python and Rust: reading a template would
/// make this module much larger). Throws a `FinsamError` as `renderGoalTable` does.
#[wasm_bindgen(js_name = renderDocx)]
pub fn render_docx(
    #[wasm_bindgen(unchecked_param_type = "Report")] report: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "Language | null")] language: Option<JsValue>,
    #[wasm_bindgen(unchecked_optional_param_type = "GradingPolicy | null")] policy: Option<JsValue>,
) -> Result<js_sys::Uint8Array, JsValue> {
    panic_hook::check()?;
    let report = report_from_js(&report)?;
    let (language, policy) = (language_or_swedish(language)?, policy_or_default(policy)?);
    let bytes = finsam_core::write::write_docx(&report, &policy, language, None)
        .map_err(|e| throwable(&e))?;
    Ok(js_sys::Uint8Array::from(bytes.as_slice()))
}

/// The agreement's sentence in Swedish and in English.
#[derive(Serialize)]
struct Sentence {
    sv: String,
    en: String,
}

/// How far the grades computed for the report's interventions (with the default policy or
/// `policy`) agree with the grades the association decided: the rows compared (`graded`: a
/// decided grade other than "Ej tillämpbar", and a computed grade), how many of them agree, the
/// rows it did not grade and those with nothing to compute, counted apart, with the sentence in
/// Swedish and English (`text`) that goes under the goal-fulfilment table. Throws a
/// `FinsamError` when the report or the policy is not valid.
#[wasm_bindgen(unchecked_return_type = "AgreementSummary")]
pub fn agreement(
    #[wasm_bindgen(unchecked_param_type = "Report")] report: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "GradingPolicy | null")] policy: Option<JsValue>,
) -> JsResult {
    panic_hook::check()?;
    let report = report_from_js(&report)?;
    let assessments = report
        .grade(&policy_or_default(policy)?)
        .map_err(|e| throwable(&e))?;
    let agreement = Agreement::of(&assessments);
    let object = to_js(&agreement)?;
    let text = Sentence {
        sv: agreement.text(Language::Swedish),
        en: agreement.text(Language::English),
    };
    js_sys::Reflect::set(&object, &"text".into(), &to_js(&text)?)?;
    Ok(object)
}

/// A table the core built (or `null` for a part the report does not have) as `{columns,
/// rows}`: the one converter of every table function.
fn table(table: Option<Result<Table>>) -> JsResult {
    to_js(&table.transpose().map_err(|e| throwable(&e))?)
}

/// Declares a function of a report that returns one of the core's tables.
macro_rules! report_table {
    ($(#[$doc:meta])* $js:ident, $rust:ident, $returns:literal, |$report:ident| $body:expr) => {
        $(#[$doc])*
        #[wasm_bindgen(js_name = $js, unchecked_return_type = $returns)]
        pub fn $rust(#[wasm_bindgen(unchecked_param_type = "Report")] report: JsValue) -> JsResult {
            panic_hook::check()?;
            let $report = report_from_js(&report)?;
            table($body)
        }
    };
}

report_table!(
    /// The participant-flow table as data: one row per intervention, then the TOTALT row when
    /// printed; `null` when the report has no flow table.
    flowTable, flow_table, "DataTable | null", |report| report.flows.as_ref().map(render::flow_table)
);
report_table!(
    /// The end-reason table as data: one row per reason, then the printed total row; `null`
    /// when the report has none.
    endReasonTable, end_reason_table, "DataTable | null",
    |report| report.end_reasons.as_ref().map(render::end_reason_table)
);
report_table!(
    /// The statement as data, one row per printed line; `null` without one.
    statementTable, statement_table, "DataTable | null",
    |report| report.economics.as_ref().and_then(|e| e.statement.as_ref()).map(render::statement_table)
);
report_table!(
    /// Every cost rule evaluated on the statement, one row each; `null` without economics.
    ruleTable, rule_table, "DataTable | null", |report| report.economics.as_ref().map(render::rule_table)
);
report_table!(
    /// Every row of the per-intervention table with its deviation; `null` without economics.
    deviationTable, deviation_table, "DataTable | null",
    |report| report.economics.as_ref().map(render::deviation_table)
);

/// A table of a report's assessments, in `language`, graded with the default policy or `policy`.
macro_rules! language_table {
    ($(#[$doc:meta])* $js:ident, $rust:ident, |$report:ident, $language:ident, $policy:ident| $body:expr) => {
        $(#[$doc])*
        #[wasm_bindgen(js_name = $js, unchecked_return_type = "DataTable")]
        pub fn $rust(
            #[wasm_bindgen(unchecked_param_type = "Report")] report: JsValue,
            #[wasm_bindgen(unchecked_optional_param_type = "Language | null")] language: Option<JsValue>,
            #[wasm_bindgen(unchecked_optional_param_type = "GradingPolicy | null")] policy: Option<JsValue>,
        ) -> JsResult {
            panic_hook::check()?;
            let $report = report_from_js(&report)?;
            let ($language, $policy) = (language_or_swedish(language)?, policy_or_default(policy)?);
            table(Some($body))
        }
    };
}

language_table!(
    /// One row per goal of every intervention graded with the default policy or `policy`.
    goalTable, goal_table,
    |report, language, policy| report.grade(&policy).and_then(|a| render::goal_table(&a, language))
);
language_table!(
    /// One row per intervention graded with the default policy or `policy`.
    interventionTable, intervention_table,
    |report, language, policy| report.grade(&policy).and_then(|a| render::intervention_table(&a, language))
);
/// The checker's findings (see `checkReport` of `finsam`), one row each, messages in
/// `language`.
#[wasm_bindgen(js_name = diagnosticTable, unchecked_return_type = "DataTable")]
pub fn diagnostic_table(
    #[wasm_bindgen(unchecked_param_type = "Report")] report: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "Language | null")] language: Option<JsValue>,
) -> JsResult {
    panic_hook::check()?;
    let report = report_from_js(&report)?;
    let language = language_or_swedish(language)?;
    table(Some(render::diagnostic_table(
        &finsam_core::check(&report),
        language,
    )))
}

/// What the parser is unsure of in rows of text, one issue per row, with the row's index and
/// intervention id, the span as character indexes, and the message in `language`. Throws a
/// `FinsamError` as `reportFromText` does for a row that does not build.
#[wasm_bindgen(js_name = issueTable, unchecked_return_type = "DataTable")]
pub fn issue_table(
    #[wasm_bindgen(unchecked_param_type = "TextRow[]")] rows: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "Language | null")] language: Option<JsValue>,
) -> JsResult {
    panic_hook::check()?;
    let rows: Vec<TextRow> = from_js(&rows)?;
    let language = language_or_swedish(language)?;
    let built = (rows.iter().enumerate())
        .map(|(i, row)| {
            finsam_core::text::intervention_from_text(row).map_err(|e| e.under(&format!("[{i}]")))
        })
        .collect::<Result<Vec<_>>>();
    table(Some(
        built.and_then(|built| render::issue_table(&built, language)),
    ))
}

/// The reports of several periods, given in any order, followed with the default policy or
/// `policy`. Throws a `FinsamError`: `duplicate_period` at `[i].period` for a second report of a
/// period; for a report that is not valid, the core's code with the path under its index.
fn series(reports: &JsValue, policy: Option<JsValue>) -> JsResult<SeriesComparison> {
    let reports: Vec<Report> = from_js(reports)?;
    let policy = policy_or_default(policy)?;
    let mut series = ReportSeries::new();
    for (index, report) in reports.into_iter().enumerate() {
        series
            .add(report)
            .map_err(|e| throwable(&e.under(&format!("[{index}]"))))?;
    }
    series.compare(&policy).map_err(|e| throwable(&e))
}

/// A comparison with its flat rows, as `compareReports` returns it.
#[derive(Serialize)]
struct Compared<'a> {
    #[serde(flatten)]
    comparison: &'a SeriesComparison,
    grade_rows: Vec<finsam_core::SeriesGradeRow>,
    goal_rows: Vec<finsam_core::SeriesGoalRow>,
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
    #[wasm_bindgen(unchecked_optional_param_type = "GradingPolicy | null")] policy: Option<JsValue>,
) -> JsResult {
    panic_hook::check()?;
    let comparison = series(&reports, policy)?;
    let (grade_rows, goal_rows) = (comparison.grade_rows(), comparison.goal_rows());
    to_js(&Compared {
        comparison: &comparison,
        grade_rows,
        goal_rows,
    })
}

/// A table of reports of several periods compared (see `compareReports`), in `language`.
macro_rules! series_table {
    ($(#[$doc:meta])* $js:ident, $rust:ident, |$comparison:ident, $language:ident| $body:expr) => {
        $(#[$doc])*
        #[wasm_bindgen(js_name = $js, unchecked_return_type = "DataTable")]
        pub fn $rust(
            #[wasm_bindgen(unchecked_param_type = "Report[]")] reports: JsValue,
            #[wasm_bindgen(unchecked_optional_param_type = "Language | null")] language: Option<JsValue>,
            #[wasm_bindgen(unchecked_optional_param_type = "GradingPolicy | null")] policy: Option<JsValue>,
        ) -> JsResult {
            panic_hook::check()?;
            let ($comparison, $language) = (series(&reports, policy)?, language_or_swedish(language)?);
            table(Some($body))
        }
    };
}

series_table!(
    /// One row per intervention and period (`compareReports`' `grade_rows` as a table).
    seriesGradeTable, series_grade_table, |comparison, language| render::series_grade_table(&comparison, language)
);
series_table!(
    /// One row per goal and period (`compareReports`' `goal_rows` as a table).
    seriesGoalTable, series_goal_table, |comparison, language| render::series_goal_table(&comparison, language)
);

/// The grade history as a pivot: one row per intervention, one column per period holding its
/// `value` (`"label"`, the default, `"grade"`, `"score"` or `"decided"`).
#[wasm_bindgen(js_name = seriesGradePivot, unchecked_return_type = "DataTable")]
pub fn series_grade_pivot(
    #[wasm_bindgen(unchecked_param_type = "Report[]")] reports: JsValue,
    #[wasm_bindgen(
        unchecked_optional_param_type = "\"label\" | \"grade\" | \"score\" | \"decided\" | null"
    )]
    value: Option<JsValue>,
    #[wasm_bindgen(unchecked_optional_param_type = "Language | null")] language: Option<JsValue>,
    #[wasm_bindgen(unchecked_optional_param_type = "GradingPolicy | null")] policy: Option<JsValue>,
) -> JsResult {
    panic_hook::check()?;
    let value =
        crate::convert::given(value).map_or(Ok(GradeValue::Label), |v| parsed(&v, "value"))?;
    let (comparison, language) = (series(&reports, policy)?, language_or_swedish(language)?);
    to_js(&render::series_grade_pivot(&comparison, value, language))
}

/// The goals' history as a pivot: one row per goal, one column per period holding its `value`
/// (`"value"`, the default, `"attainment"`, `"target"`, `"result"` or `"status"`).
#[wasm_bindgen(js_name = seriesGoalPivot, unchecked_return_type = "DataTable")]
pub fn series_goal_pivot(
    #[wasm_bindgen(unchecked_param_type = "Report[]")] reports: JsValue,
    #[wasm_bindgen(
        unchecked_optional_param_type = "\"value\" | \"attainment\" | \"target\" | \"result\" | \"status\" | null"
    )]
    value: Option<JsValue>,
    #[wasm_bindgen(unchecked_optional_param_type = "Language | null")] language: Option<JsValue>,
    #[wasm_bindgen(unchecked_optional_param_type = "GradingPolicy | null")] policy: Option<JsValue>,
) -> JsResult {
    panic_hook::check()?;
    let value =
        crate::convert::given(value).map_or(Ok(GoalValue::Value), |v| parsed(&v, "value"))?;
    let (comparison, language) = (series(&reports, policy)?, language_or_swedish(language)?);
    to_js(&render::series_goal_pivot(&comparison, value, language))
}

/// Finds the band edges, the cap for unmeasured goals and the share basis that agree best with
/// the grades the association decided for the report's interventions, starting from the
/// default policy or `start`. An analyst's tool, so it lives here and not in the web form's
/// module. Throws a `FinsamError` when the report or the policy is not valid.
#[wasm_bindgen(unchecked_return_type = "Calibration")]
pub fn calibrate(
    #[wasm_bindgen(unchecked_param_type = "Report")] report: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "GradingPolicy | null")] start: Option<JsValue>,
) -> JsResult {
    panic_hook::check()?;
    let report = report_from_js(&report)?;
    let calibration = report
        .calibrate(&policy_or_default(start)?)
        .map_err(|e| throwable(&e))?;
    to_js(&calibration)
}
