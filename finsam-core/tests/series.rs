//! Reports across years: the annual samples of 2014, 2015 and 2017 in one series, interventions
//! matched by id and by alias, goals matched by description and by figure, the grade history,
//! the refusal of two reports of one period, and that the order reports are added in does not
//! matter.

use finsam_core::{
    ErrorKind, Goal, GoalMatch, GoalResult, Grade, GradingPolicy, InterventionHistory,
    InterventionKind, InterventionMatch, Period, Report, ReportSeries, SeriesComparison,
};
use proptest::prelude::*;
use rust_decimal::Decimal;

const REPORT_2014: &str = include_str!("../../examples/data/arsredovisning-2014.json");
const REPORT_2015: &str = include_str!("../../examples/data/arsredovisning-2015.json");
const REPORT_2017: &str = include_str!("../../examples/data/arsredovisning-2017.json");

type TestResult = Result<(), Box<dyn std::error::Error>>;

fn d(n: i64) -> Decimal {
    Decimal::from(n)
}

fn year(year: u16) -> Result<Period, finsam_core::Error> {
    Period::year_of(year)
}

fn samples() -> Result<Vec<Report>, finsam_core::Error> {
    [REPORT_2014, REPORT_2015, REPORT_2017]
        .into_iter()
        .map(Report::from_json)
        .collect()
}

fn compare_samples() -> Result<SeriesComparison, finsam_core::Error> {
    ReportSeries::from_reports(samples()?)?.compare(&GradingPolicy::default())
}

fn history<'a>(
    comparison: &'a SeriesComparison,
    id: &str,
) -> Result<&'a InterventionHistory, String> {
    comparison
        .intervention(id)
        .ok_or_else(|| format!("no intervention {id}"))
}

fn periods(history: &InterventionHistory) -> Vec<String> {
    history
        .appearances
        .iter()
        .map(|a| a.period.to_string())
        .collect()
}

/// A one-intervention report of `period` with one count goal "30 deltagare" and its result.
fn report_with(
    period: Period,
    id: &str,
    name: &str,
    aliases: &[&str],
    participants: i64,
) -> Result<Report, finsam_core::Error> {
    let mut report = Report::new("Samordningsförbundet Huddinge Botkyrka Salem", period)?;
    let mut intervention = finsam_core::Intervention::new(id, name, InterventionKind::Individual)?
        .with_goal(
            Goal::count("30 deltagare", d(30))?.with_result(GoalResult::count(d(participants))?)?,
        );
    intervention.aliases = aliases.iter().map(|a| (*a).to_owned()).collect();
    report.interventions.push(intervention);
    Ok(report)
}

#[test]
fn the_three_annual_samples_in_order() -> TestResult {
    let comparison = compare_samples()?;
    let periods: Vec<String> = comparison.periods.iter().map(|p| p.to_string()).collect();
    assert_eq!(periods, ["2014", "2015", "2017"]);
    // 13 interventions in 2014; 2015 has none new; 2017 adds Möjliggörarna and MIA.
    assert_eq!(comparison.interventions.len(), 15);
    let ids: Vec<&str> = comparison
        .interventions
        .iter()
        .map(|h| h.id.as_str())
        .collect();
    assert_eq!(ids.first(), Some(&"samverkansteam-botkyrka"));
    assert_eq!(ids.get(13..), Some(&["mojliggorarna", "mia"][..]));
    Ok(())
}

