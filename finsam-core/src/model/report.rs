//! A whole report: the organisation, the period and its interventions, read from and written
//! to the JSON format.

use std::collections::HashMap;

use serde::{Deserialize, Serialize, Serializer};

use crate::common::checks::check_text;
use crate::common::error::{Error, ErrorKind, Result};
use crate::model::economics::Economics;
use crate::model::end_reasons::EndReasonTable;
use crate::model::flows::FlowTable;
use crate::model::intervention::{Intervention, InterventionId};
use crate::model::period::Period;

/// The version of the JSON format this library writes and reads.
pub const FORMAT_VERSION: u32 = 1;

/// A report of one association for one period (an annual or half-year report).
///
/// ```
/// use finsam_core::Report;
/// let report = Report::from_json(r#"{
///   "format_version": 1,
///   "organisation": "Samordningsförbundet Exempel",
///   "period": "2017",
///   "interventions": []
/// }"#)?;
/// assert_eq!(report.period.to_string(), "2017");
/// # Ok::<(), finsam_core::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Deserialize)]
#[serde(try_from = "ReportFields")]
pub struct Report {
    /// The association that reports (*samordningsförbund*).
    pub organisation: String,
    /// The period reported on.
    pub period: Period,
    /// The interventions, in the report's order.
    pub interventions: Vec<Intervention>,
    /// The participant-flow table, when the report has one.
    pub flows: Option<FlowTable>,
    /// The end-reason table, when the report has one.
    pub end_reasons: Option<EndReasonTable>,
    /// The economics: statement, cost rules, per-intervention table, forecast.
    pub economics: Option<Economics>,
    /// Where the report's figures were read, when it was read from a document: for each JSON
    /// path of a figure, its place in the document.
    pub sources: Vec<Source>,
}

/// Where one figure of a report was read in the document it came from.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// The JSON path of the figure in the report, e.g. `interventions[2].goals[0].result`.
    pub path: String,
    /// Where it stands in the document.
    pub place: crate::common::place::Place,
}

#[derive(Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
struct ReportFields {
    format_version: u32,
    organisation: String,
    period: Period,
    #[serde(default)]
    interventions: Vec<Intervention>,
    #[serde(default)]
    flows: Option<FlowTable>,
    #[serde(default)]
    end_reasons: Option<EndReasonTable>,
    #[serde(default)]
    economics: Option<Economics>,
    #[serde(default)]
    sources: Vec<Source>,
}

/// Only the format version of a document, read before the rest: every other field is skipped.
/// Only a JSON object is a report (serde would also take an array of the fields).
struct VersionProbe {
    format_version: Option<u32>,
}

impl<'de> Deserialize<'de> for VersionProbe {
    fn deserialize<D: serde::Deserializer<'de>>(
        deserializer: D,
    ) -> std::result::Result<VersionProbe, D::Error> {
        struct Probe;

        impl<'de> serde::de::Visitor<'de> for Probe {
            type Value = VersionProbe;

            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a report (a JSON object)")
            }

            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut map: A,
            ) -> std::result::Result<VersionProbe, A::Error> {
                let mut format_version = None;
                while let Some(key) = map.next_key::<std::borrow::Cow<'de, str>>()? {
                    if key == "format_version" {
                        format_version = Some(map.next_value::<u32>()?);
                    } else {
                        map.next_value::<serde::de::IgnoredAny>()?;
                    }
                }
                Ok(VersionProbe { format_version })
            }
        }

        deserializer.deserialize_map(Probe)
    }
}

fn unsupported_version(version: u32) -> Error {
    Error::bilingual(
        ErrorKind::UnsupportedVersion,
        "format_version",
        format!("formatversion {version} stöds inte; det här biblioteket läser version {FORMAT_VERSION}"),
        format!("format version {version} is not supported; this library reads version {FORMAT_VERSION}"),
    )
}

impl TryFrom<ReportFields> for Report {
    type Error = crate::common::json::SerdeError;

    fn try_from(fields: ReportFields) -> std::result::Result<Report, Self::Error> {
        if fields.format_version != FORMAT_VERSION {
            return Err(unsupported_version(fields.format_version).into());
        }
        let report = Report {
            organisation: fields.organisation,
            period: fields.period,
            interventions: fields.interventions,
            flows: fields.flows,
            end_reasons: fields.end_reasons,
            economics: fields.economics,
            sources: fields.sources,
        };
        report.validate()?;
        Ok(report)
    }
}

#[derive(Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
struct ReportView<'a> {
    format_version: u32,
    organisation: &'a str,
    period: Period,
    interventions: &'a [Intervention],
    #[serde(skip_serializing_if = "Option::is_none")]
    flows: Option<&'a FlowTable>,
    #[serde(skip_serializing_if = "Option::is_none")]
    end_reasons: Option<&'a EndReasonTable>,
    #[serde(skip_serializing_if = "Option::is_none")]
    economics: Option<&'a Economics>,
    #[serde(skip_serializing_if = "<[Source]>::is_empty")]
    sources: &'a [Source],
}

