//! Reading whole reports: a report of 30 and of 300 pages (the 2014 appendix's summary rows and
//! sections, repeated under new names), as text and as a Word file, read into a report with its
//! reading record. Prints the time per page and per MiB at each size (their ratio shows the cost is linear in
//! pages) and the time for a Word file of about 1 MB (target: under 20 ms).
//!
//! A page is taken as 3 000 bytes of text, about what a printed page of the appendix holds.
//!
//! `cargo bench -p finsam-benches --bench reading`. Without `--bench` it makes one small run.

use std::hint::black_box;
use std::io::Write;

use finsam_benches::median_of;
use finsam_core::document::{read_docx, read_text, BlockKind, Document, Limits};
use finsam_core::reader::{read_report, ReadOptions};

const TEXT_2014: &str =
    include_str!("../finsam-core/tests/documents/arsredovisning-2014-bilaga2.txt");
const DOCX_2014: &[u8] =
    include_bytes!("../finsam-core/tests/documents/arsredovisning-2014-bilaga2.docx");
const PAGE_BYTES: usize = 3_000;

/// A report of about `pages` pages: the summary's header, then for each copy of the 2014
/// appendix its summary rows and its sections, the names made unique by a number.
fn synthetic_text(pages: usize) -> String {
    let lines: Vec<&str> = TEXT_2014.lines().collect();
    let header = lines
        .iter()
        .position(|l| l.starts_with("Insats/"))
        .unwrap_or(0);
    let rows: Vec<&str> = lines
        .iter()
        .skip(header + 1)
        .take_while(|l| l.contains('\t'))
        .copied()
        .collect();
    let sections_start = TEXT_2014.find("## Samverkansteamet Botkyrka").unwrap_or(0);
    let sections = TEXT_2014.get(sections_start..).unwrap_or_default();
    let names: Vec<String> = rows
        .iter()
        .map(|row| {
            row.split('\t')
                .next()
                .unwrap_or_default()
                .replace("<b>", "")
                .replace("</b>", "")
        })
        .collect();
    let copies = (pages * PAGE_BYTES / TEXT_2014.len()).max(1);
    let mut summary = format!(
        "# Årsredovisning 2014\n\n{}\n",
        lines.get(header).copied().unwrap_or_default()
    );
    let mut body = String::new();
    for copy in 0..copies {
        for row in &rows {
            let renamed = row.replacen("</b>", &format!(" {copy}</b>"), 1);
            summary.push_str(&renamed);
            summary.push('\n');
        }
        let mut part = sections.to_owned();
        for name in &names {
            let heading_name = name.replace("- ", "");
            part = part.replace(
                &format!("## {heading_name}\n"),
                &format!("## {heading_name} {copy}\n"),
            );
        }
        body.push_str(&part);
        body.push('\n');
    }
    format!("{summary}\n{body}")
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// The document as a Word file: headings with heading styles, paragraphs, tables.
fn as_docx(document: &Document) -> Vec<u8> {
    let mut xml = String::from(
        r#"<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>"#,
    );
    let paragraph = |text: &str, style: Option<String>| {
        let style = style
            .map(|s| format!(r#"<w:pPr><w:pStyle w:val="{s}"/></w:pPr>"#))
            .unwrap_or_default();
        format!(
            "<w:p>{style}<w:r><w:t xml:space=\"preserve\">{}</w:t></w:r></w:p>",
            escape(text)
        )
    };
    for block in &document.blocks {
        match &block.kind {
            BlockKind::Heading { level, text } => {
                xml.push_str(&paragraph(text, Some(format!("Heading{}", level.max(&1)))))
            }
            BlockKind::Paragraph { text } => xml.push_str(&paragraph(text, None)),
            BlockKind::ListItem { text } => xml.push_str(&paragraph(&format!("- {text}"), None)),
            BlockKind::Table { rows } => {
                xml.push_str("<w:tbl>");
                for row in rows {
                    xml.push_str("<w:tr>");
                    for cell in &row.cells {
                        xml.push_str(&format!("<w:tc>{}</w:tc>", paragraph(&cell.text, None)));
                    }
                    xml.push_str("</w:tr>");
                }
                xml.push_str("</w:tbl>");
            }
        }
    }
    xml.push_str("</w:body></w:document>");
    let mut out = std::io::Cursor::new(Vec::new());
    let mut zip = zip::ZipWriter::new(&mut out);
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    if zip.start_file("word/document.xml", options).is_ok() {
        let _ = zip.write_all(xml.as_bytes());
    }
    let _ = zip.finish();
    out.into_inner()
}

fn main() {
    let full = std::env::args().any(|a| a == "--bench");
    let (sizes, runs): (&[usize], usize) = if full { (&[30, 300], 7) } else { (&[30], 1) };
    let limits = Limits::default();
    let options = ReadOptions {
        organisation: Some("Samordningsförbundet Exempel".into()),
        period: None,
    };
    println!("reading a report into a report and its reading record (median of {runs} runs; a page is {PAGE_BYTES} bytes of text)");
    // The 2014 appendix itself, as benches/python/reading.py reads and checks it through Python.
    let appendix = read_docx(DOCX_2014, &limits)
        .ok()
        .and_then(|document| read_report(&document, &options).ok());
    if let Some(reading) = appendix {
        let docx_time = median_of(runs, || {
            let document = read_docx(black_box(DOCX_2014), &limits).unwrap_or_default();
            black_box(read_report(&document, &options).ok());
        });
        let text_time = median_of(runs, || {
            let document = read_text(black_box(TEXT_2014), &limits).unwrap_or_default();
            black_box(read_report(&document, &options).ok());
        });
        let check_time = median_of(runs, || {
            black_box(reading.report.check());
        });
        println!(
            "  the 2014 appendix: .docx ({} KB) {:.1} ms, text {:.1} ms; check {:.2} ms ({} findings)",
            DOCX_2014.len() / 1024,
            docx_time.as_secs_f64() * 1000.0,
            text_time.as_secs_f64() * 1000.0,
            check_time.as_secs_f64() * 1000.0,
            reading.report.check().len()
        );
    }
    let mut per_page = Vec::new();
    for &pages in sizes {
        let text = synthetic_text(pages);
        let actual_pages = text.len() as f64 / PAGE_BYTES as f64;
        let document = read_text(&text, &limits).unwrap_or_default();
        let docx = as_docx(&document);
        let interventions = read_report(&document, &options)
            .map(|r| r.report.interventions.len())
            .unwrap_or(0);
        let text_time = median_of(runs, || {
            let document = read_text(black_box(&text), &limits).unwrap_or_default();
            black_box(read_report(&document, &options).ok());
        });
        let docx_time = median_of(runs, || {
            let document = read_docx(black_box(&docx), &limits).unwrap_or_default();
            black_box(read_report(&document, &options).ok());
        });
        let ms = |d: std::time::Duration| d.as_secs_f64() * 1000.0;
        let megabytes = |bytes: usize| bytes as f64 / (1024.0 * 1024.0);
        println!(
            "  {actual_pages:>5.0} pages, {interventions} interventions: text {:>7.1} ms ({:.3} ms per page, {:.1} ms per MiB of text), .docx ({} KB) {:>7.1} ms ({:.3} ms per page, {:.1} ms per MiB of file)",
            ms(text_time),
            ms(text_time) / actual_pages,
            ms(text_time) / megabytes(text.len()),
            docx.len() / 1024,
            ms(docx_time),
            ms(docx_time) / actual_pages,
            ms(docx_time) / megabytes(docx.len()),
        );
        per_page.push((ms(text_time) / actual_pages, ms(docx_time) / actual_pages));
    }
    if let (Some(first), Some(last)) = (per_page.first(), per_page.last()) {
        println!(
            "  time per page (and per MiB), largest / smallest: text {:.2}, .docx {:.2} (1.00 is linear)",
            last.0 / first.0,
            last.1 / first.1
        );
    }
    // A Word file of about 1 MB.
    let mut pages = 30;
    let (docx, document) = loop {
        let document = read_text(&synthetic_text(pages), &limits).unwrap_or_default();
        let docx = as_docx(&document);
        if docx.len() >= 1024 * 1024 || pages > 100_000 {
            break (docx, document);
        }
        pages *= 2;
    };
    let time = median_of(runs, || {
        black_box(read_docx(black_box(&docx), &limits).ok());
    });
    let inflate = median_of(runs, || {
        let mut archive = zip::ZipArchive::new(std::io::Cursor::new(&docx)).ok();
        let mut out = Vec::new();
        if let Some(mut file) = archive
            .as_mut()
            .and_then(|a| a.by_name("word/document.xml").ok())
        {
            let _ = std::io::Read::read_to_end(&mut file, &mut out);
        }
        black_box(out);
    });
    println!(
        "  (of which unpacking the XML: {:.1} ms)",
        inflate.as_secs_f64() * 1000.0
    );
    let whole = median_of(runs, || {
        let document = read_docx(black_box(&docx), &limits).unwrap_or_default();
        black_box(read_report(&document, &options).ok());
    });
    let unpacked = zip::ZipArchive::new(std::io::Cursor::new(&docx))
        .ok()
        .and_then(|mut archive| archive.by_name("word/document.xml").ok().map(|f| f.size()))
        .unwrap_or(0);
    println!(
        "  .docx of {} KB ({} KB of XML, {} blocks): read {:.1} ms{}, read into a report {:.1} ms",
        docx.len() / 1024,
        unpacked / 1024,
        document.blocks.len(),
        time.as_secs_f64() * 1000.0,
        if time.as_secs_f64() < 0.020 {
            ""
        } else {
            " (above the 20 ms target)"
        },
        whole.as_secs_f64() * 1000.0,
    );
}
