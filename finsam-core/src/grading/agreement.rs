//! How far the computed grades agree with the grades an association decided, counted over the
//! rows where there is something to compare: a decided grade (not "Ej tillämpbar") and a
//! computed one. The rows the association did not grade are counted apart, not as
//! disagreements.

use serde::{Deserialize, Serialize};

use crate::common::error::{Error, ErrorKind};
use crate::common::locale::Language;
use crate::grading::assessment::Assessment;
use crate::model::grade::Decision;

/// Agreement of computed grades with decided ones, row by row. Every assessment counts in
/// exactly one of `graded`, `not_graded` and `not_computed`:
///
/// - **graded**: the association decided a grade (Mycket god, God, Godtagbar, Ej uppfyllt) and
///   a grade was computed; of these, `agreeing` have the same grade;
/// - **not graded**: the association gave no grade, because it decided "Ej tillämpbar" or
///   because no decided grade is recorded;
/// - **not computed**: the association decided a grade but none could be computed (the
///   intervention has no goal to grade).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(try_from = "AgreementFields")]
pub struct Agreement {
    /// Rows with a decided grade (not "Ej tillämpbar") and a computed grade: the rows compared.
    pub graded: usize,
    /// Of the graded rows, those whose computed grade is the decided one.
    pub agreeing: usize,
    /// Rows the association did not grade: decided "Ej tillämpbar", or no decided grade recorded.
    pub not_graded: usize,
    /// Rows with a decided grade but no computed grade (no goal to grade).
    pub not_computed: usize,
}

/// The fields as a binding passes them back, checked before they make an [`Agreement`].
#[derive(Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
struct AgreementFields {
    graded: usize,
    agreeing: usize,
    not_graded: usize,
    not_computed: usize,
}

impl TryFrom<AgreementFields> for Agreement {
    type Error = crate::common::json::SerdeError;

    fn try_from(fields: AgreementFields) -> std::result::Result<Agreement, Self::Error> {
        if fields.agreeing > fields.graded {
            return Err(Error::bilingual(
                ErrorKind::InvalidValue,
                "agreeing",
                format!(
                    "{} stämmande rader är fler än de {} bedömda",
                    fields.agreeing, fields.graded
                ),
                format!(
                    "{} agreeing rows are more than the {} graded ones",
                    fields.agreeing, fields.graded
                ),
            )
            .into());
        }
        Ok(Agreement {
            graded: fields.graded,
            agreeing: fields.agreeing,
            not_graded: fields.not_graded,
            not_computed: fields.not_computed,
        })
    }
}

