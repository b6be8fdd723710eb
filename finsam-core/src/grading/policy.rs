//! The grading policy: the band edges on the score and the rules for unmeasured goals. Every
//! number of `docs/domain.md` §5 is a default here, not a constant.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::common::error::{Error, ErrorKind, Result};
use crate::model::grade::Grade;
use crate::model::result::ShareBasis;

/// How interventions are graded. [`GradingPolicy::default`] is the policy of `docs/domain.md` §5:
/// bands ≥ 0.95 Mycket god, ≥ 0.85 God, ≥ 0.50 Godtagbar (lower edges inclusive), at most God
/// when a goal was not measured, Ej uppfyllt when nothing was measured, shares taken from their
/// fraction when one is given.
///
/// ```
/// use finsam_core::{Grade, GradingPolicy};
/// use rust_decimal::Decimal;
/// let strict = GradingPolicy::default()
///     .with_edges(Decimal::new(98, 2), Decimal::new(90, 2), Decimal::new(60, 2))?;
/// assert_eq!(strict.band(Decimal::new(95, 2)), Grade::Good);
/// assert_eq!(GradingPolicy::default().band(Decimal::new(95, 2)), Grade::VeryGood);
/// # Ok::<(), finsam_core::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(try_from = "PolicyFields")]
pub struct GradingPolicy {
    #[cfg_attr(feature = "schema", schemars(with = "crate::common::decimal::Text"))]
    #[serde(with = "crate::common::decimal")]
    very_good: Decimal,
    #[cfg_attr(feature = "schema", schemars(with = "crate::common::decimal::Text"))]
    #[serde(with = "crate::common::decimal")]
    good: Decimal,
    #[cfg_attr(feature = "schema", schemars(with = "crate::common::decimal::Text"))]
    #[serde(with = "crate::common::decimal")]
    acceptable: Decimal,
    unmeasured_cap: Grade,
    none_measured: Grade,
    share_basis: ShareBasis,
}

impl Default for GradingPolicy {
    fn default() -> GradingPolicy {
        GradingPolicy {
            very_good: Decimal::new(95, 2),
            good: Decimal::new(85, 2),
            acceptable: Decimal::new(50, 2),
            unmeasured_cap: Grade::Good,
            none_measured: Grade::NotMet,
            share_basis: ShareBasis::Fraction,
        }
    }
}

/// The policy's fields as the JSON form gives them; absent fields take the default.
#[derive(Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
struct PolicyFields {
    #[cfg_attr(
        feature = "schema",
        schemars(with = "Option<crate::common::decimal::Text>")
    )]
    #[serde(default, with = "crate::common::decimal::option")]
    very_good: Option<Decimal>,
    #[cfg_attr(
        feature = "schema",
        schemars(with = "Option<crate::common::decimal::Text>")
    )]
    #[serde(default, with = "crate::common::decimal::option")]
    good: Option<Decimal>,
    #[cfg_attr(
        feature = "schema",
        schemars(with = "Option<crate::common::decimal::Text>")
    )]
    #[serde(default, with = "crate::common::decimal::option")]
    acceptable: Option<Decimal>,
    #[serde(default)]
    unmeasured_cap: Option<Grade>,
    #[serde(default)]
    none_measured: Option<Grade>,
    #[serde(default)]
    share_basis: Option<ShareBasis>,
}

impl TryFrom<PolicyFields> for GradingPolicy {
    type Error = crate::common::json::SerdeError;

    fn try_from(fields: PolicyFields) -> std::result::Result<GradingPolicy, Self::Error> {
        let default = GradingPolicy::default();
        let policy = default.with_edges(
            fields.very_good.unwrap_or(default.very_good),
            fields.good.unwrap_or(default.good),
            fields.acceptable.unwrap_or(default.acceptable),
        )?;
        Ok(policy
            .with_unmeasured_cap(fields.unmeasured_cap.unwrap_or(default.unmeasured_cap))
            .with_none_measured(fields.none_measured.unwrap_or(default.none_measured))
            .with_share_basis(fields.share_basis.unwrap_or(default.share_basis)))
    }
}

impl GradingPolicy {
    /// Reads a policy from its JSON form, e.g. `{"very_good": "0.9"}`; absent fields take the
    /// default.
    pub fn from_json(json: &str) -> Result<GradingPolicy> {
        crate::common::json::from_json(json)
    }

    /// The policy as JSON.
    pub fn to_json(&self) -> String {
        crate::common::json::to_json(self)
    }