#[test]
fn halsosam_participants_across_the_years() -> TestResult {
    let comparison = compare_samples()?;
    let halsosam = history(&comparison, "halsosam")?;
    assert_eq!(periods(halsosam), ["2014", "2015", "2017"]);
    let goal = halsosam
        .goals
        .iter()
        .find(|g| {
            g.points
                .iter()
                .any(|p| &*p.goal.description == "80 deltagare")
        })
        .ok_or("no goal '80 deltagare'")?;
    let values: Vec<Option<Decimal>> = goal.points.iter().map(|p| p.goal.value).collect();
    assert_eq!(values, [Some(d(89)), Some(d(85)), Some(d(96))]);
    let changes: Vec<Option<Decimal>> = goal
        .points
        .iter()
        .map(|p| p.change.and_then(|c| c.value_change))
        .collect();
    assert_eq!(changes, [None, Some(d(-4)), Some(d(11))]);
    let previous: Vec<Option<String>> = goal
        .points
        .iter()
        .map(|p| p.change.map(|c| c.previous_period.to_string()))
        .collect();
    assert_eq!(previous, [None, Some("2014".into()), Some("2015".into())]);
    // "80 deltagare" and "80 deltagare." are one description.
    let matched: Vec<Option<GoalMatch>> = goal
        .points
        .iter()
        .map(|p| p.change.map(|c| c.matched_by))
        .collect();
    assert_eq!(
        matched,
        [
            None,
            Some(GoalMatch::Description),
            Some(GoalMatch::Description)
        ]
    );
    assert!(goal
        .points
        .iter()
        .all(|p| p.goal.attainment == Some(Decimal::ONE)));
    assert!(goal
        .points
        .iter()
        .skip(1)
        .all(|p| p.change.and_then(|c| c.attainment_change) == Some(Decimal::ZERO)));
    assert_eq!(goal.description, "80 deltagare.");
    Ok(())
}

#[test]
fn unmatched_goals_are_kept_in_their_own_history() -> TestResult {
    let comparison = compare_samples()?;
    // Every goal of every report stands in exactly one history.
    let goals_in_reports: usize = samples()?
        .iter()
        .flat_map(|r| &r.interventions)
        .map(|i| i.goals.len())
        .sum();
    let points: usize = comparison
        .interventions
        .iter()
        .flat_map(|h| &h.goals)
        .map(|g| g.points.len())
        .sum();
    assert_eq!(points, goals_in_reports);
    assert_eq!(comparison.goal_rows().len(), goals_in_reports);

    let halsosam = history(&comparison, "halsosam")?;
    let spans: Vec<(String, Vec<String>)> = halsosam
        .goals
        .iter()
        .map(|g| {
            (
                g.description.clone(),
                g.points.iter().map(|p| p.period.to_string()).collect(),
            )
        })
        .collect();
    let span = |description: &str, years: &[&str]| {
        (
            description.to_owned(),
            years.iter().map(|y| (*y).to_owned()).collect::<Vec<_>>(),
        )
    };
    assert_eq!(
        spans,
        [
            span("80 deltagare.", &["2014", "2015", "2017"]),
            // 2015 words it "80 % förbättrad hälsa.": no description or figure in common.
            span("80 % upplever förbättrad hälsa", &["2014"]),
            span("60 % fullföljer programmet.", &["2014", "2015"]),
            span("80 % förbättrad hälsa.", &["2015", "2017"]),
            // A new goal in 2017, not the 2015 goal of 60 % with another text.
            span(
                "60 % tar eget ansvar för att genomföra hälsoplan",
                &["2017"]
            ),
        ]
    );
    Ok(())
}

#[test]
fn goals_match_by_figure_when_the_target_changes() -> TestResult {
    let comparison = compare_samples()?;
    let start = history(&comparison, "start")?;
    // "15 nya deltagare." (2015) became "20 nya" (2017): both measure new participants.
    let new = start
        .goals
        .iter()
        .find(|g| g.description == "20 nya")
        .ok_or("no goal '20 nya'")?;
    let point = new.point(year(2017)?).ok_or("no 2017 point")?;
    let change = point.change.ok_or("no change against 2015")?;
    assert_eq!(change.previous_period, year(2015)?);
    assert_eq!(change.matched_by, GoalMatch::Figure);
    assert_eq!(change.value_change, Some(d(6)));
    assert_eq!(
        new.point(year(2015)?)
            .map(|p| (p.goal.target, p.goal.value)),
        Some((Some(d(15)), Some(d(15))))
    );
    // 2014 states no flow measure for "70 nya deltagare"; the unit agrees with 2015's.
    let huddinge = history(&comparison, "samverkansteam-huddinge")?;
    let first = huddinge.goals.first().ok_or("no goal")?;
    let descriptions: Vec<&str> = first.points.iter().map(|p| &*p.goal.description).collect();
    assert_eq!(descriptions, ["70 nya deltagare", "50 nya deltagare."]);
    assert_eq!(
        first.points.last().map(|p| p.change.map(|c| c.matched_by)),
        Some(Some(GoalMatch::PartialFigure))
    );
    Ok(())
}

