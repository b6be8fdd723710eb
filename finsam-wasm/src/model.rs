//! The package's main module (`finsam`): validation, grading with explanations, the checker,
//! calibration, the economics and reading grades. Built with the `main` feature (with
//! `economics.rs`).

use finsam_core::format::{validate_intervention_json, validate_report_json};
use finsam_core::{Assessment, Decision, Error, ErrorKind, Grade, GradingPolicy, Language};
use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::convert::{from_js, json_text, parsed, policy_or_default, report_from_js};
use crate::convert::{string_argument, throwable, to_js, JsResult};
use crate::panic_hook;

/// One error of a validation outcome, as data: the error as a thrown `FinsamError` carries it.
#[derive(Serialize)]
struct ErrorView<'a> {
    path: &'a str,
    code: &'static str,
    message: &'a str,
    message_sv: String,
    message_en: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    line: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    column: Option<usize>,
}

/// `{valid, errors}`: the outcome of a validation.
#[derive(Serialize)]
struct Outcome<'a> {
    valid: bool,
    errors: Vec<ErrorView<'a>>,
}

/// `{valid, errors}` for the errors the core found. Line and column are kept only when the
/// caller gave JSON text (`with_position`).
fn outcome(errors: &[Error], with_position: bool) -> JsResult {
    let errors: Vec<ErrorView<'_>> = errors
        .iter()
        .map(|e| ErrorView {
            path: e.path(),
            code: e.code(),
            message: e.message(),
            message_sv: e.message_in(Language::Swedish),
            message_en: e.message(),
            line: e.line().filter(|_| with_position),
            column: e.column().filter(|_| with_position),
        })
        .collect();
    to_js(&Outcome {
        valid: errors.is_empty(),
        errors,
    })
}

/// A text in Swedish and in English.
#[derive(Serialize)]
struct Localized {
    sv: String,
    en: String,
}

fn localized(text: impl Fn(Language) -> String) -> Localized {
    Localized {
        sv: text(Language::Swedish),
        en: text(Language::English),
    }
}

/// A grade or a decision with its labels, as `parseGrade` and `parseDecision` return it.
#[derive(Serialize)]
struct Info<T> {
    code: T,
    #[serde(skip_serializing_if = "Option::is_none")]
    rank: Option<usize>,
    label: Localized,
}

/// An assessment as the core writes it, with its explanation and each goal's line in both
/// languages (`explanation`, `goal_explanations`).
fn graded(assessment: &Assessment) -> JsResult {
    let object = to_js(assessment)?;
    let goals: Vec<Localized> = (assessment.goals.iter())
        .map(|goal| localized(|language| goal.explain(language)))
        .collect();
    let explanation = localized(|language| assessment.explain(language));
    js_sys::Reflect::set(&object, &"explanation".into(), &to_js(&explanation)?)?;
    js_sys::Reflect::set(&object, &"goal_explanations".into(), &to_js(&goals)?)?;
    Ok(object)
}

/// Grades one intervention with the default policy, or with `policy` when given. Returns the
/// assessment (per goal its attainment and status; the score, the grade, the rule) with its
/// explanation in Swedish and English. Throws a `FinsamError` when the intervention or the
/// policy is not valid.
#[wasm_bindgen(js_name = gradeIntervention, unchecked_return_type = "GradedAssessment")]
pub fn grade_intervention(
    #[wasm_bindgen(unchecked_param_type = "Intervention")] intervention: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "GradingPolicy | null")] policy: Option<JsValue>,
) -> JsResult {
    panic_hook::check()?;
    let intervention = from_js(&intervention)?;
    let policy = policy_or_default(policy)?;
    let assessment = finsam_core::grade(&intervention, &policy).map_err(|e| throwable(&e))?;
    graded(&assessment)
}

/// Grades every intervention of a report, in order, with the default policy or `policy`.
/// Throws a `FinsamError` when the report or the policy is not valid.
#[wasm_bindgen(js_name = gradeReport, unchecked_return_type = "GradedAssessment[]")]
pub fn grade_report(
    #[wasm_bindgen(unchecked_param_type = "Report")] report: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "GradingPolicy | null")] policy: Option<JsValue>,
) -> JsResult {
    panic_hook::check()?;
    let report = report_from_js(&report)?;
    let assessments = report
        .grade(&policy_or_default(policy)?)
        .map_err(|e| throwable(&e))?;
    let graded: js_sys::Array = assessments.iter().map(graded).collect::<JsResult<_>>()?;
    Ok(graded.into())
}

/// Checks an intervention and returns every error found, as data. Paths are relative to the
/// intervention (`goals[1].target`). Throws only for values JSON cannot hold (`undefined`).
#[wasm_bindgen(js_name = validateIntervention, unchecked_return_type = "ValidationOutcome")]
pub fn validate_intervention(
    #[wasm_bindgen(unchecked_param_type = "unknown")] intervention: JsValue,
) -> JsResult {
    panic_hook::check()?;
    let text = json_text(&intervention).map_err(|e| throwable(&e))?;
    outcome(&validate_intervention_json(&text), false)
}

/// Checks a report and returns every error found, as data. Paths start at the report
/// (`interventions[0].goals[1].target`). Throws only for values JSON cannot hold.
#[wasm_bindgen(js_name = validateReport, unchecked_return_type = "ValidationOutcome")]
pub fn validate_report(
    #[wasm_bindgen(unchecked_param_type = "unknown")] report: JsValue,
) -> JsResult {
    panic_hook::check()?;
    let text = json_text(&report).map_err(|e| throwable(&e))?;
    outcome(&validate_report_json(&text), false)
}

