//! Reading the reports' Swedish text: the goal cell and the result cell of a goal-fulfilment
//! table ("80 deltagare. 80 % förbättrad hälsa. 60 % tar eget ansvar för att genomföra
//! hälsoplan"; "96 deltagare 93 % förbättrad hälsa. 93 % tar ökat ansvar för sin hälsa. (89 av
//! 93)"), split into goals and results, each recognised (kind, target, direction, unit, the flow
//! figure it measures; a count, a share with its fraction, not measured, not applicable, a
//! qualitative text) and the results aligned with the goals they answer.
//!
//! Nothing is guessed silently. Every item keeps the span of text it came from; text that
//! cannot be read comes back as an explicit [`GoalItem::Unparsed`] or
//! [`ResultItem::Unparsed`] with an issue, never dropped and never turned into a number; and
//! whatever the parser is unsure of (an approximate number, a result it could not place, a goal
//! without a result) comes with an [`Issue`] that points at the text.
//!
//! Swedish numbers: "1 150" (a space between thousands), "8,5" (a decimal comma), "80 %",
//! "80%", "80 procent", and "Alla" (= 100 %).

use rust_decimal::Decimal;
use serde::Serialize;

use crate::common::severity::Severity;
use crate::model::flows::FlowMeasure;
use crate::model::goal::{Direction, Goal, GoalKind};
use crate::model::result::{GoalResult, QualitativeAssessment, QualitativeResult, ShareResult};

/// A range of a cell's text, in bytes: `text.get(span.start..span.end)`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Span {
    /// The first byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl Span {
    /// The text of `cell` this span covers.
    pub fn of<'a>(&self, cell: &'a str) -> &'a str {
        cell.get(self.start..self.end).unwrap_or_default()
    }

    fn cover(self, other: Span) -> Span {
        Span {
            start: self.start.min(other.start),
            end: self.end.max(other.end),
        }
    }
}

/// What the parser is unsure of or could not read. Every code is stable.
#[non_exhaustive]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum IssueCode {
    /// Text the parser could not read; it is kept as an unparsed item (`unparsed_text`).
    UnparsedText,
    /// A number not at the start of a goal, read as a qualitative goal (`number_in_text`).
    NumberInText,
    /// A number given as approximate ("cirka 20"); read as the number (`approximate_number`).
    ApproximateNumber,
    /// A goal for which the result cell has no result (`missing_result`).
    MissingResult,
    /// A result that answers none of the goals (`unaligned_result`).
    UnalignedResult,
    /// One result text answers more than one qualitative goal (`shared_result`).
    SharedResult,
    /// A cell longer than [`MAX_CELL_CHARS`]: kept whole as unparsed text (`too_long`).
    TooLong,
    /// A word spelled nearly as one the parser knows ("Ej tillämbart", "Matning ej gjord"),
    /// read as that word (`near_miss_word`).
    NearMissWord,
    /// Goals at the end of a goal cell set aside as text from another column (`leaked_text`).
    LeakedText,
}

impl IssueCode {
    /// The stable code, e.g. `unparsed_text`.
    pub fn code(self) -> &'static str {
        crate::common::code::serde_name(&self)
    }

    /// How serious: unread text is an error, unplaced results and goals without results are
    /// warnings, the rest information.
    pub fn severity(self) -> Severity {
        match self {
            IssueCode::UnparsedText | IssueCode::TooLong => Severity::Error,
            IssueCode::MissingResult
            | IssueCode::UnalignedResult
            | IssueCode::NumberInText
            | IssueCode::LeakedText => Severity::Warning,
            IssueCode::ApproximateNumber | IssueCode::SharedResult | IssueCode::NearMissWord => {
                Severity::Info
            }
        }
    }
}

/// Which cell an issue is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Cell {
    /// The goal cell (*Mål*).
    Goals,
    /// The result cell (*Resultat*).
    Results,
}

/// One thing the parser is unsure of, with the text it concerns.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Issue {
    /// What.
    pub code: IssueCode,
    /// How serious.
    pub severity: Severity,
    /// In which cell.
    pub cell: Cell,
    /// The text concerned.
    pub span: Span,
    /// The text itself.
    pub text: String,
    /// The issue in Swedish.
    pub message_sv: String,
    /// The issue in English.
    pub message_en: String,
}

/// One item of a goal cell.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "item", rename_all = "snake_case")]
pub enum GoalItem {
    /// A goal, read.
    Goal {
        /// The goal (its result is missing until aligned).
        goal: Goal,
        /// Where it stands in the cell.
        span: Span,
    },
    /// Text that could not be read.
    Unparsed {
        /// Where it stands in the cell.
        span: Span,
        /// The text.
        text: String,
    },
    /// Text read as a goal but set aside as not the cell's own: figures that repeat the cell's
    /// goals without their full stop and that no result answers, as when last year's results
    /// leak into the goal column of an extracted table. An issue (`leaked_text`) says so.
    Aside {
        /// Where it stands in the cell.
        span: Span,
        /// The text.
        text: String,
    },
}

/// One item of a result cell.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "item", rename_all = "snake_case")]
pub enum ResultItem {
    /// A result, read.
    Result {
        /// The result; a count or share keeps its text.
        result: GoalResult,
        /// Where it stands in the cell.
        span: Span,
    },
    /// Text that could not be read.
    Unparsed {
        /// Where it stands in the cell.
        span: Span,
        /// The text.
        text: String,
    },
}

/// A parsed goal cell.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct GoalCell {
    /// The cell's text, as given.
    pub text: String,
    /// The items, in the order of the text.
    pub items: Vec<GoalItem>,
    /// What the parser is unsure of.
    pub issues: Vec<Issue>,
}

impl GoalCell {
    /// The goals read, in order.
    pub fn goals(&self) -> impl Iterator<Item = &Goal> {
        self.items.iter().filter_map(|item| match item {
            GoalItem::Goal { goal, .. } => Some(goal),
            GoalItem::Unparsed { .. } | GoalItem::Aside { .. } => None,
        })
    }
}

/// A parsed result cell.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ResultCell {
    /// The cell's text, as given.
    pub text: String,
    /// The items, in the order of the text.
    pub items: Vec<ResultItem>,
    /// What the parser is unsure of.
    pub issues: Vec<Issue>,
}

/// The goals of a goal cell with the results of a result cell placed on them.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Aligned {
    /// The goals, each with its result (missing where none was found).
    pub goals: Vec<Goal>,
    /// For each goal, the indexes of the result cell's items that answer it.
    pub sources: Vec<Vec<usize>>,
    /// The goal cell as parsed.
    pub goal_cell: GoalCell,
    /// The result cell as parsed.
    pub result_cell: ResultCell,
    /// Every issue of both cells and of the alignment.
    pub issues: Vec<Issue>,
}

impl Aligned {
    /// Whether both cells were read completely: no unparsed text, every goal with a result and
    /// every result placed (issues of severity info allowed).
    pub fn complete(&self) -> bool {
        self.issues
            .iter()
            .all(|issue| issue.severity == Severity::Info)
    }
}

/// The longest cell the parser reads, in characters; a real cell has a few hundred. A longer
/// one comes back whole as unparsed text with a `too_long` issue, so that no input makes the
/// parser work for long.
pub const MAX_CELL_CHARS: usize = 2_000;

/// A cell too long to read: one unparsed item covering it, and the issue.
fn too_long(text: &str, cell: Cell) -> (Span, Issue) {
    let span = Span {
        start: 0,
        end: text.len(),
    };
    let chars = text.chars().count();
    let issue = Issue {
        code: IssueCode::TooLong,
        severity: IssueCode::TooLong.severity(),
        cell,
        span,
        text: text.chars().take(80).collect(),
        message_sv: format!(
            "cellen har {chars} tecken; den längsta som läses har {MAX_CELL_CHARS}."
        ),
        message_en: format!(
            "the cell has {chars} characters; the longest read has {MAX_CELL_CHARS}."
        ),
    };
    (span, issue)
}

// ---------------------------------------------------------------------------------------------
// Numbers

/// Reads a Swedish number: "1 150", "8,5", "-3", "12.5". The whole text must be the number
/// (surrounding spaces allowed).
///
/// ```
/// use finsam_core::text::parse_number;
/// use rust_decimal::Decimal;
/// assert_eq!(parse_number("1 150"), Some(Decimal::from(1150)));
/// assert_eq!(parse_number("8,5"), Some(Decimal::new(85, 1)));
/// assert_eq!(parse_number("80 st"), None);
/// ```
pub fn parse_number(text: &str) -> Option<Decimal> {
    let tokens = lex(text);
    match tokens.as_slice() {
        [Token {
            kind: Kind::Number(value),
            ..
        }] => Some(*value),
        [Token {
            kind: Kind::Punct('-'),
            ..
        }, Token {
            kind: Kind::Number(value),
            ..
        }] => Some(-*value),
        _ => None,
    }
}

