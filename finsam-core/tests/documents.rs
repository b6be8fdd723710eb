//! The document readers: the 2014 appendix as text and as a Word file read into the same
//! headings and tables; Word's merged cells, several paragraphs in a cell and line breaks;
//! and files that are not Word documents, or are too large, refused with a clear error.

use finsam_core::document::{read_docx, read_text, BlockKind, Document, Limits};

const TEXT_2014: &str = include_str!("documents/arsredovisning-2014-bilaga2.txt");
const DOCX_2014: &[u8] = include_bytes!("documents/arsredovisning-2014-bilaga2.docx");

fn tables(document: &Document) -> Vec<Vec<Vec<String>>> {
    document
        .tables()
        .map(|(rows, _)| {
            rows.iter()
                .map(|row| row.columns().into_iter().map(str::to_owned).collect())
                .collect()
        })
        .collect()
}

fn headings(document: &Document) -> Vec<String> {
    document
        .blocks
        .iter()
        .filter_map(|block| match &block.kind {
            BlockKind::Heading { level, text } if *level > 0 => Some(text.clone()),
            _ => None,
        })
        .collect()
}

#[test]
fn the_2014_appendix_reads_the_same_as_text_and_as_docx() -> Result<(), finsam_core::Error> {
    let text = read_text(TEXT_2014, &Limits::default())?;
    let docx = read_docx(DOCX_2014, &Limits::default())?;
    let (text_tables, docx_tables) = (tables(&text), tables(&docx));
    assert_eq!(text_tables.len(), docx_tables.len());
    assert_eq!(text_tables, docx_tables);
    let summary = text_tables.first().cloned().unwrap_or_default();
    assert_eq!(
        summary.get(1).cloned().unwrap_or_default(),
        [
            "Samverkans- team Botkyrka",
            "50 remisser 40 får individcoaching 20 deltagare i hälsogrupp 25 % i/närmare arbete/studier",
            "42 remisser 34 individcoaching 23 deltagare i hälsogrupp 26 % i/närmare arbete/studier",
            "85"
        ]
    );
    // The text's "## " headings are heading styles of the Word file, in the same order (the
    // Word file also styles its title and some short lines as headings).
    let docx_headings = headings(&docx);
    let mut rest = docx_headings.iter();
    for heading in headings(&text) {
        assert!(
            rest.any(|h| *h == heading),
            "{heading} is not a heading of the Word file"
        );
    }
    assert_eq!(
        docx_headings.first().map(String::as_str),
        Some("Årsredovisning 2014, Bilaga 2")
    );
    assert!(docx_headings.contains(&"1 Individual Placement and Support".to_owned()));
    Ok(())
}

#[test]
fn places_are_in_the_documents_terms() -> Result<(), finsam_core::Error> {
    let docx = read_docx(DOCX_2014, &Limits::default())?;
    let (rows, place) = docx
        .tables()
        .nth(1)
        .ok_or_else(|| missing("second table"))?;
    assert_eq!(place.to_string(), "table 2");
    let cell = rows
        .get(2)
        .and_then(|r| r.cells.get(1))
        .ok_or_else(|| missing("cell"))?;
    assert_eq!(cell.text, "34");
    assert_eq!(cell.place.to_string(), "table 2, row 3, cell 2");
    let text = read_text(TEXT_2014, &Limits::default())?;
    let (rows, _) = text
        .tables()
        .nth(1)
        .ok_or_else(|| missing("second table"))?;
    let cell = rows
        .get(2)
        .and_then(|r| r.cells.get(1))
        .ok_or_else(|| missing("cell"))?;
    assert_eq!(
        cell.place.describe(finsam_core::Language::Swedish),
        "rad 37, tabell 2, rad 3, cell 2"
    );
    Ok(())
}

fn missing(what: &str) -> finsam_core::Error {
    finsam_core::Error::new(
        finsam_core::ErrorKind::InvalidValue,
        "",
        format!("no {what}"),
    )
}

#[test]
fn what_is_not_a_word_document_says_so() {
    let error = read_docx(b"%PDF-1.7 not a zip", &Limits::default()).err();
    assert_eq!(error.as_ref().map(|e| e.code()), Some("invalid_document"));
    let too_small = Limits {
        max_bytes: 1_000,
        ..Limits::default()
    };
    let error = read_docx(DOCX_2014, &too_small).err();
    assert_eq!(error.as_ref().map(|e| e.code()), Some("limit_exceeded"));
    assert_eq!(
        error.map(|e| e.message().to_owned()),
        Some("the document is 51955 bytes; the limit is 1000 bytes".to_owned())
    );
}

/// A Word file with `body` as the body of its document.xml (and a heading style named in
/// Swedish), packed with `method`.
fn docx(body: &str, method: zip::CompressionMethod) -> Vec<u8> {
    use std::io::Write;
    let document = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>{body}</w:body></w:document>"#
    );
    let styles = r#"<?xml version="1.0"?><w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:style w:type="paragraph" w:styleId="Rubrik2"><w:name w:val="Rubrik 2"/></w:style><w:style w:type="paragraph" w:styleId="Egen"><w:name w:val="Egen rubrik"/><w:pPr><w:outlineLvl w:val="2"/></w:pPr></w:style></w:styles>"#;
    let mut out = std::io::Cursor::new(Vec::new());
    let mut zip = zip::ZipWriter::new(&mut out);
    let options = zip::write::SimpleFileOptions::default().compression_method(method);
    for (name, text) in [
        ("word/document.xml", document.as_str()),
        ("word/styles.xml", styles),
    ] {
        if zip.start_file(name, options).is_err() || zip.write_all(text.as_bytes()).is_err() {
            return Vec::new();
        }
    }
    if zip.finish().is_err() {
        return Vec::new();
    }
    out.into_inner()
}

