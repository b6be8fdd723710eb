//! Errors: one [`Error`] type carrying an [`ErrorKind`] with a stable machine code, the path of
//! the offending field and, for JSON input, the line and column.
//!
//! Bindings branch on [`ErrorKind::code`], never on the message text.

use std::fmt;

use crate::common::locale::Language;

/// The kind of an [`Error`]. Every variant has a stable machine code ([`ErrorKind::code`]).
#[non_exhaustive]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum ErrorKind {
    /// The input is not well-formed JSON (`json_syntax`).
    JsonSyntax,
    /// A JSON value has the wrong type, e.g. a number where a decimal string is expected (`invalid_type`).
    InvalidType,
    /// A JSON object has a field the format does not define (`unknown_field`).
    UnknownField,
    /// A required field is absent (`missing_field`).
    MissingField,
    /// A string is not one of the allowed values of an enumeration (`unknown_variant`).
    UnknownVariant,
    /// A value is not valid for its field for a reason not covered by a more specific kind (`invalid_value`).
    InvalidValue,
    /// A number that may not be negative is negative (`negative_value`).
    NegativeValue,
    /// A percentage is above 100 (`share_above_100`).
    #[serde(rename = "share_above_100")]
    ShareAbove100,
    /// A share's numerator is larger than its denominator (`numerator_above_denominator`).
    NumeratorAboveDenominator,
    /// A share's denominator is zero (`zero_denominator`).
    ZeroDenominator,
    /// A share gives a numerator without a denominator or the other way round (`incomplete_fraction`).
    IncompleteFraction,
    /// A share gives neither a percentage nor a fraction (`empty_share`).
    EmptyShare,
    /// A number that counts people or things has a fractional part (`not_whole_number`).
    NotWholeNumber,
    /// A count or share goal has no target (`missing_target`).
    MissingTarget,
    /// A qualitative goal has a numeric target (`unexpected_target`).
    UnexpectedTarget,
    /// A result does not fit its goal's kind, e.g. a share result for a count goal (`result_kind_mismatch`).
    ResultKindMismatch,
    /// A text field that must say something is empty (`empty_text`).
    EmptyText,
    /// An intervention id is not of the allowed form (`invalid_id`).
    InvalidId,
    /// Two interventions in one report have the same id (`duplicate_id`).
    DuplicateId,
    /// A text is not a grade the library recognises (`invalid_grade`).
    InvalidGrade,
    /// A text is not a reporting period such as `2017` or `2017-H1` (`invalid_period`).
    InvalidPeriod,
    /// A grading policy's parameters are inconsistent (`invalid_policy`).
    InvalidPolicy,
    /// The document declares a format version this library does not read (`unsupported_version`).
    UnsupportedVersion,
    /// Decimal arithmetic overflowed (`overflow`).
    Overflow,
    /// A goal's flow measure does not fit its kind, e.g. a share measure on a count goal
    /// (`measure_kind_mismatch`).
    MeasureKindMismatch,
    /// A table row names an intervention the report does not have (`unknown_intervention`).
    UnknownIntervention,
    /// Two amounts in different units (tkr and SEK) were combined without a conversion
    /// (`unit_mismatch`).
    UnitMismatch,
    /// A reference to a line or group of the economic statement that does not exist
    /// (`unknown_item`).
    UnknownItem,
    /// The input is larger or nested deeper than the configured limits (`limit_exceeded`).
    LimitExceeded,
    /// Two reports of one period in a series of reports (`duplicate_period`).
    DuplicatePeriod,
    /// A document is not what it claims to be: not a Word file, or a damaged one
    /// (`invalid_document`).
    InvalidDocument,
}

