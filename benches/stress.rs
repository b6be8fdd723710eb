//! Stress: the largest inputs finsam is asked to carry, each run in a child process so that its
//! peak resident memory (`VmHWM`, Linux) is its own.
//!
//! - `document`: a report's text of 10 000 interventions (its summary table and a section per
//!   intervention), read whole, checked and graded; `document-1000` the same of 1 000, beside
//!   it, for the cost per intervention.
//! - `series`: one association's reports of 100 years (2004–2103), 25 interventions each,
//!   followed across the years.
//! - `associations`: 75 associations × 25 interventions × 10 years (750 reports, 18 750
//!   interventions), every report graded and checked.
//! - `docx-size`, `docx-entries`, `docx-part`, `docx-depth`, `docx-blocks`: a Word file at each
//!   limit of the document reader ([`Limits`]: 20 MiB, 1 000 zip entries, a part of 64 MiB
//!   unpacked (packed within the ratio of 200), XML nested 128 deep, 200 000 blocks), read;
//!   and the same one step over the limit, refused with `limit_exceeded`. The files are
//!   written by the parent process, so that a child's peak memory is the file and its reading.
//!   The time is that of reading the file at the limit.
//!
//! `cargo bench -p finsam-benches --bench stress -- --bench`. Without `--bench` each scenario
//! runs at a tenth of its size (the Word files at a tenth of each limit but the depth).

use std::fmt::Write as _;
use std::hint::black_box;
use std::io::Write as _;
use std::path::PathBuf;
use std::process::{Command, ExitCode};
use std::time::{Duration, Instant};

use finsam_core::document::{read_docx, read_text, Limits};
use finsam_core::reader::{read_report, ReadOptions};
use finsam_core::{GradingPolicy, Period, Report, ReportSeries};

fn peak_mb() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

/// The text of a report of `count` interventions: the summary table, then each section with
/// its owner and budget sentence.
fn document(count: usize) -> String {
    let mut text = String::from(
        "# Samordningsförbundet Benchmark: årsredovisning 2017\n\n\
         ## Sammanställning av måluppfyllelse\n\n\
         Insats\tMål 2017\tResultat 2017\tMåluppfyllelse\n",
    );
    for i in 0..count {
        let _ = writeln!(
            text,
            "Insats {i}\t{} nya deltagare\\n{} % i arbete/studier\t{} nya deltagare\\n{} % till arbete/studier ({} av {})\tGod",
            20 + i % 40,
            30 + i % 20,
            18 + i % 45,
            40 + i % 30,
            4 + i % 6,
            10 + i % 5
        );
    }
    text = text.replace("\\n", " ");
    for i in 0..count {
        let _ = write!(
            text,
            "\n## Insats {i}\n\nSocialförvaltningen är huvudman för insatsen.\n\n\
             ### Ekonomiskt utfall i förhållande till budget\n\n\
             Insatsen hade en budget på {} tkr varav {} tkr rekvirerades.\n",
            1_000 + i % 900,
            800 + i % 700
        );
    }
    text
}

/// One association's report of `year` with `interventions` interventions.
fn yearly(
    association: usize,
    year: u16,
    interventions: usize,
) -> Result<Report, finsam_core::Error> {
    let mut report = finsam_benches::report(interventions)?;
    report.organisation = format!("Samordningsförbundet {association}");
    report.period = Period::year_of(year)?;
    Ok(report)
}

/// The reader's limits, at a tenth (but the depth) for a smoke run.
fn limits(scale: usize) -> Limits {
    let full = Limits::default();
    if scale == 1 {
        return full;
    }
    Limits {
        max_bytes: full.max_bytes / scale,
        max_entries: full.max_entries / scale,
        max_part_bytes: full.max_part_bytes / scale as u64,
        max_blocks: full.max_blocks / scale,
        ..full
    }
}

const XML_HEAD: &str = r#"<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>"#;
const XML_TAIL: &str = "</w:body></w:document>";

fn paragraph(text: &str) -> String {
    format!("<w:p><w:r><w:t xml:space=\"preserve\">{text}</w:t></w:r></w:p>")
}

/// A zip archive of `entries` (name, bytes, packed or stored).
fn archive(entries: &[(String, Vec<u8>, bool)]) -> Result<Vec<u8>, Box<dyn std::error::Error>> {
    let mut out = std::io::Cursor::new(Vec::new());
    let mut zip = zip::ZipWriter::new(&mut out);
    for (name, bytes, packed) in entries {
        let method = if *packed {
            zip::CompressionMethod::Deflated
        } else {
            zip::CompressionMethod::Stored
        };
        zip.start_file(
            name.as_str(),
            zip::write::SimpleFileOptions::default().compression_method(method),
        )?;
        zip.write_all(bytes)?;
    }
    zip.finish()?;
    Ok(out.into_inner())
}