fn p(text: &str) -> String {
    format!("<w:p><w:r><w:t>{text}</w:t></w:r></w:p>")
}

fn tc(properties: &str, content: &str) -> String {
    format!("<w:tc><w:tcPr>{properties}</w:tcPr>{content}</w:tc>")
}

#[test]
fn word_tables_with_merged_cells_paragraphs_and_breaks() -> Result<(), finsam_core::Error> {
    // The end-reason table's header: "Kön" spans "Kvinna" and "Man"; "Avslutsanledning" and
    // "Totalt" are merged down over the second header row.
    let header = format!(
        "<w:tr>{}{}{}</w:tr><w:tr>{}{}{}{}</w:tr>",
        tc(r#"<w:vMerge w:val="restart"/>"#, &p("Avslutsanledning")),
        tc(r#"<w:gridSpan w:val="2"/>"#, &p("Kön")),
        tc(r#"<w:vMerge w:val="restart"/>"#, &p("Totalt")),
        tc("<w:vMerge/>", &p("")),
        tc("", &p("Kvinna")),
        tc("", &p("Man")),
        tc("<w:vMerge/>", &p("")),
    );
    let row = format!(
        "<w:tr>{}{}{}{}</w:tr>",
        tc(
            "",
            &format!("{}{}", p("Arbete/studier/"), p("arbetssökande"))
        ),
        tc(
            "",
            "<w:p><w:r><w:t>34</w:t><w:br/><w:t>(varav 2 studier)</w:t></w:r></w:p>"
        ),
        tc("", &p("53")),
        tc("", &p("87")),
    );
    let body = format!(
        r#"<w:p><w:pPr><w:pStyle w:val="Rubrik2"/></w:pPr><w:r><w:t>Orsak till avslut</w:t></w:r></w:p><w:p><w:pPr><w:pStyle w:val="Egen"/></w:pPr><w:r><w:t xml:space="preserve">Egen &amp; nivå </w:t></w:r></w:p><w:p><w:pPr><w:numPr><w:ilvl w:val="0"/></w:numPr></w:pPr><w:r><w:t>60 personer ska tas upp</w:t></w:r></w:p><w:tbl>{header}{row}</w:tbl>"#
    );
    for method in [
        zip::CompressionMethod::Stored,
        zip::CompressionMethod::Deflated,
    ] {
        let document = read_docx(&docx(&body, method), &Limits::default())?;
        let kinds: Vec<&BlockKind> = document.blocks.iter().map(|b| &b.kind).collect();
        assert_eq!(
            kinds.get(..3),
            Some(
                [
                    &BlockKind::Heading {
                        level: 2,
                        text: "Orsak till avslut".into()
                    },
                    &BlockKind::Heading {
                        level: 3,
                        text: "Egen & nivå".into()
                    },
                    &BlockKind::ListItem {
                        text: "60 personer ska tas upp".into()
                    },
                ]
                .as_slice()
            )
        );
        let table = tables(&document);
        assert_eq!(
            table,
            [[
                vec!["Avslutsanledning", "Kön", "", "Totalt"],
                vec!["", "Kvinna", "Man", ""],
                vec![
                    "Arbete/studier/\narbetssökande",
                    "34\n(varav 2 studier)",
                    "53",
                    "87"
                ],
            ]
            .map(|row| row.into_iter().map(str::to_owned).collect::<Vec<_>>())
            .to_vec()]
        );
        let (rows, _) = document.tables().next().ok_or_else(|| missing("table"))?;
        let merged: Vec<bool> = rows
            .get(1)
            .map(|r| r.cells.iter().map(|c| c.merged_above).collect())
            .unwrap_or_default();
        assert_eq!(merged, [true, false, false, true]);
    }
    Ok(())
}

#[test]
fn a_zip_bomb_and_a_huge_file_are_refused_at_once() {
    // 20 MB of zeros packs to a few tens of KB: a ratio no Word file has.
    let zeros = "0".repeat(20 * 1024 * 1024);
    let bomb = docx(&p(&zeros), zip::CompressionMethod::Deflated);
    assert!(
        bomb.len() < 2 * 1024 * 1024,
        "the bomb packs to {} bytes",
        bomb.len()
    );
    drop(zeros);
    let error = read_docx(&bomb, &Limits::default()).err();
    assert_eq!(error.as_ref().map(|e| e.code()), Some("limit_exceeded"));
    assert!(error.is_some_and(|e| e.message().contains("word/document.xml unpacks to")));
    let huge = vec![b'P'; 50 * 1024 * 1024];
    let error = read_docx(&huge, &Limits::default()).err();
    assert_eq!(error.map(|e| e.code()), Some("limit_exceeded"));
    let error = read_text(&"x".repeat(50 * 1024 * 1024), &Limits::default()).err();
    assert_eq!(error.map(|e| e.code()), Some("limit_exceeded"));
}

#[test]
fn xml_nested_too_deep_is_refused() {
    let deep = format!("{}{}", "<w:sdt>".repeat(500), "</w:sdt>".repeat(500));
    let error = read_docx(
        &docx(&deep, zip::CompressionMethod::Stored),
        &Limits::default(),
    )
    .err();
    assert_eq!(
        error.map(|e| (e.code(), e.message().to_owned())),
        Some((
            "limit_exceeded",
            "the XML nests deeper than 128 levels".to_owned()
        ))
    );
    let broken = docx("<w:p><w:r><w:t>open", zip::CompressionMethod::Stored);
    let error = read_docx(&broken, &Limits::default()).err();
    assert_eq!(error.map(|e| e.code()), Some("invalid_document"));
}