/// Checks a grading policy and returns its error, if any, as data.
#[wasm_bindgen(js_name = validatePolicy, unchecked_return_type = "ValidationOutcome")]
pub fn validate_policy(
    #[wasm_bindgen(unchecked_param_type = "unknown")] policy: JsValue,
) -> JsResult {
    panic_hook::check()?;
    let text = json_text(&policy).map_err(|e| throwable(&e))?;
    let errors: Vec<Error> = GradingPolicy::from_json(&text).err().into_iter().collect();
    outcome(&errors, false)
}

/// Checks JSON text (a file's content) as a `"report"`, an `"intervention"` or a `"policy"`
/// and returns every error found, as data, each with the line and column where known. Throws
/// when `what` is none of the three.
#[wasm_bindgen(js_name = validateJson, unchecked_return_type = "ValidationOutcome")]
pub fn validate_json(
    #[wasm_bindgen(unchecked_param_type = "\"report\" | \"intervention\" | \"policy\"")]
    what: JsValue,
    #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
) -> JsResult {
    panic_hook::check()?;
    let what = string_argument(&what, "")?;
    let text = string_argument(&text, "")?;
    let errors = match what.as_str() {
        "report" => validate_report_json(&text),
        "intervention" => validate_intervention_json(&text),
        "policy" => GradingPolicy::from_json(&text).err().into_iter().collect(),
        other => {
            let message = format!(
                "'{other}' is not something to validate; use report, intervention or policy"
            );
            return Err(throwable(&Error::new(
                ErrorKind::UnknownVariant,
                "",
                message,
            )));
        }
    };
    outcome(&errors, true)
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
pub fn check_report(#[wasm_bindgen(unchecked_param_type = "Report")] report: JsValue) -> JsResult {
    panic_hook::check()?;
    to_js(&finsam_core::check(&report_from_js(&report)?))
}

/// Reads a grade as reports write it ("Mycket God", "Godtagbart", "very_good"), ignoring case
/// and extra spaces. Returns its code, rank (0 for not_met to 3 for very_good) and labels.
/// Throws a `FinsamError` with code `invalid_grade` for anything else, including "Ej
/// tillämpbar" (a decision, not a grade: see `parseDecision`).
#[wasm_bindgen(js_name = parseGrade, unchecked_return_type = "GradeInfo")]
pub fn parse_grade(#[wasm_bindgen(unchecked_param_type = "string")] text: JsValue) -> JsResult {
    panic_hook::check()?;
    let grade: Grade = parsed(&text, "")?;
    let label = localized(|language| grade.label(language).to_owned());
    to_js(&Info {
        code: grade,
        rank: Some(grade.rank()),
        label,
    })
}

/// Reads a decided grade: everything `parseGrade` reads, plus "Ej tillämpbar" and its
/// spellings. Throws a `FinsamError` with code `invalid_grade` for anything else.
#[wasm_bindgen(js_name = parseDecision, unchecked_return_type = "DecisionInfo")]
pub fn parse_decision(#[wasm_bindgen(unchecked_param_type = "string")] text: JsValue) -> JsResult {
    panic_hook::check()?;
    let decision: Decision = parsed(&text, "")?;
    let label = localized(|language| decision.label(language).to_owned());
    to_js(&Info {
        code: decision,
        rank: None,
        label,
    })
}

/// Reads a number as a Swedish user types it into a field: "8,5", "1 150", "-3", "12.5" or
/// "80 %" (the number without the sign). Returns it as the JSON format writes decimals
/// ("8.5", "1150", "80"). Throws a `FinsamError` with code `invalid_value` and `path` (the
/// field's path, `""` by default) for anything else, such as "8,5,5" or "": nothing is guessed.
#[wasm_bindgen(js_name = parseNumber, unchecked_return_type = "string")]
pub fn parse_number(
    #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "string | null")] path: Option<JsValue>,
) -> JsResult {
    panic_hook::check()?;
    let text = string_argument(&text, "")?;
    let path = match path.filter(|path| !path.is_undefined() && !path.is_null()) {
        Some(path) => string_argument(&path, "path")?,
        None => String::new(),
    };
    let number = finsam_core::text::read_number(&text, &path).map_err(|e| throwable(&e))?;
    Ok(JsValue::from_str(&number.to_string()))
}

/// The default grading policy, with every field filled in.
#[wasm_bindgen(js_name = defaultPolicy, unchecked_return_type = "GradingPolicyOutput")]
pub fn default_policy() -> JsResult {
    panic_hook::check()?;
    to_js(&GradingPolicy::default())
}

/// What each error code means, in one sentence a form can show beside the field, in `language`
/// (`"sv"`, the default, or `"en"`): the core's catalogue, by code.
#[wasm_bindgen(js_name = errorMessages, unchecked_return_type = "Record<ErrorKind, string>")]
pub fn error_messages(
    #[wasm_bindgen(unchecked_optional_param_type = "Language | null")] language: Option<JsValue>,
) -> JsResult {
    panic_hook::check()?;
    let language = crate::convert::language_or_swedish(language)?;
    let messages: std::collections::BTreeMap<&str, &str> = (ErrorKind::ALL.iter())
        .map(|kind| (kind.code(), kind.message(language)))
        .collect();
    to_js(&messages)
}