/// `count` paragraphs of a few words each, numbered.
fn paragraphs(count: usize) -> String {
    let mut xml = String::from(XML_HEAD);
    for i in 0..count {
        xml.push_str(&paragraph(&format!(
            "Rad {i}: 20 nya deltagare, 35 % i arbete"
        )));
    }
    xml.push_str(XML_TAIL);
    xml
}

/// A document.xml of exactly `bytes` bytes, of paragraphs of words in a varied order (so that
/// it packs about as well as a report's text does, well within the ratio limit).
fn document_of_bytes(bytes: usize) -> Result<String, Box<dyn std::error::Error>> {
    const WORDS: [&str; 24] = [
        "deltagare",
        "insatsen",
        "arbete",
        "studier",
        "försörjning",
        "samverkan",
        "mål",
        "resultat",
        "handläggare",
        "kartläggning",
        "rehabilitering",
        "Försäkringskassan",
        "kommunen",
        "regionen",
        "Arbetsförmedlingen",
        "uppfyllt",
        "hälsa",
        "stöd",
        "och",
        "av",
        "till",
        "med",
        "inom",
        "efter",
    ];
    let mut sequence = finsam_benches::Sequence::new(64);
    let mut xml = String::with_capacity(bytes);
    xml.push_str(XML_HEAD);
    let empty = paragraph("").len();
    loop {
        let mut text = String::new();
        while text.len() < 900 {
            let word = usize::try_from(sequence.below(WORDS.len() as u64))?;
            text.push_str(WORDS.get(word).copied().unwrap_or("och"));
            text.push(' ');
            let _ = write!(text, "{} ", sequence.below(1000));
        }
        if xml.len() + paragraph(&text).len() + empty + XML_TAIL.len() > bytes {
            break;
        }
        xml.push_str(&paragraph(&text));
    }
    let fill = bytes
        .checked_sub(xml.len() + empty + XML_TAIL.len())
        .ok_or("too small a document")?;
    xml.push_str(&paragraph(&"x".repeat(fill)));
    xml.push_str(XML_TAIL);
    if xml.len() != bytes {
        return Err(format!("document of {} bytes, not {bytes}", xml.len()).into());
    }
    Ok(xml)
}

/// The Word file of scenario `name` at its limit (`over` = false) or one step over it.
fn limit_file(
    name: &str,
    limits: &Limits,
    over: bool,
) -> Result<Vec<u8>, Box<dyn std::error::Error>> {
    let step = usize::from(over);
    let document = |xml: String| (String::from("word/document.xml"), xml.into_bytes(), true);
    Ok(match name {
        "docx-size" => {
            // A report with a picture that brings the file to exactly the limit.
            let text = document(paragraphs(1_000));
            let with_picture = |size: usize| {
                archive(&[
                    text.clone(),
                    ("word/media/image1.png".into(), vec![0x89; size], false),
                ])
            };
            let overhead = with_picture(0)?.len();
            let file = with_picture(limits.max_bytes - overhead + step)?;
            if file.len() != limits.max_bytes + step {
                return Err(format!("a file of {} bytes", file.len()).into());
            }
            file
        }
        "docx-entries" => {
            let mut entries = vec![document(paragraphs(100))];
            for i in 1..limits.max_entries + step {
                entries.push((format!("word/media/image{i}.png"), vec![0x89; 64], false));
            }
            archive(&entries)?
        }
        "docx-part" => {
            let size = usize::try_from(limits.max_part_bytes)? + step;
            archive(&[document(document_of_bytes(size)?)])?
        }
        "docx-depth" => {
            // document, body, the wrappers, then p, r and t: t at the deepest level.
            let wrappers = limits.max_depth - 5 + step;
            let mut xml = String::from(XML_HEAD);
            xml.push_str(&"<w:customXml>".repeat(wrappers));
            xml.push_str(&paragraph("Insatsen nådde sitt mål."));
            xml.push_str(&"</w:customXml>".repeat(wrappers));
            xml.push_str(XML_TAIL);
            archive(&[document(xml)])?
        }
        "docx-blocks" => archive(&[document(paragraphs(limits.max_blocks + step))])?,
        other => return Err(format!("no Word file for {other}").into()),
    })
}

/// Where the parent (process `parent`) leaves the Word file of a scenario for its child.
fn limit_path(parent: &str, name: &str, over: bool) -> PathBuf {
    let which = if over { "over" } else { "at" };
    std::env::temp_dir().join(format!("finsam-stress-{parent}-{name}-{which}.docx"))
}

