//! The package's `finsam/documents` module (feature `documents`): a whole report read from its
//! Word file or its text. A module of its own, because reading Word files (a zip archive of
//! XML) is more than the web form and the tables need.

use finsam_core::reader::{read_report_bytes, ReadOptions};
use finsam_core::{Error, ErrorKind, Period};
use wasm_bindgen::prelude::*;

use crate::convert::{given, parsed, string_argument, throwable, to_js, JsResult};
use crate::panic_hook;

/// Reads a whole report from its Word file (the bytes of a .docx, a `Uint8Array`) or its text (a
/// string), and returns `{report, parts, issues}`: the report in the JSON format and the reading
/// record, each part found (with its place) or absent and each issue at its place.
/// `organisation` and `period` ("2014", "2019-H1") are used when the document's title does not
/// give them. Throws a `FinsamError`: `invalid_document` for bytes that are neither,
/// `limit_exceeded` for a file over the reader's limits, `invalid_type` for a source that is
/// neither a string nor a `Uint8Array`, and `invalid_period` at `period`.
#[wasm_bindgen(js_name = readReport, unchecked_return_type = "Reading")]
pub fn read_report(
    #[wasm_bindgen(unchecked_param_type = "string | Uint8Array")] source: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "string | null")] organisation: Option<JsValue>,
    #[wasm_bindgen(unchecked_optional_param_type = "string | null")] period: Option<JsValue>,
) -> JsResult {
    panic_hook::check()?;
    let bytes = match source.as_string() {
        Some(text) => text.into_bytes(),
        None if source.is_instance_of::<js_sys::Uint8Array>() => {
            js_sys::Uint8Array::new(&source).to_vec()
        }
        None => return Err(throwable(&Error::bilingual(
            ErrorKind::InvalidType,
            "",
            "rapporten ska vara dess text (en sträng) eller dess Word-fil (en Uint8Array)",
            "the report must be its text (a string) or the bytes of its Word file (a Uint8Array)",
        ))),
    };
    let options = ReadOptions {
        organisation: given(organisation)
            .map(|o| string_argument(&o, "organisation"))
            .transpose()?,
        period: given(period)
            .map(|p| parsed::<Period>(&p, "period"))
            .transpose()?,
    };
    let reading = read_report_bytes(&bytes, &options).map_err(|e| throwable(&e))?;
    to_js(&reading)
}
