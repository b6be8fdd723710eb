//! Each intervention's own section, found by a heading that names it: the owner, the partners,
//! the target group, the goal list, the table of this year's and last year's results, and the
//! budget sentence.

use rust_decimal::Decimal;

use crate::common::place::Place;
use crate::common::severity::Severity;
use crate::document::{Block, BlockKind, Document, TableRow};
use crate::model::economics::{OutcomeWording, StatedBudget};
use crate::model::goal::{Certainty, Goal, GoalKind, GoalStatement, ResultStatement};
use crate::model::intervention::Intervention;
use crate::model::money::Unit;
use crate::model::period::Period;
use crate::model::report::{Report, Source};
use crate::model::result::GoalResult;
use crate::reader::words::{amount_at, years, NameIndex};
use crate::reader::{PartKind, ReadingCode, Record};
use crate::text::{parse_goal_cell, parse_result_cell, ResultItem};

/// Where the goal list and the section's table are said to be, in the format's `place`.
use crate::model::goal::{GOAL_LIST, SECTION_TABLE};

/// A section: the intervention's index and the blocks under its heading.
struct Section<'a> {
    intervention: usize,
    heading: &'a Block,
    blocks: &'a [Block],
}

/// Finds each intervention's section and reads what it states into the report.
pub(super) fn read_sections(
    document: &Document,
    period: Period,
    report: &mut Report,
    record: &mut Record,
) {
    let sections = find(document, report);
    let mut seen = vec![false; report.interventions.len()];
    for section in &sections {
        if let Some(slot) = seen.get_mut(section.intervention) {
            *slot = true;
        }
        let Some(intervention) = report.interventions.get_mut(section.intervention) else {
            continue;
        };
        let id = intervention.id.clone();
        let heading = section.heading.text().unwrap_or_default().to_owned();
        record.found(
            PartKind::Section,
            Some(&id),
            section.heading.place,
            Some(heading.clone()),
        );
        if heading != *intervention.name && !intervention.is_called(&heading) {
            intervention.aliases.push(heading);
        }
        read_owner(section, intervention, record);
        read_partners(section, intervention, record);
        read_target_group(section, intervention, record);
        let mut sources = read_goal_list(section, intervention, record);
        sources.extend(read_result_table(section, period, intervention, record));
        let index = section.intervention;
        report
            .sources
            .extend(sources.into_iter().map(|(path, place)| Source {
                path: format!("interventions[{index}].{path}"),
                place,
            }));
        let Some(intervention) = report.interventions.get_mut(section.intervention) else {
            continue;
        };
        if let Some(place) = read_budget(section, intervention, record) {
            report.sources.push(Source {
                path: format!("interventions[{index}].budget"),
                place,
            });
        }
        let prose = super::prose::read_prose(section.blocks, period, intervention, record);
        report
            .sources
            .extend(prose.into_iter().map(|(path, place)| Source {
                path: format!("interventions[{index}].{path}"),
                place,
            }));
    }
    for (index, found) in seen.iter().enumerate() {
        if !found {
            let id = report.interventions.get(index).map(|i| i.id.clone());
            for kind in [
                PartKind::Section,
                PartKind::Owner,
                PartKind::Partners,
                PartKind::TargetGroup,
                PartKind::GoalList,
                PartKind::ResultTable,
                PartKind::Budget,
            ] {
                record.absent(kind, id.as_ref());
            }
        }
    }
}

/// Headings of the report's own parts, which end an intervention's section at their level.
const REPORT_PARTS: [&str; 6] = [
    "sammanställning",
    "sammanfattning",
    "avslutsorsak",
    "deltagarflöd",
    "bilaga",
    "ekonomisk redovisning",
];

