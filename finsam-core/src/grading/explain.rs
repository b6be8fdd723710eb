//! Explanations of grades a person can read, in Swedish and in English: per goal the target,
//! the result, the attainment and the status; the rule that set the grade; and how the grade
//! compares with the one the association decided.

use std::fmt::Write as _;

use rust_decimal::{Decimal, RoundingStrategy};

use crate::common::locale::{format_number, format_percent, Language};
use crate::grading::assessment::{Assessment, Comparison, GoalAssessment, GoalStatus, Rule};
use crate::model::goal::{Direction, GoalKind};
use crate::model::result::{GoalResult, QualitativeAssessment};

/// Rounds towards zero, so that a figure just under an edge never prints as the edge.
fn floor(value: Decimal, decimals: u32) -> Decimal {
    value.round_dp_with_strategy(decimals, RoundingStrategy::ToZero)
}

fn score_text(score: Decimal, language: Language) -> String {
    format_number(floor(score, 3), 3, language)
}

fn attainment_text(attainment: Decimal, language: Language) -> String {
    format_percent(floor(attainment * Decimal::ONE_HUNDRED, 1), language)
}

impl GoalStatus {
    /// The status in words.
    pub fn label(self, language: Language) -> &'static str {
        let (sv, en) = match self {
            GoalStatus::Reached => ("uppnått", "reached"),
            GoalStatus::PartlyReached => ("delvis uppnått", "partly reached"),
            GoalStatus::NotReached => ("ej uppnått", "not reached"),
            GoalStatus::NotMeasured => ("ej mätt", "not measured"),
            GoalStatus::NotAssessed => ("ej bedömt", "not assessed"),
            GoalStatus::Missing => ("saknas", "missing"),
            GoalStatus::NotApplicable => ("ej tillämpligt", "not applicable"),
        };
        language.pick(sv, en)
    }
}

impl GoalAssessment {
    /// The target in words: "minst 80 %", "at most 3 månader"; `None` for a qualitative goal.
    pub fn target_text(&self, language: Language) -> Option<String> {
        let target = self.target?;
        let direction = match self.direction {
            Direction::AtLeast => language.pick("minst", "at least"),
            Direction::AtMost => language.pick("högst", "at most"),
        };
        let figure = match self.kind {
            GoalKind::Share => format_percent(target, language),
            GoalKind::Count | GoalKind::Qualitative => {
                let number = format_number(target, 2, language);
                match &self.unit {
                    Some(unit) => format!("{number} {unit}"),
                    None => number,
                }
            }
        };
        Some(format!("{direction} {figure}"))
    }

    /// The result in words: "96", "89 av 93 = 95,7 % (tryckt 93 %)", "\"4 möten\" (bedömt uppnått)".
    pub fn result_text(&self, language: Language) -> String {
        let of = language.pick("av", "of");
        match self.result.as_ref() {
            GoalResult::Count(count) => format_number(count.value(), 2, language),
            GoalResult::Share(share) => {
                let percent = |value: Decimal| format_percent(value, language);
                let fraction = match (
                    share.numerator(),
                    share.denominator(),
                    share.fraction_percent(),
                ) {
                    (Some(n), Some(d), Some(exact)) => Some(format!(
                        "{} {of} {} = {}",
                        format_number(n, 0, language),
                        format_number(d, 0, language),
                        percent(exact)
                    )),
                    _ => None,
                };
                let printed_word = language.pick("tryckt", "printed");
                match (fraction, share.percent(), self.printed_used) {
                    (Some(fraction), Some(printed), true) => {
                        format!("{} ({printed_word}; {fraction})", percent(printed))
                    }
                    (Some(fraction), Some(printed), false) => match share.printed_deviation() {
                        // A printed figure that is the fraction rounded adds nothing.
                        Some(deviation) if deviation < Decimal::new(5, 1) => fraction,
                        _ => format!("{fraction} ({printed_word} {})", percent(printed)),
                    },
                    (Some(fraction), None, _) => fraction,
                    (None, Some(printed), _) => percent(printed),
                    (None, None, _) => String::new(),
                }
            }
            GoalResult::Qualitative(q) => {
                let assessed = match q.assessment() {
                    QualitativeAssessment::Reached => {
                        language.pick("bedömt uppnått", "assessed as reached")
                    }
                    QualitativeAssessment::NotReached => {
                        language.pick("bedömt ej uppnått", "assessed as not reached")
                    }
                    QualitativeAssessment::NotAssessed => {
                        language.pick("ej bedömt", "not assessed")
                    }
                };
                format!("\"{}\" ({assessed})", q.text())
            }
            GoalResult::NotMeasured { wording }
            | GoalResult::NotApplicable { wording }
            | GoalResult::Missing { wording } => {
                let base = self.status.label(language).to_owned();
                match wording {
                    Some(wording) => format!("{base} (\"{wording}\")"),
                    None => base,
                }
            }
        }
    }