/// Reads a number typed into a form field, as [`parse_number`] does ("8,5", "1 150", "-3",
/// "12.5"), and also with a trailing percent sign ("80 %", "80%"): the number without the
/// sign. Anything else is an error of kind `invalid_value` at `path`, naming the text: nothing
/// is guessed ("8,5,5" is not 8.55 and not 855).
///
/// ```
/// use finsam_core::text::read_number;
/// use rust_decimal::Decimal;
/// assert_eq!(read_number("8,5", "target")?, Decimal::new(85, 1));
/// assert_eq!(read_number("80 %", "target")?, Decimal::from(80));
/// assert_eq!(read_number("8,5,5", "target").err().map(|e| e.code()), Some("invalid_value"));
/// # Ok::<(), finsam_core::Error>(())
/// ```
pub fn read_number(text: &str, path: &str) -> crate::common::error::Result<Decimal> {
    let trimmed = text.trim();
    let number = trimmed
        .strip_suffix('%')
        .map_or(trimmed, str::trim_end)
        .trim();
    parse_number(number)
        .filter(|_| !number.is_empty())
        .ok_or_else(|| {
            crate::common::error::Error::bilingual(
                crate::common::error::ErrorKind::InvalidValue,
                path,
                format!("'{trimmed}' kan inte läsas som ett tal; skriv till exempel 20, 8,5 eller 1 150."),
                format!("'{trimmed}' cannot be read as a number; write for example 20, 8,5 or 1 150."),
            )
        })
}

// ---------------------------------------------------------------------------------------------
// Lexing

#[derive(Debug, Clone, PartialEq)]
enum Kind {
    Number(Decimal),
    /// "%" or "procent".
    Percent,
    Word(String),
    Punct(char),
    Newline,
}

#[derive(Debug, Clone, PartialEq)]
struct Token {
    kind: Kind,
    span: Span,
}

impl Token {
    fn word(&self) -> Option<&str> {
        match &self.kind {
            Kind::Word(word) => Some(word),
            _ => None,
        }
    }

    fn is_number(&self) -> bool {
        matches!(self.kind, Kind::Number(_))
    }

    fn is_punct(&self, c: char) -> bool {
        self.kind == Kind::Punct(c)
    }

    /// A word that starts with a capital letter.
    fn is_capitalised(&self, text: &str) -> bool {
        self.word().is_some()
            && self
                .span
                .of(text)
                .chars()
                .next()
                .is_some_and(char::is_uppercase)
    }
}

fn is_space(c: char) -> bool {
    c.is_whitespace() && c != '\n'
}

/// Splits text into numbers, percent signs, words, punctuation and line breaks, with spans.
fn lex(text: &str) -> Vec<Token> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let at = |i: usize| chars.get(i).map(|(_, c)| *c);
    let offset = |i: usize| chars.get(i).map(|(o, _)| *o).unwrap_or(text.len());
    let mut tokens = Vec::new();
    let mut i = 0;
    while let Some(c) = at(i) {
        let start = offset(i);
        if c == '\n' || c == '\r' {
            i += 1;
            if tokens.last().map(|t: &Token| &t.kind) != Some(&Kind::Newline) {
                tokens.push(Token {
                    kind: Kind::Newline,
                    span: Span {
                        start,
                        end: offset(i),
                    },
                });
            }
            continue;
        }
        if is_space(c) {
            i += 1;
            continue;
        }
        if c.is_ascii_digit() {
            let (value, next) = lex_number(&chars, i);
            i = next;
            let end = offset(i);
            let kind = match value {
                Some(value) => Kind::Number(value),
                None => Kind::Word(text.get(start..end).unwrap_or_default().to_owned()),
            };
            tokens.push(Token {
                kind,
                span: Span { start, end },
            });
            continue;
        }
        if c == '%' {
            i += 1;
            tokens.push(Token {
                kind: Kind::Percent,
                span: Span {
                    start,
                    end: offset(i),
                },
            });
            continue;
        }
        if c.is_alphabetic() {
            // Words include '/' and '-' between letters ("arbete/studier", "i/närmare").
            let mut j = i;
            while let Some(d) = at(j) {
                let joins = (d == '/' || d == '-') && at(j + 1).is_some_and(char::is_alphabetic);
                if d.is_alphanumeric() || joins {
                    j += 1;
                } else {
                    break;
                }
            }
            i = j.max(i + 1);
            let end = offset(i);
            let word = text.get(start..end).unwrap_or_default().to_lowercase();
            let kind = if word == "procent" {
                Kind::Percent
            } else {
                Kind::Word(word)
            };
            tokens.push(Token {
                kind,
                span: Span { start, end },
            });
            continue;
        }
        i += 1;
        tokens.push(Token {
            kind: Kind::Punct(c),
            span: Span {
                start,
                end: offset(i),
            },
        });
    }
    tokens
}

/// Reads a number starting at `i`: digits, groups of three digits after a space, and a decimal
/// part after a comma or a point. Returns the value (None when the digits do not make a
/// number that fits) and the index after it.
fn lex_number(chars: &[(usize, char)], start: usize) -> (Option<Decimal>, usize) {
    let at = |i: usize| chars.get(i).map(|(_, c)| *c);
    let digit = |i: usize| at(i).is_some_and(|c| c.is_ascii_digit());
    let mut digits = String::new();
    let mut i = start;
    while digit(i) {
        digits.extend(at(i));
        i += 1;
    }
    // Thousands groups: after one to three leading digits, " 150" (a space and exactly three
    // digits, then no digit), as many times as they come.
    if digits.len() <= 3 {
        while at(i).is_some_and(is_space)
            && digit(i + 1)
            && digit(i + 2)
            && digit(i + 3)
            && !digit(i + 4)
        {
            for k in 1..=3 {
                digits.extend(at(i + k));
            }
            i += 4;
        }
    }
    if (at(i) == Some(',') || at(i) == Some('.')) && digit(i + 1) {
        let mut j = i + 1;
        let mut fraction = String::new();
        while digit(j) {
            fraction.extend(at(j));
            j += 1;
        }
        // "1.150" written with a point between thousands is not a decimal: a decimal part of
        // exactly three digits after a point is ambiguous, and left to the caller as text.
        let ambiguous = at(i) == Some('.') && fraction.len() == 3;
        if !ambiguous {
            digits.push('.');
            digits.push_str(&fraction);
            i = j;
        }
    }
    (Decimal::from_str_exact(&digits).ok(), i)
}

// ---------------------------------------------------------------------------------------------
// Segmenting a cell into items

/// Abbreviations whose point does not end a sentence.
const ABBREVIATIONS: [&str; 14] = [
    "ca", "bl", "t", "ex", "st", "resp", "gem", "inkl", "exkl", "m", "fl", "mfl", "dvs", "osv",
];

/// Words after which a text goes on: a line ending with one does not end the item.
const CONTINUATIONS: [&str; 34] = [
    "i", "på", "till", "av", "och", "för", "med", "om", "att", "som", "de", "den", "det", "en",
    "ett", "hos", "vid", "inom", "från", "under", "efter", "varav", "eller", "samt", "kring",
    "mellan", "mot", "genom", "bland", "enligt", "utan", "åt", "inför", "än",
];

/// Words of time after a number: "1 år efter insats" is not a new item.
const DURATIONS: [&str; 10] = [
    "år", "månader", "månad", "veckor", "vecka", "dagar", "dag", "timmar", "timme", "tim",
];