/// The headings that name an intervention of the summary, each with the blocks up to the next
/// such heading, a heading above its level, or a heading of one of the report's own parts at its
/// level (a quote set as a heading of the section's level does not end it).
fn find<'a>(document: &'a Document, report: &Report) -> Vec<Section<'a>> {
    let mut starts: Vec<(usize, usize, u8)> = Vec::new();
    let mut taken = vec![false; report.interventions.len()];
    let index = NameIndex::new(&report.interventions);
    for (position, block) in document.blocks.iter().enumerate() {
        let BlockKind::Heading { text, level } = &block.kind else {
            continue;
        };
        let best = index.best(text, |i| !taken.get(i).copied().unwrap_or(true));
        if let Some(intervention) = best {
            if let Some(slot) = taken.get_mut(intervention) {
                *slot = true;
            }
            starts.push((position, intervention, *level));
        }
    }
    let mut sections = Vec::new();
    for (position, (start, intervention, level)) in starts.iter().enumerate() {
        let next_section = starts
            .get(position + 1)
            .map_or(document.blocks.len(), |(next, ..)| *next);
        let end = document
            .blocks
            .iter()
            .enumerate()
            .skip(start + 1)
            .take(next_section.saturating_sub(start + 1))
            .find(|(_, block)| match &block.kind {
                BlockKind::Heading { level: l, text } if *level > 0 && *l > 0 => {
                    *l < *level
                        || (*l == *level
                            && REPORT_PARTS
                                .iter()
                                .any(|p| text.to_lowercase().starts_with(p)))
                }
                _ => false,
            })
            .map_or(next_section, |(index, _)| index);
        if let (Some(heading), Some(blocks)) = (
            document.blocks.get(*start),
            document.blocks.get(start + 1..end),
        ) {
            sections.push(Section {
                intervention: *intervention,
                heading,
                blocks,
            });
        }
    }
    sections
}

/// The blocks of the subsection whose heading starts with one of `titles`: up to the next
/// heading.
fn subsection<'a>(section: &Section<'a>, titles: &[&str]) -> Option<(&'a Block, &'a [Block])> {
    let start = section.blocks.iter().position(|block| {
        matches!(&block.kind, BlockKind::Heading { text, .. } if titles.iter().any(|t| text.to_lowercase().starts_with(t)))
    })?;
    let heading = section.blocks.get(start)?;
    let rest = section.blocks.get(start + 1..)?;
    let end = rest
        .iter()
        .position(|b| matches!(b.kind, BlockKind::Heading { .. }))
        .unwrap_or(rest.len());
    Some((heading, rest.get(..end)?))
}

/// The sentences of the section's running text, each with its place.
fn sentences(blocks: &[Block]) -> impl Iterator<Item = (&str, Place)> {
    blocks
        .iter()
        .filter_map(|b| match &b.kind {
            BlockKind::Paragraph { text } | BlockKind::ListItem { text } => {
                Some((text.as_str(), b.place))
            }
            _ => None,
        })
        .flat_map(|(text, place)| text.split_inclusive(". ").map(move |s| (s.trim(), place)))
}

/// The owner: "Botkyrka kommun är huvudman för projektet", "Projektägare är Socialförvaltningen
/// i Salems kommun", "Huvudägare till insatsen är Huddinge kommun".
fn read_owner(section: &Section<'_>, intervention: &mut Intervention, record: &mut Record) {
    const ROLES: [&str; 5] = [
        "huvudman",
        "huvudägare",
        "projektägare",
        "insatsägare",
        "ägare",
    ];
    let id = intervention.id.clone();
    for (sentence, place) in sentences(section.blocks) {
        let lower = sentence.to_lowercase();
        let Some(role) = ROLES.iter().find(|r| lower.contains(*r)) else {
            continue;
        };
        let owner = if let Some(at) = lower.find(&format!(" är {role}")) {
            // "X är huvudman …": the subject.
            sentence.get(..at).map(str::trim)
        } else if let Some(at) = lower
            .find(" är ")
            .filter(|at| lower.get(..*at).is_some_and(|b| b.contains(role)))
        {
            // "Projektägare är X." / "Huvudägare till insatsen är X.": what follows.
            sentence
                .get(at + " är ".len()..)
                .map(|rest| rest.split(['.', ';']).next().unwrap_or(rest).trim())
        } else {
            None
        };
        if let Some(owner) = owner.filter(|o| !o.is_empty() && o.split_whitespace().count() <= 10) {
            intervention.owner = Some(owner.to_owned());
            record.found(PartKind::Owner, Some(&id), place, Some(owner.to_owned()));
            return;
        }
    }
    record.absent(PartKind::Owner, Some(&id));
}