    /// The same policy with other lower band edges. They must satisfy
    /// `0 ≤ acceptable ≤ good ≤ very_good`; an edge above 1 makes its grade unreachable.
    pub fn with_edges(
        &self,
        very_good: Decimal,
        good: Decimal,
        acceptable: Decimal,
    ) -> Result<GradingPolicy> {
        for (value, field) in [
            (very_good, "very_good"),
            (good, "good"),
            (acceptable, "acceptable"),
        ] {
            if value.is_sign_negative() && !value.is_zero() {
                return Err(Error::new(
                    ErrorKind::InvalidPolicy,
                    field,
                    format!("the band edge {value} is negative"),
                ));
            }
        }
        if good > very_good {
            return Err(Error::new(
                ErrorKind::InvalidPolicy,
                "good",
                format!("the edge for God ({good}) is above the edge for Mycket god ({very_good})"),
            ));
        }
        if acceptable > good {
            return Err(Error::new(
                ErrorKind::InvalidPolicy,
                "acceptable",
                format!("the edge for Godtagbar ({acceptable}) is above the edge for God ({good})"),
            ));
        }
        Ok(GradingPolicy {
            very_good,
            good,
            acceptable,
            ..self.clone()
        })
    }

    /// The same policy with another highest grade for an intervention with an unmeasured goal.
    #[must_use]
    pub fn with_unmeasured_cap(&self, cap: Grade) -> GradingPolicy {
        GradingPolicy {
            unmeasured_cap: cap,
            ..self.clone()
        }
    }

    /// The same policy with another grade for an intervention none of whose goals was measured.
    #[must_use]
    pub fn with_none_measured(&self, grade: Grade) -> GradingPolicy {
        GradingPolicy {
            none_measured: grade,
            ..self.clone()
        }
    }

    /// The same policy reading shares from another figure.
    #[must_use]
    pub fn with_share_basis(&self, basis: ShareBasis) -> GradingPolicy {
        GradingPolicy {
            share_basis: basis,
            ..self.clone()
        }
    }

    /// The lower edge of Mycket god (default 0.95).
    pub fn very_good(&self) -> Decimal {
        self.very_good
    }

    /// The lower edge of God (default 0.85).
    pub fn good(&self) -> Decimal {
        self.good
    }

    /// The lower edge of Godtagbar (default 0.50).
    pub fn acceptable(&self) -> Decimal {
        self.acceptable
    }

    /// The highest grade when any goal was not measured (default God).
    pub fn unmeasured_cap(&self) -> Grade {
        self.unmeasured_cap
    }

    /// The grade when no goal was measured (default Ej uppfyllt).
    pub fn none_measured(&self) -> Grade {
        self.none_measured
    }

    /// Which figure of a share is graded (default the fraction).
    pub fn share_basis(&self) -> ShareBasis {
        self.share_basis
    }

    /// The lower edge of `grade`'s band; `None` for Ej uppfyllt, which has no lower edge.
    pub fn edge(&self, grade: Grade) -> Option<Decimal> {
        match grade {
            Grade::VeryGood => Some(self.very_good),
            Grade::Good => Some(self.good),
            Grade::Acceptable => Some(self.acceptable),
            Grade::NotMet => None,
        }
    }

    /// The grade whose band holds `score` (lower edges inclusive).
    pub fn band(&self, score: Decimal) -> Grade {
        if score >= self.very_good {
            Grade::VeryGood
        } else if score >= self.good {
            Grade::Good
        } else if score >= self.acceptable {
            Grade::Acceptable
        } else {
            Grade::NotMet
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(n: i64, scale: u32) -> Decimal {
        Decimal::new(n, scale)
    }

    #[test]
    fn default_bands_have_inclusive_lower_edges() {
        let policy = GradingPolicy::default();
        assert_eq!(policy.band(d(95, 2)), Grade::VeryGood);
        assert_eq!(policy.band(d(9499, 4)), Grade::Good);
        assert_eq!(policy.band(d(85, 2)), Grade::Good);
        assert_eq!(policy.band(d(8499, 4)), Grade::Acceptable);
        assert_eq!(policy.band(d(5, 1)), Grade::Acceptable);
        assert_eq!(policy.band(d(4999, 4)), Grade::NotMet);
        assert_eq!(policy.band(Decimal::ZERO), Grade::NotMet);
    }

    #[test]
    fn edges_must_be_ordered() {
        let policy = GradingPolicy::default();
        let err = policy.with_edges(d(8, 1), d(9, 1), d(5, 1)).err();
        assert_eq!(
            err.map(|e| (e.kind(), e.path().to_owned())),
            Some((ErrorKind::InvalidPolicy, "good".into()))
        );
        let err = policy.with_edges(d(9, 1), d(8, 1), d(-1, 1)).err();
        assert_eq!(err.map(|e| e.path().to_owned()), Some("acceptable".into()));
    }

    #[test]
    fn json_fills_defaults_and_rejects_bad_edges() -> Result<()> {
        let policy =
            GradingPolicy::from_json(r#"{"very_good": "0.9", "unmeasured_cap": "acceptable"}"#)?;
        assert_eq!(policy.very_good(), d(9, 1));
        assert_eq!(policy.good(), d(85, 2));
        assert_eq!(policy.unmeasured_cap(), Grade::Acceptable);
        assert_eq!(GradingPolicy::from_json(&policy.to_json())?, policy);
        let err = GradingPolicy::from_json(r#"{"good": "0.99"}"#).err();
        assert_eq!(
            err.map(|e| (e.code(), e.path().to_owned())),
            Some(("invalid_policy", "good".into()))
        );
        Ok(())
    }
}
