//! The documents finsam writes: the .xlsx read back with an independent reader (calamine), and
//! the Word appendix read back by finsam's own report reader as the same report.

mod support;

use finsam_core::document::{read_text, Limits};
use finsam_core::reader::{read_report, read_report_bytes, ReadOptions};
use finsam_core::write::{report_sheets, report_xlsx, write_docx};
use finsam_core::{check, GradingPolicy, Language, Report};
use serde_json::Value;

const TEXT_2014: &str = include_str!("documents/arsredovisning-2014-bilaga2.txt");

fn read_2014() -> Result<Report, finsam_core::Error> {
    let document = read_text(TEXT_2014, &Limits::default())?;
    Ok(read_report(&document, &ReadOptions::default())?.report)
}

/// What a report states, without where a reader found it: the sources, the other places a goal
/// or result is stated, the aliases of a section's heading, and the printed forms of a decided
/// grade, a budget sentence and a flow row's name (which the appendix writes in its own
/// words).
fn essence(report: &Report) -> Value {
    let mut value: Value = serde_json::from_str(&report.to_json()).unwrap_or_default();
    if let Some(object) = value.as_object_mut() {
        object.remove("sources");
    }
    for row in value
        .pointer_mut("/flows/rows")
        .and_then(Value::as_array_mut)
        .into_iter()
        .flatten()
    {
        if let Some(row) = row.as_object_mut() {
            row.remove("label");
        }
    }
    for intervention in value
        .get_mut("interventions")
        .and_then(Value::as_array_mut)
        .into_iter()
        .flatten()
    {
        let Some(intervention) = intervention.as_object_mut() else {
            continue;
        };
        intervention.remove("aliases");
        if let Some(decided) = intervention
            .get_mut("decided_grade")
            .and_then(Value::as_object_mut)
        {
            decided.remove("printed");
        }
        if let Some(budget) = intervention
            .get_mut("budget")
            .and_then(Value::as_object_mut)
        {
            budget.remove("text");
        }
        for goal in intervention
            .get_mut("goals")
            .and_then(Value::as_array_mut)
            .into_iter()
            .flatten()
        {
            if let Some(goal) = goal.as_object_mut() {
                goal.remove("also_stated");
                goal.remove("also_reported");
            }
        }
    }
    value
}

fn first_difference(a: &Value, b: &Value, path: &str) -> Option<String> {
    match (a, b) {
        (Value::Object(x), Value::Object(y)) => {
            for key in x.keys().chain(y.keys()) {
                let (p, q) = (
                    x.get(key).unwrap_or(&Value::Null),
                    y.get(key).unwrap_or(&Value::Null),
                );
                if let Some(d) = first_difference(p, q, &format!("{path}.{key}")) {
                    return Some(d);
                }
            }
            None
        }
        (Value::Array(x), Value::Array(y)) if x.len() == y.len() => x
            .iter()
            .zip(y)
            .enumerate()
            .find_map(|(i, (p, q))| first_difference(p, q, &format!("{path}[{i}]"))),
        _ if a == b => None,
        _ => Some(format!("{path}: {a} != {b}")),
    }
}

#[test]
fn the_2014_appendix_written_as_word_reads_back_as_the_same_report(
) -> Result<(), finsam_core::Error> {
    let report = read_2014()?;
    let bytes = write_docx(&report, &GradingPolicy::default(), Language::Swedish, None)?;
    let again = read_report_bytes(&bytes, &ReadOptions::default())?;
    let (before, after) = (essence(&report), essence(&again.report));
    assert_eq!(
        after
            .pointer("/interventions")
            .and_then(Value::as_array)
            .map(Vec::len),
        Some(13)
    );
    assert_eq!(
        after.pointer("/interventions/0/goals/0/last_year/value"),
        Some(&Value::from("42"))
    );
    assert_eq!(first_difference(&before, &after, ""), None);
    // The contradictions between its places come back with it, in the same words, but one: a
    // report keeps no list item that states no goal, so Botkyrka's goal list comes back
    // without "60 personer ska tas upp i utökat möte", and its "50 personer erbjuds
    // individuellt stöd" now stands where the first goal's statement would, with the same
    // target as that goal (50): that finding is lost, and the next one is matched by meaning
    // alone, a warning.
    let messages = |report: &Report| -> Vec<String> {
        check(report)
            .iter()
            .map(|d| d.message(Language::English).to_owned())
            .collect()
    };
    let (found_before, found_after) = (messages(&report), messages(&again.report));
    let lost: Vec<&String> = found_before
        .iter()
        .filter(|m| !found_after.contains(m))
        .collect();
    assert_eq!(
        lost,
        [
            "Samverkansteam Botkyrka: the goal \"40 får individcoaching\" has the target 40 in the summary but 50 in the section's goal list (\"50 personer erbjuds individuellt stöd,\") (if it is the same goal).",
            "Samverkansteam Botkyrka: the goal \"20 deltagare i hälsogrupp\" has the target 20 in the summary but 25 in the section's goal list (\"25 deltagare erbjuds deltagande i hälsogrupp,\")."
        ]
    );
    assert_eq!(found_after.len(), found_before.len() - 1);
    Ok(())
}