/// The partners named after "samarbete med", "tillsammans med" or "samverkan med" in the
/// section's partner subsection ("Samverkanspartners").
fn read_partners(section: &Section<'_>, intervention: &mut Intervention, record: &mut Record) {
    let id = intervention.id.clone();
    let Some((heading, blocks)) = subsection(section, &["samverkanspartner", "samarbetspartner"])
    else {
        record.absent(PartKind::Partners, Some(&id));
        return;
    };
    for (sentence, _) in sentences(blocks) {
        let lower = sentence.to_lowercase();
        let Some(at) = ["samarbete med ", "tillsammans med ", "samverkan med "]
            .iter()
            .find_map(|m| lower.find(m).map(|at| at + m.len()))
        else {
            continue;
        };
        let rest = sentence.get(at..).unwrap_or_default();
        let rest = rest.split(['.', ';']).next().unwrap_or(rest);
        let rest = rest.split(" som ").next().unwrap_or(rest);
        let partners: Vec<String> = rest
            .replace(" samt ", ", ")
            .replace(" och ", ", ")
            .split(',')
            .map(|p| p.trim().to_owned())
            .filter(|p| !p.is_empty())
            .collect();
        if !partners.is_empty() {
            record.found(
                PartKind::Partners,
                Some(&id),
                heading.place,
                Some(partners.join(", ")),
            );
            intervention.partners = partners;
            return;
        }
    }
    record.absent(PartKind::Partners, Some(&id));
}

/// The target group: the first paragraph under "Målgrupp" or "Målgrupper".
fn read_target_group(section: &Section<'_>, intervention: &mut Intervention, record: &mut Record) {
    let id = intervention.id.clone();
    let text = subsection(section, &["målgrupp"]).and_then(|(_, blocks)| {
        blocks.iter().find_map(|b| match &b.kind {
            BlockKind::Paragraph { text } | BlockKind::ListItem { text } => {
                Some((text.clone(), b.place))
            }
            _ => None,
        })
    });
    match text {
        Some((text, place)) => {
            record.found(PartKind::TargetGroup, Some(&id), place, None);
            intervention.target_group = Some(text);
        }
        None => record.absent(PartKind::TargetGroup, Some(&id)),
    }
}

/// How well `candidate` is the summary's `goal`: 0 for another kind; more for the same target,
/// shared word stems and the same flow figure.
/// How alike two goals are: the words they share (at most two), and whether their flow figure
/// and their target agree. Goals of different kinds are not alike at all.
struct Likeness {
    words: u32,
    measure: bool,
    target: bool,
}

impl Likeness {
    /// Meaning weighs most: shared words, then the same flow figure; the same target only adds
    /// to them (counts of one size are common).
    fn score(&self) -> u32 {
        2 * self.words + 2 * u32::from(self.measure) + u32::from(self.target)
    }
}

fn likeness(goal: &Goal, candidate: &Goal) -> Option<Likeness> {
    if goal.kind() != candidate.kind() {
        return None;
    }
    let words = |text: &str| -> Vec<String> {
        text.to_lowercase()
            .split(|c: char| !c.is_alphabetic())
            .filter(|w| w.chars().count() >= 4)
            .map(str::to_owned)
            .collect()
    };
    let (a, b) = (words(goal.description()), words(candidate.description()));
    let shared = a
        .iter()
        .filter(|x| {
            b.iter().any(|y| {
                let stem = |w: &str| w.chars().take(4).collect::<String>();
                stem(x) == stem(y) || shares_part(x, y)
            })
        })
        .count();
    Some(Likeness {
        words: u32::try_from(shared.min(2)).unwrap_or(2),
        measure: goal.measures().is_some() && goal.measures() == candidate.measures(),
        target: goal.target().is_some() && goal.target() == candidate.target(),
    })
}

/// Whether two words share six letters in a row ("remisser" and "remiteringar" do not; they
/// share their stem). Five would make "arbete" and "medarbetare" alike.
fn shares_part(a: &str, b: &str) -> bool {
    let a: Vec<char> = a.chars().collect();
    let b: String = b.to_owned();
    a.windows(6)
        .any(|window| b.contains(&window.iter().collect::<String>()))
}