impl Agreement {
    /// Counts the rows of `assessments` (what grading returned, in any order).
    ///
    /// ```
    /// use finsam_core::{Agreement, GradingPolicy, Language, Report};
    /// let report = Report::from_json(r#"{
    ///   "format_version": 1, "organisation": "Samordningsförbundet Exempel", "period": "2017",
    ///   "interventions": [
    ///     {"id": "start", "name": "START", "kind": "individual", "status": "active",
    ///      "goals": [{"description": "20 nya", "kind": "count", "target": "20",
    ///                 "result": {"type": "count", "value": "21"}}],
    ///      "decided_grade": {"grade": "Mycket God"}},
    ///     {"id": "adrian", "name": "Adrian", "kind": "individual", "status": "closed",
    ///      "goals": [{"description": "20 nya", "kind": "count", "target": "20",
    ///                 "result": {"type": "count", "value": "12"}}],
    ///      "decided_grade": {"grade": "Ej tillämpbar"}}
    ///   ]
    /// }"#)?;
    /// let agreement = Agreement::of(&report.grade(&GradingPolicy::default())?);
    /// assert_eq!((agreement.graded, agreement.agreeing, agreement.not_graded), (1, 1, 1));
    /// assert_eq!(
    ///     agreement.text(Language::Swedish),
    ///     "1 av 1 bedömd rad stämmer med förbundets beslut; 1 inte bedömd"
    /// );
    /// assert_eq!(
    ///     agreement.text(Language::English),
    ///     "1 of 1 graded row agrees with the association's decision; 1 not graded"
    /// );
    /// # Ok::<(), finsam_core::Error>(())
    /// ```
    pub fn of<'a>(assessments: impl IntoIterator<Item = &'a Assessment>) -> Agreement {
        let mut agreement = Agreement::default();
        for assessment in assessments {
            let decided = assessment.decided.as_ref().map(|d| d.decision);
            match (decided, assessment.grade) {
                (None | Some(Decision::NotApplicable), _) => agreement.not_graded += 1,
                (Some(Decision::Graded(_)), None) => agreement.not_computed += 1,
                (Some(Decision::Graded(decided)), Some(computed)) => {
                    agreement.graded += 1;
                    if decided == computed {
                        agreement.agreeing += 1;
                    }
                }
            }
        }
        agreement
    }

    /// The number of rows counted: `graded + not_graded + not_computed`.
    pub fn rows(&self) -> usize {
        self.graded + self.not_graded + self.not_computed
    }

    /// Graded rows whose computed grade differs from the decided one.
    pub fn disagreeing(&self) -> usize {
        self.graded.saturating_sub(self.agreeing)
    }

    /// The agreement in words, without a final full stop: "5 av 7 bedömda rader stämmer med
    /// förbundets beslut; 3 inte bedömda" or "5 of 7 graded rows agree with the association's
    /// decision; 3 not graded". A count of zero rows not graded or not computed is left out; no
    /// graded row at all reads "Inga bedömda rader att jämföra med förbundets beslut" / "No
    /// graded rows to compare with the association's decision".
    pub fn text(&self, language: Language) -> String {
        let mut text = match (self.graded, language) {
            (0, _) => language
                .pick(
                    "Inga bedömda rader att jämföra med förbundets beslut",
                    "No graded rows to compare with the association's decision",
                )
                .to_owned(),
            (1, Language::Swedish) => {
                format!(
                    "{} av 1 bedömd rad stämmer med förbundets beslut",
                    self.agreeing
                )
            }
            (graded, Language::Swedish) => format!(
                "{} av {graded} bedömda rader stämmer med förbundets beslut",
                self.agreeing
            ),
            (graded, Language::English) => format!(
                "{} of {graded} graded {} {} with the association's decision",
                self.agreeing,
                if graded == 1 { "row" } else { "rows" },
                if self.agreeing == 1 {
                    "agrees"
                } else {
                    "agree"
                },
            ),
        };
        if self.not_graded > 0 {
            let words = match (language, self.not_graded) {
                (Language::Swedish, 1) => "inte bedömd",
                (Language::Swedish, _) => "inte bedömda",
                (Language::English, _) => "not graded",
            };
            text.push_str(&format!("; {} {words}", self.not_graded));
        }
        if self.not_computed > 0 {
            let words = language.pick("utan beräknad grad", "without a computed grade");
            text.push_str(&format!("; {} {words}", self.not_computed));
        }
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::common::error::Result;
    use crate::grading::grader::grade;
    use crate::grading::policy::GradingPolicy;
    use crate::model::goal::Goal;
    use crate::model::grade::{DecidedGrade, Grade};
    use crate::model::intervention::{Intervention, InterventionKind};
    use crate::model::result::GoalResult;
    use rust_decimal::Decimal;

    /// An intervention with one count goal of target 10 and `result` (none: no goal), decided
    /// `decided`.
    fn row(result: Option<i64>, decided: Option<Decision>) -> Result<Assessment> {
        let mut intervention = Intervention::new("x", "X", InterventionKind::Individual)?;
        if let Some(result) = result {
            intervention = intervention.with_goal(
                Goal::count("10 deltagare", Decimal::from(10))?
                    .with_result(GoalResult::count(Decimal::from(result))?)?,
            );
        }
        if let Some(decision) = decided {
            intervention = intervention.with_decided_grade(DecidedGrade::new(decision));
        }
        grade(&intervention, &GradingPolicy::default())
    }

    #[test]
    fn counts_each_row_once() -> Result<()> {
        let very_good = Some(Decision::Graded(Grade::VeryGood));
        let rows = [
            row(Some(10), very_good)?,                     // agrees
            row(Some(6), very_good)?,                      // disagrees
            row(Some(10), Some(Decision::NotApplicable))?, // not graded
            row(Some(10), None)?,                          // not graded
            row(None, very_good)?,                         // not computed
            row(None, Some(Decision::NotApplicable))?,     // not graded
        ];
        let agreement = Agreement::of(&rows);
        assert_eq!(
            agreement,
            Agreement {
                graded: 2,
                agreeing: 1,
                not_graded: 3,
                not_computed: 1
            }
        );
        assert_eq!((agreement.rows(), agreement.disagreeing()), (6, 1));
        assert_eq!(
            agreement.text(Language::Swedish),
            "1 av 2 bedömda rader stämmer med förbundets beslut; 3 inte bedömda; \
             1 utan beräknad grad"
        );
        assert_eq!(
            agreement.text(Language::English),
            "1 of 2 graded rows agrees with the association's decision; 3 not graded; \
             1 without a computed grade"
        );
        Ok(())
    }

    #[test]
    fn words_for_none_and_for_all() {
        let none = Agreement::of(&[]);
        assert_eq!(
            none.text(Language::Swedish),
            "Inga bedömda rader att jämföra med förbundets beslut"
        );
        let all = Agreement {
            graded: 10,
            agreeing: 9,
            ..Agreement::default()
        };
        assert_eq!(
            all.text(Language::Swedish),
            "9 av 10 bedömda rader stämmer med förbundets beslut"
        );
        assert_eq!(
            all.text(Language::English),
            "9 of 10 graded rows agree with the association's decision"
        );
    }

    #[test]
    fn reads_back_what_it_writes_and_refuses_more_agreeing_than_graded() -> Result<()> {
        let agreement = Agreement {
            graded: 7,
            agreeing: 5,
            not_graded: 3,
            not_computed: 0,
        };
        let json = crate::common::json::to_json(&agreement);
        assert_eq!(
            json,
            r#"{"graded":7,"agreeing":5,"not_graded":3,"not_computed":0}"#
        );
        assert_eq!(
            crate::common::json::from_json::<Agreement>(&json)?,
            agreement
        );
        let err = crate::common::json::from_json::<Agreement>(
            r#"{"graded":1,"agreeing":2,"not_graded":0,"not_computed":0}"#,
        )
        .err();
        assert_eq!(
            err.map(|e| (e.code(), e.path().to_owned())),
            Some(("invalid_value", "agreeing".into()))
        );
        Ok(())
    }
}