/// One intervention of a generated report, as its summary row and its section state it.
#[derive(Debug, Clone)]
struct Made {
    /// Whether the intervention has an id of its own, not the one its name makes.
    own_id: bool,
    kind: finsam_core::InterventionKind,
    goals: Vec<(String, String, Option<String>)>,
    grade: Option<&'static str>,
    owner: Option<&'static str>,
    budget: Option<(u32, u32, finsam_core::OutcomeWording)>,
    flows: Option<(u64, u64, u64, u64)>,
}

const NAMES: [&str; 8] = [
    "START",
    "Lyra",
    "Hälsosam",
    "Slussen",
    "Paraplyteamet",
    "Kugghjulen",
    "Samverkansteam Norr",
    "Ungdomsprojektet Salem",
];

fn goal() -> impl proptest::strategy::Strategy<Value = (String, String, Option<String>)> {
    use proptest::prelude::*;
    let count = (
        1u32..400,
        0u32..500,
        proptest::option::of(0u32..500),
        proptest::sample::select(vec![
            "nya deltagare",
            "ärenden",
            "deltagare i gruppverksamhet",
        ]),
    )
        .prop_map(|(target, result, last, unit)| {
            (
                format!("{target} {unit}"),
                format!("{result} {unit}"),
                last.map(|l| format!("{l} {unit}")),
            )
        });
    let share = (
        1u32..100,
        1u32..60,
        0u32..60,
        proptest::option::of(0u32..100),
        proptest::sample::select(vec!["i arbete/studier", "upplever förbättrad hälsa"]),
    )
        .prop_map(|(target, whole, part, last, wording)| {
            let part = part.min(whole);
            let percent = (u64::from(part) * 100 + u64::from(whole) / 2) / u64::from(whole);
            (
                format!("{target} % {wording}"),
                format!("{percent} % ({part} av {whole})"),
                last.map(|l| format!("{l} %")),
            )
        });
    let words = (
        proptest::sample::select(vec![
            "Ökad samverkan kring målgruppen",
            "Utarbetade metoder för samordning",
            "Fler ungdomar i studier",
        ]),
        proptest::sample::select(vec![
            "Metodutveckling påbörjad",
            "Ej mätbart",
            "Samverkan har fördjupats",
        ]),
    )
        .prop_map(|(goal, result)| (goal.to_owned(), result.to_owned(), None));
    prop_oneof![3 => count, 3 => share, 1 => words]
}

fn made() -> impl proptest::strategy::Strategy<Value = Made> {
    use finsam_core::{InterventionKind, OutcomeWording};
    use proptest::prelude::*;
    (
        prop_oneof![
            Just(InterventionKind::Individual),
            Just(InterventionKind::Structural)
        ],
        proptest::collection::vec(goal(), 1..4),
        proptest::option::of(proptest::sample::select(vec![
            "Mycket god",
            "God",
            "Godtagbar",
            "Ej uppfyllt",
            "Ej tillämpbar",
        ])),
        proptest::option::of(proptest::sample::select(vec![
            "Botkyrka kommun",
            "Arbetsförmedlingen",
            "Socialförvaltningen i Salems kommun",
        ])),
        proptest::option::of((
            100u32..9_000,
            0u32..9_000,
            proptest::sample::select(vec![
                OutcomeWording::Requisitioned,
                OutcomeWording::Outcome,
                OutcomeWording::Costs,
            ]),
        )),
        proptest::option::of((1u64..300, 0u64..150, 0u64..100, 0u64..100)),
        proptest::bool::weighted(0.2),
    )
        .prop_map(|(kind, mut goals, grade, owner, budget, flows, own_id)| {
            // Two goals of one intervention worded alike are one goal to a reader.
            let mut seen = std::collections::HashSet::new();
            goals.retain(|g| seen.insert(g.0.clone()));
            Made {
                own_id,
                kind,
                goals,
                grade,
                owner,
                budget,
                flows,
            }
        })
}

