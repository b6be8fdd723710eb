//! The participant figures an intervention's section states in its prose: "Totalt har 85
//! personer haft stöd under året och 20 personer avslutades, varav 9 (26 %) till
//! arbete/studier", "11 kvinnor och 5 män", "84 % kvinnor och 16 % män". Each sentence is read
//! on its own, and only what it says unambiguously is kept: a number of people with the verb
//! that says what they are (supported, enrolled, ended), the women and men among a number, two
//! gender shares, and a part of the ended with its printed percentage. A sentence that gives
//! one role two different numbers is not read, and the reader says so.

use rust_decimal::Decimal;

use super::{ReadingCode, Record};
use crate::common::place::Place;
use crate::common::severity::Severity;
use crate::document::{Block, BlockKind};
use crate::model::flows::{GenderShares, OfWhom, PrintedPart, StatedCounts};
use crate::model::intervention::Intervention;
use crate::model::period::Period;

/// One token of a sentence: a whole number, a percentage, or a word in lower case.
#[derive(Debug, Clone, PartialEq)]
enum Token {
    Number(u64),
    Percent(Decimal),
    Word(String),
}

fn tokens(sentence: &str) -> Vec<Token> {
    let mut out = Vec::new();
    for raw in sentence.split_whitespace() {
        let word = raw.trim_matches(|c: char| !c.is_alphanumeric() && c != '%');
        if word.is_empty() {
            continue;
        }
        if word == "%" {
            if let Some(Token::Number(n)) = out.last().cloned() {
                out.pop();
                out.push(Token::Percent(Decimal::from(n)));
            }
            continue;
        }
        if let Some(number) = word.strip_suffix('%') {
            if let Ok(n) = number.parse::<u64>() {
                out.push(Token::Percent(Decimal::from(n)));
                continue;
            }
        }
        match word.parse::<u64>() {
            Ok(n) => out.push(Token::Number(n)),
            Err(_) => out.push(Token::Word(word.to_lowercase())),
        }
    }
    out
}

