//! The Word reader on any zip archive, and on any body of an otherwise valid Word file: it reads or
//! refuses with `invalid_document` or `limit_exceeded`, never panics or runs away.
#![no_main]

use std::io::Write;

use finsam_core::document::{read_docx, Limits};
use libfuzzer_sys::fuzz_target;

/// A Word file whose document.xml is `xml`, stored (not packed), so that the fuzzer reaches
/// the XML reader and not only the zip reader.
fn wrapped(xml: &[u8]) -> Vec<u8> {
    let mut out = std::io::Cursor::new(Vec::new());
    let mut zip = zip::ZipWriter::new(&mut out);
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Stored);
    if zip.start_file("word/document.xml", options).is_err() || zip.write_all(xml).is_err() {
        return Vec::new();
    }
    if zip.finish().is_err() {
        return Vec::new();
    }
    out.into_inner()
}

fuzz_target!(|data: &[u8]| {
    // An input that starts as a zip archive is read as it is; any other is read as the body
    // of a Word file (bytes that are not a zip archive are refused at once, which tells the
    // fuzzer little, so wrapping them is where its time goes further).
    let wrapped_data;
    let bytes = if data.starts_with(b"PK") {
        data
    } else {
        wrapped_data = wrapped(data);
        &wrapped_data
    };
    if let Err(error) = read_docx(bytes, &Limits::default()) {
        assert!(matches!(error.code(), "invalid_document" | "limit_exceeded"), "{error}");
    }
});