/// The summary goal each of `candidates` states, in order: the best alike goal not yet taken,
/// when it is alike enough: words or the flow figure in common, with the target or the
/// position. A match is sure when the wording shares two words, or one word and the flow
/// figure, and the position, the target or the flow figure agrees as well; otherwise unsure.
fn match_goals(goals: &[Goal], candidates: &[Goal]) -> Vec<Option<(usize, Certainty)>> {
    let mut taken = vec![false; goals.len()];
    let mut next = 0;
    candidates
        .iter()
        .enumerate()
        .map(|(position, candidate)| {
            let best = goals
                .iter()
                .enumerate()
                .filter(|(i, _)| !taken.get(*i).copied().unwrap_or(true))
                .filter_map(|(i, goal)| {
                    let alike = likeness(goal, candidate)?;
                    // In place: next after the last match, or at the same position.
                    let in_place = i == next || i == position;
                    let score = alike.score() + u32::from(in_place);
                    let sure = alike.words + u32::from(alike.measure) >= 2
                        && (in_place || alike.target || alike.measure);
                    (score >= 3).then_some((i, score, sure))
                })
                .max_by_key(|(i, score, _)| (*score, usize::MAX - i));
            best.map(|(i, _, sure)| {
                if let Some(slot) = taken.get_mut(i) {
                    *slot = true;
                }
                next = i + 1;
                let certainty = if sure {
                    Certainty::Sure
                } else {
                    Certainty::Unsure
                };
                (i, certainty)
            })
        })
        .collect()
}

/// The goals of one text, read as a goal cell is.
fn goals_of(text: &str) -> Vec<Goal> {
    parse_goal_cell(text).goals().cloned().collect()
}

/// The section's goal list ("Mål 2014"): each goal that states a summary goal is kept on it
/// with the target the list gives.
fn read_goal_list(
    section: &Section<'_>,
    intervention: &mut Intervention,
    record: &mut Record,
) -> Vec<(String, Place)> {
    let mut sources = Vec::new();
    let id = intervention.id.clone();
    let Some((heading, blocks)) = subsection(section, &["mål 2", "mål för", "målen", "mål:"])
        .or_else(|| {
            subsection(section, &["mål"]).filter(|(h, _)| {
                h.text()
                    .is_some_and(|t| t.trim().eq_ignore_ascii_case("mål"))
            })
        })
    else {
        record.absent(PartKind::GoalList, Some(&id));
        return sources;
    };
    record.found(
        PartKind::GoalList,
        Some(&id),
        heading.place,
        heading.text().map(str::to_owned),
    );
    let items: Vec<(&str, Place)> = blocks
        .iter()
        .filter_map(|b| match &b.kind {
            BlockKind::ListItem { text } | BlockKind::Paragraph { text } => {
                Some((text.as_str(), b.place))
            }
            _ => None,
        })
        .collect();
    let listed: Vec<(Goal, &str, Place)> = items
        .iter()
        .flat_map(|(text, place)| {
            goals_of(text.trim_end_matches([',', '.']))
                .into_iter()
                .map(move |g| (g, *text, *place))
        })
        .collect();
    let matches = match_goals(
        &intervention.goals,
        &listed.iter().map(|(g, ..)| g.clone()).collect::<Vec<_>>(),
    );
    for ((candidate, text, place), matched) in listed.iter().zip(matches) {
        let Some(target) = candidate.target() else {
            continue;
        };
        let Some((index, certainty)) = matched else {
            record.issue(
                ReadingCode::UnmatchedGoal,
                Severity::Info,
                *place,
                Some(&id),
                text,
                format!("Målet \"{}\" i avsnittets mållista svarar inte mot något mål i sammanställningen.", candidate.description()),
                format!("The goal \"{}\" of the section's goal list answers no goal of the summary.", candidate.description()),
            );
            continue;
        };
        let statement = GoalStatement {
            place: GOAL_LIST.to_owned(),
            text: text.trim().to_owned(),
            target,
            certainty,
        };
        if let Some(goal) = intervention.goals.get_mut(index) {
            let path = format!("goals[{index}].also_stated[{}]", goal.also_stated().len());
            if let Ok(with) = goal.clone().with_statement(statement) {
                *goal = with;
                sources.push((path, *place));
            }
        }
    }
    sources
}