/// The sentences of a paragraph: split after a full stop, question or exclamation mark that
/// ends a word and is followed by a space.
fn sentences(text: &str) -> impl Iterator<Item = &str> {
    text.split_inclusive(['.', '!', '?'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
}

fn is_word(token: Option<&Token>, words: &[&str]) -> bool {
    matches!(token, Some(Token::Word(w)) if words.contains(&w.as_str()))
}

const PEOPLE: [&str; 4] = ["personer", "deltagare", "individer", "ungdomar"];

/// What one sentence states, or `None` when it states no participant figure at all. `Err`
/// names the role a sentence gives two numbers.
fn read_sentence(
    sentence: &str,
    year: u16,
) -> std::result::Result<Option<StatedCounts>, &'static str> {
    let tokens = tokens(sentence);
    let lower = sentence.to_lowercase();
    // A sentence about a goal ("volymmålet om 70 nya deltagare") states no figure.
    if lower.contains("mål") {
        return Ok(None);
    }
    let this_period = (lower.contains("under året")
        || lower.contains(&format!("under {year}"))
        || lower.contains("i år"))
        && ![
            "sedan start",
            "projekttid",
            "projektperiod",
            "hela perioden",
        ]
        .iter()
        .any(|longer| lower.contains(longer));
    let mut stated = StatedCounts {
        text: sentence.to_owned(),
        this_period,
        current: None,
        new: None,
        ended: None,
        of_whom: None,
        gender_shares: None,
        to_work_or_studies: None,
    };
    let set = |slot: &mut Option<u64>, value: u64, role: &'static str| match slot {
        Some(other) if *other != value => Err(role),
        _ => {
            *slot = Some(value);
            Ok(())
        }
    };
    let mut last_people: Option<u64> = None;
    for (i, token) in tokens.iter().enumerate() {
        let at = |offset: usize| tokens.get(i + offset);
        match token {
            Token::Number(n)
                if is_word(at(1), &PEOPLE)
                    || (is_word(at(1), &["nya"]) && is_word(at(2), &PEOPLE)) =>
            {
                last_people = Some(*n);
                // A part of another number ("av de 16 deltagarna är 12 …") has no role of its
                // own.
                let part_of = tokens.get(i.saturating_sub(6)..i).is_some_and(|b| {
                    b.windows(2)
                        .any(|w| is_word(w.first(), &["av"]) && is_word(w.get(1), &["de", "dessa"]))
                });
                if part_of {
                    continue;
                }
                // The verb that says what they are, before the next number.
                let after: Vec<&Token> = tokens
                    .iter()
                    .skip(i + 1)
                    .take_while(|t| !matches!(t, Token::Number(_) | Token::Percent(_)))
                    .take(8)
                    .collect();
                let has = |words: &[&str]| after.iter().any(|t| is_word(Some(t), words));
                // "avslutats till annat än jobb" is one reason for ending, not all who ended.
                let ended_by_reason = after.windows(2).any(|w| {
                    is_word(w.first().copied(), &["avslutades", "avslutats", "avslutas"])
                        && is_word(w.get(1).copied(), &["till", "på", "av"])
                });
                let before = |words: &[&str]| {
                    tokens
                        .get(i.saturating_sub(4)..i)
                        .is_some_and(|b| b.iter().any(|t| is_word(Some(t), words)))
                };
                if has(&["avslutades", "avslutats", "avslutas"]) {
                    if !ended_by_reason {
                        set(&mut stated.ended, *n, "ended")?;
                    }
                } else if before(&["totalt", "sammanlagt", "deltog"])
                    || has(&["inskrivna", "haft", "deltagit", "deltog"])
                {
                    set(&mut stated.current, *n, "current")?;
                } else if ((has(&["skrevs", "skrivits"]) || before(&["skrevs", "skrivits"]))
                    && has(&["in"]))
                    || before(&["emot"])
                {
                    set(&mut stated.new, *n, "new")?;
                }
            }
            Token::Number(women) if is_word(at(1), &["kvinnor"]) => {
                let men = match (at(2), at(3), at(4)) {
                    (Some(Token::Number(m)), Some(Token::Word(w)), _) if w == "män" => Some(*m),
                    (Some(Token::Word(and)), Some(Token::Number(m)), Some(Token::Word(w)))
                        if (and == "och" || and == "respektive") && w == "män" =>
                    {
                        Some(*m)
                    }
                    _ => None,
                };
                if let (Some(men), Some(total)) = (men, last_people) {
                    if stated.of_whom.is_some() {
                        return Err("of_whom");
                    }
                    stated.of_whom = Some(OfWhom {
                        total,
                        women: *women,
                        men,
                    });
                }
            }
            Token::Percent(women) if is_word(at(1), &["kvinnor"]) => {
                let men = match (at(2), at(3), at(4)) {
                    (Some(Token::Percent(m)), Some(Token::Word(w)), _) if w == "män" => Some(*m),
                    (Some(Token::Word(and)), Some(Token::Percent(m)), Some(Token::Word(w)))
                        if (and == "och" || and == "respektive") && w == "män" =>
                    {
                        Some(*m)
                    }
                    _ => None,
                };
                if let Some(men) = men {
                    if stated.gender_shares.is_some() {
                        return Err("gender_shares");
                    }
                    stated.gender_shares = Some(GenderShares { women: *women, men });
                }
            }
            Token::Number(count)
                if i > 0 && is_word(tokens.get(i - 1), &["varav"]) && stated.ended.is_some() =>
            {
                // "varav 9 (26 %) till arbete/studier", "varav 4 till arbete eller studier
                // (33 %)".
                let (mut percent, next) = match at(1) {
                    Some(Token::Percent(p)) => (Some(*p), 2),
                    _ => (None, 1),
                };
                if is_word(at(next), &["till", "i"])
                    && matches!(at(next + 1), Some(Token::Word(w)) if w.starts_with("arbete"))
                {
                    if percent.is_none() {
                        percent = (next + 2..next + 6).find_map(|k| match at(k) {
                            Some(Token::Percent(p)) => Some(*p),
                            _ => None,
                        });
                    }
                    if stated.to_work_or_studies.is_some() {
                        return Err("to_work_or_studies");
                    }
                    stated.to_work_or_studies = Some(PrintedPart {
                        count: *count,
                        percent,
                    });
                }
            }
            _ => {}
        }
    }
    let empty = stated.current.is_none()
        && stated.new.is_none()
        && stated.ended.is_none()
        && stated.of_whom.is_none()
        && stated.gender_shares.is_none();
    Ok((!empty).then_some(stated))
}

/// The section's paragraphs with their places, a sentence broken over two paragraphs joined
/// again. A page break in the source often splits "varav 9 (26 %) till" from "arbete/studier":
/// a paragraph that ends without a full stop, colon, question or exclamation mark and is
/// followed by one that begins in lower case is the same sentence, and stands at the first
/// paragraph's place.
fn paragraphs(blocks: &[Block]) -> Vec<(String, Place)> {
    let mut out: Vec<(String, Place)> = Vec::new();
    let mut open = false;
    for block in blocks {
        let BlockKind::Paragraph { text } = &block.kind else {
            open = false;
            continue;
        };
        let text = text.trim();
        let continues = text.chars().next().is_some_and(char::is_lowercase);
        match out.last_mut() {
            Some((previous, _)) if open && continues => {
                previous.push(' ');
                previous.push_str(text);
            }
            _ => out.push((text.to_owned(), block.place)),
        }
        open = !text.ends_with(['.', ':', '!', '?']);
    }
    out
}

