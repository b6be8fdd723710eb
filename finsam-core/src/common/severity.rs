//! How serious a finding is: of the checker, or of a reader unsure of what it read.

use serde::Serialize;

use crate::common::locale::Language;

/// How serious a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// Worth knowing, not wrong (e.g. figures that differ only by rounding).
    Info,
    /// Probably a mistake or a gap, but the report can stand.
    Warning,
    /// Arithmetic that does not hold in the printed report.
    Error,
}

impl Severity {
    /// The stable code: `error`, `warning`, `info`.
    pub fn code(self) -> &'static str {
        crate::common::code::serde_name(&self)
    }

    /// The severity as a heading in `language`: "FEL", "VARNING", "INFO" / "ERROR", "WARNING",
    /// "INFO".
    pub fn label(self, language: Language) -> &'static str {
        match (self, language) {
            (Severity::Error, Language::Swedish) => "FEL",
            (Severity::Warning, Language::Swedish) => "VARNING",
            (Severity::Error, Language::English) => "ERROR",
            (Severity::Warning, Language::English) => "WARNING",
            (Severity::Info, _) => "INFO",
        }
    }
}
