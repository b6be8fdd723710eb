//! A report's tables as text, for JS: the goal-fulfilment summary (`renderGoalTable`) and the
//! participant flows (`renderFlowTable`), in Markdown, as a standalone HTML document or as CSV,
//! in Swedish or English.

use finsam_core::render::{self, Format};
use finsam_core::{Language, Report};
use wasm_bindgen::prelude::*;

use crate::convert::policy_or_default;
use crate::convert::{from_js, given, parsed_param, throwable};
use crate::panic_hook;

/// The language argument: Swedish when absent or `null`.
fn language_or_swedish(language: Option<JsValue>) -> Result<Language, JsValue> {
    match given(language) {
        Some(language) => parsed_param(&language, "language"),
        None => Ok(Language::Swedish),
    }
}

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
    #[wasm_bindgen(unchecked_optional_param_type = "TableLanguage | null")] language: Option<
        JsValue,
    >,
    #[wasm_bindgen(unchecked_optional_param_type = "Policy | null")] policy: Option<JsValue>,
) -> Result<String, JsValue> {
    panic_hook::check()?;
    let report: Report = from_js(&report)?;
    let format: Format = parsed_param(&format, "format")?;
    let language = language_or_swedish(language)?;
    let policy = policy_or_default(policy)?;
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
    #[wasm_bindgen(unchecked_optional_param_type = "TableLanguage | null")] language: Option<
        JsValue,
    >,
) -> Result<JsValue, JsValue> {
    panic_hook::check()?;
    let report: Report = from_js(&report)?;
    let format: Format = parsed_param(&format, "format")?;
    let language = language_or_swedish(language)?;
    Ok(render::render_flow_table(&report, format, language)
        .map_or(JsValue::NULL, |table| JsValue::from_str(&table)))
}
