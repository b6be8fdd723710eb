//! Errors: one [`Error`] type carrying an [`ErrorKind`] with a stable machine code, the path of
//! the offending field and, for JSON input, the line and column.
//!
//! Bindings branch on [`ErrorKind::code`], never on the message text.

use std::fmt;

/// The kind of an [`Error`]. Every variant has a stable machine code ([`ErrorKind::code`]).
#[non_exhaustive]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
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
}

impl ErrorKind {
    /// Every kind, in declaration order.
    pub const ALL: [ErrorKind; 30] = [
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
    ];

    /// The stable machine code of this kind, e.g. `"share_above_100"`.
    pub fn code(self) -> &'static str {
        match self {
            ErrorKind::JsonSyntax => "json_syntax",
            ErrorKind::InvalidType => "invalid_type",
            ErrorKind::UnknownField => "unknown_field",
            ErrorKind::MissingField => "missing_field",
            ErrorKind::UnknownVariant => "unknown_variant",
            ErrorKind::InvalidValue => "invalid_value",
            ErrorKind::NegativeValue => "negative_value",
            ErrorKind::ShareAbove100 => "share_above_100",
            ErrorKind::NumeratorAboveDenominator => "numerator_above_denominator",
            ErrorKind::ZeroDenominator => "zero_denominator",
            ErrorKind::IncompleteFraction => "incomplete_fraction",
            ErrorKind::EmptyShare => "empty_share",
            ErrorKind::NotWholeNumber => "not_whole_number",
            ErrorKind::MissingTarget => "missing_target",
            ErrorKind::UnexpectedTarget => "unexpected_target",
            ErrorKind::ResultKindMismatch => "result_kind_mismatch",
            ErrorKind::EmptyText => "empty_text",
            ErrorKind::InvalidId => "invalid_id",
            ErrorKind::DuplicateId => "duplicate_id",
            ErrorKind::InvalidGrade => "invalid_grade",
            ErrorKind::InvalidPeriod => "invalid_period",
            ErrorKind::InvalidPolicy => "invalid_policy",
            ErrorKind::UnsupportedVersion => "unsupported_version",
            ErrorKind::Overflow => "overflow",
            ErrorKind::MeasureKindMismatch => "measure_kind_mismatch",
            ErrorKind::UnknownIntervention => "unknown_intervention",
            ErrorKind::UnitMismatch => "unit_mismatch",
            ErrorKind::UnknownItem => "unknown_item",
            ErrorKind::LimitExceeded => "limit_exceeded",
            ErrorKind::DuplicatePeriod => "duplicate_period",
        }
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
    line: Option<usize>,
    column: Option<usize>,
}

impl Error {
    /// A new error of `kind` at `path` with a human-readable `message`.
    pub fn new(kind: ErrorKind, path: impl Into<String>, message: impl Into<String>) -> Error {
        Error {
            kind,
            path: path.into(),
            message: message.into(),
            line: None,
            column: None,
        }
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

    /// What is wrong, for a person to read.
    pub fn message(&self) -> &str {
        &self.message
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