#[test]
fn interventions_that_exist_only_some_years() -> TestResult {
    let comparison = compare_samples()?;
    assert_eq!(periods(history(&comparison, "akse")?), ["2014", "2015"]);
    assert_eq!(periods(history(&comparison, "paraplyteamet")?), ["2014"]);
    assert_eq!(periods(history(&comparison, "kugghjulen")?), ["2014"]);
    assert_eq!(periods(history(&comparison, "mia")?), ["2017"]);
    let adrian = history(&comparison, "adrian")?;
    assert_eq!(periods(adrian), ["2014", "2015", "2017"]);
    let matched: Vec<Option<InterventionMatch>> =
        adrian.appearances.iter().map(|a| a.matched_by).collect();
    assert_eq!(
        matched,
        [
            None,
            Some(InterventionMatch::Id),
            Some(InterventionMatch::Id)
        ]
    );
    assert!(comparison.intervention("no-such-id").is_none());
    Ok(())
}

#[test]
fn grade_history_per_intervention() -> TestResult {
    let comparison = compare_samples()?;
    let grades = |id: &str| -> Result<Vec<Option<Grade>>, String> {
        Ok(history(&comparison, id)?
            .grades()
            .into_iter()
            .map(|(_, g)| g)
            .collect())
    };
    assert_eq!(
        grades("halsosam")?,
        [
            Some(Grade::VeryGood),
            Some(Grade::VeryGood),
            Some(Grade::VeryGood)
        ]
    );
    assert_eq!(
        grades("start")?,
        [
            Some(Grade::Good),
            Some(Grade::VeryGood),
            Some(Grade::VeryGood)
        ]
    );
    assert_eq!(
        grades("upis")?,
        [
            Some(Grade::NotMet),
            Some(Grade::VeryGood),
            Some(Grade::VeryGood)
        ]
    );
    let rows = comparison.grade_rows();
    let appearances: usize = comparison
        .interventions
        .iter()
        .map(|h| h.appearances.len())
        .sum();
    assert_eq!(rows.len(), appearances);
    assert_eq!(appearances, 13 + 10 + 10);
    let decided = history(&comparison, "adrian")?
        .appearance(year(2017)?)
        .and_then(|a| a.decided)
        .map(|d| d.code());
    assert_eq!(decided, Some("not_applicable"));
    Ok(())
}

#[test]
fn an_alias_matches_when_the_name_and_id_differ() -> TestResult {
    let mut reports = samples()?;
    // 2018: a new id and a new name; only the alias "upis" (another case) is one Upis had.
    reports.push(report_with(
        year(2018)?,
        "unga-pa-vag",
        "Unga på väg",
        &["upis"],
        41,
    )?);
    // 2019: the long name with other spacing and case.
    reports.push(report_with(
        year(2019)?,
        "upis-2019",
        "  unga PÅ   väg i salem (upis) ",
        &[],
        50,
    )?);
    // 2020: another intervention with the same goal: not matched.
    reports.push(report_with(year(2020)?, "ny", "Ny insats", &["Nytt"], 5)?);
    let comparison = ReportSeries::from_reports(reports)?.compare(&GradingPolicy::default())?;
    let upis = history(&comparison, "upis")?;
    assert_eq!(periods(upis), ["2014", "2015", "2017", "2018", "2019"]);
    let matched: Vec<(String, Option<InterventionMatch>)> = upis
        .appearances
        .iter()
        .map(|a| (a.id.to_string(), a.matched_by))
        .collect();
    assert_eq!(
        matched.get(3..),
        Some(
            &[
                ("unga-pa-vag".to_owned(), Some(InterventionMatch::Name)),
                ("upis-2019".to_owned(), Some(InterventionMatch::Name)),
            ][..]
        )
    );
    // The history goes by its latest id and name, and is found by any id it had.
    assert_eq!(upis.id.as_str(), "upis-2019");
    assert_eq!(
        comparison.intervention("unga-pa-vag").map(|h| &h.id),
        Some(&upis.id)
    );
    // The goal continues across the renaming.
    let participants = upis.goals.first().ok_or("no goal")?;
    let values: Vec<Option<Decimal>> = participants.points.iter().map(|p| p.goal.value).collect();
    assert_eq!(
        values,
        [
            Some(d(9)),
            Some(d(36)),
            Some(d(44)),
            Some(d(41)),
            Some(d(50))
        ]
    );
    assert_eq!(
        periods(history(&comparison, "ny")?),
        ["2020"],
        "a name nobody had before starts its own history"
    );
    Ok(())
}