/// Splits the tokens of a cell into pieces, each a candidate item: at sentence ends, at line
/// breaks before a new item, at commas and "och" before a number, at semicolons, and before a
/// second quantity in one piece.
fn pieces(text: &str, tokens: &[Token]) -> Vec<Vec<Token>> {
    let mut out: Vec<Vec<Token>> = Vec::new();
    let mut current: Vec<Token> = Vec::new();
    let next_real = |from: usize| tokens.iter().skip(from).find(|t| t.kind != Kind::Newline);
    let starts_item = |token: Option<&Token>| {
        token.is_some_and(|t| t.is_number() || t.is_punct('(') || t.is_capitalised(text))
    };
    // A line that ends with a preposition or a conjunction goes on on the next line, even
    // before a name ("deltagare i\nSlussen och UPIS").
    let continues = |current: &[Token]| {
        current
            .iter()
            .rev()
            .find(|t| t.kind != Kind::Newline)
            .is_some_and(|t| {
                t.word().is_some_and(|w| CONTINUATIONS.contains(&w))
                    || t.is_punct(',')
                    || t.is_punct('-')
                    || t.is_punct('/')
            })
    };
    let flush = |current: &mut Vec<Token>, out: &mut Vec<Vec<Token>>| {
        if current.iter().any(|t| t.kind != Kind::Newline) {
            out.push(std::mem::take(current));
        } else {
            current.clear();
        }
    };
    for (index, token) in tokens.iter().enumerate() {
        match &token.kind {
            Kind::Newline => {
                if starts_item(next_real(index + 1)) && !continues(&current) {
                    flush(&mut current, &mut out);
                }
            }
            Kind::Word(_)
                if token.is_capitalised(text)
                    && (new_sentence(text, &current) || opens_goal(text, &current, token)) =>
            {
                flush(&mut current, &mut out);
                current.push(token.clone());
            }
            Kind::Punct('.') => {
                let after_abbreviation = current
                    .last()
                    .and_then(Token::word)
                    .is_some_and(|w| ABBREVIATIONS.contains(&w));
                current.push(token.clone());
                if !after_abbreviation && starts_item(next_real(index + 1)) {
                    flush(&mut current, &mut out);
                }
            }
            Kind::Punct(';') => flush(&mut current, &mut out),
            Kind::Punct(',') if next_real(index + 1).is_some_and(Token::is_number) => {
                flush(&mut current, &mut out);
            }
            Kind::Word(word)
                if word == "och"
                    && next_real(index + 1).is_some_and(Token::is_number)
                    && current.first().is_some_and(Token::is_number) =>
            {
                flush(&mut current, &mut out);
            }
            Kind::Number(_) | Kind::Word(_)
                if (token.is_number() || token.is_capitalised(text))
                    && after_status(text, &current) =>
            {
                flush(&mut current, &mut out);
                current.push(token.clone());
            }
            Kind::Number(_)
                if bare_share(&current)
                    || second_quantity(&current, token, tokens.get(index + 1)) =>
            {
                flush(&mut current, &mut out);
                current.push(token.clone());
            }
            _ => current.push(token.clone()),
        }
    }
    flush(&mut current, &mut out);
    out
}

/// Whether `current` states a status ("Ej mätbart", "Ej tillämpbart"): what follows it in the
/// cell is another item ("Ej mätbar 12 deltagare").
fn after_status(text: &str, current: &[Token]) -> bool {
    span_of(current).is_some_and(|span| status_of(&clean(text, span)).is_some())
}

/// Whether `current` starts with a quantity ("80 deltagare", "80 %", "Alla ...") and has
/// words after it.
fn leads_with_quantity(current: &[Token]) -> bool {
    let mut real = current.iter().filter(|t| t.kind != Kind::Newline);
    let leads = real
        .next()
        .is_some_and(|t| t.is_number() || t.word().is_some_and(|w| w == "alla"));
    leads && real.any(|t| t.word().is_some())
}

/// Whether a number in the middle of `current` (followed by `next`) starts a new item, as in
/// the one-line cells of some reports ("50 remisser 40 får individcoaching 25 % i arbete"):
/// when `current` starts with a quantity, the number is outside parentheses, not after "av" or
/// "varav", not a year, and not a duration ("1 år efter"), a range or part of a word ("3-åriga").
fn second_quantity(current: &[Token], number: &Token, next: Option<&Token>) -> bool {
    if !leads_with_quantity(current) {
        return false;
    }
    let open = current.iter().filter(|t| t.is_punct('(')).count();
    let close = current.iter().filter(|t| t.is_punct(')')).count();
    let after_av = current
        .iter()
        .rev()
        .find(|t| t.kind != Kind::Newline)
        .and_then(Token::word)
        .is_some_and(|w| matches!(w, "av" | "of" | "varav" | "ca" | "cirka" | "och" | "än"));
    let year = match number.kind {
        Kind::Number(n) => {
            n.fract().is_zero() && n >= Decimal::from(1900) && n <= Decimal::from(2100)
        }
        _ => false,
    };
    let continues = next.is_some_and(|t| {
        t.is_punct('-')
            || t.word()
                .is_some_and(|w| DURATIONS.contains(&w) || w == "av")
    });
    open == close && !after_av && !year && !continues
}

/// Whether a capitalised word starts a new item in `current`, as in cells whose goals run
/// together without full stops: the word does not follow a preposition or conjunction, and
/// the piece is a complete item before it: it starts with a quantity ("30 deltagare Ökad
/// självförsörjning"), or it is a goal in words of at least two words starting with a
/// capital, whose last word is not itself a name ("Ökad programtrohet IPS-metoden är känd",
/// but not "registrerats i Slussen" nor "samverkan med Region Stockholm").
fn new_sentence(text: &str, current: &[Token]) -> bool {
    let mut real = current.iter().rev().filter(|t| t.kind != Kind::Newline);
    let Some(last) = real.next() else {
        return false;
    };
    let follows_word = last.word().is_some_and(|w| !CONTINUATIONS.contains(&w));
    if !follows_word {
        return false;
    }
    if leads_with_quantity(current) {
        return true;
    }
    let words = current.iter().filter(|t| t.word().is_some()).count();
    let starts_capitalised = current
        .iter()
        .find(|t| t.kind != Kind::Newline)
        .is_some_and(|t| t.is_capitalised(text));
    words >= 2 && starts_capitalised && !last.is_capitalised(text)
}

/// Words that open a goal in words ("Ökad samverkan", "Förbättrad hälsa"): after a complete
/// goal such a word starts the next one even after a name ("… kring Arbetsförmedlingen Ökad
/// samverkan").
const GOAL_OPENERS: [&str; 16] = [
    "ökad",
    "ökat",
    "ökade",
    "minskad",
    "minskat",
    "förbättrad",
    "förbättrat",
    "bättre",
    "utvecklad",
    "utvecklat",
    "stärkt",
    "stärkta",
    "fler",
    "färre",
    "kortare",
    "högre",
];

/// Whether a capitalised `word` opens a new goal in words after `current`, a complete goal
/// ending with a name.
fn opens_goal(text: &str, current: &[Token], word: &Token) -> bool {
    let opener = word.word().is_some_and(|w| GOAL_OPENERS.contains(&w));
    let words = current.iter().filter(|t| t.word().is_some()).count();
    let starts_capitalised = current
        .iter()
        .find(|t| t.kind != Kind::Newline)
        .is_some_and(|t| t.is_capitalised(text) || t.is_number());
    opener && words >= 2 && starts_capitalised
}

/// Whether `current` is a complete share, "80 %" alone: a number after it starts another.
fn bare_share(current: &[Token]) -> bool {
    let real: Vec<&Token> = current.iter().filter(|t| t.kind != Kind::Newline).collect();
    matches!(real.as_slice(), [number, percent] if number.is_number() && percent.kind == Kind::Percent)
}

fn span_of(tokens: &[Token]) -> Option<Span> {
    let mut real = tokens.iter().filter(|t| t.kind != Kind::Newline);
    let first = real.next()?.span;
    Some(real.fold(first, |span, t| span.cover(t.span)))
}

