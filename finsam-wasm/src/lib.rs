//! # finsam-wasm
//!
//! The WebAssembly binding of [`finsam_core`] for Node and the browser. JS callers pass plain
//! objects in the finsam JSON format (decimals as strings) and get plain objects back.
//!
//! - Validation returns its outcome as data: `{valid, errors: [{path, code, message}]}`.
//! - The checker returns what does not add up in a report as data: an array of diagnostics
//!   (`{code, severity, location, expected, printed, message_sv, message_en}`).
//! - Misuse (a value of the wrong type, a malformed intervention passed to a grading function)
//!   throws a real JS `Error` named `FinsamError` with the core's stable `code` and `path`.
//! - The economics of a report come back computed (`economicsSummary`), amounts as decimal
//!   strings; `convertMoney` and `roundMoney` convert and round single amounts exactly.
//! - A Rust panic throws a `FinsamError` with code `internal_panic` and the panic message; the
//!   instance then refuses further calls with code `poisoned` (see `src/panic_hook.rs`).
//!
//! Every function converts, calls the core and maps the error; the logic lives in the core.

mod convert;
mod economics;
mod panic_hook;
mod series;
mod tables;
mod text;
mod typescript;

use finsam_core::json::{validate_intervention_json, validate_report_json};
use finsam_core::{
    Assessment, Decision, Error, ErrorKind, Grade, GradingPolicy, Intervention, Language, Report,
};
use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::convert::{
    from_js, given, json_text, throwable, to_js, without_position, ValidationOutcome,
};

/// A text in Swedish and in English.
#[derive(Serialize)]
struct Localized {
    sv: String,
    en: String,
}

impl Localized {
    fn of(text: impl Fn(Language) -> String) -> Localized {
        Localized {
            sv: text(Language::Swedish),
            en: text(Language::English),
        }
    }
}

/// An assessment with its explanations, as `gradeIntervention` returns it.
#[derive(Serialize)]
struct Graded<'a> {
    #[serde(flatten)]
    assessment: &'a Assessment,
    explanation: Localized,
    goal_explanations: Vec<Localized>,
}

