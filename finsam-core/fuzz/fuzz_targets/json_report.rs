//! Loads any bytes as a report: never a panic, and what loads writes back to JSON that loads
//! to the same report, validates, grades and checks without a panic.
#![no_main]

use finsam_core::{GradingPolicy, Report};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let _ = finsam_core::format::validate_report_json(text);
    if let Ok(report) = Report::from_json(text) {
        let again = Report::from_json(&report.to_json());
        assert_eq!(again.as_ref().ok(), Some(&report), "the JSON round trip changed the report");
        let _ = report.grade(&GradingPolicy::default());
        let _ = report.check();
        if let Some(economics) = &report.economics {
            let _ = economics.summary();
        }
    }
});
