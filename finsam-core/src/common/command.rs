//! The messages of the `finsam` command about what is the command's own: files it cannot read
//! or write, arguments that do not fit. Everything about a report is the core's other
//! messages. Each message has a stable key and a Swedish and an English text with named
//! fields (`{path}`) that the command fills in.

use crate::common::locale::Language;

/// Every message of the command: its key, its Swedish text, its English text.
pub const COMMAND_MESSAGES: [(&str, &str, &str); 15] = [
    ("not_found", "filen finns inte", "no such file"),
    ("is_directory", "är en mapp, inte en fil", "is a directory, not a file"),
    ("permission", "saknar behörighet att läsa filen", "permission denied"),
    ("unreadable", "filen kunde inte läsas: {reason}", "the file could not be read: {reason}"),
    ("unwritable", "filen kunde inte skrivas: {reason}", "the file could not be written: {reason}"),
    (
        "unknown_type",
        "okänd filtyp '{suffix}': finsam läser rapporter i JSON (.json), text (.txt) och Word (.docx)",
        "unknown file type '{suffix}': finsam reads reports in JSON (.json), text (.txt) and Word (.docx)",
    ),
    (
        "not_a_document",
        "finsam read läser ett dokument, text (.txt) eller Word (.docx), inte '{suffix}'",
        "finsam read reads a document, text (.txt) or Word (.docx), not '{suffix}'",
    ),
    ("field", "fält {path}", "field {path}"),
    ("line", "rad {line}, kolumn {column}", "line {line}, column {column}"),
    (
        "unknown_id",
        "ingen insats har id '{id}'; rapportens insatser är: {ids}",
        "no intervention has the id '{id}'; the report's interventions are: {ids}",
    ),
    (
        "binary_needs_output",
        "--to {format} skriver en binär fil: ange den med -o FIL",
        "--to {format} writes a binary file: name it with -o FILE",
    ),
    ("template_needs_docx", "--template gäller bara --to docx", "--template applies only to --to docx"),
    ("compare_needs_two", "compare behöver minst två rapporter", "compare needs at least two reports"),
    ("written", "Skrev {path}", "Wrote {path}"),
    ("reading", "Läser", "Reading"),
];

/// The command's message `key` in `language`, its fields still to fill in; `None` for a key
/// that is not one.
///
/// ```
/// use finsam_core::{command_message, Language};
/// assert_eq!(command_message("written", Language::English), Some("Wrote {path}"));
/// assert_eq!(command_message("nothing", Language::Swedish), None);
/// ```
pub fn command_message(key: &str, language: Language) -> Option<&'static str> {
    COMMAND_MESSAGES
        .iter()
        .find(|(k, ..)| *k == key)
        .map(|(_, sv, en)| language.pick(sv, en))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_message_has_both_languages_with_the_same_fields() {
        let fields = |text: &str| {
            let mut found: Vec<String> = text
                .split('{')
                .skip(1)
                .filter_map(|rest| rest.split('}').next().map(str::to_owned))
                .collect();
            found.sort();
            found
        };
        for (key, sv, en) in COMMAND_MESSAGES {
            assert!(!sv.is_empty() && !en.is_empty(), "{key}");
            assert_eq!(fields(sv), fields(en), "{key}");
        }
        let mut keys: Vec<&str> = COMMAND_MESSAGES.iter().map(|(k, ..)| *k).collect();
        keys.dedup();
        assert_eq!(keys.len(), COMMAND_MESSAGES.len());
    }
}
