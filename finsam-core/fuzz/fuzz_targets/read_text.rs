//! The plain-text reader on any text: it reads into blocks or refuses with a typed error,
//! never panics, and every place it gives is inside the text.
#![no_main]

use finsam_core::document::{read_text, BlockKind, Limits};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let Ok(document) = read_text(text, &Limits::default()) else {
        return;
    };
    let lines = text.lines().count();
    for block in &document.blocks {
        assert!(block.place.line.is_some_and(|line| line >= 1 && line <= lines));
        if let BlockKind::Table { rows } = &block.kind {
            assert!(rows.iter().all(|row| !row.cells.is_empty()));
        }
    }
});