impl Serialize for Report {
    fn serialize<S: Serializer>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error> {
        ReportView {
            format_version: FORMAT_VERSION,
            organisation: &self.organisation,
            period: self.period,
            interventions: &self.interventions,
            flows: self.flows.as_ref(),
            end_reasons: self.end_reasons.as_ref(),
            economics: self.economics.as_ref(),
            sources: &self.sources,
        }
        .serialize(serializer)
    }
}

impl Report {
    /// A report with no interventions yet.
    pub fn new(organisation: impl Into<String>, period: Period) -> Result<Report> {
        let organisation = organisation.into();
        check_text(&organisation, "organisation")?;
        Ok(Report {
            organisation,
            period,
            interventions: Vec::new(),
            flows: None,
            end_reasons: None,
            economics: None,
            sources: Vec::new(),
        })
    }

    /// Reads a report from the JSON format. Errors carry a code, the JSON path and the line.
    ///
    /// The format version is read first: a document of another version is refused as such
    /// (`unsupported_version`), not for the fields that version may lack or add, and a document
    /// that is not a JSON object says so.
    ///
    /// ```
    /// use finsam_core::{Language, Report};
    /// let error = Report::from_json(r#"{"format_version": 2}"#).unwrap_err();
    /// assert_eq!((error.code(), error.path()), ("unsupported_version", "format_version"));
    /// assert_eq!(error.message_in(Language::Swedish),
    ///     "formatversion 2 stöds inte; det här biblioteket läser version 1");
    /// let error = Report::from_json("[]").unwrap_err();
    /// assert_eq!(error.message(), "expected a report (a JSON object), found an array");
    /// # Ok::<(), finsam_core::Error>(())
    /// ```
    pub fn from_json(json: &str) -> Result<Report> {
        let probe: VersionProbe = crate::common::json::from_json(json)?;
        match probe.format_version {
            None => {
                return Err(Error::bilingual(
                    ErrorKind::MissingField,
                    "format_version",
                    format!("fältet 'format_version' saknas; skriv versionen {FORMAT_VERSION}"),
                    format!(
                        "the field 'format_version' is missing; write version {FORMAT_VERSION}"
                    ),
                ))
            }
            Some(version) if version != FORMAT_VERSION => return Err(unsupported_version(version)),
            Some(_) => {}
        }
        crate::common::json::from_json(json)
    }

    /// The report in the JSON format, compact.
    pub fn to_json(&self) -> String {
        crate::common::json::to_json(self)
    }

    /// The report in the JSON format, indented.
    pub fn to_json_pretty(&self) -> String {
        crate::common::json::to_json_pretty(self)
    }

    /// Checks what the types cannot: the organisation and every intervention name are not
    /// blank, no two interventions share an id, every flow row names a known intervention
    /// once, and the economics refer to lines, groups and interventions that exist.
    pub fn validate(&self) -> Result<()> {
        check_text(&self.organisation, "organisation")?;
        let mut seen: HashMap<&InterventionId, usize> =
            HashMap::with_capacity(self.interventions.len());
        for (index, intervention) in self.interventions.iter().enumerate() {
            let path = format!("interventions[{index}]");
            intervention.check().map_err(|e| e.under(&path))?;
            if let Some(first) = seen.insert(&intervention.id, index) {
                return Err(Error::bilingual(
                    ErrorKind::DuplicateId,
                    format!("{path}.id"),
                    format!(
                        "identiteten '{}' används redan av interventions[{first}]",
                        intervention.id
                    ),
                    format!(
                        "the id '{}' is already used by interventions[{first}]",
                        intervention.id
                    ),
                ));
            }
        }
        if let Some(flows) = &self.flows {
            let mut rows: HashMap<&InterventionId, usize> =
                HashMap::with_capacity(flows.rows.len());
            for (index, row) in flows.rows.iter().enumerate() {
                let path = format!("flows.rows[{index}].intervention");
                if !seen.contains_key(&row.intervention) {
                    return Err(Error::bilingual(
                        ErrorKind::UnknownIntervention,
                        path,
                        format!(
                            "rapporten har ingen insats med identiteten '{}'",
                            row.intervention
                        ),
                        format!(
                            "the report has no intervention with the id '{}'",
                            row.intervention
                        ),
                    ));
                }
                if let Some(first) = rows.insert(&row.intervention, index) {
                    return Err(Error::bilingual(
                        ErrorKind::DuplicateId,
                        path,
                        format!("'{}' har redan en rad i tabellen över deltagarflöden, flows.rows[{first}]", row.intervention),
format!(
                            "'{}' already has a row in the flow table, flows.rows[{first}]",
                            row.intervention
                        ),
                    ));
                }
            }
        }
        if let Some(economics) = &self.economics {
            economics
                .validate(&seen)
                .map_err(|e| e.under("economics"))?;
        }
        Ok(())
    }

    /// The intervention with this id.
    pub fn intervention(&self, id: &str) -> Option<&Intervention> {
        self.interventions.iter().find(|i| i.id.as_str() == id)
    }
}

/// The report's schema: what it reads (every field, with the format version) and what it
/// writes (absent parts left out).
#[cfg(feature = "schema")]
impl schemars::JsonSchema for Report {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Report".into()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        match generator.contract() {
            schemars::generate::Contract::Deserialize => ReportFields::json_schema(generator),
            _ => ReportView::json_schema(generator),
        }
    }
}