/// The text of a span with line breaks and runs of spaces made single spaces.
fn clean(text: &str, span: Span) -> String {
    span.of(text)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

fn real(tokens: &[Token]) -> Vec<&Token> {
    tokens.iter().filter(|t| t.kind != Kind::Newline).collect()
}

// ---------------------------------------------------------------------------------------------
// Goals

/// What leads a goal or result: a qualifier ("minst", "högst", "cirka") before the number.
struct Lead {
    direction: Option<Direction>,
    approximate: bool,
    skip: usize,
}

fn lead(tokens: &[&Token]) -> Lead {
    let mut direction = None;
    let mut approximate = false;
    let mut skip = 0;
    while let Some(word) = tokens.get(skip).and_then(|t| t.word()) {
        match word {
            "minst" | "över" => direction = Some(Direction::AtLeast),
            "högst" | "max" | "maximalt" | "maximal" | "maximum" => {
                direction = Some(Direction::AtMost)
            }
            "cirka" | "ca" | "ungefär" | "drygt" | "knappt" | "runt" => approximate = true,
            "totalt" => {}
            _ => break,
        }
        skip += 1;
        if tokens.get(skip).is_some_and(|t| t.is_punct('.')) {
            skip += 1;
        }
    }
    Lead {
        direction,
        approximate,
        skip,
    }
}

/// The flow figure a goal's words name, if any.
fn measure_of(kind: GoalKind, words: &str) -> Option<FlowMeasure> {
    let words = words.to_lowercase();
    match kind {
        GoalKind::Count => {
            let unit = words.trim().trim_end_matches('.').trim();
            if unit.starts_with("nya") {
                Some(FlowMeasure::NewParticipants)
            } else if unit == "deltagare" || unit == "aktuella deltagare" {
                Some(FlowMeasure::CurrentParticipants)
            } else if unit == "avslutade" || unit == "avslutade deltagare" {
                Some(FlowMeasure::EndedParticipants)
            } else {
                None
            }
        }
        GoalKind::Share => {
            // Linked only when the wording is the flow figure and nothing more: a wider or
            // other wording ("redo för arbete, studier eller andra arbetsmarknadsinsatser",
            // "påbörjat studier", "i arbete", "egen försörjning", "närmare arbete", "1 år
            // efter avslut") is not the table's figure, and is not checked against it.
            let mut work = false;
            let mut studies = false;
            let mut job_seeking = false;
            for word in words
                .split(|c: char| !c.is_alphabetic())
                .filter(|w| !w.is_empty())
            {
                match word {
                    "arbete" | "arbetar" | "arbeta" => work = true,
                    "studier" | "studerar" | "studera" => studies = true,
                    "arbetssökande" | "arbetsökande" => job_seeking = true,
                    // Words that say where the share goes or of whom, not what.
                    "i" | "till" | "av" | "de" | "vid" | "avslut" | "avslutade" | "avslutas"
                    | "deltagare" | "deltagarna" | "eller" | "och" | "är" | "aktivt" | "ska"
                    | "har" | "gått" | "går" | "vidare" | "som" => {}
                    _ => return None,
                }
            }
            match (work && studies, work || studies, job_seeking) {
                (true, _, true) => Some(FlowMeasure::ShareWorkStudiesOrJobSeekingOfEnded),
                (_, false, true) => Some(FlowMeasure::ShareJobSeekingOfEnded),
                (true, _, false) => Some(FlowMeasure::ShareToWorkOrStudiesOfEnded),
                _ => None,
            }
        }
        GoalKind::Qualitative => None,
    }
}

fn issue(code: IssueCode, cell: Cell, text: &str, span: Span, sv: String, en: String) -> Issue {
    Issue {
        code,
        severity: code.severity(),
        cell,
        span,
        text: clean(text, span),
        message_sv: sv,
        message_en: en,
    }
}

fn unparsed_issue(cell: Cell, text: &str, span: Span, why_sv: &str, why_en: &str) -> Issue {
    let shown = clean(text, span);
    issue(
        IssueCode::UnparsedText,
        cell,
        text,
        span,
        format!("\"{shown}\" kunde inte läsas: {why_sv}."),
        format!("\"{shown}\" could not be read: {why_en}."),
    )
}

/// Reads a goal cell.
///
/// ```
/// use finsam_core::text::parse_goal_cell;
/// let cell = parse_goal_cell("80 deltagare. 80 % förbättrad hälsa. Alla har en individuell\nhandlingsplan.");
/// let goals: Vec<_> = cell.goals().map(|g| (g.kind().code(), g.target().map(|t| t.to_string()))).collect();
/// assert_eq!(goals, [("count", Some("80".into())), ("share", Some("80".into())), ("share", Some("100".into()))]);
/// assert!(cell.issues.is_empty());
/// ```
pub fn parse_goal_cell(text: &str) -> GoalCell {
    if text.chars().count() > MAX_CELL_CHARS {
        let (span, issue) = too_long(text, Cell::Goals);
        return GoalCell {
            text: text.to_owned(),
            items: vec![GoalItem::Unparsed {
                span,
                text: text.to_owned(),
            }],
            issues: vec![issue],
        };
    }
    let tokens = lex(text);
    let mut items = Vec::new();
    let mut issues = Vec::new();
    for piece in pieces(text, &tokens) {
        let Some(span) = span_of(&piece) else {
            continue;
        };
        match read_goal(text, &piece, span, &mut issues) {
            Some(goal) => items.push(GoalItem::Goal { goal, span }),
            None => items.push(GoalItem::Unparsed {
                span,
                text: clean(text, span),
            }),
        }
    }
    GoalCell {
        text: text.to_owned(),
        items,
        issues,
    }
}

fn read_goal(text: &str, piece: &[Token], span: Span, issues: &mut Vec<Issue>) -> Option<Goal> {
    let tokens = real(piece);
    let description = clean(text, span);
    let lead = lead(&tokens);
    let rest: Vec<&Token> = tokens.iter().skip(lead.skip).copied().collect();
    let words_after = |from: usize| -> String {
        match (rest.get(from), tokens.last()) {
            (Some(first), Some(last)) => clean(text, first.span.cover(last.span))
                .trim_end_matches('.')
                .trim()
                .to_owned(),
            _ => String::new(),
        }
    };
    let unparsed = |issues: &mut Vec<Issue>, why_sv: &str, why_en: &str| {
        issues.push(unparsed_issue(Cell::Goals, text, span, why_sv, why_en));
        None
    };
    let approximate = |issues: &mut Vec<Issue>| {
        if lead.approximate {
            issues.push(issue(
                IssueCode::ApproximateNumber,
                Cell::Goals,
                text,
                span,
                format!("\"{description}\": ett ungefärligt tal, läst som talet."),
                format!("\"{description}\": an approximate number, read as the number."),
            ));
        }
    };
    let direction = lead.direction.unwrap_or(Direction::AtLeast);
    let first = rest.first();
    let second = rest.get(1);
    let goal = match (first.map(|t| &t.kind), second.map(|t| &t.kind)) {
        (Some(Kind::Word(w)), _) if (w == "alla" || w == "samtliga") && lead.skip == 0 => {
            let unit = words_after(1);
            let goal = Goal::share(description.clone(), Decimal::ONE_HUNDRED).ok()?;
            with_measure(goal, GoalKind::Share, &unit)
        }
        (Some(Kind::Number(_)), Some(Kind::Punct('-'))) => {
            let range = rest.get(2).is_some_and(|t| t.is_number());
            if range {
                return unparsed(
                    issues,
                    "ett intervall, inte ett målvärde",
                    "a range, not a target",
                );
            }
            // "3-åriga ...": a number inside a word; the goal is in words.
            qualitative_goal(text, &description, span, issues)?
        }
        (Some(Kind::Number(target)), Some(Kind::Percent)) => {
            if *target > Decimal::ONE_HUNDRED {
                return unparsed(issues, "en andel över 100 %", "a share above 100 %");
            }
            approximate(issues);
            let unit = words_after(2);
            let goal = Goal::share(description.clone(), *target)
                .ok()?
                .with_direction(direction)
                .ok()?;
            with_measure(goal, GoalKind::Share, &unit)
        }
        (Some(Kind::Number(target)), _) => {
            if target.is_sign_negative() || !target.fract().is_zero() {
                return unparsed(issues, "inget helt antal", "not a whole count");
            }
            approximate(issues);
            let unit = words_after(1);
            let mut goal = Goal::count(description.clone(), *target)
                .ok()?
                .with_direction(direction)
                .ok()?;
            if !unit.is_empty() {
                goal = goal.with_unit(unit.clone()).ok()?;
            }
            with_measure(goal, GoalKind::Count, &unit)
        }
        _ => {
            if tokens.iter().any(|t| t.kind == Kind::Percent) {
                return unparsed(
                    issues,
                    "en andel som inte står först",
                    "a share that does not come first",
                );
            }
            qualitative_goal(text, &description, span, issues)?
        }
    };
    Some(goal)
}

fn qualitative_goal(
    text: &str,
    description: &str,
    span: Span,
    issues: &mut Vec<Issue>,
) -> Option<Goal> {
    if lex(description).iter().any(Token::is_number) {
        issues.push(issue(
            IssueCode::NumberInText,
            Cell::Goals,
            text,
            span,
            format!("\"{description}\" har ett tal inne i texten; läst som ett kvalitativt mål."),
            format!("\"{description}\" has a number inside the text; read as a qualitative goal."),
        ));
    }
    Goal::qualitative(description).ok()
}

fn with_measure(goal: Goal, kind: GoalKind, words: &str) -> Goal {
    match measure_of(kind, words) {
        Some(measure) => goal.clone().with_measure(measure).unwrap_or(goal),
        None => goal,
    }
}

// ---------------------------------------------------------------------------------------------
// Results

const NOT_MEASURED: [&str; 8] = [
    "ej mätbar",
    "ej mätt",
    "mätning ej gjord",
    "ej gjord",
    "ingen mätning",
    "inga avslutade",
    "för tidigt att",
    "ej redovisa",
];

/// Wordings of a result that was not reported: kept as a missing result (which grading counts
/// as not reached, like not measured).
const MISSING: [&str; 2] = ["resultat saknas", "uppgift saknas"];

const NOT_APPLICABLE: [&str; 3] = ["ej tillämpbar", "ej tillämplig", "ej aktuell"];

/// Folds a text for comparing words: lower case, å ä ö (and other accents) as their base
/// letters, so that "Matning" reads as "mätning".
fn fold(text: &str) -> String {
    text.chars()
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            'å' | 'ä' | 'á' | 'à' | 'â' => 'a',
            'ö' | 'ó' | 'ò' | 'ô' | 'ø' => 'o',
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'ü' | 'ú' => 'u',
            other => other,
        })
        .collect()
}

