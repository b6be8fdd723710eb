//! The economics of a report and money, for JS: the summary of everything the core computes from
//! a report's `economics`, and the conversion and rounding of amounts. Amounts cross the
//! boundary as decimal strings in both directions.
//!
//! The loose arguments of `convertMoney` and `roundMoney` are gathered into one object and read
//! by the core's JSON reader, so a bad argument gets the core's code and names the parameter as
//! its `path` (`amount`, `from`, `to`, `unit`, `rounding`).

use finsam_core::{Economics, Error, ErrorKind, Money, Report, Rounding, Unit};
use rust_decimal::Decimal;
use serde::Deserialize;
use wasm_bindgen::prelude::*;

use crate::convert::{from_js, report_from_js, throwable, to_js};
use crate::panic_hook;

/// The arguments of `convertMoney` and `roundMoney`, read by the core's reader. One type for
/// both functions, so that the reader is compiled once (it is most of what they cost in the
/// `.wasm`); which arguments are required is checked by [`arguments`].
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct MoneyArguments {
    #[serde(
        default,
        deserialize_with = "finsam_core::format::decimal::option::deserialize"
    )]
    amount: Option<Decimal>,
    #[serde(default)]
    unit: Option<Unit>,
    #[serde(default)]
    from: Option<Unit>,
    #[serde(default)]
    to: Option<Unit>,
    #[serde(default)]
    rounding: Option<Rounding>,
}

/// One argument of `convertMoney` or `roundMoney`: its name, its value, and whether it is
/// optional (then `null` means absent, as `undefined` does).
type Argument<'a> = (&'a str, &'a JsValue, bool);

/// Reads the arguments. Every argument is a string when given: anything else is an
/// `invalid_type` error at its name (the core's reader would call a number where a unit belongs
/// a JSON syntax error); a required argument that is `undefined` is a `missing_field` error at
/// its name. The strings are then read by the core's reader, as one object keyed by the
/// parameters' names, so that a bad amount, unit or rounding gets the core's code and message.
fn arguments(named: &[Argument<'_>]) -> Result<MoneyArguments, JsValue> {
    let object = js_sys::Object::new();
    for &(name, value, optional) in named {
        if value.is_undefined() || (optional && value.is_null()) {
            if optional {
                continue;
            }
            return Err(missing(name));
        }
        if value.as_string().is_none() {
            return Err(throwable(&Error::new(
                ErrorKind::InvalidType,
                name,
                format!(
                    "{name} must be a string (amounts are decimal strings such as \"8.5\"), found {}",
                    value.js_typeof().as_string().unwrap_or_default()
                ),
            )));
        }
        js_sys::Reflect::set(&object, &JsValue::from_str(name), value)?;
    }
    from_js(&object.into())
}

/// A required argument, present once [`arguments`] has succeeded.
fn required<T>(value: Option<T>, name: &str) -> Result<T, JsValue> {
    value.ok_or_else(|| missing(name))
}

/// The `missing_field` error for the argument `name`.
fn missing(name: &str) -> JsValue {
    throwable(&Error::new(
        ErrorKind::MissingField,
        name,
        format!("the argument {name} is missing"),
    ))
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
    let args = arguments(&[
        ("amount", &amount, false),
        ("from", &from, false),
        ("to", &to, false),
    ])?;
    let money = Money::new(
        required(args.amount, "amount")?,
        required(args.from, "from")?,
    );
    let converted = money
        .convert(required(args.to, "to")?)
        .map_err(|e| throwable(&e))?;
    to_js(&converted)
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
    let rounding = rounding.unwrap_or(JsValue::UNDEFINED);
    let args = arguments(&[
        ("amount", &amount, false),
        ("unit", &unit, false),
        ("rounding", &rounding, true),
    ])?;
    let money = Money::new(
        required(args.amount, "amount")?,
        required(args.unit, "unit")?,
    );
    let rounded = money.round(args.rounding.unwrap_or_default());
    to_js(&rounded)
}