impl<'a> Graded<'a> {
    fn new(assessment: &'a Assessment) -> Graded<'a> {
        Graded {
            assessment,
            explanation: Localized::of(|language| assessment.explain(language)),
            goal_explanations: assessment
                .goals
                .iter()
                .map(|goal| Localized::of(|language| goal.explain(language)))
                .collect(),
        }
    }
}

/// A grade with its labels, as `parseGrade` returns it.
#[derive(Serialize)]
struct GradeInfo {
    code: &'static str,
    rank: usize,
    label: Localized,
}

/// A decision with its labels, as `parseDecision` returns it.
#[derive(Serialize)]
struct DecisionInfo {
    code: &'static str,
    label: Localized,
}

/// The policy given, or the default one when the argument is absent or `null`.
pub(crate) fn policy_or_default(policy: Option<JsValue>) -> Result<GradingPolicy, JsValue> {
    match given(policy) {
        Some(policy) => from_js(&policy),
        None => Ok(GradingPolicy::default()),
    }
}

/// A string argument, or an `invalid_type` error naming the parameter.
fn string_arg(value: &JsValue, parameter: &str) -> Result<String, JsValue> {
    value.as_string().ok_or_else(|| {
        throwable(&Error::new(
            ErrorKind::InvalidType,
            "",
            format!("{parameter} must be a string"),
        ))
    })
}

/// Grades one intervention with the default policy, or with `policy` when given. Returns the
/// assessment (per goal its attainment and status; the score, the grade, the rule) with its
/// explanation in Swedish and English. Throws a `FinsamError` when the intervention or the
/// policy is not valid.
#[wasm_bindgen(js_name = gradeIntervention, unchecked_return_type = "GradedAssessment")]
pub fn grade_intervention(
    #[wasm_bindgen(unchecked_param_type = "Intervention")] intervention: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "Policy | null")] policy: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    panic_hook::check()?;
    let intervention: Intervention = from_js(&intervention)?;
    let policy = policy_or_default(policy)?;
    let assessment = finsam_core::grade(&intervention, &policy).map_err(|e| throwable(&e))?;
    to_js(&Graded::new(&assessment))
}

/// Grades every intervention of a report, in order, with the default policy or `policy`.
/// Throws a `FinsamError` when the report or the policy is not valid.
#[wasm_bindgen(js_name = gradeReport, unchecked_return_type = "GradedAssessment[]")]
pub fn grade_report(
    #[wasm_bindgen(unchecked_param_type = "Report")] report: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "Policy | null")] policy: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    panic_hook::check()?;
    let report: Report = from_js(&report)?;
    let policy = policy_or_default(policy)?;
    let assessments = report.grade(&policy).map_err(|e| throwable(&e))?;
    to_js(&assessments.iter().map(Graded::new).collect::<Vec<_>>())
}

/// Checks an intervention and returns every error found, as data. Paths are relative to the
/// intervention (`goals[1].target`). Throws only for values JSON cannot hold (`undefined`).
#[wasm_bindgen(js_name = validateIntervention, unchecked_return_type = "ValidationOutcome")]
pub fn validate_intervention(
    #[wasm_bindgen(unchecked_param_type = "unknown")] intervention: JsValue,
) -> Result<JsValue, JsValue> {
    panic_hook::check()?;
    let errors = validate_intervention_json(&json_text(&intervention)?);
    to_js(&ValidationOutcome::new(&errors, false))
}

/// Checks a report and returns every error found, as data. Paths start at the report
/// (`interventions[0].goals[1].target`). Throws only for values JSON cannot hold.
#[wasm_bindgen(js_name = validateReport, unchecked_return_type = "ValidationOutcome")]
pub fn validate_report(
    #[wasm_bindgen(unchecked_param_type = "unknown")] report: JsValue,
) -> Result<JsValue, JsValue> {
    panic_hook::check()?;
    let errors = validate_report_json(&json_text(&report)?);
    to_js(&ValidationOutcome::new(&errors, false))
}

/// Checks a grading policy and returns its error, if any, as data.
#[wasm_bindgen(js_name = validatePolicy, unchecked_return_type = "ValidationOutcome")]
pub fn validate_policy(
    #[wasm_bindgen(unchecked_param_type = "unknown")] policy: JsValue,
) -> Result<JsValue, JsValue> {
    panic_hook::check()?;
    let errors: Vec<Error> = finsam_core::json::from_json::<GradingPolicy>(&json_text(&policy)?)
        .err()
        .map(|e| without_position(&e))
        .into_iter()
        .collect();
    to_js(&ValidationOutcome::new(&errors, false))
}

/// Checks JSON text (a file's content) as a `"report"`, an `"intervention"` or a `"policy"`
/// and returns every error found, as data, each with the line and column where known. Throws
/// when `what` is none of the three.
#[wasm_bindgen(js_name = validateJson, unchecked_return_type = "ValidationOutcome")]
pub fn validate_json(
    #[wasm_bindgen(unchecked_param_type = "\"report\" | \"intervention\" | \"policy\"")]
    what: JsValue,
    #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
) -> Result<JsValue, JsValue> {
    panic_hook::check()?;
    let what = string_arg(&what, "what")?;
    let text = string_arg(&text, "text")?;
    let errors = match what.as_str() {
        "report" => validate_report_json(&text),
        "intervention" => validate_intervention_json(&text),
        "policy" => finsam_core::json::from_json::<GradingPolicy>(&text)
            .err()
            .into_iter()
            .collect(),
        other => {
            return Err(throwable(&Error::new(
                ErrorKind::UnknownVariant,
                "",
                format!(
                    "'{other}' is not something to validate; use report, intervention or policy"
                ),
            )))
        }
    };
    to_js(&ValidationOutcome::new(&errors, true))
}

/// Checks the arithmetic of a report without changing it: flow rows whose parts do not add up,
/// totals that are not column sums, printed percentages that do not match their fractions, goal
/// results that contradict the flow figure they measure, end-reason tables that do not add up,
/// goals stated with different targets in two places, and in the economics: differences,
/// subtotals, totals and results that do not follow from the lines, members' contributions
/// outside the split of the law, local cost rules exceeded or printed wrong, forecast figures
/// that do not follow, and intervention outcomes stated differently in two places. Returns
/// every diagnostic found, in the report's order, as plain objects (an empty array when
/// everything holds). Throws a `FinsamError` when the report is not valid.
#[wasm_bindgen(js_name = checkReport, unchecked_return_type = "Diagnostic[]")]
pub fn check_report(
    #[wasm_bindgen(unchecked_param_type = "Report")] report: JsValue,
) -> Result<JsValue, JsValue> {
    panic_hook::check()?;
    let report: Report = from_js(&report)?;
    to_js(&finsam_core::check(&report))
}

/// Finds the band edges (and the cap for unmeasured goals) that agree best with the grades the
/// association decided for the report's interventions, starting from the default policy or
/// `start`. Throws a `FinsamError` when the report or the policy is not valid.
#[wasm_bindgen(unchecked_return_type = "Calibration")]
pub fn calibrate(
    #[wasm_bindgen(unchecked_param_type = "Report")] report: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "Policy | null")] start: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    panic_hook::check()?;
    let report: Report = from_js(&report)?;
    let start = policy_or_default(start)?;
    let calibration = report.calibrate(&start).map_err(|e| throwable(&e))?;
    to_js(&calibration)
}

/// Reads a grade as reports write it ("Mycket God", "Godtagbart", "very_good"), ignoring case
/// and extra spaces. Throws a `FinsamError` with code `invalid_grade` for anything else,
/// including "Ej tillämpbar" (a decision, not a grade: see `parseDecision`).
#[wasm_bindgen(js_name = parseGrade, unchecked_return_type = "GradeInfo")]
pub fn parse_grade(
    #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
) -> Result<JsValue, JsValue> {
    panic_hook::check()?;
    let grade: Grade = string_arg(&text, "text")?
        .parse()
        .map_err(|e| throwable(&e))?;
    to_js(&GradeInfo {
        code: grade.code(),
        rank: grade.rank(),
        label: Localized::of(|language| grade.label(language).to_owned()),
    })
}

/// Reads a decided grade: everything `parseGrade` reads, plus "Ej tillämpbar" and its
/// spellings. Throws a `FinsamError` with code `invalid_grade` for anything else.
#[wasm_bindgen(js_name = parseDecision, unchecked_return_type = "DecisionInfo")]
pub fn parse_decision(
    #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
) -> Result<JsValue, JsValue> {
    panic_hook::check()?;
    let decision: Decision = string_arg(&text, "text")?
        .parse()
        .map_err(|e| throwable(&e))?;
    to_js(&DecisionInfo {
        code: decision.code(),
        label: Localized::of(|language| decision.label(language).to_owned()),
    })
}

/// The default grading policy, with every field filled in.
#[wasm_bindgen(js_name = defaultPolicy, unchecked_return_type = "PolicyValues")]
pub fn default_policy() -> Result<JsValue, JsValue> {
    panic_hook::check()?;
    to_js(&GradingPolicy::default())
}

/// Every error code the core can report, in a stable order.
#[wasm_bindgen(js_name = errorCodes, unchecked_return_type = "ErrorCode[]")]
pub fn error_codes() -> Result<JsValue, JsValue> {
    panic_hook::check()?;
    to_js(&ErrorKind::ALL.map(ErrorKind::code))
}

/// The version of this package (the same as finsam-core's).
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_owned()
}

/// Panics on purpose, so that tests can check how a panic reaches JS. Only in builds with the
/// `test-panic` feature, which the published package does not have.
#[cfg(feature = "test-panic")]
#[wasm_bindgen(js_name = __panicForTests)]
pub fn panic_for_tests(message: &str) -> Result<(), JsValue> {
    panic_hook::check()?;
    #[allow(clippy::panic, reason = "this entry point exists to panic")]
    {
        panic!("{message}")
    }
}