/// The report a document with these rows states: built from its cells the way the reader
/// builds it, with its section's owner, budget and last year's results, and the flow table.
fn generated(year: u16, made: &[Made]) -> Result<Report, finsam_core::Error> {
    use finsam_core::text::{parse_result_cell, report_from_text, ResultItem, TextRow};
    use finsam_core::{FlowFigure, FlowFigures, FlowRow, FlowTable, Period, StatedBudget, Unit};
    let rows: Vec<TextRow> = made
        .iter()
        .zip(NAMES)
        .enumerate()
        .map(|(index, (m, name))| TextRow {
            name: name.to_owned(),
            goals: m
                .goals
                .iter()
                .map(|g| g.0.as_str())
                .collect::<Vec<_>>()
                .join("\n"),
            results: m
                .goals
                .iter()
                .map(|g| g.1.as_str())
                .collect::<Vec<_>>()
                .join("\n"),
            grade: m.grade.map(str::to_owned),
            id: m.own_id.then(|| format!("{:04}", index + 1)),
            kind: Some(m.kind),
        })
        .collect();
    let (mut report, _) = report_from_text(
        "Samordningsförbundet Exempel",
        Period::year_of(year)?,
        &rows,
    )?;
    let mut flows = FlowTable::default();
    for (intervention, m) in report.interventions.iter_mut().zip(made) {
        intervention.owner = m.owner.map(str::to_owned);
        intervention.budget = m.budget.map(|(budget, outcome, wording)| StatedBudget {
            unit: Unit::Tkr,
            budget: Some(budget.into()),
            outcome: Some(outcome.into()),
            wording,
            text: String::new(),
        });
        for (goal, (_, _, last)) in intervention.goals.iter_mut().zip(&m.goals) {
            let Some(last) = last else { continue };
            let result = parse_result_cell(last)
                .items
                .into_iter()
                .find_map(|item| match item {
                    ResultItem::Result { result, .. } => Some(result),
                    ResultItem::Unparsed { .. } => None,
                });
            if let Some(result) = result {
                *goal = goal.clone().with_last_year(result)?;
            }
        }
        if let Some((current, women, new, ended)) = m.flows {
            let women = women.min(current);
            flows.rows.push(FlowRow {
                intervention: intervention.id.clone(),
                label: None,
                figures: FlowFigures {
                    current: Some(FlowFigure::Count(current)),
                    women: Some(FlowFigure::Count(women)),
                    men: Some(FlowFigure::Count(current - women)),
                    new: Some(FlowFigure::Count(new)),
                    ended: Some(FlowFigure::Count(ended)),
                    ..FlowFigures::default()
                },
            });
        }
    }
    if !flows.rows.is_empty() {
        report.flows = Some(flows);
    }
    Ok(report)
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(64))]

    /// A report that a document can state, written as a Word appendix and read back, is the
    /// same report.
    #[test]
    fn a_written_appendix_reads_back_as_the_same_report(
        year in 2012u16..2025,
        made in proptest::collection::vec(made(), 1..=NAMES.len()),
    ) {
        let fail = |e: finsam_core::Error| proptest::test_runner::TestCaseError::fail(e.to_string());
        let report = generated(year, &made).map_err(fail)?;
        let bytes = write_docx(&report, &GradingPolicy::default(), Language::Swedish, None).map_err(fail)?;
        let again = read_report_bytes(&bytes, &ReadOptions::default()).map_err(fail)?;
        let (before, after) = (essence(&report), essence(&again.report));
        proptest::prop_assert_eq!(first_difference(&before, &after, ""), None);
    }
}

mod xlsx {
    use super::*;
    use calamine::{open_workbook_from_rs, Data, Reader, Xlsx};

    fn workbook(bytes: Vec<u8>) -> Xlsx<std::io::Cursor<Vec<u8>>> {
        match open_workbook_from_rs(std::io::Cursor::new(bytes)) {
            Ok(workbook) => workbook,
            Err(error) => unreachable!("calamine cannot open the workbook: {error}"),
        }
    }