/// The number of single-letter edits between two short words, or more than 1 (the only
/// distance that matters here: 0 or 1).
fn near(a: &str, b: &str) -> bool {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    if a == b {
        return true;
    }
    let (short, long) = if a.len() <= b.len() {
        (&a, &b)
    } else {
        (&b, &a)
    };
    match long.len() - short.len() {
        0 => {
            short
                .iter()
                .zip(long.iter())
                .filter(|(x, y)| x != y)
                .count()
                == 1
        }
        1 => (0..long.len()).any(|skip| {
            long.iter()
                .enumerate()
                .filter(|(i, _)| *i != skip)
                .map(|(_, c)| c)
                .eq(short.iter())
        }),
        _ => false,
    }
}

/// Wordings of one status, and the piece they make.
type StatusWords = (&'static [&'static str], fn() -> Piece);

/// What a result's words say about it, when they say it was not measured, does not apply or
/// is missing.
struct Status {
    piece: Piece,
    /// The known wording, when the text spells it only nearly so.
    near_miss: Option<&'static str>,
}

/// The status a result text states: the known wordings, compared word by word after folding,
/// each word matching exactly, as a prefix of a longer word ("mätbar" in "mätbart"), or but for
/// one letter when it is long ("tillämbart" for "tillämpbart").
fn status_of(text: &str) -> Option<Status> {
    let folded = fold(text);
    let words: Vec<&str> = folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let groups: [StatusWords; 3] = [
        (&NOT_APPLICABLE, || Piece::NotApplicable),
        (&NOT_MEASURED, || Piece::NotMeasured),
        (&MISSING, || Piece::Missing),
    ];
    let mut nearly = None;
    for ((phrases, piece), folded_phrases) in groups.into_iter().zip(folded_status_words()) {
        for (phrase, wanted) in phrases.iter().zip(folded_phrases) {
            for window in words.windows(wanted.len()) {
                let exact = window
                    .iter()
                    .zip(wanted)
                    .all(|(w, want)| w.starts_with(want.as_str()));
                if exact {
                    // Folding forgives a missing dot over a letter, but says so.
                    let written = text.to_lowercase();
                    let spelled = phrase.split(' ').all(|w| written.contains(w));
                    return Some(Status {
                        piece: piece(),
                        near_miss: (!spelled).then_some(*phrase),
                    });
                }
                let close = window
                    .iter()
                    .zip(wanted)
                    .all(|(w, want)| w.starts_with(want.as_str()) || nearly_starts(w, want));
                if close && nearly.is_none() {
                    nearly = Some(Status {
                        piece: piece(),
                        near_miss: Some(*phrase),
                    });
                }
            }
        }
    }
    nearly
}

/// The status wordings folded, word by word, in the order `status_of` tries them: folded once,
/// as `status_of` runs for every number of a long cell.
fn folded_status_words() -> &'static [Vec<Vec<String>>; 3] {
    static FOLDED: std::sync::OnceLock<[Vec<Vec<String>>; 3]> = std::sync::OnceLock::new();
    FOLDED.get_or_init(|| {
        let fold_all = |phrases: &[&str]| -> Vec<Vec<String>> {
            phrases
                .iter()
                .map(|phrase| phrase.split(' ').map(fold).collect())
                .collect()
        };
        [
            fold_all(&NOT_APPLICABLE),
            fold_all(&NOT_MEASURED),
            fold_all(&MISSING),
        ]
    })
}

/// Whether `word` starts with `want` but for one letter, for words of six letters or more
/// ("tillambart" for "tillampbar").
fn nearly_starts(word: &str, want: &str) -> bool {
    let length = want.chars().count();
    // A prefix of at least `length - 1` letters is needed; most words are shorter.
    if length < 6 || word.chars().count() + 1 < length {
        return false;
    }
    let letters: Vec<char> = word.chars().collect();
    (length.saturating_sub(1)..=length + 1).any(|take| {
        let prefix: String = letters.iter().take(take).collect();
        prefix.chars().count() == take && near(&prefix, want)
    })
}

/// A piece of a result cell before alignment.
#[derive(Debug, Clone)]
enum Piece {
    Count(Decimal),
    Share {
        percent: Option<Decimal>,
        fraction: Option<(Decimal, Decimal)>,
    },
    /// "(n av N)" on its own: belongs to the share before it.
    Fraction(Decimal, Decimal),
    NotMeasured,
    NotApplicable,
    Missing,
    Text,
    Unparsed,
}

/// Reads a result cell.
///
/// ```
/// use finsam_core::text::{parse_result_cell, ResultItem};
/// let cell = parse_result_cell("15 deltagare, 8 nya. 96 % (48 av 50)");
/// let codes: Vec<_> = cell.items.iter().map(|item| match item {
///     ResultItem::Result { result, .. } => result.code(),
///     ResultItem::Unparsed { .. } => "unparsed",
/// }).collect();
/// assert_eq!(codes, ["count", "count", "share"]);
/// ```
pub fn parse_result_cell(text: &str) -> ResultCell {
    if text.chars().count() > MAX_CELL_CHARS {
        let (span, issue) = too_long(text, Cell::Results);
        return ResultCell {
            text: text.to_owned(),
            items: vec![ResultItem::Unparsed {
                span,
                text: text.to_owned(),
            }],
            issues: vec![issue],
        };
    }
    let tokens = lex(text);
    let mut read: Vec<(Piece, Span)> = Vec::new();
    let mut issues = Vec::new();
    for piece in pieces(text, &tokens) {
        let Some(span) = span_of(&piece) else {
            continue;
        };
        let parsed = read_result(text, &piece, span, &mut issues);
        // A fraction on its own belongs to the share before it, when that has none.
        if let Piece::Fraction(n, d) = parsed {
            if let Some((
                Piece::Share {
                    fraction: fraction @ None,
                    ..
                },
                previous,
            )) = read.last_mut()
            {
                *fraction = Some((n, d));
                *previous = previous.cover(span);
                continue;
            }
            read.push((
                Piece::Share {
                    percent: None,
                    fraction: Some((n, d)),
                },
                span,
            ));
            continue;
        }
        read.push((parsed, span));
    }
    let items = read
        .into_iter()
        .map(|(piece, span)| {
            let shown = clean(text, span);
            let result = match piece {
                Piece::Count(value) => GoalResult::count(value).ok().map(|r| with_text(r, &shown)),
                Piece::Share { percent, fraction } => ShareResult::as_printed(percent, fraction)
                    .ok()
                    .map(|share| GoalResult::Share(share.with_text(Some(shown.clone())))),
                Piece::NotMeasured => Some(GoalResult::not_measured(Some(shown.clone()))),
                Piece::NotApplicable => Some(GoalResult::not_applicable(Some(shown.clone()))),
                Piece::Missing => Some(GoalResult::Missing {
                    wording: Some(shown.clone()),
                }),
                Piece::Text => {
                    QualitativeResult::new(shown.clone(), QualitativeAssessment::NotAssessed)
                        .ok()
                        .map(GoalResult::Qualitative)
                }
                Piece::Fraction(..) | Piece::Unparsed => None,
            };
            match result {
                Some(result) => ResultItem::Result { result, span },
                None => {
                    if !issues.iter().any(|i: &Issue| i.span == span) {
                        issues.push(unparsed_issue(
                            Cell::Results,
                            text,
                            span,
                            "talen kan inte läsas som ett resultat (t.ex. ett negativt tal)",
                            "the figures cannot be read as a result (e.g. a negative number)",
                        ));
                    }
                    ResultItem::Unparsed { span, text: shown }
                }
            }
        })
        .collect();
    ResultCell {
        text: text.to_owned(),
        items,
        issues,
    }
}

fn with_text(result: GoalResult, text: &str) -> GoalResult {
    match result {
        GoalResult::Count(count) => GoalResult::Count(count.with_text(Some(text.to_owned()))),
        other => other,
    }
}

/// "(n [words] av N [words])" at `tokens`: the numerator and denominator.
fn fraction_at(tokens: &[&Token]) -> Option<(Decimal, Decimal)> {
    if !tokens.first()?.is_punct('(') {
        return None;
    }
    let mut numbers = Vec::new();
    let mut saw_av = false;
    for token in tokens.iter().skip(1) {
        match &token.kind {
            Kind::Number(n) => numbers.push((*n, saw_av)),
            Kind::Word(w) if w == "av" || w == "of" => saw_av = true,
            Kind::Punct(')') => break,
            Kind::Word(_) | Kind::Punct('.') => {}
            _ => return None,
        }
    }
    match numbers.as_slice() {
        [(n, false), (d, true)] => Some((*n, *d)),
        _ => None,
    }
}

