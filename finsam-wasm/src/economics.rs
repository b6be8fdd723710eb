//! The economics of a report and money, for JS: the summary of everything the core computes from
//! a report's `economics`, and the conversion and rounding of amounts. Amounts cross the
//! boundary as decimal strings in both directions.
//!
//! An amount and its unit are read together by the core's reader of [`Money`], so a bad
//! argument gets the core's code and message, with the parameter's name as its `path`
//! (`amount`, `from`, `to`, `unit`, `rounding`).

use finsam_core::format::from_json;
use finsam_core::{Economics, Error, ErrorKind, Language, Money, Report, Rounding};
use wasm_bindgen::prelude::*;

use crate::convert::{given, read_with, report_from_js, string_argument, throwable, to_js};
use crate::panic_hook;

/// `amount` in `unit` (the parameter `parameter`), read by the core's reader of [`Money`]. A
/// unit is refused first when it is absent (`missing_field`) or not a string (`invalid_type`;
/// the core's reader would call a number where a unit belongs a JSON syntax error).
fn read_money(amount: &JsValue, unit: &JsValue, parameter: &str) -> Result<Money, JsValue> {
    if !amount.is_undefined() && unit.is_undefined() {
        let message = format!("the argument {parameter} is missing");
        return Err(throwable(&Error::new(
            ErrorKind::MissingField,
            parameter,
            message,
        )));
    }
    if !unit.is_undefined() {
        string_argument(unit, parameter)?;
    }
    let object = js_sys::Object::new();
    js_sys::Reflect::set(&object, &"amount".into(), amount)?;
    js_sys::Reflect::set(&object, &"unit".into(), unit)?;
    read_with(&object.into(), |json| {
        from_json::<Money>(json).map_err(|e| match e.path() {
            "unit" => Error::bilingual(
                e.kind(),
                parameter,
                e.message_in(Language::Swedish),
                e.message(),
            ),
            _ => e,
        })
    })
}

/// Everything the core computes from a report's economics: the statement's sums per group and in
/// total, the result, the members' contributions against the 50 / 25 / 25 split of the Finsam
/// law, every local cost rule's outcome (allowed, actual, excess or room left), every
/// intervention's deviation from its budget, and the full-year forecast. Amounts are decimal
/// strings in the table's unit. Returns `null` when the report has no `economics`. Throws a
/// `FinsamError` when the report is not valid (e.g. `unknown_item` for a cost rule naming a line
/// the statement lacks) or a sum does not fit in a decimal (`overflow`); paths start at the
/// report (`economics.rules[0].items[0]`).
#[wasm_bindgen(js_name = economicsSummary, unchecked_return_type = "EconomicsSummary | null")]
pub fn economics_summary(
    #[wasm_bindgen(unchecked_param_type = "Report")] report: JsValue,
) -> Result<JsValue, JsValue> {
    panic_hook::check()?;
    let report: Report = report_from_js(&report)?;
    let summary = report
        .economics
        .as_ref()
        .map(Economics::summary)
        .transpose()
        .map_err(|e| throwable(&e.under("economics")))?;
    to_js(&summary)
}

/// The same amount in another unit, exactly: tkr → SEK multiplies by 1000, SEK → tkr divides
/// (`convertMoney("1732974", "sek", "tkr")` is `{amount: "1732.974", unit: "tkr"}`). Throws a
/// `FinsamError` whose `path` names the bad argument: `invalid_type` for an argument that is not
/// a string, `invalid_value` for an amount that is not a plain decimal ("1e3", "1 000"),
/// `unknown_variant` for a unit other than `"tkr"` and `"sek"`, `missing_field` for an absent
/// argument; and with the path `""` an `overflow` when the result does not fit.
#[wasm_bindgen(js_name = convertMoney, unchecked_return_type = "Money")]
pub fn convert_money(
    #[wasm_bindgen(unchecked_param_type = "Decimal")] amount: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Unit")] from: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Unit")] to: JsValue,
) -> Result<JsValue, JsValue> {
    panic_hook::check()?;
    let money = read_money(&amount, &from, "from")?;
    // The target unit is read as the unit of the same amount.
    let to = read_money(&amount, &to, "to")?.unit;
    to_js(&money.convert(to).map_err(|e| throwable(&e))?)
}

/// The amount rounded to whole units of its unit: half away from zero by default (as the
/// reports round: "2.5" → "3", "-2.5" → "-3"), or `"half_even"` or `"toward_zero"`. Returns
/// `{amount, unit}`. To round to whole tkr an amount in SEK, convert it first. Throws a
/// `FinsamError` whose `path` names the bad argument, as `convertMoney` does.
#[wasm_bindgen(js_name = roundMoney, unchecked_return_type = "Money")]
pub fn round_money(
    #[wasm_bindgen(unchecked_param_type = "Decimal")] amount: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Unit")] unit: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "Rounding | null")] rounding: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    panic_hook::check()?;
    let money = read_money(&amount, &unit, "unit")?;
    let rounding: Rounding = match given(rounding) {
        Some(rounding) => {
            string_argument(&rounding, "rounding")?;
            read_with(&rounding, |json| {
                from_json(json).map_err(|e| e.under("rounding"))
            })?
        }
        None => Rounding::default(),
    };
    to_js(&money.round(rounding))
}
