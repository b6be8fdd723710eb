//! Words of a report the reader recognises: the association and period of a title, names as
//! different places spell them, and amounts in running text.

use rust_decimal::Decimal;

use crate::model::period::{Period, FIRST_YEAR, LAST_YEAR};

/// The association a title names: "Samordningsförbundet Botkyrka, Huddinge och Salem" up to
/// a colon, a dash, a comma before a lower-case word, or the end.
pub(super) fn organisation_in(title: &str) -> Option<String> {
    let lower = title.to_lowercase();
    let start = lower.find("samordningsförbund")?;
    let rest = title.get(start..)?;
    let mut end = rest.len();
    for (index, c) in rest.char_indices() {
        if matches!(c, ':' | '–' | '—' | '(' | '\n')
            || (c == '-' && rest.get(index..)?.starts_with("- "))
        {
            end = index;
            break;
        }
    }
    let name = rest.get(..end)?;
    // Words after the name that are not part of it: "Samordningsförbundet X årsredovisning 2014".
    let mut kept = Vec::new();
    for word in name.split_whitespace() {
        let bare = word.trim_matches(|c: char| c == ',' || c == '.');
        let lower = bare.to_lowercase();
        if bare.chars().any(|c| c.is_ascii_digit())
            || [
                "årsredovisning",
                "halvårsrapport",
                "bilaga",
                "verksamhetsberättelse",
                "delårsrapport",
            ]
            .iter()
            .any(|w| lower.starts_with(w))
        {
            break;
        }
        kept.push(word);
    }
    let joined = kept.join(" ");
    let name = joined.trim_end_matches([',', '.', ' ']).to_owned();
    // "Samordningsförbundet" alone names no association.
    (name.split_whitespace().count() >= 2).then_some(name)
}

/// The period a title names: a year, and the first half when it says "halvår" or "delår".
pub(super) fn period_in(title: &str) -> Option<Period> {
    let year = years(title).into_iter().next()?;
    let lower = title.to_lowercase();
    if lower.contains("halvår") || lower.contains("delår") || lower.contains("januari–juni") {
        Period::first_half_of(year).ok()
    } else {
        Period::year_of(year).ok()
    }
}

/// The four-digit years of a text, in order.
pub(super) fn years(text: &str) -> Vec<u16> {
    let mut found = Vec::new();
    let mut digits = String::new();
    for c in text.chars().chain(std::iter::once(' ')) {
        if c.is_ascii_digit() {
            digits.push(c);
            continue;
        }
        if digits.len() == 4 {
            if let Ok(year) = digits.parse::<u16>() {
                if (FIRST_YEAR..=LAST_YEAR).contains(&year) {
                    found.push(year);
                }
            }
        }
        digits.clear();
    }
    found
}

