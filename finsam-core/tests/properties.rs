//! Property tests of the invariants of grading, calibration and the JSON format.

use finsam_core::{
    attainment, calibrate, grade, grade_all, Agreement, DecidedGrade, Decision, Direction, Goal,
    GoalKind, GoalResult, GoalStatus, Grade, GradingPolicy, Intervention, InterventionKind,
    InterventionStatus, Period, QualitativeAssessment, Report, ShareBasis, ShareResult,
};
use proptest::prelude::*;
use rust_decimal::Decimal;

fn amount() -> impl Strategy<Value = Decimal> {
    (0i64..2_000_000, 0u32..4).prop_map(|(n, scale)| Decimal::new(n, scale))
}

fn percent() -> impl Strategy<Value = Decimal> {
    (0i64..=10_000).prop_map(|n| Decimal::new(n, 2))
}

fn direction() -> impl Strategy<Value = Direction> {
    prop_oneof![3 => Just(Direction::AtLeast), 1 => Just(Direction::AtMost)]
}

fn assessment() -> impl Strategy<Value = QualitativeAssessment> {
    prop_oneof![
        Just(QualitativeAssessment::Reached),
        Just(QualitativeAssessment::NotReached),
        Just(QualitativeAssessment::NotAssessed)
    ]
}

fn wording() -> impl Strategy<Value = Option<String>> {
    proptest::option::of("[A-Za-zåäöÅÄÖ ]{1,20}".prop_filter("not blank", |s| !s.trim().is_empty()))
}

/// A result that is not a count or share: qualitative, not measured, not applicable, missing.
fn other_result() -> impl Strategy<Value = GoalResult> {
    prop_oneof![
        ("[a-zåäö]{1,12}( [a-zåäö]{1,12}){0,4}", assessment())
            .prop_map(|(text, a)| GoalResult::qualitative(text, a)
                .unwrap_or_else(|_| GoalResult::missing())),
        wording().prop_map(GoalResult::not_measured),
        wording().prop_map(GoalResult::not_applicable),
        wording().prop_map(|wording| GoalResult::Missing { wording }),
    ]
}

fn share_result() -> impl Strategy<Value = GoalResult> {
    (
        proptest::option::of(percent()),
        proptest::option::of((1i64..500).prop_flat_map(|d| (0..=d, Just(d)))),
    )
        .prop_filter_map("a share needs a figure", |(p, f)| {
            let fraction = f.map(|(n, d)| (Decimal::from(n), Decimal::from(d)));
            ShareResult::new(p, fraction).ok().map(GoalResult::Share)
        })
}

fn text() -> impl Strategy<Value = String> {
    "[A-Za-zåäö0-9 %/.]{1,30}".prop_filter("not blank", |s| !s.trim().is_empty())
}

fn goal() -> impl Strategy<Value = Goal> {
    let count = (text(), amount(), direction(), proptest::option::of(text()), prop_oneof![
        3 => amount().prop_map(|v| GoalResult::count(v).unwrap_or_else(|_| GoalResult::missing())),
        1 => other_result(),
    ])
        .prop_filter_map("valid count goal", |(d, t, dir, unit, r)| {
            Goal::new(d, GoalKind::Count, Some(t), dir, unit, r).ok()
        });
    let share = (
        text(),
        percent(),
        direction(),
        prop_oneof![3 => share_result(), 1 => other_result()],
    )
        .prop_filter_map("valid share goal", |(d, t, dir, r)| {
            Goal::new(d, GoalKind::Share, Some(t), dir, None, r).ok()
        });
    let qualitative = (text(), other_result())
        .prop_filter_map("valid qualitative goal", |(d, r)| {
            Goal::new(d, GoalKind::Qualitative, None, Direction::AtLeast, None, r).ok()
        });
    prop_oneof![3 => count, 3 => share, 1 => qualitative]
}

fn decision() -> impl Strategy<Value = Decision> {
    prop_oneof![
        Just(Decision::NotApplicable),
        Just(Decision::Graded(Grade::VeryGood)),
        Just(Decision::Graded(Grade::Good)),
        Just(Decision::Graded(Grade::Acceptable)),
        Just(Decision::Graded(Grade::NotMet)),
    ]
}