fn read_result(text: &str, piece: &[Token], span: Span, issues: &mut Vec<Issue>) -> Piece {
    let tokens = real(piece);
    let shown = clean(text, span);
    if let Some(status) = status_of(&shown) {
        if let Some(known) = status.near_miss {
            issues.push(issue(
                IssueCode::NearMissWord,
                Cell::Results,
                text,
                span,
                format!("\"{shown}\": läst som \"{known}\"."),
                format!("\"{shown}\": read as \"{known}\"."),
            ));
        }
        return status.piece;
    }
    let lead = lead(&tokens);
    let rest: Vec<&Token> = tokens.iter().skip(lead.skip).copied().collect();
    if lead.approximate {
        let shown = clean(text, span);
        issues.push(issue(
            IssueCode::ApproximateNumber,
            Cell::Results,
            text,
            span,
            format!("\"{shown}\": ett ungefärligt tal, läst som talet."),
            format!("\"{shown}\": an approximate number, read as the number."),
        ));
    }
    let paren = rest.iter().position(|t| t.is_punct('('));
    let fraction = paren.and_then(|p| fraction_at(rest.get(p..).unwrap_or_default()));
    match (rest.first().map(|t| &t.kind), rest.get(1).map(|t| &t.kind)) {
        (Some(Kind::Punct('(')), _) => match fraction {
            Some((n, d)) if rest.last().is_some_and(|t| t.is_punct(')')) => Piece::Fraction(n, d),
            _ => unparsed_result(text, span, issues),
        },
        (Some(Kind::Number(percent)), Some(Kind::Percent)) => {
            // A parenthesis that is not "(n av N)" is a remark ("(1 år efter avslut)"), unless
            // it looks like a fraction that does not read.
            let broken_fraction = paren.is_some()
                && fraction.is_none()
                && rest
                    .iter()
                    .skip(paren.unwrap_or_default())
                    .any(|t| t.word().is_some_and(|w| w == "av" || w == "of"));
            if broken_fraction {
                return unparsed_result(text, span, issues);
            }
            Piece::Share {
                percent: Some(*percent),
                fraction,
            }
        }
        (Some(Kind::Word(w)), _) if w == "alla" || w == "samtliga" => Piece::Share {
            percent: Some(Decimal::ONE_HUNDRED),
            fraction,
        },
        (Some(Kind::Number(_)), Some(Kind::Punct('-'))) => {
            if rest.get(2).is_some_and(|t| t.is_number()) {
                unparsed_result(text, span, issues)
            } else {
                Piece::Text
            }
        }
        (Some(Kind::Number(value)), _) => {
            if value.is_sign_negative() || !value.fract().is_zero() {
                return unparsed_result(text, span, issues);
            }
            Piece::Count(*value)
        }
        _ if tokens.iter().any(|t| t.kind == Kind::Percent) => unparsed_result(text, span, issues),
        _ => Piece::Text,
    }
}

fn unparsed_result(text: &str, span: Span, issues: &mut Vec<Issue>) -> Piece {
    issues.push(unparsed_issue(
        Cell::Results,
        text,
        span,
        "ett tal eller en andel som inte går att placera",
        "a number or share that cannot be placed",
    ));
    Piece::Unparsed
}

// ---------------------------------------------------------------------------------------------
// Alignment

/// Sets aside the goals at the end of a goal cell that are text from another column: when the
/// cell has more goals than the result cell has results, the surplus at the end is set aside
/// if every goal before it ends with a full stop, none of the surplus does, the surplus follows
/// the last full stop on its line, and one of them has the unit of a goal before it ("20 nya
/// deltagare.\n35 % i arbete/studier. 19 nya deltagare": last year's 19 new participants).
fn set_aside_leaked(cell: &mut GoalCell, results: usize) {
    let goals: Vec<(usize, Span, Option<String>)> = cell
        .items
        .iter()
        .enumerate()
        .filter_map(|(index, item)| match item {
            GoalItem::Goal { goal, span } => {
                Some((index, *span, goal.unit().map(str::to_lowercase)))
            }
            _ => None,
        })
        .collect();
    let surplus = goals.len().saturating_sub(results);
    if surplus == 0 || surplus == goals.len() {
        return;
    }
    let (kept, run) = goals.split_at(goals.len() - surplus);
    let text = cell.text.as_str();
    let stops = |span: &Span| {
        span.of(text).trim_end().ends_with('.')
            || text
                .get(span.end..)
                .is_some_and(|rest| rest.trim_start().starts_with('.'))
    };
    let kept_stop = kept.iter().all(|(_, span, _)| stops(span));
    let run_stop = run.iter().any(|(_, span, _)| stops(span));
    let same_line = match (kept.last(), run.first()) {
        (Some((_, last, _)), Some((_, first, _))) => text
            .get(last.end..first.start)
            .is_some_and(|between| !between.contains('\n')),
        _ => false,
    };
    let repeats = run
        .iter()
        .any(|(_, _, unit)| unit.is_some() && kept.iter().any(|(_, _, earlier)| earlier == unit));
    if !(kept_stop && !run_stop && same_line && repeats) {
        return;
    }
    for (index, span, _) in run {
        let shown = clean(text, *span);
        if let Some(item) = cell.items.get_mut(*index) {
            *item = GoalItem::Aside {
                span: *span,
                text: shown.clone(),
            };
        }
        cell.issues.push(issue(
            IssueCode::LeakedText,
            Cell::Goals,
            text,
            *span,
            format!(
                "\"{shown}\" står utan punkt efter mål som har punkt, upprepar ett av dem och har inget resultat: läst som text från en annan kolumn, inte som ett mål."
            ),
            format!(
                "\"{shown}\" stands without a full stop after goals that have one, repeats one of them and has no result: read as text from another column, not as a goal."
            ),
        ));
    }
}

/// Content words of a text, shortened to their first five letters, for comparing a goal with
/// a result ("förbättrad hälsa" ~ "förbättrad hälsa", "arbete/studier" ~ "arbete/studier").
fn stems(text: &str) -> Vec<String> {
    const STOP: [&str; 14] = [
        "i", "till", "av", "och", "har", "en", "ett", "att", "för", "som", "sin", "är", "vid",
        "med",
    ];
    text.split(|c: char| !c.is_alphabetic())
        .filter(|w| w.chars().nth(1).is_some())
        .map(str::to_lowercase)
        .filter(|w| !STOP.contains(&w.as_str()))
        .map(|w| w.chars().take(5).collect())
        .collect()
}

/// What alignment compares of a goal or a result, computed once per item.
struct Profile {
    stems: Vec<String>,
    measure: Option<FlowMeasure>,
}

impl Profile {
    fn of_goal(goal: &Goal) -> Profile {
        Profile {
            stems: stems(goal.description()),
            measure: goal.measures(),
        }
    }

    fn of_result(result: &GoalResult) -> Profile {
        let text = result_text(result);
        let measure = match result {
            GoalResult::Count(_) => text
                .split_once(' ')
                .and_then(|(_, unit)| measure_of(GoalKind::Count, unit)),
            _ => None,
        };
        Profile {
            stems: stems(&text),
            measure,
        }
    }
}

/// How well a result answers a goal; `None` when it cannot (a count for a share goal). The
/// kinds must fit; shared words and a matching flow link add, a conflicting link subtracts.
fn score(
    goal: &Goal,
    goal_profile: &Profile,
    result: &GoalResult,
    profile: &Profile,
) -> Option<i64> {
    let kind_score = match (goal.kind(), result) {
        (GoalKind::Count, GoalResult::Count(_)) | (GoalKind::Share, GoalResult::Share(_)) => 10,
        (GoalKind::Qualitative, GoalResult::Qualitative(_)) => 10,
        (
            _,
            GoalResult::NotMeasured { .. }
            | GoalResult::NotApplicable { .. }
            | GoalResult::Missing { .. },
        ) => 4,
        _ => return None,
    };
    let shared = goal_profile
        .stems
        .iter()
        .filter(|s| profile.stems.contains(s))
        .count();
    let link = match (goal_profile.measure, profile.measure) {
        (Some(a), Some(b)) if a == b => 5,
        (Some(_), Some(_)) => -8,
        _ => 0,
    };
    Some(kind_score + i64::try_from(shared).unwrap_or(0) + link)
}