/// The columns of a section's table: the goal, this year's result, last year's result.
fn result_columns(first: &TableRow, year: u16) -> Option<(usize, Option<usize>, Option<usize>)> {
    let headers: Vec<String> = first.cells.iter().map(|c| c.text.to_lowercase()).collect();
    let goal = headers.iter().position(|h| h.trim().starts_with("mål"))?;
    let results: Vec<(usize, Option<u16>)> = headers
        .iter()
        .enumerate()
        .filter(|(_, h)| h.trim().starts_with("resultat") || h.trim().starts_with("utfall"))
        .map(|(i, h)| (i, years(h).into_iter().next()))
        .collect();
    if results.is_empty() {
        return None;
    }
    let this = results
        .iter()
        .find(|(_, y)| *y == Some(year))
        .or_else(|| results.iter().find(|(_, y)| y.is_none()))
        .map(|(i, _)| *i);
    let last = results
        .iter()
        .find(|(_, y)| *y == year.checked_sub(1))
        .map(|(i, _)| *i);
    Some((goal, this, last))
}

/// The first result of a cell's text, when it has one it could read.
fn result_of(text: &str) -> Option<GoalResult> {
    parse_result_cell(text)
        .items
        .into_iter()
        .find_map(|item| match item {
            ResultItem::Result { result, .. } => Some(result),
            ResultItem::Unparsed { .. } => None,
        })
}

/// The section's table *Mål | Resultat 2014 | Resultat 2013*: each row that states a summary
/// goal gives it the result the section states and last year's result. Returns the JSON paths
/// (under the intervention) of what was read, with their places.
fn read_result_table(
    section: &Section<'_>,
    period: Period,
    intervention: &mut Intervention,
    record: &mut Record,
) -> Vec<(String, Place)> {
    let id = intervention.id.clone();
    let mut sources = Vec::new();
    let table = section.blocks.iter().find_map(|b| match &b.kind {
        BlockKind::Table { rows } => rows
            .first()
            .and_then(|first| result_columns(first, period.year()))
            .map(|columns| (rows, columns, b.place)),
        _ => None,
    });
    let Some((rows, (goal_column, this_column, last_column), place)) = table else {
        record.absent(PartKind::ResultTable, Some(&id));
        return sources;
    };
    record.found(PartKind::ResultTable, Some(&id), place, None);
    let cell_text = |row: &TableRow, column: Option<usize>| -> Option<(String, Place)> {
        let cell = row.cells.get(column?)?;
        let text = cell.text.trim();
        (!text.is_empty()).then(|| (text.to_owned(), cell.place))
    };
    let stated: Vec<(Goal, &TableRow)> = rows
        .iter()
        .skip(1)
        .filter_map(|row| {
            let (text, _) = cell_text(row, Some(goal_column))?;
            goals_of(&text).into_iter().next().map(|goal| (goal, row))
        })
        .collect();
    let matches = match_goals(
        &intervention.goals,
        &stated.iter().map(|(g, _)| g.clone()).collect::<Vec<_>>(),
    );
    for ((candidate, row), matched) in stated.iter().zip(matches) {
        let Some((index, certainty)) = matched else {
            record.issue(
                ReadingCode::UnmatchedGoal,
                Severity::Info,
                row.place,
                Some(&id),
                candidate.description(),
                format!("Raden \"{}\" i avsnittets tabell svarar inte mot något mål i sammanställningen.", candidate.description()),
                format!("The row \"{}\" of the section's table answers no goal of the summary.", candidate.description()),
            );
            continue;
        };
        let Some(goal) = intervention.goals.get(index).cloned() else {
            continue;
        };
        let mut goal = goal;
        let path = format!("goals[{index}]");
        if let (Some(target), Some((text, place))) =
            (candidate.target(), cell_text(row, Some(goal_column)))
        {
            if goal.kind() != GoalKind::Qualitative {
                let statement = GoalStatement {
                    place: SECTION_TABLE.to_owned(),
                    text,
                    target,
                    certainty,
                };
                if let Ok(with) = goal.clone().with_statement(statement) {
                    sources.push((
                        format!("{path}.also_stated[{}]", goal.also_stated().len()),
                        place,
                    ));
                    goal = with;
                }
            }
        }
        for (column, last_year) in [(this_column, false), (last_column, true)] {
            let Some((text, place)) = cell_text(row, column) else {
                continue;
            };
            let Some(result) = result_of(&text) else {
                record.issue(
                    ReadingCode::UnreadResult,
                    Severity::Warning,
                    place,
                    Some(&id),
                    &text,
                    format!("\"{text}\" i avsnittets tabell kunde inte läsas som ett resultat."),
                    format!("\"{text}\" in the section's table could not be read as a result."),
                );
                continue;
            };
            let updated = if last_year {
                goal.clone().with_last_year(result)
            } else {
                goal.clone().with_reported(ResultStatement {
                    place: SECTION_TABLE.to_owned(),
                    text: text.clone(),
                    result,
                    certainty,
                })
            };
            match updated {
                Ok(with) => {
                    let field = if last_year {
                        "last_year".to_owned()
                    } else {
                        format!("also_reported[{}]", goal.also_reported().len())
                    };
                    sources.push((format!("{path}.{field}"), place));
                    goal = with;
                }
                Err(error) => record.issue(
                    ReadingCode::UnreadResult,
                    Severity::Warning,
                    place,
                    Some(&id),
                    &text,
                    format!(
                        "\"{text}\" passar inte målet \"{}\": {}",
                        goal.description(),
                        error.message_in(crate::common::locale::Language::Swedish)
                    ),
                    format!(
                        "\"{text}\" does not fit the goal \"{}\": {}",
                        goal.description(),
                        error.message()
                    ),
                ),
            }
        }
        if let Some(slot) = intervention.goals.get_mut(index) {
            *slot = goal;
        }
    }
    sources
}