impl ErrorKind {
    /// Every kind, in declaration order.
    pub const ALL: [ErrorKind; 31] = [
        ErrorKind::JsonSyntax,
        ErrorKind::InvalidType,
        ErrorKind::UnknownField,
        ErrorKind::MissingField,
        ErrorKind::UnknownVariant,
        ErrorKind::InvalidValue,
        ErrorKind::NegativeValue,
        ErrorKind::ShareAbove100,
        ErrorKind::NumeratorAboveDenominator,
        ErrorKind::ZeroDenominator,
        ErrorKind::IncompleteFraction,
        ErrorKind::EmptyShare,
        ErrorKind::NotWholeNumber,
        ErrorKind::MissingTarget,
        ErrorKind::UnexpectedTarget,
        ErrorKind::ResultKindMismatch,
        ErrorKind::EmptyText,
        ErrorKind::InvalidId,
        ErrorKind::DuplicateId,
        ErrorKind::InvalidGrade,
        ErrorKind::InvalidPeriod,
        ErrorKind::InvalidPolicy,
        ErrorKind::UnsupportedVersion,
        ErrorKind::Overflow,
        ErrorKind::MeasureKindMismatch,
        ErrorKind::UnknownIntervention,
        ErrorKind::UnitMismatch,
        ErrorKind::UnknownItem,
        ErrorKind::LimitExceeded,
        ErrorKind::DuplicatePeriod,
        ErrorKind::InvalidDocument,
    ];

    /// The stable machine code of this kind, e.g. `"share_above_100"`.
    pub fn code(self) -> &'static str {
        crate::common::code::serde_name(&self)
    }

    /// What the code means, in one sentence a form can show beside the field, in `language`:
    /// "En andel kan inte vara mer än 100 %." / "A share cannot be more than 100 %.". This is
    /// the catalogue every binding and the web form take their messages from.
    pub fn message(self, language: Language) -> &'static str {
        let (sv, en) = match self {
            ErrorKind::JsonSyntax => (
                "Uppgifterna kunde inte läsas.",
                "The data could not be read.",
            ),
            ErrorKind::InvalidType => ("Fel sorts värde.", "Wrong kind of value."),
            ErrorKind::UnknownField => (
                "Fältet hör inte till den här typen av resultat.",
                "This field does not belong to this kind of result.",
            ),
            ErrorKind::MissingField => ("Fyll i fältet.", "Fill in this field."),
            ErrorKind::UnknownVariant => {
                ("Välj ett av alternativen.", "Choose one of the options.")
            }
            ErrorKind::InvalidValue => (
                "Skriv ett tal, till exempel 20 eller 8.5.",
                "Write a number, for example 20 or 8.5.",
            ),
            ErrorKind::NegativeValue => (
                "Talet får inte vara negativt.",
                "The number may not be negative.",
            ),
            ErrorKind::ShareAbove100 => (
                "En andel kan inte vara mer än 100 %.",
                "A share cannot be more than 100 %.",
            ),
            ErrorKind::NumeratorAboveDenominator => (
                "Antalet (n) kan inte vara större än totalen (N).",
                "The count (n) cannot be larger than the total (N).",
            ),
            ErrorKind::ZeroDenominator => {
                ("Totalen (N) kan inte vara 0.", "The total (N) cannot be 0.")
            }
            ErrorKind::IncompleteFraction => ("Fyll i både n och N.", "Fill in both n and N."),
            ErrorKind::EmptyShare => (
                "Fyll i n av N eller en procentsats.",
                "Fill in n of N or a percentage.",
            ),
            ErrorKind::NotWholeNumber => ("Skriv ett heltal.", "Write a whole number."),
            ErrorKind::MissingTarget => ("Ange ett målvärde.", "Give a target."),
            ErrorKind::UnexpectedTarget => (
                "Ett kvalitativt mål har inget målvärde.",
                "A qualitative goal has no target.",
            ),
            ErrorKind::ResultKindMismatch => (
                "Resultatet passar inte målets typ.",
                "The result does not fit the goal's kind.",
            ),
            ErrorKind::EmptyText => ("Fältet får inte vara tomt.", "This field may not be empty."),
            ErrorKind::InvalidId => (
                "Ogiltig identitet för insatsen.",
                "Invalid intervention id.",
            ),
            ErrorKind::DuplicateId => (
                "Identiteten används redan av en annan insats.",
                "The id is already used by another intervention.",
            ),
            ErrorKind::InvalidGrade => ("Okänd grad.", "Unknown grade."),
            ErrorKind::InvalidPeriod => (
                "Okänd period; skriv till exempel 2017 eller 2017-H1.",
                "Unknown period; write for example 2017 or 2017-H1.",
            ),
            ErrorKind::InvalidPolicy => (
                "Bedömningsreglerna hänger inte ihop.",
                "The grading policy is not consistent.",
            ),
            ErrorKind::UnsupportedVersion => (
                "Formatversionen stöds inte.",
                "The format version is not supported.",
            ),
            ErrorKind::Overflow => ("Talet är för stort.", "The number is too large."),
            ErrorKind::MeasureKindMismatch => (
                "Måttet passar inte målets typ.",
                "The measure does not fit the goal's kind.",
            ),
            ErrorKind::UnknownIntervention => (
                "Insatsen finns inte i rapporten.",
                "The report has no such intervention.",
            ),
            ErrorKind::UnitMismatch => (
                "Beloppen har olika enheter (tkr och kr).",
                "The amounts are in different units (kSEK and SEK).",
            ),
            ErrorKind::UnknownItem => (
                "Raden eller gruppen finns inte i resultaträkningen.",
                "The statement has no such line or group.",
            ),
            ErrorKind::LimitExceeded => (
                "Uppgifterna är för stora eller för djupt nästlade.",
                "The data is too large or nested too deeply.",
            ),
            ErrorKind::DuplicatePeriod => (
                "Det finns redan en rapport för perioden.",
                "There is already a report for that period.",
            ),
            ErrorKind::InvalidDocument => (
                "Filen är inget Word-dokument eller är skadad.",
                "The file is not a Word document or is damaged.",
            ),
        };
        language.pick(sv, en)
    }

    /// The kind whose [`code`](ErrorKind::code) is `code`, if any.
    pub fn from_code(code: &str) -> Option<ErrorKind> {
        ErrorKind::ALL.into_iter().find(|kind| kind.code() == code)
    }
}