/// Places the results of `result_cell` on the goals of `goal_cell`, keeping the order of both
/// (the best-scoring order-preserving assignment). A qualitative goal left without a result
/// takes the texts and counts no goal took, as its qualitative answer (not assessed: whether it
/// means the goal was reached is a person's call). A goal left without anything gets a
/// missing result and an issue; a result no goal took is reported too.
///
/// ```
/// use finsam_core::text::{align, parse_goal_cell, parse_result_cell};
/// let aligned = align(
///     parse_goal_cell("20 nya deltagare. 50 % i arbete/studier."),
///     parse_result_cell("21 nya\n67 % till arbete/studier (14 av 21)"),
/// );
/// assert_eq!(aligned.sources, [vec![0], vec![1]]);
/// assert!(aligned.complete());
/// ```
pub fn align(mut goal_cell: GoalCell, result_cell: ResultCell) -> Aligned {
    let results_read = result_cell
        .items
        .iter()
        .filter(|item| matches!(item, ResultItem::Result { .. }))
        .count();
    set_aside_leaked(&mut goal_cell, results_read);
    let goals: Vec<&Goal> = goal_cell.goals().collect();
    let results: Vec<(usize, &GoalResult, Span)> = result_cell
        .items
        .iter()
        .enumerate()
        .filter_map(|(index, item)| match item {
            ResultItem::Result { result, span } => Some((index, result, *span)),
            ResultItem::Unparsed { .. } => None,
        })
        .collect();
    let (gn, rn) = (goals.len(), results.len());
    let goal_profiles: Vec<Profile> = goals.iter().map(|g| Profile::of_goal(g)).collect();
    let result_profiles: Vec<Profile> = results
        .iter()
        .map(|(_, result, _)| Profile::of_result(result))
        .collect();
    // scores[g][r]: how well result r answers goal g.
    let scores: Vec<Vec<Option<i64>>> = goals
        .iter()
        .zip(&goal_profiles)
        .map(|(goal, goal_profile)| {
            results
                .iter()
                .zip(&result_profiles)
                .map(|((_, result, _), profile)| score(goal, goal_profile, result, profile))
                .collect()
        })
        .collect();
    let pair = |g: usize, r: usize| scores.get(g).and_then(|row| row.get(r)).copied().flatten();
    // best[g][r]: the best score placing results from r on goals from g.
    let mut best = vec![vec![0i64; rn + 1]; gn + 1];
    for g in (0..gn).rev() {
        for r in (0..rn).rev() {
            let skip_goal = cell(&best, g + 1, r);
            let skip_result = cell(&best, g, r + 1);
            let take = pair(g, r).map(|s| s + cell(&best, g + 1, r + 1));
            let value = take.unwrap_or(i64::MIN).max(skip_goal).max(skip_result);
            if let Some(slot) = best.get_mut(g).and_then(|row| row.get_mut(r)) {
                *slot = value;
            }
        }
    }
    let mut chosen: Vec<Option<usize>> = vec![None; gn];
    let (mut g, mut r) = (0, 0);
    while g < gn && r < rn {
        let here = cell(&best, g, r);
        let take = pair(g, r).map(|s| s + cell(&best, g + 1, r + 1));
        if take == Some(here) {
            if let Some(slot) = chosen.get_mut(g) {
                *slot = Some(r);
            }
            g += 1;
            r += 1;
        } else if cell(&best, g + 1, r) == here {
            g += 1;
        } else {
            r += 1;
        }
    }
    // A qualitative answer goes on over the texts right after it that no goal took: one answer
    // in several sentences.
    let is_text = |r: usize| {
        results
            .get(r)
            .is_some_and(|(_, result, _)| matches!(result, GoalResult::Qualitative(_)))
    };
    let mut runs: Vec<Vec<usize>> = chosen
        .iter()
        .map(|placed| placed.map(|r| vec![r]).unwrap_or_default())
        .collect();
    for run in runs.iter_mut() {
        let Some(&first) = run.first() else {
            continue;
        };
        if !is_text(first) {
            continue;
        }
        let mut next = first + 1;
        while is_text(next) && !chosen.contains(&Some(next)) {
            run.push(next);
            next += 1;
        }
    }
    let used: Vec<usize> = runs.iter().flatten().copied().collect();
    let leftovers: Vec<usize> = (0..rn)
        .filter(|r| !used.contains(r))
        .filter(|r| {
            results.get(*r).is_some_and(|(_, result, _)| {
                matches!(result, GoalResult::Count(_) | GoalResult::Qualitative(_))
            })
        })
        .collect();
    let open_qualitative: Vec<usize> = (0..gn)
        .filter(|g| chosen.get(*g).is_some_and(Option::is_none))
        .filter(|g| {
            goals
                .get(*g)
                .is_some_and(|goal| goal.kind() == GoalKind::Qualitative)
        })
        .collect();
    let text = |span: Span| clean(&result_cell.text, span);
    let mut issues: Vec<Issue> = goal_cell
        .issues
        .iter()
        .chain(&result_cell.issues)
        .cloned()
        .collect();
    let mut out_goals = Vec::with_capacity(gn);
    let mut sources = Vec::with_capacity(gn);
    let leftover_answer = if !open_qualitative.is_empty() && !leftovers.is_empty() {
        let span = leftovers
            .iter()
            .filter_map(|r| results.get(*r).map(|(_, _, span)| *span))
            .reduce(Span::cover);
        span.and_then(|span| {
            // Items next to each other are quoted as printed; others joined.
            let contiguous = leftovers.windows(2).all(|pair| match pair {
                [a, b] => a + 1 == *b,
                _ => true,
            });
            let answer = if contiguous {
                clean(&result_cell.text, span)
            } else {
                leftovers
                    .iter()
                    .filter_map(|r| results.get(*r))
                    .map(|(_, result, _)| result_text(result))
                    .collect::<Vec<_>>()
                    .join(" ")
            };
            QualitativeResult::new(answer, QualitativeAssessment::NotAssessed)
                .ok()
                .map(|q| (GoalResult::Qualitative(q), span))
        })
    } else {
        None
    };
    if let (Some((_, span)), true) = (&leftover_answer, open_qualitative.len() > 1) {
        let shown = text(*span);
        issues.push(Issue {
            code: IssueCode::SharedResult,
            severity: IssueCode::SharedResult.severity(),
            cell: Cell::Results,
            span: *span,
            text: shown.clone(),
            message_sv: format!(
                "\"{shown}\" svarar på {} kvalitativa mål.",
                open_qualitative.len()
            ),
            message_en: format!(
                "\"{shown}\" answers {} qualitative goals.",
                open_qualitative.len()
            ),
        });
    }
    for (g, goal) in goals.iter().enumerate() {
        let run = runs.get(g).cloned().unwrap_or_default();
        let placed = run.first().copied();
        let (result, source) = match (placed, &leftover_answer) {
            (Some(r), _) if run.len() > 1 => {
                let spans: Vec<Span> = run
                    .iter()
                    .filter_map(|r| results.get(*r).map(|(_, _, span)| *span))
                    .collect();
                let cover = spans.iter().copied().reduce(Span::cover);
                let answer = cover.and_then(|span| {
                    QualitativeResult::new(
                        clean(&result_cell.text, span),
                        QualitativeAssessment::NotAssessed,
                    )
                    .ok()
                });
                match answer {
                    Some(answer) => (
                        GoalResult::Qualitative(answer),
                        run.iter()
                            .filter_map(|r| results.get(*r).map(|(index, _, _)| *index))
                            .collect(),
                    ),
                    None => match results.get(r) {
                        Some((index, result, _)) => ((*result).clone(), vec![*index]),
                        None => (GoalResult::missing(), Vec::new()),
                    },
                }
            }
            (Some(r), _) => match results.get(r) {
                Some((index, result, _)) => ((*result).clone(), vec![*index]),
                None => (GoalResult::missing(), Vec::new()),
            },
            (None, Some((answer, _))) if open_qualitative.contains(&g) => (
                answer.clone(),
                leftovers
                    .iter()
                    .filter_map(|r| results.get(*r).map(|(index, _, _)| *index))
                    .collect(),
            ),
            (None, _) => (GoalResult::missing(), Vec::new()),
        };
        if source.is_empty() {
            let described = goal.description();
            issues.push(Issue {
                code: IssueCode::MissingResult,
                severity: IssueCode::MissingResult.severity(),
                cell: Cell::Goals,
                span: goal_span(&goal_cell, g).unwrap_or(Span { start: 0, end: 0 }),
                text: described.to_owned(),
                message_sv: format!("inget resultat hittades för målet \"{described}\"."),
                message_en: format!("no result was found for the goal \"{described}\"."),
            });
        }
        out_goals.push(
            (*goal)
                .clone()
                .with_result(result)
                .unwrap_or_else(|_| (*goal).clone()),
        );
        sources.push(source);
    }
    let placed: Vec<usize> = sources.iter().flatten().copied().collect();
    for (index, _, span) in &results {
        if !placed.contains(index) {
            let shown = text(*span);
            issues.push(Issue {
                code: IssueCode::UnalignedResult,
                severity: IssueCode::UnalignedResult.severity(),
                cell: Cell::Results,
                span: *span,
                text: shown.clone(),
                message_sv: format!("resultatet \"{shown}\" svarar inte på något av målen."),
                message_en: format!("the result \"{shown}\" answers none of the goals."),
            });
        }
    }
    Aligned {
        goals: out_goals,
        sources,
        goal_cell,
        result_cell,
        issues,
    }
}