/// Words that give the budget, and those that give the outcome with the wording they use.
/// Verbs such as "uppgick till" or "blev" say nothing by themselves: the noun before them does
/// ("Budget för 2014 uppgick till 2 940 tkr", "kostnaderna uppgick till 2 039 tkr").
const BUDGET_WORDS: [&str; 4] = ["budget", "beviljade", "beviljats", "medel med"];
const OUTCOME_WORDS: [(&str, OutcomeWording); 4] = [
    ("rekvir", OutcomeWording::Requisitioned),
    ("rekvid", OutcomeWording::Requisitioned),
    ("utfall", OutcomeWording::Outcome),
    ("kostnad", OutcomeWording::Costs),
];

/// What the words before an amount make it: `Some(None)` the budget, `Some(Some(wording))` the
/// outcome, `None` neither. The nearest cue wins.
fn cue(before: &str) -> Option<Option<OutcomeWording>> {
    let budget = BUDGET_WORDS.iter().filter_map(|w| before.rfind(w)).max();
    let outcome = OUTCOME_WORDS
        .iter()
        .filter_map(|(w, wording)| before.rfind(w).map(|at| (at, *wording)))
        .max_by_key(|(at, _)| *at);
    match (budget, outcome) {
        (Some(b), Some((o, wording))) => Some(if o > b { Some(wording) } else { None }),
        (Some(_), None) => Some(None),
        (None, Some((_, wording))) => Some(Some(wording)),
        (None, None) => None,
    }
}

