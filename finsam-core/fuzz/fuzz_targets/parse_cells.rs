//! Reads any text as a goal cell and a result cell: never a panic, every span on the text's
//! character boundaries, one result list per goal.
#![no_main]

use finsam_core::text::{read_cells, TextRow};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let (goals, results) = text.split_once('|').unwrap_or((text, text));
    let aligned = read_cells(goals, results);
    assert_eq!(aligned.goals.len(), aligned.sources.len());
    for issue in &aligned.issues {
        let cell = match issue.cell {
            finsam_core::text::Cell::Goals => goals,
            finsam_core::text::Cell::Results => results,
        };
        assert!(cell.get(issue.span.start..issue.span.end).is_some());
    }
    let row = TextRow {
        name: "Fuzz".into(),
        goals: goals.into(),
        results: results.into(),
        ..TextRow::default()
    };
    let _ = finsam_core::text::intervention_from_text(&row);
});
