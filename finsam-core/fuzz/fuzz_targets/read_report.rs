//! The report reader on any text document: what it reads is a report that validates, writes
//! to JSON and loads back the same, and every issue has a message in both languages.
#![no_main]

use finsam_core::document::{read_text, Limits};
use finsam_core::reader::{read_report, ReadOptions};
use finsam_core::Report;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let Ok(document) = read_text(text, &Limits::default()) else {
        return;
    };
    let options = ReadOptions {
        organisation: Some("Samordningsförbundet Fuzz".into()),
        period: "2014".parse().ok(),
    };
    let Ok(reading) = read_report(&document, &options) else {
        return;
    };
    assert!(reading.report.validate().is_ok());
    match Report::from_json(&reading.report.to_json()) {
        Ok(back) => assert_eq!(back, reading.report, "the JSON round trip changed the report"),
        Err(error) => panic!("the report read does not load back: {error}"),
    }
    for issue in &reading.issues {
        assert!(!issue.message_sv.is_empty() && !issue.message_en.is_empty());
    }
    let _ = reading.report.check();
});