/// Runs one scenario; returns what it did, for the line it prints.
fn scenario(
    name: &str,
    scale: usize,
    timed: &mut Option<Duration>,
) -> Result<String, Box<dyn std::error::Error>> {
    let policy = GradingPolicy::default();
    Ok(match name {
        "document" | "document-1000" => {
            let count = if name == "document" { 10_000 } else { 1_000 };
            let text = document(count / scale);
            let limits = Limits::default();
            let reading = read_report(&read_text(&text, &limits)?, &ReadOptions::default())?;
            let findings = reading.report.check().len();
            let graded = reading.report.grade(&policy)?.len();
            format!(
                "{:.1} MB of text, {graded} interventions read and graded, {findings} findings",
                text.len() as f64 / 1e6
            )
        }
        "series" => {
            let years = 100 / scale;
            let mut series = ReportSeries::new();
            for year in 0..years {
                series.add(yearly(1, 2004 + u16::try_from(year)?, 25)?)?;
            }
            let comparison = series.compare(&policy)?;
            format!(
                "{years} years × 25 interventions, {} followed",
                black_box(comparison).interventions.len()
            )
        }
        "associations" => {
            let associations = 75 / scale;
            let (mut graded, mut findings) = (0, 0);
            for association in 0..associations {
                for year in 0..10u16 {
                    let report = yearly(association, 2015 + year, 25)?;
                    graded += report.grade(&policy)?.len();
                    findings += report.check().len();
                }
            }
            format!("{associations} associations × 25 interventions × 10 years: {graded} graded, {findings} findings")
        }
        docx if docx.starts_with("docx-") => {
            let limits = limits(scale);
            let parent = std::env::var("FINSAM_STRESS_PARENT")?;
            // One file in memory at a time: the peak is one file and its reading.
            let at = std::fs::read(limit_path(&parent, docx, false))?;
            let start = Instant::now();
            let document = read_docx(&at, &limits)?;
            let read_in = start.elapsed();
            let blocks = black_box(document).blocks.len();
            let file_bytes = at.len();
            drop(at);
            let over = std::fs::read(limit_path(&parent, docx, true))?;
            let start = Instant::now();
            let refused = read_docx(&over, &limits);
            let refused_in = start.elapsed();
            let code = match &refused {
                Err(error) => error.code(),
                Ok(_) => return Err(format!("{docx}: one step over the limit was read").into()),
            };
            if code != "limit_exceeded" {
                return Err(format!("{docx}: over the limit refused with {code}").into());
            }
            *timed = Some(read_in);
            format!(
                "{:.2} MiB file at the limit read ({blocks} blocks); one step over refused with {code} in {:.1} ms",
                file_bytes as f64 / (1024.0 * 1024.0),
                refused_in.as_secs_f64() * 1000.0
            )
        }
        other => return Err(format!("no scenario {other}").into()),
    })
}

fn main() -> Result<ExitCode, Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().collect();
    let scale = if args.iter().any(|a| a == "--bench") {
        1
    } else {
        10
    };
    if let Some(name) = args
        .iter()
        .position(|a| a == "--child")
        .and_then(|i| args.get(i + 1))
    {
        let start = Instant::now();
        let mut timed = None;
        let done = scenario(name, scale, &mut timed)?;
        let elapsed = timed.unwrap_or_else(|| start.elapsed());
        println!(
            "  {name}: {:.0} ms, peak {:.1} MB resident — {done}",
            elapsed.as_secs_f64() * 1000.0,
            peak_mb().ok_or("no VmHWM in /proc/self/status")?
        );
        return Ok(ExitCode::SUCCESS);
    }
    println!("stress (each scenario in its own process; time and peak resident memory)");
    let scenarios = [
        "document-1000",
        "document",
        "series",
        "associations",
        "docx-size",
        "docx-entries",
        "docx-part",
        "docx-depth",
        "docx-blocks",
    ];
    for name in scenarios {
        let files = if name.starts_with("docx-") {
            let limits = limits(scale);
            let parent = std::process::id().to_string();
            let files = [
                limit_path(&parent, name, false),
                limit_path(&parent, name, true),
            ];
            std::fs::write(&files[0], limit_file(name, &limits, false)?)?;
            std::fs::write(&files[1], limit_file(name, &limits, true)?)?;
            files.to_vec()
        } else {
            Vec::new()
        };
        let mut command = Command::new(std::env::current_exe()?);
        command.args(["--child", name]);
        command.env("FINSAM_STRESS_PARENT", std::process::id().to_string());
        if scale == 1 {
            command.arg("--bench");
        }
        let output = command.output()?;
        for file in files {
            std::fs::remove_file(file)?;
        }
        print!("{}", String::from_utf8_lossy(&output.stdout));
        if !output.status.success() {
            eprintln!("{}", String::from_utf8_lossy(&output.stderr));
            return Ok(ExitCode::FAILURE);
        }
    }
    Ok(ExitCode::SUCCESS)
}