/// Reads the participant figures of a section's paragraphs onto the intervention, and returns
/// where each sentence stands (the paragraph's place) by its path.
pub(super) fn read_prose(
    blocks: &[Block],
    period: Period,
    intervention: &mut Intervention,
    record: &mut Record,
) -> Vec<(String, Place)> {
    let id = intervention.id.clone();
    let mut sources = Vec::new();
    for (text, place) in paragraphs(blocks) {
        // Money is the budget sentence's; it has its own reader.
        if text.contains("tkr") {
            continue;
        }
        for sentence in sentences(&text) {
            match read_sentence(sentence, period.year()) {
                Ok(Some(stated)) => {
                    sources.push((
                        format!("stated_counts[{}]", intervention.stated_counts.len()),
                        place,
                    ));
                    intervention.stated_counts.push(stated);
                }
                Ok(None) => {}
                Err(role) => record.issue(
                    ReadingCode::UnclearText,
                    Severity::Info,
                    place,
                    Some(&id),
                    sentence,
                    format!("Meningen ger två olika tal för samma sak ({role}) och lästes inte."),
                    format!(
                        "The sentence gives two numbers for one thing ({role}) and was not read."
                    ),
                ),
            }
        }
    }
    sources
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(sentence: &str) -> Option<StatedCounts> {
        read_sentence(sentence, 2014).ok().flatten()
    }

    #[test]
    fn reads_what_a_sentence_says_and_nothing_more() {
        let stated = read("Totalt har 85 personer haft stöd under året och 20 personer avslutades, varav 9 (26 %) till arbete/studier eller aktivt arbetssökande.");
        assert_eq!(
            stated.as_ref().map(|s| (s.this_period, s.current, s.ended)),
            Some((true, Some(85), Some(20)))
        );
        assert_eq!(
            stated.and_then(|s| s.to_work_or_studies),
            Some(PrintedPart {
                count: 9,
                percent: Some(Decimal::from(26))
            })
        );
        let start =
            read("Sedan starten 2012 har 35 deltagare tagits emot, varav 16 kvinnor och 19 män.");
        assert_eq!(
            start
                .as_ref()
                .map(|s| (s.this_period, s.current, s.of_whom)),
            Some((
                false,
                None,
                Some(OfWhom {
                    total: 35,
                    women: 16,
                    men: 19
                })
            ))
        );
        let shares = read("Av dessa är 84 % kvinnor och 16 % män.");
        assert_eq!(
            shares.and_then(|s| s.gender_shares),
            Some(GenderShares {
                women: Decimal::from(84),
                men: Decimal::from(16)
            })
        );
        let new = read("4 personer skrevs in under 2014.");
        assert_eq!(new.map(|s| (s.this_period, s.new)), Some((true, Some(4))));
        assert_eq!(
            read("Den genomsnittliga inskrivningstiden var knappt två år."),
            None
        );
        assert_eq!(
            read_sentence("12 deltagare avslutades och 14 deltagare avslutades.", 2014),
            Err("ended")
        );
    }

    #[test]
    fn a_sentence_broken_over_two_paragraphs_is_read_whole() {
        let paragraph = |text: &str, line: usize| Block {
            kind: BlockKind::Paragraph {
                text: text.to_owned(),
            },
            place: Place::line(line, 1),
        };
        let blocks = [
            paragraph("20 personer avslutades, varav 9 (26 %) till", 83),
            paragraph(
                "arbete/studier eller aktivt arbetssökande. Av dessa arbetade två.",
                85,
            ),
            paragraph("Nästa stycke.", 87),
            paragraph("börjar med liten bokstav men följer en hel mening.", 89),
        ];
        let joined = paragraphs(&blocks);
        assert_eq!(
            joined,
            vec![
                (
                    "20 personer avslutades, varav 9 (26 %) till arbete/studier eller aktivt \
                     arbetssökande. Av dessa arbetade två."
                        .to_owned(),
                    Place::line(83, 1)
                ),
                ("Nästa stycke.".to_owned(), Place::line(87, 1)),
                (
                    "börjar med liten bokstav men följer en hel mening.".to_owned(),
                    Place::line(89, 1)
                ),
            ]
        );
        let stated = joined
            .first()
            .and_then(|(text, _)| read(text))
            .and_then(|s| s.to_work_or_studies);
        assert_eq!(
            stated,
            Some(PrintedPart {
                count: 9,
                percent: Some(Decimal::from(26))
            })
        );
    }
}
