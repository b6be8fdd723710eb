//! Writes any report the JSON format can express as an .xlsx workbook and a Word appendix, in
//! Swedish or English: never a panic, never an error but a limit, and the appendix always
//! reads back (as a report or as a typed error, never a panic).
#![no_main]

use finsam_core::reader::{read_report_bytes, ReadOptions};
use finsam_core::write::{report_xlsx, write_docx};
use finsam_core::{GradingPolicy, Language, Report};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(report) = Report::from_json(text) else {
        return;
    };
    let policy = GradingPolicy::default();
    // One language a run (by the input's length), so that each run writes each document once:
    // the language changes the words, not the paths through the writers.
    let language = if data.len() % 2 == 0 {
        Language::Swedish
    } else {
        Language::English
    };
    {
        match report_xlsx(&report, &policy, language) {
            Ok(bytes) => assert!(bytes.starts_with(b"PK")),
            Err(error) => assert_eq!(error.code(), "limit_exceeded", "{error}"),
        }
        match write_docx(&report, &policy, language, None) {
            Ok(bytes) => {
                let _ = read_report_bytes(&bytes, &ReadOptions::default());
            }
            Err(error) => assert_eq!(error.code(), "limit_exceeded", "{error}"),
        }
    }
});