    fn cell(book: &mut Xlsx<std::io::Cursor<Vec<u8>>>, sheet: &str, row: u32, col: u32) -> Data {
        book.worksheet_range(sheet)
            .ok()
            .and_then(|range| range.get_value((row, col)).cloned())
            .unwrap_or(Data::Empty)
    }

    fn header(book: &mut Xlsx<std::io::Cursor<Vec<u8>>>, sheet: &str) -> Vec<String> {
        book.worksheet_range(sheet)
            .ok()
            .and_then(|range| {
                range
                    .rows()
                    .next()
                    .map(|row| row.iter().map(|c| c.to_string()).collect())
            })
            .unwrap_or_default()
    }

    #[test]
    fn every_table_is_a_sheet_with_typed_cells() -> Result<(), finsam_core::Error> {
        // The headers are the core's columns, in order, in every sheet of every sample.
        for json in [
            include_str!("../../examples/data/arsredovisning-2014.json"),
            include_str!("../../examples/data/arsredovisning-2017.json"),
            include_str!("../../examples/data/halvarsrapport-2019.json"),
        ] {
            let report = Report::from_json(json)?;
            for language in [Language::Swedish, Language::English] {
                let mut book = workbook(report_xlsx(&report, &GradingPolicy::default(), language)?);
                let sheets = report_sheets(&report, &GradingPolicy::default(), language)?;
                let names: Vec<&str> = sheets.iter().map(|s| s.name(language)).collect();
                assert_eq!(book.sheet_names(), names);
                for sheet in &sheets {
                    let labels: Vec<String> = sheet
                        .table
                        .columns
                        .iter()
                        .map(|c| c.label(language).to_owned())
                        .collect();
                    assert_eq!(
                        header(&mut book, sheet.name(language)),
                        labels,
                        "{}",
                        sheet.name_sv
                    );
                }
            }
        }
        let report =
            Report::from_json(include_str!("../../examples/data/arsredovisning-2017.json"))?;
        let bytes = report_xlsx(&report, &GradingPolicy::default(), Language::Swedish)?;
        let mut book = workbook(bytes);
        assert_eq!(
            book.sheet_names(),
            ["Måluppfyllelse", "Mål", "Kontroll", "Deltagarflöden"]
        );
        assert_eq!(
            header(&mut book, "Måluppfyllelse").get(..3),
            Some(
                &[
                    "Insats-id".to_owned(),
                    "Insats".to_owned(),
                    "Mål".to_owned()
                ][..]
            )
        );
        // An id and a name are text; a count is a number; a score is a number.
        assert_eq!(
            cell(&mut book, "Måluppfyllelse", 1, 0),
            Data::String("adrian".into())
        );
        assert_eq!(
            cell(&mut book, "Måluppfyllelse", 1, 1),
            Data::String("Adrian".into())
        );
        assert_eq!(cell(&mut book, "Måluppfyllelse", 1, 2), Data::Float(2.0));
        let score = match cell(&mut book, "Måluppfyllelse", 1, 5) {
            Data::Float(score) => score,
            other => unreachable!("the score is {other:?}"),
        };
        // The score is Adrian's, 0.6298…, to the nearest binary number.
        let computed = report.grade(&GradingPolicy::default())?;
        let computed = computed
            .first()
            .and_then(|a| a.score)
            .map(|s| s.to_string());
        assert_eq!(computed.as_deref().map(str::parse::<f64>), Some(Ok(score)));
        // A share's target is a decimal; an absent value is an empty cell.
        assert_eq!(cell(&mut book, "Mål", 2, 6), Data::Float(35.0));
        let half = Report::from_json(include_str!("../../examples/data/halvarsrapport-2019.json"))?;
        let mut book = workbook(report_xlsx(
            &half,
            &GradingPolicy::default(),
            Language::Swedish,
        )?);
        // Money is a number (in the statement's unit); a code is text; a percentage is Excel's
        // (a part of one): the deviation of −0.46 % is −0.0046.
        assert_eq!(
            cell(&mut book, "Resultaträkning", 1, 6),
            Data::Float(8000.0)
        );
        assert_eq!(
            cell(&mut book, "Resultaträkning", 1, 5),
            Data::String("state".into())
        );
        assert_eq!(
            cell(&mut book, "Budget per insats", 1, 6),
            Data::Float(-7974.0)
        );
        assert_eq!(
            cell(&mut book, "Budget per insats", 1, 7),
            Data::Float(-0.004622608695652174)
        );
        assert_eq!(cell(&mut book, "Budget per insats", 1, 2), Data::Empty);
        Ok(())
    }
}

