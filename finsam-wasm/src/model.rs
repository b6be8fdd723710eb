//! The package's main module (`finsam`): validation, grading with explanations, the checker,
//! calibration, the economics and reading grades. Built with the `main` feature (with
//! `economics.rs`).

use finsam_core::format::{validate_intervention_json, validate_report_json};
use finsam_core::{
    Assessment, Decision, Error, ErrorKind, Grade, GradingPolicy, Intervention, Language, Report,
};
use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::convert::{from_js, json_text, policy_or_default, throwable, to_js, without_position};
use crate::panic_hook;

/// One error of a validation outcome, as data.
#[derive(Serialize)]
struct ErrorView {
    path: String,
    code: &'static str,
    message: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    line: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    column: Option<usize>,
}

/// `{valid, errors}`: the outcome of a validation, as data.
#[derive(Serialize)]
struct ValidationOutcome {
    valid: bool,
    errors: Vec<ErrorView>,
}

impl ValidationOutcome {
    /// The outcome for the errors the core found. Line and column are kept only when the caller
    /// gave JSON text (`with_position`).
    fn new(errors: &[Error], with_position: bool) -> ValidationOutcome {
        ValidationOutcome {
            valid: errors.is_empty(),
            errors: errors
                .iter()
                .map(|e| ErrorView {
                    path: e.path().to_owned(),
                    code: e.code(),
                    message: e.message().to_owned(),
                    line: e.line().filter(|_| with_position),
                    column: e.column().filter(|_| with_position),
                })
                .collect(),
        }
    }
}

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
    let errors: Vec<Error> = finsam_core::format::from_json::<GradingPolicy>(&json_text(&policy)?)
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
        "policy" => finsam_core::format::from_json::<GradingPolicy>(&text)
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