impl fmt::Display for ErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// An error from finsam: what went wrong ([`kind`](Error::kind) and a message) and where
/// ([`path`](Error::path), and for JSON input [`line`](Error::line) and [`column`](Error::column)).
///
/// Paths use the JSON form `interventions[2].goals[0].result.denominator`; a path is empty when
/// the error concerns the whole input.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct Error {
    kind: ErrorKind,
    path: String,
    message: String,
    message_sv: Option<String>,
    line: Option<usize>,
    column: Option<usize>,
}

impl Error {
    /// A new error of `kind` at `path` with a human-readable `message` in English.
    pub fn new(kind: ErrorKind, path: impl Into<String>, message: impl Into<String>) -> Error {
        Error {
            kind,
            path: path.into(),
            message: message.into(),
            message_sv: None,
            line: None,
            column: None,
        }
    }

    /// A new error with its specific message in Swedish and in English.
    pub fn bilingual(
        kind: ErrorKind,
        path: impl Into<String>,
        swedish: impl Into<String>,
        english: impl Into<String>,
    ) -> Error {
        Error::new(kind, path, english).with_swedish(swedish)
    }

    /// The same error with its specific message in Swedish.
    #[must_use]
    pub fn with_swedish(mut self, swedish: impl Into<String>) -> Error {
        self.message_sv = Some(swedish.into());
        self
    }

    /// The kind of error.
    pub fn kind(&self) -> ErrorKind {
        self.kind
    }

