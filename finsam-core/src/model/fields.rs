//! The JSON form of a goal and of a result before validation: every field the format allows,
//! checked in `TryFrom` so that each error names its own field.

use rust_decimal::Decimal;
use serde::Deserialize;

use crate::common::error::{Error, ErrorKind, Result};
use crate::common::json::SerdeError;
use crate::model::goal::{Direction, Goal, GoalKind};
use crate::model::result::CountResult;
use crate::model::result::{GoalResult, QualitativeAssessment, QualitativeResult, ShareResult};

/// A goal's fields as the JSON form gives them, before validation.
#[derive(Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub(crate) struct GoalFields {
    description: String,
    kind: GoalKind,
    #[cfg_attr(
        feature = "schema",
        schemars(with = "Option<crate::common::decimal::Text>")
    )]
    #[serde(default, with = "crate::common::decimal::option")]
    target: Option<Decimal>,
    #[serde(default)]
    direction: Direction,
    #[serde(default)]
    unit: Option<String>,
    #[serde(default)]
    measures: Option<crate::model::flows::FlowMeasure>,
    #[serde(default)]
    also_stated: Vec<crate::model::goal::GoalStatement>,
    #[serde(default = "GoalResult::missing")]
    result: GoalResult,
    #[serde(default)]
    last_year: Option<GoalResult>,
    #[serde(default)]
    also_reported: Vec<crate::model::goal::ResultStatement>,
    #[serde(default)]
    locked: bool,
}

impl TryFrom<GoalFields> for Goal {
    type Error = SerdeError;

    fn try_from(fields: GoalFields) -> std::result::Result<Goal, SerdeError> {
        let mut goal = Goal::new(
            fields.description,
            fields.kind,
            fields.target,
            fields.direction,
            fields.unit,
            fields.result,
        )?;
        if let Some(measure) = fields.measures {
            goal = goal.with_measure(measure)?;
        }
        for statement in fields.also_stated {
            goal = goal.with_statement(statement)?;
        }
        if let Some(last_year) = fields.last_year {
            goal = goal
                .with_last_year(last_year)
                .map_err(|e| e.under("last_year"))?;
        }
        for statement in fields.also_reported {
            goal = goal.with_reported(statement)?;
        }
        Ok(goal.with_locked(fields.locked))
    }
}

/// The form of a result, the JSON field `type`.
#[derive(Deserialize, Clone, Copy)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
enum ResultType {
    Count,
    Share,
    Qualitative,
    NotMeasured,
    NotApplicable,
    Missing,
}

/// A result's fields as the JSON form gives them: every field any form uses, checked against
/// the form in `TryFrom`, so that each error names its own field.
#[derive(Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub(crate) struct ResultFields {
    #[serde(rename = "type")]
    form: ResultType,
    #[cfg_attr(
        feature = "schema",
        schemars(with = "Option<crate::common::decimal::Text>")
    )]
    #[serde(default, with = "crate::common::decimal::option")]
    value: Option<Decimal>,
    #[cfg_attr(
        feature = "schema",
        schemars(with = "Option<crate::common::decimal::Text>")
    )]
    #[serde(default, with = "crate::common::decimal::option")]
    percent: Option<Decimal>,
    #[cfg_attr(
        feature = "schema",
        schemars(with = "Option<crate::common::decimal::Text>")
    )]
    #[serde(default, with = "crate::common::decimal::option")]
    numerator: Option<Decimal>,
    #[cfg_attr(
        feature = "schema",
        schemars(with = "Option<crate::common::decimal::Text>")
    )]
    #[serde(default, with = "crate::common::decimal::option")]
    denominator: Option<Decimal>,
    #[serde(default)]
    text: Option<String>,
    #[serde(default)]
    assessment: Option<QualitativeAssessment>,
    #[serde(default)]
    wording: Option<String>,
}

impl ResultFields {
    /// Rejects every field that is given but not among `allowed` for the result's form.
    fn only(&self, form: &str, allowed: &[&str]) -> Result<()> {
        let given = [
            ("value", self.value.is_some()),
            ("percent", self.percent.is_some()),
            ("numerator", self.numerator.is_some()),
            ("denominator", self.denominator.is_some()),
            ("text", self.text.is_some()),
            ("assessment", self.assessment.is_some()),
            ("wording", self.wording.is_some()),
        ];
        for (field, present) in given {
            if present && !allowed.contains(&field) {
                return Err(Error::bilingual(
                    ErrorKind::UnknownField,
                    field,
                    format!("okänt fält '{field}': ett resultat av typen {form} har det inte"),
                    format!("unknown field `{field}`: a {form} result does not have it"),
                ));
            }
        }
        Ok(())
    }
}

fn required<T>(value: Option<T>, field: &str, form: &str) -> Result<T> {
    value.ok_or_else(|| {
        Error::bilingual(
            ErrorKind::MissingField,
            field,
            format!("fältet '{field}' saknas: ett resultat av typen {form} behöver det"),
            format!("missing field `{field}`: a {form} result needs it"),
        )
    })
}

impl TryFrom<ResultFields> for GoalResult {
    type Error = SerdeError;

    fn try_from(fields: ResultFields) -> std::result::Result<GoalResult, SerdeError> {
        let result = match fields.form {
            ResultType::Count => {
                fields.only("count", &["value", "text"])?;
                let value = required(fields.value, "value", "count")?;
                GoalResult::Count(CountResult::new(value)?.with_text(fields.text))
            }
            ResultType::Share => {
                fields.only("share", &["percent", "numerator", "denominator", "text"])?;
                let fraction = match (fields.numerator, fields.denominator) {
                    (None, None) => None,
                    (Some(n), Some(d)) => Some((n, d)),
                    (Some(_), None) => {
                        return Err(Error::bilingual(
                            ErrorKind::IncompleteFraction,
                            "denominator",
                            "en täljare är angiven utan sin nämnare",
                            "a numerator is given without its denominator",
                        )
                        .into())
                    }
                    (None, Some(_)) => {
                        return Err(Error::bilingual(
                            ErrorKind::IncompleteFraction,
                            "numerator",
                            "en nämnare är angiven utan sin täljare",
                            "a denominator is given without its numerator",
                        )
                        .into())
                    }
                };
                GoalResult::Share(
                    // As printed: an impossible share loads, and the checker says what is wrong.
                    ShareResult::as_printed(fields.percent, fraction)?.with_text(fields.text),
                )
            }
            ResultType::Qualitative => {
                fields.only("qualitative", &["text", "assessment"])?;
                let text = required(fields.text, "text", "qualitative")?;
                let assessment = required(fields.assessment, "assessment", "qualitative")?;
                GoalResult::Qualitative(QualitativeResult::new(text, assessment)?)
            }
            ResultType::NotMeasured => {
                fields.only("not_measured", &["wording"])?;
                GoalResult::NotMeasured {
                    wording: fields.wording,
                }
            }
            ResultType::NotApplicable => {
                fields.only("not_applicable", &["wording"])?;
                GoalResult::NotApplicable {
                    wording: fields.wording,
                }
            }
            ResultType::Missing => {
                fields.only("missing", &["wording"])?;
                GoalResult::Missing {
                    wording: fields.wording,
                }
            }
        };
        Ok(result)
    }
}