    /// One line on the goal: target, result, attainment and status.
    pub fn explain(&self, language: Language) -> String {
        let description = self.description.trim_end().trim_end_matches('.');
        let mut line = format!("{}. {description}: ", self.index + 1);
        if let Some(target) = self.target_text(language) {
            let _ = write!(line, "{} {target}, ", language.pick("mål", "target"));
        }
        let _ = write!(
            line,
            "{} {}",
            language.pick("resultat", "result"),
            self.result_text(language)
        );
        match (self.attainment, self.status) {
            (Some(attainment), status) => {
                let _ = write!(
                    line,
                    " → {} {} ({})",
                    language.pick("måluppfyllelse", "attainment"),
                    attainment_text(attainment, language),
                    status.label(language)
                );
            }
            (None, GoalStatus::NotApplicable) => {
                line.push_str(language.pick(
                    " → lämnas utanför bedömningen",
                    " → left out of the grading",
                ));
            }
            (None, _) => {
                line.push_str(language.pick(
                    " → räknas som ej uppnått och ingår inte i medelvärdet",
                    " → counts as not reached and stays out of the mean",
                ));
            }
        }
        line
    }
}

impl Rule {
    /// The rule in words, given the score it was applied to.
    pub fn explain(&self, score: Option<Decimal>, language: Language) -> String {
        let score = score.map(|s| score_text(s, language)).unwrap_or_default();
        match *self {
            Rule::NoGradableGoals => language
                .pick(
                    "Regel: insatsen har inga mål att bedöma (inga mål, eller bara mål som inte är tillämpliga) och får ingen grad.",
                    "Rule: the intervention has no goals to grade (none, or only goals that do not apply) and gets no grade.",
                )
                .to_owned(),
            Rule::NoneMeasured { unmeasured, grade } => match language {
                Language::Swedish => format!(
                    "Regel: inget mål mättes ({unmeasured} st); när inget mål mätts blir graden {}.",
                    grade.label_sv()
                ),
                Language::English => format!(
                    "Rule: no goal was measured ({unmeasured} in all); when no goal is measured the grade is {}.",
                    grade.label_en()
                ),
            },
            Rule::ScoreBand { band, edge, unmeasured, cap } => {
                let mut text = match (edge, language) {
                    (Some(edge), Language::Swedish) => format!(
                        "Regel: medelvärdet {score} ligger i bandet för {} (från {}).",
                        band.label_sv(),
                        format_number(edge, 4, language)
                    ),
                    (Some(edge), Language::English) => format!(
                        "Rule: the mean {score} lies in the band of {} (from {}).",
                        band.label_en(),
                        format_number(edge, 4, language)
                    ),
                    (None, Language::Swedish) => {
                        format!("Regel: medelvärdet {score} ligger under alla band och ger {}.", band.label_sv())
                    }
                    (None, Language::English) => {
                        format!("Rule: the mean {score} lies below every band and gives {}.", band.label_en())
                    }
                };
                if unmeasured > 0 {
                    match language {
                        Language::Swedish => {
                            let _ = write!(
                                text,
                                " {unmeasured} mål mättes inte och ingår inte i medelvärdet; det begränsar graden till högst {}.",
                                cap.label_sv()
                            );
                        }
                        Language::English => {
                            let _ = write!(
                                text,
                                " {unmeasured} goal(s) were not measured and stay out of the mean; that limits the grade to at most {}.",
                                cap.label_en()
                            );
                        }
                    }
                }
                text
            }
            Rule::CappedForUnmeasured { band, cap, unmeasured } => match language {
                Language::Swedish => format!(
                    "Regel: medelvärdet {score} ligger i bandet för {}, men {unmeasured} mål mättes inte; när ett mål inte mätts blir graden högst {}.",
                    band.label_sv(),
                    cap.label_sv()
                ),
                Language::English => format!(
                    "Rule: the mean {score} lies in the band of {}, but {unmeasured} goal(s) were not measured; when a goal is not measured the grade is at most {}.",
                    band.label_en(),
                    cap.label_en()
                ),
            },
        }
    }
}