    /// The stable machine code, the same as `self.kind().code()`.
    pub fn code(&self) -> &'static str {
        self.kind.code()
    }

    /// Where the error is, as a JSON-style path (empty for the whole input).
    pub fn path(&self) -> &str {
        &self.path
    }

    /// What is wrong, for a person to read, in English.
    pub fn message(&self) -> &str {
        &self.message
    }

    /// The error's own message in Swedish, when it has one.
    pub fn swedish(&self) -> Option<&str> {
        self.message_sv.as_deref()
    }

    /// What is wrong in `language`: the error's own message, or in Swedish, where the error
    /// has no Swedish message of its own, the catalogue's sentence for its code
    /// ([`ErrorKind::message`]) followed by the English detail.
    ///
    /// ```
    /// use finsam_core::{Language, ShareResult};
    /// use rust_decimal::Decimal;
    /// let error = ShareResult::new(None, Some((Decimal::from(14), Decimal::from(12)))).unwrap_err();
    /// assert_eq!(error.message_in(Language::Swedish), "täljaren 14 är större än nämnaren 12");
    /// assert_eq!(error.message_in(Language::English), "the numerator 14 is larger than the denominator 12");
    /// ```
    pub fn message_in(&self, language: Language) -> String {
        match (language, &self.message_sv) {
            (Language::English, _) => self.message.clone(),
            (Language::Swedish, Some(swedish)) => swedish.clone(),
            (Language::Swedish, None) => {
                format!("{} ({})", self.kind.message(language), self.message)
            }
        }
    }

    /// The 1-based line of the JSON input where the error was found, when known.
    pub fn line(&self) -> Option<usize> {
        self.line
    }

    /// The 1-based column of the JSON input where the error was found, when known.
    pub fn column(&self) -> Option<usize> {
        self.column
    }

    /// The same error with its path placed under `prefix` (e.g. `goals[1]` + `target` gives
    /// `goals[1].target`).
    #[must_use]
    pub fn under(mut self, prefix: &str) -> Error {
        self.path = join_path(prefix, &self.path);
        self
    }

    /// Forgets the line and column (of a text that is not the caller's).
    pub(crate) fn clear_position(&mut self) {
        self.line = None;
        self.column = None;
    }

    pub(crate) fn with_position(mut self, line: usize, column: usize) -> Error {
        if line > 0 {
            self.line = Some(line);
            self.column = Some(column);
        }
        self
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "[{}] ", self.kind.code())?;
        if !self.path.is_empty() {
            write!(f, "{}: ", self.path)?;
        }
        f.write_str(&self.message)?;
        if let (Some(line), Some(column)) = (self.line, self.column) {
            write!(f, " (line {line}, column {column})")?;
        }
        Ok(())
    }
}

/// Joins two path segments: `join_path("a[1]", "b")` is `a[1].b`, `join_path("a", "[2]")` is `a[2]`.
pub(crate) fn join_path(prefix: &str, rest: &str) -> String {
    if prefix.is_empty() {
        rest.to_owned()
    } else if rest.is_empty() {
        prefix.to_owned()
    } else if rest.starts_with('[') {
        format!("{prefix}{rest}")
    } else {
        format!("{prefix}.{rest}")
    }
}

/// Shorthand for results whose error is [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_unique_and_round_trip() {
        let mut seen = std::collections::HashSet::new();
        for kind in ErrorKind::ALL {
            assert!(seen.insert(kind.code()), "duplicate code {}", kind.code());
            assert_eq!(ErrorKind::from_code(kind.code()), Some(kind));
        }
        assert_eq!(ErrorKind::from_code("no_such_code"), None);
    }

    #[test]
    fn every_code_has_a_sentence_in_both_languages() {
        for kind in ErrorKind::ALL {
            let (sv, en) = (
                kind.message(Language::Swedish),
                kind.message(Language::English),
            );
            for text in [sv, en] {
                assert!(text.ends_with('.'), "{}: {text}", kind.code());
                assert!(
                    text.chars().next().is_some_and(char::is_uppercase),
                    "{text}"
                );
            }
        }
        assert_eq!(
            ErrorKind::ShareAbove100.message(Language::Swedish),
            "En andel kan inte vara mer än 100 %."
        );
        let error = Error::new(ErrorKind::EmptyText, "name", "is empty");
        assert_eq!(
            error.message_in(Language::Swedish),
            "Fältet får inte vara tomt. (is empty)"
        );
    }

    #[test]
    fn display_names_code_path_and_position() {
        let err = Error::new(ErrorKind::ZeroDenominator, "denominator", "is zero")
            .under("interventions[1].goals[0].result")
            .with_position(12, 7);
        assert_eq!(
            err.to_string(),
            "[zero_denominator] interventions[1].goals[0].result.denominator: is zero (line 12, column 7)"
        );
        assert_eq!(join_path("goals", "[3]"), "goals[3]");
    }
}
