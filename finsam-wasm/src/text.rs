//! The reports' Swedish text, for JS: a goal cell and a result cell read and aligned
//! (`readCells`), and interventions and reports built from rows of text
//! (`interventionFromText`, `reportFromText`).
//!
//! The core counts the spans of the text in UTF-8 bytes; a JS string is indexed in UTF-16 code
//! units, where "å" is one unit (two bytes) and an emoji two units (four bytes). Every span of
//! the parser's output therefore crosses the boundary as `{start, end, start_byte, end_byte}`:
//! `start` and `end` are JS string indexes (`text.slice(span.start, span.end)` is the span's
//! text), `start_byte` and `end_byte` the core's byte offsets. The conversion is
//! [`utf16_span`]; [`aligned_to_js`] applies it to every span of an [`Aligned`].
//!
//! A JS string that holds a lone surrogate reaches Rust with U+FFFD in its place (one UTF-16
//! unit for one), so the indexes still fit the caller's string.

use finsam_core::text::{
    self, Aligned, Cell, GoalItem, ResultItem, Span, TextIntervention, TextRow,
};
use finsam_core::{Period, Report};
use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::convert::{from_js, parsed, string_argument, throwable, to_js};
use crate::panic_hook;

/// A span as JS sees it: UTF-16 indexes, and the core's UTF-8 byte offsets.
#[derive(Serialize)]
struct JsSpan {
    start: usize,
    end: usize,
    start_byte: usize,
    end_byte: usize,
}

/// The span of `text` in UTF-16 code units (JS string indexes), with its byte offsets kept. A
/// byte offset inside a character (never made by the core) counts that character as begun.
fn utf16_span(text: &str, span: Span) -> JsSpan {
    let units = |byte: usize| -> usize {
        text.char_indices()
            .take_while(|(at, _)| *at < byte)
            .map(|(_, c)| c.len_utf16())
            .sum()
    };
    JsSpan {
        start: units(span.start),
        end: units(span.end),
        start_byte: span.start,
        end_byte: span.end,
    }
}

/// An [`Aligned`] with whether it is complete, as `readCells` returns it (before its spans are
/// converted).
#[derive(Serialize)]
struct AlignedOut<'a> {
    #[serde(flatten)]
    aligned: &'a Aligned,
    complete: bool,
}

/// Replaces the `span` of each object of the JS array `array` by the converted span of the
/// same position of `spans`.
fn set_spans<'a>(
    array: &JsValue,
    spans: impl Iterator<Item = (&'a str, Span)>,
) -> Result<(), JsValue> {
    let key = JsValue::from_str("span");
    for (index, (text, span)) in (0u32..).zip(spans) {
        let entry = js_sys::Reflect::get_u32(array, index)?;
        js_sys::Reflect::set(&entry, &key, &to_js(&utf16_span(text, span))?)?;
    }
    Ok(())
}

/// The property `key` of a JS object.
fn get(object: &JsValue, key: &str) -> Result<JsValue, JsValue> {
    js_sys::Reflect::get(object, &JsValue::from_str(key))
}

/// An [`Aligned`] as a plain JS object, with `complete` and every span converted (see the
/// module documentation). The object is the core's own serialisation, so every field the core
/// writes reaches JS; only the spans are replaced, each paired with the Rust value it came
/// from.
pub(crate) fn aligned_to_js(aligned: &Aligned) -> Result<JsValue, JsValue> {
    let value = to_js(&AlignedOut {
        aligned,
        complete: aligned.complete(),
    })?;
    let goals = aligned.goal_cell.text.as_str();
    let results = aligned.result_cell.text.as_str();
    let text_of = |cell: Cell| match cell {
        Cell::Goals => goals,
        Cell::Results => results,
    };
    let goal_cell = get(&value, "goal_cell")?;
    let result_cell = get(&value, "result_cell")?;
    set_spans(
        &get(&goal_cell, "items")?,
        aligned.goal_cell.items.iter().map(|item| match item {
            GoalItem::Goal { span, .. }
            | GoalItem::Unparsed { span, .. }
            | GoalItem::Aside { span, .. } => (goals, *span),
        }),
    )?;
    set_spans(
        &get(&result_cell, "items")?,
        aligned.result_cell.items.iter().map(|item| match item {
            ResultItem::Result { span, .. } | ResultItem::Unparsed { span, .. } => (results, *span),
        }),
    )?;
    for (object, issues) in [
        (&goal_cell, &aligned.goal_cell.issues),
        (&result_cell, &aligned.result_cell.issues),
        (&value, &aligned.issues),
    ] {
        set_spans(
            &get(object, "issues")?,
            issues.iter().map(|issue| (text_of(issue.cell), issue.span)),
        )?;
    }
    Ok(value)
}