#[test]
fn half_years_compare_with_half_years() -> TestResult {
    let series = ReportSeries::from_reports([
        report_with(year(2017)?, "upis", "Upis", &[], 44)?,
        report_with(Period::first_half_of(2018)?, "upis", "Upis", &[], 20)?,
        report_with(year(2018)?, "upis", "Upis", &[], 41)?,
        report_with(Period::first_half_of(2019)?, "upis", "Upis", &[], 25)?,
    ])?;
    let comparison = series.compare(&GradingPolicy::default())?;
    let upis = history(&comparison, "upis")?;
    assert_eq!(periods(upis), ["2017", "2018-H1", "2018", "2019-H1"]);
    type Step = (String, Option<String>, Option<Decimal>);
    let histories: Vec<Vec<Step>> = upis
        .goals
        .iter()
        .map(|g| {
            g.points
                .iter()
                .map(|p| {
                    (
                        p.period.to_string(),
                        p.change.map(|c| c.previous_period.to_string()),
                        p.change.and_then(|c| c.value_change),
                    )
                })
                .collect()
        })
        .collect();
    assert_eq!(
        histories,
        [
            vec![
                ("2017".to_owned(), None, None),
                ("2018".to_owned(), Some("2017".to_owned()), Some(d(-3))),
            ],
            vec![
                ("2018-H1".to_owned(), None, None),
                ("2019-H1".to_owned(), Some("2018-H1".to_owned()), Some(d(5))),
            ],
        ]
    );
    Ok(())
}

#[test]
fn two_reports_of_one_period_are_refused() -> TestResult {
    let mut series = ReportSeries::from_reports(samples()?)?;
    let again = Report::from_json(REPORT_2015)?;
    let err = series
        .add(again)
        .err()
        .ok_or("a second 2015 was accepted")?;
    assert_eq!(err.kind(), ErrorKind::DuplicatePeriod);
    assert_eq!(err.code(), "duplicate_period");
    assert_eq!(err.path(), "period");
    assert_eq!(series.len(), 3);
    let mut twice = samples()?;
    twice.extend(samples()?.into_iter().take(1));
    let err = ReportSeries::from_reports(twice).err().map(|e| e.kind());
    assert_eq!(err, Some(ErrorKind::DuplicatePeriod));
    assert!(ReportSeries::new().is_empty());
    Ok(())
}

#[test]
fn the_comparison_serialises_with_decimals_as_strings() -> TestResult {
    let comparison = compare_samples()?;
    let json: serde_json::Value = serde_json::from_str(&comparison.to_json())?;
    let at = |value: &serde_json::Value, pointer: &str| value.pointer(pointer).cloned();
    let text = |s: &str| Some(serde_json::Value::from(s));
    assert_eq!(
        at(&json, "/periods"),
        Some(serde_json::json!(["2014", "2015", "2017"]))
    );
    let halsosam = json
        .get("interventions")
        .and_then(serde_json::Value::as_array)
        .and_then(|all| {
            all.iter()
                .find(|h| h.get("id").and_then(serde_json::Value::as_str) == Some("halsosam"))
        })
        .ok_or("no halsosam in the JSON")?;
    let point = at(halsosam, "/goals/0/points/1").ok_or("no second point")?;
    assert_eq!(at(&point, "/period"), text("2015"));
    assert_eq!(at(&point, "/value"), text("85"));
    assert_eq!(at(&point, "/value_change"), text("-4"));
    assert_eq!(at(&point, "/matched_by"), text("description"));
    assert_eq!(at(&point, "/measures"), text("current_participants"));
    assert_eq!(at(&point, "/result/type"), text("count"));
    assert_eq!(at(halsosam, "/appearances/0/grade"), text("very_good"));
    let rows = serde_json::to_value(comparison.goal_rows())?;
    assert_eq!(
        at(&rows, "/0/intervention_id"),
        text("samverkansteam-botkyrka")
    );
    assert_eq!(at(&rows, "/0/period"), text("2014"));
    assert_eq!(at(&rows, "/0/value"), text("42"));
    assert_eq!(at(&rows, "/0/result/type"), text("count"));
    assert_eq!(
        at(&rows, "/0/goal_number"),
        Some(serde_json::Value::from(1))
    );
    assert_eq!(at(&rows, "/0/previous_period"), None);
    assert_eq!(at(&rows, "/1/previous_period"), text("2014"));
    assert_eq!(at(&rows, "/1/matched_by"), text("figure"));
    assert_eq!(at(&rows, "/1/value_change"), text("-21"));
    let grades = serde_json::to_value(comparison.grade_rows())?;
    assert_eq!(at(&grades, "/0/period"), text("2014"));
    assert_eq!(at(&grades, "/0/grade"), text("good"));
    assert_eq!(at(&grades, "/0/score"), text("0.9225"));
    Ok(())
}