impl Assessment {
    /// The score as the explanations print it: three decimals, rounded towards zero so that a
    /// score just under a band edge never prints as the edge ("0,945", "1"); `None` without a
    /// score.
    pub fn score_text(&self, language: Language) -> Option<String> {
        self.score.map(|score| score_text(score, language))
    }

    /// The headline: the name, the computed grade and the score.
    pub fn summary(&self, language: Language) -> String {
        match (self.grade, self.score) {
            (Some(grade), Some(score)) => match language {
                Language::Swedish => format!(
                    "{}: beräknad måluppfyllelse {} (medelvärde {} av {} mätta mål)",
                    self.name,
                    grade.label_sv(),
                    score_text(score, language),
                    self.measured_goals()
                ),
                Language::English => format!(
                    "{}: computed goal fulfilment {} (mean {} over {} measured goal(s))",
                    self.name,
                    grade.label_en(),
                    score_text(score, language),
                    self.measured_goals()
                ),
            },
            (Some(grade), None) => match language {
                Language::Swedish => format!(
                    "{}: beräknad måluppfyllelse {} (inget mål mätt)",
                    self.name,
                    grade.label_sv()
                ),
                Language::English => format!(
                    "{}: computed goal fulfilment {} (no goal measured)",
                    self.name,
                    grade.label_en()
                ),
            },
            (None, _) => match language {
                Language::Swedish => format!("{}: ingen beräknad måluppfyllelse", self.name),
                Language::English => format!("{}: no computed goal fulfilment", self.name),
            },
        }
    }

    /// The decided grade and how it compares with the computed one, if a grade was decided.
    pub fn comparison_text(&self, language: Language) -> Option<String> {
        let decided = self.decided.as_ref()?;
        let comparison = self.comparison?;
        let label = decided.decision.label(language);
        let computed = self.grade.map(|g| g.label(language)).unwrap_or_default();
        let mut text = match (comparison, language) {
            (Comparison::Agrees, Language::Swedish) => {
                format!("Beslutad grad: {label}, samma som den beräknade.")
            }
            (Comparison::Agrees, Language::English) => {
                format!("Decided grade: {label}, the same as computed.")
            }
            (Comparison::DecidedHigher, Language::Swedish) => {
                format!("Beslutad grad: {label}, högre än den beräknade ({computed}).")
            }
            (Comparison::DecidedHigher, Language::English) => {
                format!("Decided grade: {label}, higher than computed ({computed}).")
            }
            (Comparison::DecidedLower, Language::Swedish) => {
                format!("Beslutad grad: {label}, lägre än den beräknade ({computed}).")
            }
            (Comparison::DecidedLower, Language::English) => {
                format!("Decided grade: {label}, lower than computed ({computed}).")
            }
            (Comparison::DecidedNotApplicable, Language::Swedish) => {
                format!("Beslutad grad: {label}; förbundet graderade inte insatsen, beräknad grad {computed}.")
            }
            (Comparison::DecidedNotApplicable, Language::English) => {
                format!("Decided grade: {label}; the association did not grade it, computed {computed}.")
            }
            (Comparison::NotComputed, Language::Swedish) => {
                format!("Beslutad grad: {label}, men ingen grad kunde beräknas.")
            }
            (Comparison::NotComputed, Language::English) => {
                format!("Decided grade: {label}, but no grade could be computed.")
            }
        };
        if let Some(reason) = &decided.reason {
            let _ = write!(text, " {} {reason}", language.pick("Skäl:", "Reason:"));
        }
        Some(text)
    }

    /// The whole explanation: the headline, a line per goal, the rule, and the comparison with
    /// the decided grade.
    ///
    /// ```
    /// use finsam_core::{grade, Goal, GoalResult, GradingPolicy, Intervention, InterventionKind, Language};
    /// use rust_decimal::Decimal;
    /// let start = Intervention::new("start", "START", InterventionKind::Individual)?
    ///     .with_goal(Goal::count("20 nya deltagare", Decimal::from(20))?
    ///         .with_result(GoalResult::count(Decimal::from(10))?)?);
    /// let text = grade(&start, &GradingPolicy::default())?.explain(Language::Swedish);
    /// assert_eq!(text, "START: beräknad måluppfyllelse Godtagbar (medelvärde 0,5 av 1 mätta mål)\n  \
    ///   1. 20 nya deltagare: mål minst 20, resultat 10 → måluppfyllelse 50 % (delvis uppnått)\n  \
    ///   Regel: medelvärdet 0,5 ligger i bandet för Godtagbar (från 0,5).");
    /// # Ok::<(), finsam_core::Error>(())
    /// ```
    pub fn explain(&self, language: Language) -> String {
        let mut text = self.summary(language);
        for goal in &self.goals {
            text.push_str("\n  ");
            text.push_str(&goal.explain(language));
        }
        text.push_str("\n  ");
        text.push_str(&self.rule.explain(self.score, language));
        if let Some(comparison) = self.comparison_text(language) {
            text.push_str("\n  ");
            text.push_str(&comparison);
        }
        text
    }
}