fn intervention() -> impl Strategy<Value = Intervention> {
    (
        "[a-z][a-z0-9-]{0,15}",
        text(),
        proptest::collection::vec(goal(), 0..6),
        proptest::option::of((decision(), wording())),
        any::<bool>(),
        proptest::option::of(1990u16..2030),
        proptest::collection::vec(text(), 0..3),
    )
        .prop_filter_map(
            "valid intervention",
            |(id, name, goals, decided, closed, start, aliases)| {
                let mut i = Intervention::new(&id, name, InterventionKind::Individual).ok()?;
                i.goals = goals;
                i.aliases = aliases;
                i.start_year = start;
                if closed {
                    i.status = InterventionStatus::Closed;
                    i.kind = InterventionKind::Structural;
                }
                i.decided_grade = decided.map(|(decision, reason)| DecidedGrade {
                    decision,
                    printed: None,
                    reason: reason.map(Into::into),
                });
                Some(i)
            },
        )
}

fn policy() -> impl Strategy<Value = GradingPolicy> {
    (0i64..=100, 0i64..=100, 0i64..=100, any::<bool>()).prop_filter_map(
        "ordered edges",
        |(a, b, c, printed)| {
            let mut edges = [a, b, c];
            edges.sort_unstable();
            let [acceptable, good, very_good] = edges.map(|e| Decimal::new(e, 2));
            let basis = if printed {
                ShareBasis::Printed
            } else {
                ShareBasis::Fraction
            };
            GradingPolicy::default()
                .with_edges(very_good, good, acceptable)
                .ok()
                .map(|p| p.with_share_basis(basis))
        },
    )
}