/// A name as a table prints it, with the hyphenation of a narrow column joined again:
/// "Samverkans- team Botkyrka" is "Samverkansteam Botkyrka", "Remiss- och kartläggnings- team"
/// is "Remiss- och kartläggningsteam".
pub(super) fn joined_name(text: &str) -> String {
    let words: Vec<&str> = text.split_whitespace().collect();
    let mut out = String::with_capacity(text.len());
    for (index, word) in words.iter().enumerate() {
        let previous = index.checked_sub(1).and_then(|p| words.get(p));
        let continues = previous.is_some_and(|p| p.ends_with('-') && p.chars().count() > 1)
            && word.chars().next().is_some_and(char::is_lowercase)
            && !matches!(*word, "och" | "eller" | "samt");
        if continues {
            out.pop();
        } else if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// Small words that names keep or drop between places ("Ungdomsprojektet i Salem",
/// "Ungdomsprojektet Salem").
const SMALL_WORDS: [&str; 6] = ["i", "på", "och", "av", "för", "med"];

/// A name folded for comparing: lower case, letters and digits only, each word but the small
/// ones.
pub(super) fn folded_words(text: &str) -> Vec<String> {
    joined_name(text)
        .to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty() && !SMALL_WORDS.contains(w))
        .map(str::to_owned)
        .collect()
}

/// A name folded once for comparing many times.
pub(super) struct Name {
    words: Vec<String>,
}

impl Name {
    /// The name of `text`, folded.
    pub(super) fn of(text: &str) -> Name {
        Name {
            words: folded_words(text),
        }
    }

    /// The keys under which a name that may match this one is found: the first four letters of
    /// its words joined, and of its words after the first (an acronym before the name).
    fn keys(&self) -> [String; 2] {
        let key = |words: &[String]| words.concat().chars().take(4).collect::<String>();
        [
            key(&self.words),
            key(self.words.get(1..).unwrap_or_default()),
        ]
    }
}

/// The interventions' names and aliases by key, so that a name is compared only with the names
/// that may match it.
pub(super) struct NameIndex {
    names: Vec<(usize, Name)>,
    by_key: std::collections::HashMap<String, Vec<usize>>,
    /// The names by their words joined: those that match a text fully (the best match there
    /// is), found without comparing the text with every name that shares a key with it.
    by_joined: std::collections::HashMap<String, Vec<usize>>,
}

impl NameIndex {
    /// The index of the interventions' names and aliases.
    pub(super) fn new(interventions: &[crate::model::intervention::Intervention]) -> NameIndex {
        let mut names = Vec::new();
        for (index, intervention) in interventions.iter().enumerate() {
            let all = std::iter::once(intervention.name.as_ref())
                .chain(intervention.aliases.iter().map(String::as_str));
            for name in all {
                names.push((index, Name::of(name)));
            }
        }
        let mut by_key: std::collections::HashMap<String, Vec<usize>> =
            std::collections::HashMap::new();
        for (position, (_, name)) in names.iter().enumerate() {
            for key in name.keys() {
                if !key.is_empty() {
                    let entry = by_key.entry(key).or_default();
                    if entry.last() != Some(&position) {
                        entry.push(position);
                    }
                }
            }
        }
        let mut by_joined: std::collections::HashMap<String, Vec<usize>> =
            std::collections::HashMap::new();
        for (position, (_, name)) in names.iter().enumerate() {
            if !name.words.is_empty() {
                by_joined
                    .entry(name.words.concat())
                    .or_default()
                    .push(position);
            }
        }
        NameIndex {
            names,
            by_key,
            by_joined,
        }
    }

    /// The intervention whose name or alias matches `text` best, among those `open` allows;
    /// the first in the report's order of those that match equally well.
    pub(super) fn best(&self, text: &str, open: impl Fn(usize) -> bool) -> Option<usize> {
        let name = Name::of(text);
        // A full match (the same words, or the same letters split otherwise) scores highest:
        // the first open one in the report's order is the best, whatever else shares a key.
        let full = self
            .by_joined
            .get(&name.words.concat())
            .into_iter()
            .flatten()
            .filter_map(|position| self.names.get(*position).map(|(i, _)| *i))
            .filter(|i| open(*i))
            .min();
        if full.is_some() {
            return full;
        }
        let mut best: Option<(u8, usize)> = None;
        for key in name.keys() {
            for position in self.by_key.get(&key).into_iter().flatten() {
                let Some((intervention, candidate)) = self.names.get(*position) else {
                    continue;
                };
                if !open(*intervention) {
                    continue;
                }
                let score = matched(&candidate.words, &name.words);
                let better = match best {
                    None => score > 0,
                    Some((s, i)) => score > s || (score == s && *intervention < i),
                };
                if better {
                    best = Some((score, *intervention));
                }
            }
        }
        best.map(|(_, intervention)| intervention)
    }
}

/// How well two names match, 0 for not at all: the same words (3), one the other's beginning
/// ("START" in "START – Stöd till arbete", 2), or the same words but for endings
/// ("samverkansteamet" for "samverkansteam", 1).
#[cfg(test)]
fn name_match(a: &str, b: &str) -> u8 {
    matched(&folded_words(a), &folded_words(b))
}

/// [`name_match`] of names already folded.
fn matched(a: &[String], b: &[String]) -> u8 {
    if a.is_empty() || b.is_empty() {
        return 0;
    }
    if a == b {
        return 3;
    }
    let joined = |w: &[String]| w.concat();
    if joined(a) == joined(b) {
        return 3;
    }
    let (short, long) = if a.len() <= b.len() {
        (&a, &b)
    } else {
        (&b, &a)
    };
    if long.starts_with(short) && short.concat().chars().count() >= 4 {
        return 2;
    }
    // An acronym and its words: "REKA - Remiss- och kartläggningsteam".
    if long.iter().skip(1).collect::<Vec<_>>() == short.iter().collect::<Vec<_>>()
        && !short.is_empty()
    {
        return 2;
    }
    let stem = |w: &String| w.chars().take(6).collect::<String>();
    let same_stems = short.len() == long.len()
        && short
            .iter()
            .zip(long.iter())
            .all(|(x, y)| stem(x) == stem(y));
    if same_stems {
        return 1;
    }
    // "Ungdomsprojekt i Salem" and "Ungdomsprojektet i Salem" joined as one word.
    let (joined_short, joined_long) = (joined(short), joined(long));
    let common = joined_short
        .chars()
        .zip(joined_long.chars())
        .take_while(|(x, y)| x == y)
        .count();
    if common >= 8 && common * 10 >= joined_short.chars().count() * 8 {
        return 1;
    }
    0
}

/// An amount in running text at word `index` of `words`: the number ("3 335", "2450") with its
/// unit when one follows ("tkr", "kr", "kronor", "mkr"); `None` for a year or a percentage.
pub(super) fn amount_at(
    words: &[&str],
    index: usize,
) -> Option<(Decimal, usize, Option<&'static str>)> {
    let mut digits = String::new();
    let mut next = index;
    let mut grouped = false;
    while let Some(word) = words.get(next) {
        let bare = word.trim_end_matches([',', '.', ';', ')']);
        let is_group =
            !digits.is_empty() && bare.len() == 3 && bare.chars().all(|c| c.is_ascii_digit());
        let is_first = digits.is_empty()
            && !bare.is_empty()
            && bare.len() <= 3
            && bare.chars().all(|c| c.is_ascii_digit());
        let is_plain =
            digits.is_empty() && bare.len() >= 4 && bare.chars().all(|c| c.is_ascii_digit());
        if is_first || is_group || is_plain {
            grouped |= is_group;
            digits.push_str(bare);
            next += 1;
            if is_plain || word.len() != bare.len() {
                break;
            }
            continue;
        }
        break;
    }
    if digits.is_empty() {
        return None;
    }
    let unit_word = words
        .get(next)
        .map(|w| w.trim_end_matches([',', '.', ';', ')']).to_lowercase());
    let unit = match unit_word.as_deref() {
        Some("tkr") | Some("tkr:") => Some("tkr"),
        Some("kr") | Some("kronor") | Some("sek") => Some("kr"),
        Some("mkr") | Some("miljoner") => Some("mkr"),
        Some("%") | Some("procent") => return None,
        _ => None,
    };
    let value: Decimal = digits.parse().ok()?;
    // "2014" is a year; "2 088" is an amount.
    let year = unit.is_none()
        && !grouped
        && digits.len() == 4
        && value >= Decimal::from(FIRST_YEAR)
        && value <= Decimal::from(LAST_YEAR);
    if year {
        return None;
    }
    let used = next - index + usize::from(unit.is_some());
    Some((value, used, unit))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_as_tables_print_them() {
        assert_eq!(
            joined_name("Samverkans- team Botkyrka"),
            "Samverkansteam Botkyrka"
        );
        assert_eq!(
            joined_name("Remiss- och kartläggnings- team"),
            "Remiss- och kartläggningsteam"
        );
        assert_eq!(joined_name("Paraply- teamet"), "Paraplyteamet");
        assert_eq!(
            name_match("Samverkans- team Botkyrka", "Samverkansteamet Botkyrka"),
            1
        );
        assert_eq!(name_match("START", "START – Stöd till arbete"), 2);
        assert_eq!(name_match("Hälsosam", "HälsoSam"), 3);
        assert_eq!(
            name_match("Ungdoms- projekt i Salem", "Ungdomsprojektet i Salem"),
            1
        );
        assert_eq!(
            name_match(
                "Remiss- och kartläggnings- team",
                "REKA - Remiss- och kartläggningsteam"
            ),
            2
        );
        assert_eq!(
            name_match("Ungdomsprojektet Salem", "Ungdomsprojektet i Salem"),
            3
        );
        assert_eq!(name_match("Lyra", "Slussen"), 0);
        assert_eq!(
            name_match("Samverkansteam Huddinge", "Samverkansteamet Botkyrka"),
            0
        );
    }

    #[test]
    fn titles_name_the_association_and_the_period() {
        assert_eq!(
            organisation_in(
                "Samordningsförbundet Botkyrka, Huddinge och Salem: årsredovisning 2017"
            ),
            Some("Samordningsförbundet Botkyrka, Huddinge och Salem".to_owned())
        );
        assert_eq!(organisation_in("Årsredovisning 2014, Bilaga 2"), None);
        assert_eq!(
            period_in("Årsredovisning 2014, Bilaga 2").map(|p| p.to_string()),
            Some("2014".into())
        );
        assert_eq!(
            period_in("Halvårsrapport 2019").map(|p| p.to_string()),
            Some("2019-H1".into())
        );
        assert_eq!(period_in("Bilaga 2"), None);
    }

    #[test]
    fn amounts_in_running_text() {
        let words: Vec<&str> =
            "budgeterat med 3 335 tkr för 2014 varav 1 011 rekvirerats och 2450 tkr"
                .split(' ')
                .collect();
        assert_eq!(
            amount_at(&words, 2),
            Some((Decimal::from(3335), 3, Some("tkr")))
        );
        assert_eq!(amount_at(&words, 6), None);
        assert_eq!(amount_at(&words, 8), Some((Decimal::from(1011), 2, None)));
        assert_eq!(
            amount_at(&words, 12),
            Some((Decimal::from(2450), 2, Some("tkr")))
        );
        let words: Vec<&str> = "varav 2 088 rekvirerats".split(' ').collect();
        assert_eq!(amount_at(&words, 1), Some((Decimal::from(2088), 2, None)));
    }
}