/// The explanations of many assessments, in order, separated by a blank line.
///
/// ```
/// use finsam_core::explain_all;
/// use finsam_core::{grade_all, Goal, GoalResult, GradingPolicy, Intervention, InterventionKind, Language};
/// use rust_decimal::Decimal;
/// let goal = |n| Goal::count("20 nya deltagare", Decimal::from(20))?.with_result(GoalResult::count(Decimal::from(n))?);
/// let start = Intervention::new("start", "START", InterventionKind::Individual)?.with_goal(goal(20)?);
/// let lyra = Intervention::new("lyra", "Lyra", InterventionKind::Individual)?.with_goal(goal(5)?);
/// let assessments = grade_all(&[start, lyra], &GradingPolicy::default())?;
/// let text = explain_all(&assessments, Language::English);
/// assert_eq!(text.split("\n\n").count(), 2);
/// assert!(text.starts_with("START: computed goal fulfilment Very good"));
/// assert!(text.contains("\n\nLyra: computed goal fulfilment Not met"));
/// # Ok::<(), finsam_core::Error>(())
/// ```
pub fn explain_all(assessments: &[Assessment], language: Language) -> String {
    let mut text = String::new();
    for (index, assessment) in assessments.iter().enumerate() {
        if index > 0 {
            text.push_str("\n\n");
        }
        text.push_str(&assessment.explain(language));
    }
    text
}

impl crate::grading::policy::GradingPolicy {
    /// The grading rule in words, for a table's footnote: how a goal's attainment and an
    /// intervention's score are computed, the band edges, and the rules for goals that were not
    /// measured.
    ///
    /// ```
    /// use finsam_core::{GradingPolicy, Language};
    /// let rule = GradingPolicy::default().rule_text(Language::Swedish);
    /// assert!(rule.contains("Mycket god från 0,95, God från 0,85, Godtagbar från 0,5"));
    /// ```
    pub fn rule_text(&self, language: Language) -> String {
        use crate::model::grade::Grade;
        use crate::model::result::ShareBasis;
        let edge = |grade: Grade| {
            format!(
                "{} {} {}",
                grade.label(language),
                language.pick("från", "from"),
                format_number(self.edge(grade).unwrap_or_default(), 4, language)
            )
        };
        let bands = [Grade::VeryGood, Grade::Good, Grade::Acceptable]
            .map(edge)
            .join(", ");
        let basis = match self.share_basis() {
            ShareBasis::Fraction => language.pick(
                "en andel räknas på bråket \"n av N\" när det finns, annars på den tryckta procentsatsen",
                "a share is taken from its fraction \"n of N\" where one is given, else from the printed percentage",
            ),
            ShareBasis::Printed => language.pick(
                "en andel räknas på den tryckta procentsatsen när den finns, annars på bråket \"n av N\"",
                "a share is taken from its printed percentage where one is given, else from its fraction \"n of N\"",
            ),
        };
        match language {
            Language::Swedish => format!(
                "Måluppfyllelsen beräknas av finsam: varje måls resultat delas med målet, för ett mål om högst ett värde målet med resultatet (högst 100 %; {basis}); ett kvalitativt mål räknas som 100 % när det bedömts uppnått och 0 % när inte. Insatsens värde är medelvärdet av de mätta målen. {bands}, annars {}. Ett mål som inte mätts ingår inte i medelvärdet och begränsar graden till högst {}; mättes inget mål blir graden {}. Mål som inte är tillämpliga lämnas utanför.",
                Grade::NotMet.label(language),
                self.unmeasured_cap().label(language),
                self.none_measured().label(language),
            ),
            Language::English => format!(
                "Goal fulfilment as computed by finsam: each goal's result is divided by its target, for a goal of at most a value the target by the result (at most 100%; {basis}); a qualitative goal counts 100% when assessed reached and 0% when not. The intervention's score is the mean over the measured goals. {bands}, else {}. A goal that was not measured stays out of the mean and limits the grade to at most {}; when no goal was measured the grade is {}. Goals that do not apply are left out.",
                Grade::NotMet.label(language),
                self.unmeasured_cap().label(language),
                self.none_measured().label(language),
            ),
        }
    }
}