/// A copy of `goal` whose result is better (higher for at-least, lower for at-most, reached for
/// a qualitative result), or `None` if it cannot be improved.
fn improved(goal: &Goal, step: Decimal) -> Option<Goal> {
    let better = |value: Decimal, cap: Option<Decimal>| -> Decimal {
        let moved = match goal.direction() {
            Direction::AtLeast => value + step,
            Direction::AtMost => (value - step).max(Decimal::ZERO),
        };
        cap.map_or(moved, |cap| moved.min(cap))
    };
    let result = match goal.result() {
        GoalResult::Count(c) => GoalResult::count(better(c.value(), None)).ok()?,
        GoalResult::Share(s) => {
            let percent = s.percent().map(|p| better(p, Some(Decimal::ONE_HUNDRED)));
            let fraction = match (s.numerator(), s.denominator(), goal.direction()) {
                (Some(n), Some(d), Direction::AtLeast) => Some(((n + Decimal::ONE).min(d), d)),
                (Some(n), Some(d), Direction::AtMost) => {
                    Some(((n - Decimal::ONE).max(Decimal::ZERO), d))
                }
                _ => None,
            };
            GoalResult::Share(ShareResult::new(percent, fraction).ok()?)
        }
        GoalResult::Qualitative(q) if q.assessment() == QualitativeAssessment::NotReached => {
            GoalResult::qualitative(q.text(), QualitativeAssessment::Reached).ok()?
        }
        _ => return None,
    };
    goal.clone().with_result(result).ok()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn attainment_is_between_zero_and_one(value in amount(), target in amount(), dir in direction()) {
        let a = attainment(value, target, dir);
        prop_assert!(a.is_some());
        let a = a.unwrap_or_default();
        prop_assert!(a >= Decimal::ZERO && a <= Decimal::ONE, "attainment {a}");
    }

    #[test]
    fn goal_attainments_and_score_are_between_zero_and_one(i in intervention(), p in policy()) {
        let assessed = grade(&i, &p);
        prop_assert!(assessed.is_ok());
        let assessed = assessed.map_err(|e| TestCaseError::fail(e.to_string()))?;
        for g in &assessed.goals {
            if let Some(a) = g.attainment {
                prop_assert!(a >= Decimal::ZERO && a <= Decimal::ONE);
            }
        }
        if let Some(score) = assessed.score {
            prop_assert!(score >= Decimal::ZERO && score <= Decimal::ONE);
        }
    }

    #[test]
    fn each_goal_status_agrees_with_its_attainment(i in intervention(), p in policy()) {
        let assessed = grade(&i, &p).map_err(|e| TestCaseError::fail(e.to_string()))?;
        for g in &assessed.goals {
            let expected = match (g.result.as_ref(), g.attainment) {
                (GoalResult::Count(_) | GoalResult::Share(_), Some(a)) if a == Decimal::ONE => GoalStatus::Reached,
                (GoalResult::Count(_) | GoalResult::Share(_), Some(a)) if a.is_zero() => GoalStatus::NotReached,
                (GoalResult::Count(_) | GoalResult::Share(_), Some(_)) => GoalStatus::PartlyReached,
                _ => g.status,
            };
            prop_assert_eq!(g.status, expected, "goal {} with attainment {:?}", g.index, g.attainment);
        }
    }

    #[test]
    fn a_share_keeps_the_exact_percentage_of_its_fraction(n in 0i64..100_000, extra in 0i64..100_000) {
        let (n, d) = (Decimal::from(n), Decimal::from(n + extra + 1));
        let share = ShareResult::new(None, Some((n, d))).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(share.fraction_percent(), Some(n / d * Decimal::ONE_HUNDRED));
        prop_assert_eq!(share.value_percent(ShareBasis::Printed), Some(n / d * Decimal::ONE_HUNDRED));
    }

    #[test]
    fn a_share_as_printed_always_loads_and_is_impossible_exactly_when_it_cannot_be(
        n in 0i64..1_000, d in 0i64..1_000, percent in proptest::option::of(0i64..300)
    ) {
        let (n, d) = (Decimal::from(n), Decimal::from(d));
        let percent = percent.map(Decimal::from);
        let json = serde_json::json!({"type": "share", "numerator": n.to_string(),
            "denominator": d.to_string(), "percent": percent.map(|p| p.to_string())});
        let loaded: GoalResult = finsam_core::format::from_json(&json.to_string())
            .map_err(|e| TestCaseError::fail(e.to_string()))?;
        let impossible = n > d || d.is_zero() || percent.is_some_and(|p| p > Decimal::ONE_HUNDRED);
        prop_assert_eq!(loaded.impossibility().is_some(), impossible);
        // Strict making refuses exactly those, with the same error.
        let strict = ShareResult::new(percent, Some((n, d)));
        prop_assert_eq!(strict.as_ref().err().map(|e| e.code()), loaded.impossibility().map(|e| e.code()));
        // What loads is written back as it was printed.
        let again: GoalResult = finsam_core::format::from_json(&finsam_core::format::to_json(&loaded))
            .map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(again, loaded);
    }

    #[test]
    fn improving_one_result_never_lowers_the_grade(
        i in intervention(), p in policy(), which in any::<prop::sample::Index>(), step in amount()
    ) {
        prop_assume!(!i.goals.is_empty());
        let index = which.index(i.goals.len());
        let better = i.goals.get(index).and_then(|g| improved(g, step));
        prop_assume!(better.is_some());
        let mut raised = i.clone();
        if let (Some(slot), Some(better)) = (raised.goals.get_mut(index), better) {
            *slot = better;
        }
        let before = grade(&i, &p).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let after = grade(&raised, &p).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert!(after.grade >= before.grade, "{:?} -> {:?}", before.grade, after.grade);
        prop_assert!(after.score >= before.score);
    }

    #[test]
    fn adding_an_unmeasured_goal_never_raises_the_grade(
        i in intervention(), p in policy(), position in any::<prop::sample::Index>(), wording in wording()
    ) {
        let before = grade(&i, &p).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let goal = Goal::share("80 % nöjda", Decimal::from(80)).and_then(|g| g.with_result(GoalResult::not_measured(wording)));
        let goal = goal.map_err(|e| TestCaseError::fail(e.to_string()))?;
        let mut more = i.clone();
        more.goals.insert(position.index(i.goals.len() + 1), goal);
        let after = grade(&more, &p).map_err(|e| TestCaseError::fail(e.to_string()))?;
        if before.grade.is_some() {
            prop_assert!(after.grade <= before.grade, "{:?} -> {:?}", before.grade, after.grade);
        }
        prop_assert!(after.grade <= Some(p.unmeasured_cap().max(p.none_measured())));
    }

    #[test]
    fn json_round_trips_unchanged(interventions in proptest::collection::vec(intervention(), 0..5), year in 2004u16..2100, half in any::<bool>()) {
        let period = if half { Period::first_half_of(year) } else { Period::year_of(year) };
        let mut report = Report::new("Samordningsförbundet Prov", period.map_err(|e| TestCaseError::fail(e.to_string()))?)
            .map_err(|e| TestCaseError::fail(e.to_string()))?;
        let mut seen = std::collections::HashSet::new();
        report.interventions = interventions.into_iter().filter(|i| seen.insert(i.id.clone())).collect();
        let json = report.to_json();
        let back = Report::from_json(&json).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(&back, &report);
        prop_assert_eq!(back.to_json(), json);
    }

    #[test]
    fn calibration_never_agrees_less_than_the_start(interventions in proptest::collection::vec(intervention(), 0..25), p in policy()) {
        let calibration = calibrate(&interventions, &p).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert!(calibration.agreeing >= calibration.baseline_agreeing);
        prop_assert_eq!(calibration.confusion.total(), calibration.considered);
        prop_assert_eq!(calibration.agreeing + calibration.disagreements.len(), calibration.considered);
    }

    #[test]
    fn agreement_counts_every_row_once(interventions in proptest::collection::vec(intervention(), 0..25), p in policy()) {
        let assessments = grade_all(&interventions, &p).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let agreement = Agreement::of(&assessments);
        prop_assert_eq!(agreement.graded + agreement.not_graded + agreement.not_computed, assessments.len());
        prop_assert_eq!(agreement.rows(), assessments.len());
        prop_assert!(agreement.agreeing <= agreement.graded);
        prop_assert_eq!(agreement.agreeing + agreement.disagreeing(), agreement.graded);
        // The rows calibration compares, and the start's agreement among them.
        let calibration = calibrate(&interventions, &p).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(agreement.graded, calibration.considered);
        prop_assert_eq!(agreement.agreeing, calibration.baseline_agreeing);
    }

    #[test]
    fn calibration_keeps_the_share_basis_that_agrees_more(interventions in proptest::collection::vec(intervention(), 0..25), p in policy()) {
        let calibration = calibrate(&interventions, &p).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let trial = calibration.share_basis;
        let (chosen, other) = match trial.chosen {
            ShareBasis::Fraction => (trial.fraction, trial.printed),
            ShareBasis::Printed => (trial.printed, trial.fraction),
        };
        prop_assert!(chosen >= other);
        prop_assert!(chosen > other || trial.chosen == p.share_basis(), "a tie keeps the start's basis");
        prop_assert_eq!(calibration.agreeing, chosen);
        prop_assert_eq!(calibration.policy.share_basis(), trial.chosen);
        // The chosen policy grades as it says.
        let regraded = grade_all(&interventions, &calibration.policy).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(Agreement::of(&regraded).agreeing, calibration.agreeing);
    }

    #[test]
    fn grade_is_monotone_in_the_score(p in policy(), a in 0i64..=1000, b in 0i64..=1000) {
        let (low, high) = (Decimal::new(a.min(b), 3), Decimal::new(a.max(b), 3));
        prop_assert!(p.band(low) <= p.band(high));
    }

    #[test]
    fn loading_any_text_never_panics(text in ".{0,200}") {
        let _ = Report::from_json(&text);
        let _ = finsam_core::format::validate_report_json(&text);
    }

    #[test]
    fn loading_a_damaged_sample_never_panics(cut in 0usize..4000, insert in ".{0,3}") {
        let sample = include_str!("../../examples/data/arsredovisning-2017.json");
        let mut damaged: String = sample.chars().take(cut).collect();
        damaged.push_str(&insert);
        damaged.extend(sample.chars().skip(cut + 1));
        if let Err(error) = Report::from_json(&damaged) {
            prop_assert!(!error.code().is_empty());
        }
        let _ = finsam_core::format::validate_report_json(&damaged);
    }
}