/// `docs/documents.md`: the sheets of the workbook with their columns, and the outline of the
/// appendix, from the writers themselves.
#[test]
fn the_documents_page_in_docs_is_current() -> Result<(), finsam_core::Error> {
    use finsam_core::write::{appendix, Piece};
    let policy = GradingPolicy::default();
    let mut page = String::from(
        "# The documents finsam writes\n\n\
         What `write::report_xlsx` and `write::write_docx` write (Python `Report.to_xlsx` and \
         `Report.to_docx`, JavaScript `renderXlsx` and `renderDocx`, the command \
         `finsam render --to xlsx|docx`). Written by the test \
         `the_documents_page_in_docs_is_current` (`finsam-core/tests/write.rs`) from the \
         writers themselves; `FINSAM_WRITE_DOCS=1 cargo test -p finsam-core --test write` writes \
         it again.\n\n\
         ## The workbook (.xlsx)\n\n\
         One sheet per table, in the order of `report_sheets`: goal fulfilment, goals and the \
         findings always, then those the report has (flows, end reasons, statement, cost rules, \
         the budget per intervention, the budget the sections state). \
         A cell's type follows its column's kind: `integer`, `decimal`, `money` and `year` are \
         numbers (`#,##0`, which Swedish Excel shows as \"1 150\"; a year without separator), \
         `percent` an Excel percentage (a part of one, `0%`), `fraction` a number with three \
         decimals, `bool` a boolean, and `text`, `code`, `id` and `grade` text. An absent value \
         is an empty cell. The header row is bold, frozen and filtered.\n\n",
    );
    // Every sheet there is: the 2014 appendix's text (stated budgets, end reasons) and the
    // 2019 half-year report (the economics).
    let reports = [
        read_2014()?,
        Report::from_json(include_str!("../../examples/data/halvarsrapport-2019.json"))?,
    ];
    let mut seen: Vec<&str> = Vec::new();
    let mut sheets = Vec::new();
    for report in &reports {
        for sheet in report_sheets(report, &policy, Language::Swedish)? {
            if !seen.contains(&sheet.code) {
                seen.push(sheet.code);
                sheets.push(sheet);
            }
        }
    }
    for sheet in &sheets {
        page.push_str(&format!(
            "### {} ({})\n\n| column | kind | Swedish | English |\n|---|---|---|---|\n",
            sheet.name_sv, sheet.name_en
        ));
        for column in &sheet.table.columns {
            page.push_str(&format!(
                "| `{}` | {} | {} | {} |\n",
                column.key,
                serde_json::to_value(column.kind)
                    .ok()
                    .and_then(|v| v.as_str().map(str::to_owned))
                    .unwrap_or_default(),
                column.label_sv,
                column.label_en
            ));
        }
        page.push('\n');
    }
    page.push_str(
        "## The appendix (.docx)\n\n\
         Word's heading styles (heading 1 to 3), Word tables in the style \"Table Grid\", the \
         explanation of each grade as a bulleted list (\"List Bullet\"), and the grading rule \
         as the footnote of the goal-fulfilment table. With a template, the template's styles. \
         The outline of the 2014 appendix as finsam writes it (its text read, then written):\n\n",
    );
    for piece in appendix(&read_2014()?, &policy, Language::Swedish)? {
        match piece {
            Piece::Heading { level, text } => {
                page.push_str(&format!(
                    "{}- {text}\n",
                    "  ".repeat(usize::from(level) - 1)
                ));
            }
            Piece::Table(table) if table.footnote.is_some() => page.push_str(&format!(
                "    - table: {} (footnote: the grading rule)\n",
                table.header.join(" | ")
            )),
            Piece::Table(table) => {
                page.push_str(&format!("    - table: {}\n", table.header.join(" | ")));
            }
            _ => {}
        }
    }
    page.push_str(&format!(
        "\nThe footnote, in Swedish: \"{}\"\n\nIn English: \"{}\"\n",
        policy.rule_text(Language::Swedish),
        policy.rule_text(Language::English)
    ));
    support::doc_is_current("documents.md", &page, "write")
}