/// `{intervention, aligned}`: an intervention built from a row of text, for JS.
fn built_to_js(built: &TextIntervention) -> Result<JsValue, JsValue> {
    let object = js_sys::Object::new();
    js_sys::Reflect::set(
        &object,
        &JsValue::from_str("intervention"),
        &to_js(&built.intervention)?,
    )?;
    js_sys::Reflect::set(
        &object,
        &JsValue::from_str("aligned"),
        &aligned_to_js(&built.aligned)?,
    )?;
    Ok(object.into())
}

/// Reads a goal cell ("80 deltagare. 80 % förbättrad hälsa.") and a result cell ("96
/// deltagare 93 % förbättrad hälsa. (89 av 93)") of a goal-fulfilment table and places the
/// results on the goals. Returns the goals with their results, for each goal the indexes of the
/// result items that answer it (`sources`), both cells as parsed (items with their spans), every
/// issue (what the parser could not read or is unsure of, pointing at the text) and `complete`
/// (no issue above severity info). Spans are JS string indexes (`start`, `end`) and UTF-8 byte
/// offsets (`start_byte`, `end_byte`). Nothing is guessed silently and nothing throws for
/// any text; a cell longer than 2 000 characters comes back whole as unparsed text with a
/// `too_long` issue. Throws a `FinsamError` (`invalid_type` at `goals` or `results`) when an
/// argument is not a string.
#[wasm_bindgen(js_name = readCells, unchecked_return_type = "Aligned")]
pub fn read_cells(
    #[wasm_bindgen(unchecked_param_type = "string")] goals: JsValue,
    #[wasm_bindgen(unchecked_param_type = "string")] results: JsValue,
) -> Result<JsValue, JsValue> {
    panic_hook::check()?;
    let goals = string_argument(&goals, "goals")?;
    let results = string_argument(&results, "results")?;
    aligned_to_js(&text::read_cells(&goals, &results))
}

/// Builds an intervention from a row of text: its name (the id is made from it unless `id` is
/// given), goal cell, result cell and printed grade ("Mycket God", "Ej tillämpbar"), read as
/// `readCells` reads them. Returns `{intervention, aligned}`: the intervention in the JSON
/// format (its goals with their results, the printed grade as the decided grade) and the cells
/// as parsed, with what the parser is unsure of. Throws a `FinsamError` whose path names the
/// field: `empty_text` at `name` for a blank name, `invalid_id` at `name` (or `id`),
/// `invalid_grade` at `grade`, and for a row that is not a `TextRow` the reader's code.
#[wasm_bindgen(js_name = interventionFromText, unchecked_return_type = "TextIntervention")]
pub fn intervention_from_text(
    #[wasm_bindgen(unchecked_param_type = "TextRow")] row: JsValue,
) -> Result<JsValue, JsValue> {
    panic_hook::check()?;
    let row: TextRow = from_js(&row)?;
    let built = text::intervention_from_text(&row).map_err(|e| throwable(&e))?;
    built_to_js(&built)
}

/// Builds a report of `organisation` for `period` ("2017", "2019-H1") from the rows of a
/// goal-fulfilment table pasted as text, each as `interventionFromText` builds it. Returns
/// `{report, rows}`: the report in the JSON format and, per row in order, `{intervention,
/// aligned}`. Throws a `FinsamError` whose path names the row and field (`[0].grade` for a
/// grade that is not one, `[1].name` for a second row giving an id an earlier row gave,
/// `duplicate_id`), or the argument (`period`: `invalid_period`; `organisation`:
/// `empty_text`).
#[wasm_bindgen(js_name = reportFromText, unchecked_return_type = "TextReport")]
pub fn report_from_text(
    #[wasm_bindgen(unchecked_param_type = "string")] organisation: JsValue,
    #[wasm_bindgen(unchecked_param_type = "string")] period: JsValue,
    #[wasm_bindgen(unchecked_param_type = "TextRow[]")] rows: JsValue,
) -> Result<JsValue, JsValue> {
    panic_hook::check()?;
    let organisation = string_argument(&organisation, "organisation")?;
    let period: Period = parsed(&period, "period")?;
    let rows: Vec<TextRow> = from_js(&rows)?;
    let (report, built): (Report, Vec<TextIntervention>) =
        text::report_from_text(&organisation, period, &rows).map_err(|e| throwable(&e))?;
    let built_rows = js_sys::Array::new();
    for row in &built {
        built_rows.push(&built_to_js(row)?);
    }
    let object = js_sys::Object::new();
    js_sys::Reflect::set(&object, &JsValue::from_str("report"), &to_js(&report)?)?;
    js_sys::Reflect::set(&object, &JsValue::from_str("rows"), &built_rows)?;
    Ok(object.into())
}
