//! The texts of the front ends that are their own: the `finsam` command's messages about files
//! it cannot read or write and arguments that do not fit, and the titles, legends and "nothing
//! to draw" messages of the notebook's charts. Everything about a report is the core's other
//! messages. Each text has a stable key and a Swedish and an English text, with named fields
//! (`{path}`) that the front end fills in.

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
    text_of(&COMMAND_MESSAGES, key, language)
}

/// The text `key` of `texts` in `language`.
fn text_of(
    texts: &[(&str, &'static str, &'static str)],
    key: &str,
    language: Language,
) -> Option<&'static str> {
    texts
        .iter()
        .find(|(k, ..)| *k == key)
        .map(|(_, sv, en)| language.pick(sv, en))
}

/// Every text of the notebook's charts: its key, its Swedish text, its English text.
pub const CHART_TEXTS: [(&str, &str, &str); 11] = [
    (
        "title.goal_attainment",
        "Måluppfyllelse per mål",
        "Attainment per goal",
    ),
    (
        "title.scores",
        "Måluppfyllelse per insats mot bedömningens gränser",
        "Score per intervention against the grade bands",
    ),
    (
        "title.flows_by_gender",
        "Aktuella deltagare per insats efter kön",
        "Current participants per intervention by gender",
    ),
    (
        "title.budget_outcome",
        "Budget och utfall per insats",
        "Budget and outcome per intervention",
    ),
    (
        "empty.no_goals",
        "Rapporten har inga mål.",
        "The report has no goals.",
    ),
    (
        "empty.no_scores",
        "Ingen insats har en poäng: inget mål är mätt.",
        "No intervention has a score: no goal is measured.",
    ),
    (
        "empty.no_flows",
        "Rapporten har ingen tabell över deltagarflöden.",
        "The report has no participant-flow table.",
    ),
    (
        "empty.no_gender",
        "Flödestabellen anger inte antalet kvinnor och män.",
        "The participant-flow table gives no numbers of women and men.",
    ),
    (
        "empty.no_budget",
        "Rapporten anger ingen budget eller något utfall per insats.",
        "The report states no budget or outcome per intervention.",
    ),
    ("legend.budget", "Budget", "Budget"),
    ("legend.outcome", "Utfall", "Outcome"),
];

/// The chart text `key` in `language`; `None` for a key that is not one.
///
/// ```
/// use finsam_core::{chart_text, Language};
/// assert_eq!(chart_text("legend.outcome", Language::Swedish), Some("Utfall"));
/// ```
pub fn chart_text(key: &str, language: Language) -> Option<&'static str> {
    text_of(&CHART_TEXTS, key, language)
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
        for (key, sv, en) in COMMAND_MESSAGES.into_iter().chain(CHART_TEXTS) {
            assert!(!sv.is_empty() && !en.is_empty(), "{key}");
            assert_eq!(fields(sv), fields(en), "{key}");
        }
        for texts in [&COMMAND_MESSAGES[..], &CHART_TEXTS[..]] {
            let mut keys: Vec<&str> = texts.iter().map(|(k, ..)| *k).collect();
            keys.sort_unstable();
            keys.dedup();
            assert_eq!(keys.len(), texts.len());
        }
    }
}