/// The budget sentence of the section's economy subsection ("Projektet var budgeterat med
/// 3 335 tkr … varav insatsen endast rekvirerat 2 611 tkr", "Budget för 2014 uppgick till
/// 2 940 tkr. Utfallet blev 2 827 tkr."). An amount is the budget or the outcome by the nearest
/// word before it (or, for "varav 1 011 rekvirerats", right after it); an amount by which the
/// outcome lies under or over budget is neither. Returns the place read.
fn read_budget(
    section: &Section<'_>,
    intervention: &mut Intervention,
    record: &mut Record,
) -> Option<Place> {
    let id = intervention.id.clone();
    let blocks = subsection(section, &["ekonomi", "budget", "ekonomiskt"])
        .map_or(section.blocks, |(_, b)| b);
    let paragraphs: Vec<(&str, Place)> = blocks
        .iter()
        .filter_map(|b| match &b.kind {
            BlockKind::Paragraph { text } => Some((text.as_str(), b.place)),
            _ => None,
        })
        .filter(|(text, _)| {
            text.to_lowercase().contains("tkr") || text.to_lowercase().contains("budget")
        })
        .collect();
    let Some((_, place)) = paragraphs.first().copied() else {
        record.absent(PartKind::Budget, Some(&id));
        return None;
    };
    let text: String = paragraphs
        .iter()
        .map(|(t, _)| *t)
        .collect::<Vec<_>>()
        .join(" ");
    let words: Vec<&str> = text.split_whitespace().collect();
    let lowered: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
    let mut budget: Option<Decimal> = None;
    let mut outcome: Option<(Decimal, OutcomeWording)> = None;
    let mut unit = None;
    let mut unclear = false;
    let mut index = 0;
    while index < words.len() {
        let Some((value, used, amount_unit)) = amount_at(&words, index) else {
            index += 1;
            continue;
        };
        let before: String = lowered
            .get(index.saturating_sub(7)..index)
            .map(|w| w.join(" "))
            .unwrap_or_default();
        let after: String = lowered
            .get(index + used..(index + used + 3).min(words.len()))
            .map(|w| w.join(" "))
            .unwrap_or_default();
        let sentence_start = before.rfind(". ").map_or(0, |at| at + 2);
        let before = before.get(sentence_start..).unwrap_or_default();
        index += used.max(1);
        if before.contains("under budget")
            || before.contains("över budget")
            || before.ends_with(" med") && before.contains("avvik")
        {
            continue;
        }
        // "varav 1 011 rekvirerats": a participle right after an amount without unit says
        // what it is.
        let ends_sentence = words
            .get(index + used - 1)
            .is_some_and(|w| w.ends_with('.'));
        let outcome_after = after
            .split_whitespace()
            .next()
            .filter(|first| {
                !ends_sentence && (first.starts_with("rekvir") || first.starts_with("rekvid"))
            })
            .map(|_| OutcomeWording::Requisitioned);
        match outcome_after.map(Some).or_else(|| cue(before)) {
            Some(Some(wording)) => {
                if outcome.is_some_and(|(v, _)| v != value) {
                    unclear = true;
                }
                outcome = outcome.or(Some((value, wording)));
            }
            Some(None) => {
                if budget.is_some_and(|v| v != value) {
                    unclear = true;
                }
                budget = budget.or(Some(value));
            }
            None => {}
        }
        if amount_unit.is_some() {
            unit = unit.or(amount_unit);
        }
    }
    // "… vilket rekvirerats i sin helhet": the whole budget was drawn.
    let lower = text.to_lowercase();
    if outcome.is_none() && lower.contains("i sin helhet") {
        if let Some(value) = budget {
            let wording = OUTCOME_WORDS
                .iter()
                .find(|(w, _)| lower.contains(w))
                .map_or(OutcomeWording::Outcome, |(_, w)| *w);
            outcome = Some((value, wording));
        }
    }
    if unclear {
        record.issue(
            ReadingCode::UnclearBudget,
            Severity::Warning,
            place,
            Some(&id),
            &text,
            "Texten om budget och utfall nämner flera belopp för samma sak; det första är läst.".into(),
            "The text on budget and outcome names more than one amount for the same figure; the first is read.".into(),
        );
    }
    if budget.is_none() && outcome.is_none() {
        record.issue(
            ReadingCode::UnclearBudget,
            Severity::Warning,
            place,
            Some(&id),
            &text,
            "Texten om budget och utfall kunde inte läsas.".into(),
            "The text on budget and outcome could not be read.".into(),
        );
        record.absent(PartKind::Budget, Some(&id));
        return None;
    }
    let unit = match unit {
        Some("kr") => Unit::Sek,
        _ => Unit::Tkr,
    };
    record.found(PartKind::Budget, Some(&id), place, None);
    intervention.budget = Some(StatedBudget {
        unit,
        budget,
        outcome: outcome.map(|(v, _)| v),
        wording: outcome.map_or(OutcomeWording::Outcome, |(_, w)| w),
        text,
    });
    Some(place)
}