fn goal_span(cell: &GoalCell, goal_index: usize) -> Option<Span> {
    cell.items
        .iter()
        .filter_map(|item| match item {
            GoalItem::Goal { span, .. } => Some(*span),
            GoalItem::Unparsed { .. } | GoalItem::Aside { .. } => None,
        })
        .nth(goal_index)
}

/// The text a result was read from.
fn result_text(result: &GoalResult) -> String {
    match result {
        GoalResult::Count(count) => count.text().unwrap_or_default().to_owned(),
        GoalResult::Share(share) => share.text().unwrap_or_default().to_owned(),
        GoalResult::Qualitative(q) => q.text().to_owned(),
        GoalResult::NotMeasured { wording }
        | GoalResult::NotApplicable { wording }
        | GoalResult::Missing { wording } => wording.clone().unwrap_or_default(),
    }
}

fn cell(best: &[Vec<i64>], g: usize, r: usize) -> i64 {
    best.get(g).and_then(|row| row.get(r)).copied().unwrap_or(0)
}

/// Reads a goal cell and a result cell and places the results on the goals: [`parse_goal_cell`],
/// [`parse_result_cell`] and [`align`] in one call.
pub fn read_cells(goals: &str, results: &str) -> Aligned {
    align(parse_goal_cell(goals), parse_result_cell(results))
}

// ---------------------------------------------------------------------------------------------
// Building interventions and reports from text

/// One row of a goal-fulfilment table as text: what an analyst pastes from last year's report.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default, serde::Deserialize, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct TextRow {
    /// The intervention's name (*Insats*).
    pub name: String,
    /// The goal cell (*Mål*).
    #[serde(default)]
    pub goals: String,
    /// The result cell (*Resultat*).
    #[serde(default)]
    pub results: String,
    /// The printed grade (*Måluppfyllelse*), if any: "Mycket God", "Ej tillämpbar".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub grade: Option<String>,
    /// A stable id; made from the name when absent ("Samverkansteam Botkyrka" →
    /// `samverkansteam-botkyrka`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Individual (the default) or structural.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<crate::model::intervention::InterventionKind>,
}

/// An intervention built from text, with what the parser is unsure of.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct TextIntervention {
    /// The intervention: its goals with their results, and the decided grade as printed.
    pub intervention: crate::model::intervention::Intervention,
    /// The cells as parsed and aligned.
    pub aligned: Aligned,
}

impl TextIntervention {
    /// Every issue of the row.
    pub fn issues(&self) -> &[Issue] {
        &self.aligned.issues
    }
}

/// An id made from a name: lower case, å and ä as a, ö as o, anything else that is not a letter
/// or digit as '-', at most 64 characters. `None` when nothing is left.
///
/// ```
/// use finsam_core::text::id_from_name;
/// assert_eq!(id_from_name("Samverkans- team Botkyrka").as_deref(), Some("samverkans-team-botkyrka"));
/// assert_eq!(id_from_name("Möjliggörarna").as_deref(), Some("mojliggorarna"));
/// ```
pub fn id_from_name(name: &str) -> Option<String> {
    let mut id = String::new();
    for c in name.to_lowercase().chars() {
        let mapped = match c {
            'å' | 'ä' | 'à' | 'á' => 'a',
            'ö' | 'ø' | 'ó' => 'o',
            'é' | 'è' | 'ë' => 'e',
            'ü' | 'ú' => 'u',
            c if c.is_ascii_alphanumeric() => c,
            _ => '-',
        };
        if mapped == '-' && (id.is_empty() || id.ends_with('-')) {
            continue;
        }
        id.push(mapped);
    }
    let id: String = id.trim_end_matches('-').chars().take(64).collect();
    let id = id.trim_end_matches('-').to_owned();
    (!id.is_empty()).then_some(id)
}

/// Builds an intervention from a row of text: its name, goal cell, result cell and printed
/// grade. The goals and results are read and aligned as [`read_cells`] does; what the parser is
/// unsure of comes back with it. Errors (with the field's path) for a blank name, a name that
/// gives no id, an id that is not valid, or a printed grade that is not a grade.
///
/// ```
/// use finsam_core::text::{intervention_from_text, TextRow};
/// let row = TextRow {
///     name: "START".into(),
///     goals: "40 deltagare, 20 nya.\n50 % i arbete/studier.".into(),
///     results: "61 deltagare, 21 nya\n67 % till arbete/studier (14 av 21)".into(),
///     grade: Some("Mycket God".into()),
///     ..TextRow::default()
/// };
/// let built = intervention_from_text(&row)?;
/// assert_eq!(built.intervention.id.as_str(), "start");
/// assert_eq!(built.intervention.goals.len(), 3);
/// assert!(built.issues().is_empty());
/// # Ok::<(), finsam_core::Error>(())
/// ```
pub fn intervention_from_text(row: &TextRow) -> crate::common::error::Result<TextIntervention> {
    use crate::common::error::{Error, ErrorKind};
    use crate::model::intervention::{Intervention, InterventionKind};
    crate::common::checks::check_text(&row.name, "name")?;
    let id = match &row.id {
        Some(id) => id.clone(),
        None => id_from_name(&row.name).ok_or_else(|| {
            Error::new(
                ErrorKind::InvalidId,
                "name",
                format!("no id can be made from the name '{}'; give one", row.name),
            )
        })?,
    };
    let mut intervention = Intervention::new(
        &id,
        row.name.split_whitespace().collect::<Vec<_>>().join(" "),
        row.kind.unwrap_or(InterventionKind::Individual),
    )
    .map_err(|e| {
        if row.id.is_none() && e.path() == "id" {
            e.under("name")
        } else {
            e
        }
    })?;
    if let Some(grade) = row.grade.as_deref().filter(|g| !g.trim().is_empty()) {
        let decided = crate::model::grade::DecidedGrade::from_printed(grade)
            .map_err(|e| Error::new(e.kind(), "grade", e.message().to_owned()))?;
        intervention = intervention.with_decided_grade(decided);
    }
    let aligned = read_cells(&row.goals, &row.results);
    intervention.goals = aligned.goals.clone();
    Ok(TextIntervention {
        intervention,
        aligned,
    })
}

/// Builds a report from a whole goal-fulfilment table pasted as text. Errors name the row
/// (`[2].grade`); two rows that give one id are an error (`duplicate_id` at `[1].name`, or
/// `[1].id` when the row gives its id), never renamed.
///
/// ```
/// use finsam_core::text::{report_from_text, TextRow};
/// let rows = [
///     TextRow { name: "Hälsosam".into(), goals: "80 deltagare.".into(),
///               results: "96 deltagare".into(), grade: Some("Mycket God".into()), ..TextRow::default() },
///     TextRow { name: "Kugghjulen".into(), goals: "1 150 ärenden".into(),
///               results: "604 ärenden".into(), ..TextRow::default() },
/// ];
/// let (report, built) = report_from_text("Samordningsförbundet Exempel", "2017".parse()?, &rows)?;
/// assert_eq!(report.interventions.len(), 2);
/// assert_eq!(built[1].intervention.goals[0].target().map(|t| t.to_string()), Some("1150".into()));
/// # Ok::<(), finsam_core::Error>(())
/// ```
pub fn report_from_text(
    organisation: &str,
    period: crate::model::period::Period,
    rows: &[TextRow],
) -> crate::common::error::Result<(crate::model::report::Report, Vec<TextIntervention>)> {
    let mut report = crate::model::report::Report::new(organisation, period)?;
    let built = rows
        .iter()
        .enumerate()
        .map(|(index, row)| intervention_from_text(row).map_err(|e| e.under(&format!("[{index}]"))))
        .collect::<crate::common::error::Result<Vec<_>>>()?;
    // Two rows that give one id: an error naming the second row, never a renamed id.
    let mut seen = std::collections::HashMap::with_capacity(built.len());
    for (index, (row, made)) in rows.iter().zip(&built).enumerate() {
        let id = made.intervention.id.as_str();
        if let Some(first) = seen.insert(id, index) {
            let field = if row.id.is_some() { "id" } else { "name" };
            return Err(crate::common::error::Error::new(
                crate::common::error::ErrorKind::DuplicateId,
                format!("[{index}].{field}"),
                format!("row {index} gives the id '{id}', as row {first} does"),
            ));
        }
    }
    report.interventions = built.iter().map(|b| b.intervention.clone()).collect();
    report.validate()?;
    Ok((report, built))
}