/// A small report: each intervention an (id, name, alias) from a pool, with one goal from a
/// pool and a result.
type Sketch = Vec<(usize, usize, Option<usize>, usize, i64)>;

const IDS: [&str; 4] = ["a", "b", "c", "d"];
const NAMES: [&str; 5] = ["Alfa", "Beta", "Gamma", "Delta", "Epsilon"];
const GOALS: [&str; 3] = ["10 deltagare", "5 nya deltagare", "10 deltagare."];

fn build(period: Period, sketch: &Sketch) -> Option<Report> {
    let mut report = Report::new("Exempel", period).ok()?;
    for (id, name, alias, goal, value) in sketch {
        let id = IDS.get(*id)?;
        if report.intervention(id).is_some() {
            continue;
        }
        let mut intervention =
            finsam_core::Intervention::new(id, *NAMES.get(*name)?, InterventionKind::Individual)
                .ok()?;
        if let Some(alias) = alias {
            intervention.aliases.push((*NAMES.get(*alias)?).to_owned());
        }
        let goal = Goal::count(*GOALS.get(*goal)?, d(10))
            .ok()?
            .with_result(GoalResult::count(d(*value)).ok()?)
            .ok()?;
        report.interventions.push(intervention.with_goal(goal));
    }
    Some(report)
}

fn sketches() -> impl Strategy<Value = Vec<(u16, bool, Sketch)>> {
    proptest::collection::vec(
        (
            2010u16..2016,
            any::<bool>(),
            proptest::collection::vec(
                (
                    0..IDS.len(),
                    0..NAMES.len(),
                    proptest::option::of(0..NAMES.len()),
                    0..GOALS.len(),
                    0i64..20,
                ),
                0..4,
            ),
        ),
        1..6,
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn the_order_reports_are_added_in_does_not_matter(
        order in Just(vec![0usize, 1, 2]).prop_shuffle(),
    ) {
        let all = samples()?;
        let shuffled = order.iter().filter_map(|&i| all.get(i).cloned());
        let policy = GradingPolicy::default();
        let expected = ReportSeries::from_reports(all.clone())?.compare(&policy)?;
        let found = ReportSeries::from_reports(shuffled)?.compare(&policy)?;
        prop_assert_eq!(found.to_json(), expected.to_json());
        prop_assert_eq!(found, expected);
    }

    #[test]
    fn the_order_does_not_matter_for_any_reports(
        sketches in sketches(),
        order in Just((0..6).collect::<Vec<usize>>()).prop_shuffle(),
    ) {
        let mut reports: Vec<Report> = Vec::new();
        for (year, half, sketch) in &sketches {
            let period = if *half { Period::first_half_of(*year)? } else { Period::year_of(*year)? };
            if reports.iter().any(|r| r.period == period) {
                continue;
            }
            if let Some(report) = build(period, sketch) {
                reports.push(report);
            }
        }
        let policy = GradingPolicy::default();
        let expected = ReportSeries::from_reports(reports.clone())?.compare(&policy)?;
        let mut shuffled: Vec<(usize, Report)> = order.into_iter().zip(reports).collect();
        shuffled.sort_by_key(|(key, _)| *key);
        let found = ReportSeries::from_reports(shuffled.into_iter().map(|(_, r)| r))?.compare(&policy)?;
        prop_assert_eq!(found, expected);
    }
}
