//! Report tables rendered as Markdown, standalone HTML and CSV: the goal-fulfilment summary of
//! the 2017 sample and the participant flows of 2015 and 2017, and exact output for a small
//! report built by hand.

use finsam_core::render::{render_flow_table, render_goal_table, result_text, Format};
use finsam_core::{
    DecidedGrade, Decision, Error, ErrorKind, Goal, GoalResult, Grade, GradingPolicy, Intervention,
    InterventionKind, Language, Period, QualitativeAssessment, Report, ShareResult,
};
use rust_decimal::Decimal;

const REPORT_2015: &str = include_str!("../../examples/data/arsredovisning-2015.json");
const REPORT_2017: &str = include_str!("../../examples/data/arsredovisning-2017.json");

type TestResult = Result<(), Box<dyn std::error::Error>>;

fn d(n: i64) -> Decimal {
    Decimal::from(n)
}

fn goal_table(report: &Report, format: Format, language: Language) -> Result<String, Error> {
    render_goal_table(report, &GradingPolicy::default(), format, language)
}

fn flow_table(report: &Report, format: Format, language: Language) -> Result<String, String> {
    render_flow_table(report, format, language).ok_or_else(|| "the report has no flows".into())
}

/// START (decided grade agrees), an intervention whose name holds a `|` with a count in the
/// thousands, a share of 8.5 % and a qualitative result with a comma and quotes (decided grade
/// differs), and an intervention without goals.
fn small_report() -> Result<Report, Error> {
    let mut report = Report::new("Samordningsförbundet Exempel", Period::year_of(2017)?)?;
    report.interventions.push(
        Intervention::new("start", "START", InterventionKind::Individual)?
            .with_goal(
                Goal::count("20 nya deltagare", d(20))?.with_result(GoalResult::count(d(21))?)?,
            )
            .with_goal(Goal::share("50 % i arbete/studier", d(50))?.with_result(
                GoalResult::Share(ShareResult::new(Some(d(67)), Some((d(14), d(21))))?),
            )?)
            .with_decided_grade(DecidedGrade::new(Decision::Graded(Grade::VeryGood))),
    );
    report.interventions.push(
        Intervention::new(
            "kugghjulen",
            "Kugghjulen | ärenden",
            InterventionKind::Individual,
        )?
        .with_goal(Goal::count("1 150 ärenden", d(1150))?.with_result(GoalResult::count(d(1150))?)?)
        .with_goal(
            Goal::share("10 % till arbete", d(10))?
                .with_result(GoalResult::share_fraction(d(17), d(200))?)?,
        )
        .with_goal(Goal::qualitative("Samverkan, \"nätverk\"")?.with_result(
            GoalResult::qualitative("Möten, nätverk", QualitativeAssessment::Reached)?,
        )?)
        .with_decided_grade(DecidedGrade::new(Decision::Graded(Grade::Good))),
    );
    report.interventions.push(Intervention::new(
        "ny",
        "Ny insats",
        InterventionKind::Structural,
    )?);
    Ok(report)
}

#[test]
fn html_of_2017_is_a_complete_accessible_document() -> TestResult {
    let report = Report::from_json(REPORT_2017)?;
    let html = goal_table(&report, Format::Html, Language::Swedish)?;
    assert!(
        html.starts_with("<!DOCTYPE html>\n<html lang=\"sv\">\n<head>\n<meta charset=\"utf-8\">\n")
    );
    assert!(html.ends_with("</table>\n</body>\n</html>\n"));
    assert!(html.contains(
        "<caption>Sammanställning av måluppfyllelse – Samordningsförbundet Huddinge Botkyrka Salem, 2017</caption>"
    ));
    assert!(html.contains(
        "<thead>\n<tr><th scope=\"col\">Insats</th><th scope=\"col\">Mål</th>\
         <th scope=\"col\">Resultat</th><th scope=\"col\">Måluppfyllelse</th></tr>\n</thead>"
    ));
    // One group per intervention, one row per goal (and the header row).
    let goals: usize = report
        .interventions
        .iter()
        .map(|i| i.goals.len().max(1))
        .sum();
    assert_eq!(html.matches("<tbody>").count(), report.interventions.len());
    assert_eq!(html.matches("<tr>").count(), goals + 1);
    assert_eq!(
        html.matches("<th scope=\"rowgroup\"").count(),
        report.interventions.len()
    );
    // Every body row begins with the intervention's header cell or continues its group.
    for line in html.lines().filter(|l| l.starts_with("<tr><td>")) {
        assert_eq!(line.matches("<td>").count(), 2, "{line}");
    }
    assert!(html.contains(
        "<tr><th scope=\"rowgroup\" rowspan=\"3\">START</th><td>40 deltagare</td><td>61</td>\
         <td rowspan=\"3\">Mycket god</td></tr>\n\
         <tr><td>20 nya</td><td>21</td></tr>\n\
         <tr><td>50 % i arbete/studier.</td><td>67 % (14 av 21)</td></tr>\n"
    ));
    assert!(html.contains(
        "<tr><th scope=\"rowgroup\" rowspan=\"3\">Hälsosam</th><td>80 deltagare.</td><td>96</td>\
         <td rowspan=\"3\">Mycket god</td></tr>"
    ));
    // 89 of 93 is printed as 93 %: the table shows what the report says.
    assert!(html.contains("<td>93 % (89 av 93)</td>"));
    // Closed early: the association decided Ej tillämpbar, the rule grades the goals.
    assert!(html.contains(
        "<th scope=\"rowgroup\" rowspan=\"2\">Adrian</th><td>Avsluta aktiva deltagare.</td>\
         <td>11 deltagare.</td><td rowspan=\"2\">Godtagbar (beslutad: Ej tillämpbar)</td>"
    ));
    Ok(())
}

#[test]
fn html_of_2017_in_english() -> TestResult {
    let report = Report::from_json(REPORT_2017)?;
    let html = goal_table(&report, Format::Html, Language::English)?;
    assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"));
    assert!(html.contains("<caption>Summary of goal fulfilment – Samordningsförbundet Huddinge Botkyrka Salem, 2017</caption>"));
    assert!(html.contains("<th scope=\"col\">Goal fulfilment</th>"));
    assert!(html.contains("<td>67% (14 of 21)</td>"));
    assert!(html.contains("<td rowspan=\"3\">Acceptable (decided: Good)</td>"));
    Ok(())
}

#[test]
fn markdown_of_a_small_report_is_exact() -> TestResult {
    let markdown = goal_table(&small_report()?, Format::Markdown, Language::Swedish)?;
    assert_eq!(
        markdown,
        "**Sammanställning av måluppfyllelse – Samordningsförbundet Exempel, 2017**\n\
         \n\
         | Insats | Mål | Resultat | Måluppfyllelse |\n\
         | --- | --- | --- | --- |\n\
         | START | 20 nya deltagare | 21 | Mycket god |\n\
         |  | 50 % i arbete/studier | 67 % (14 av 21) |  |\n\
         | Kugghjulen \\| ärenden | 1 150 ärenden | 1 150 | Mycket god (beslutad: God) |\n\
         |  | 10 % till arbete | 8,5 % (17 av 200) |  |\n\
         |  | Samverkan, \"nätverk\" | Möten, nätverk |  |\n\
         | Ny insats | Inga mål |  | Ingen grad |\n"
    );
    Ok(())
}

#[test]
fn csv_of_a_small_report_is_exact() -> TestResult {
    let report = small_report()?;
    assert_eq!(
        goal_table(&report, Format::Csv, Language::Swedish)?,
        "Insats,Mål,Resultat,Måluppfyllelse\r\n\
         START,20 nya deltagare,21,Mycket god\r\n\
         START,50 % i arbete/studier,67 % (14 av 21),Mycket god\r\n\
         Kugghjulen | ärenden,1 150 ärenden,1 150,Mycket god (beslutad: God)\r\n\
         Kugghjulen | ärenden,10 % till arbete,\"8,5 % (17 av 200)\",Mycket god (beslutad: God)\r\n\
         Kugghjulen | ärenden,\"Samverkan, \"\"nätverk\"\"\",\"Möten, nätverk\",Mycket god (beslutad: God)\r\n\
         Ny insats,Inga mål,,Ingen grad\r\n"
    );
    assert_eq!(
        goal_table(&report, Format::Csv, Language::English)?,
        "Intervention,Goal,Result,Goal fulfilment\r\n\
         START,20 nya deltagare,21,Very good\r\n\
         START,50 % i arbete/studier,67% (14 of 21),Very good\r\n\
         Kugghjulen | ärenden,1 150 ärenden,\"1,150\",Very good (decided: Good)\r\n\
         Kugghjulen | ärenden,10 % till arbete,8.5% (17 of 200),Very good (decided: Good)\r\n\
         Kugghjulen | ärenden,\"Samverkan, \"\"nätverk\"\"\",\"Möten, nätverk\",Very good (decided: Good)\r\n\
         Ny insats,No goals,,No grade\r\n"
    );
    Ok(())
}

#[test]
fn html_of_a_small_report_is_exact_in_its_body() -> TestResult {
    let html = goal_table(&small_report()?, Format::Html, Language::Swedish)?;
    let body = html
        .split_once("</thead>\n")
        .map(|(_, rest)| rest)
        .unwrap_or_default();
    assert_eq!(
        body,
        "<tbody>\n\
         <tr><th scope=\"rowgroup\" rowspan=\"2\">START</th><td>20 nya deltagare</td><td>21</td><td rowspan=\"2\">Mycket god</td></tr>\n\
         <tr><td>50 % i arbete/studier</td><td>67 % (14 av 21)</td></tr>\n\
         </tbody>\n\
         <tbody>\n\
         <tr><th scope=\"rowgroup\" rowspan=\"3\">Kugghjulen | ärenden</th><td>1 150 ärenden</td><td>1 150</td><td rowspan=\"3\">Mycket god (beslutad: God)</td></tr>\n\
         <tr><td>10 % till arbete</td><td>8,5 % (17 av 200)</td></tr>\n\
         <tr><td>Samverkan, &quot;nätverk&quot;</td><td>Möten, nätverk</td></tr>\n\
         </tbody>\n\
         <tbody>\n\
         <tr><th scope=\"row\">Ny insats</th><td>Inga mål</td><td></td><td>Ingen grad</td></tr>\n\
         </tbody>\n\
         </table>\n</body>\n</html>\n"
    );
    Ok(())
}

#[test]
fn numbers_are_written_the_language_way() -> TestResult {
    let thousands = GoalResult::count(d(1150))?;
    let share = GoalResult::share_fraction(d(17), d(200))?;
    let printed = GoalResult::share_percent(Decimal::new(85, 1))?;
    assert_eq!(result_text(&thousands, Language::Swedish), "1 150");
    assert_eq!(result_text(&thousands, Language::English), "1,150");
    assert_eq!(result_text(&share, Language::Swedish), "8,5 % (17 av 200)");
    assert_eq!(result_text(&share, Language::English), "8.5% (17 of 200)");
    assert_eq!(result_text(&printed, Language::Swedish), "8,5 %");
    assert_eq!(result_text(&printed, Language::English), "8.5%");
    let big = GoalResult::share_fraction(d(1150), d(2300))?;
    assert_eq!(
        result_text(&big, Language::Swedish),
        "50 % (1 150 av 2 300)"
    );
    Ok(())
}

#[test]
fn results_without_a_figure_read_as_the_report_words_them() -> TestResult {
    let sv = Language::Swedish;
    assert_eq!(result_text(&GoalResult::not_measured(None), sv), "Ej mätt");
    assert_eq!(
        result_text(
            &GoalResult::not_measured(Some("Mätning ej gjord".into())),
            sv
        ),
        "Mätning ej gjord"
    );
    assert_eq!(
        result_text(&GoalResult::not_applicable(None), sv),
        "Ej tillämpligt"
    );
    assert_eq!(result_text(&GoalResult::missing(), sv), "Resultat saknas");
    assert_eq!(
        result_text(&GoalResult::not_applicable(None), Language::English),
        "Not applicable"
    );
    let qualitative = GoalResult::qualitative("4 möten", QualitativeAssessment::NotAssessed)?;
    assert_eq!(result_text(&qualitative, sv), "4 möten");
    Ok(())
}

#[test]
fn html_escapes_names_and_organisation() -> TestResult {
    let mut report = Report::new("Förbund <A&B>", Period::year_of(2017)?)?;
    report.interventions.push(
        Intervention::new(
            "x",
            "Botkyrka & Salem <pilot>",
            InterventionKind::Individual,
        )?
        .with_goal(Goal::count("5 <nya> & fler", d(5))?.with_result(GoalResult::count(d(5))?)?),
    );
    let html = goal_table(&report, Format::Html, Language::Swedish)?;
    assert!(html.contains(
        "<title>Sammanställning av måluppfyllelse – Förbund &lt;A&amp;B&gt;, 2017</title>"
    ));
    assert!(html.contains(
        "<tr><th scope=\"row\">Botkyrka &amp; Salem &lt;pilot&gt;</th><td>5 &lt;nya&gt; &amp; fler</td>"
    ));
    assert!(!html.contains("<pilot>"));
    assert!(!html.contains("<nya>"));
    assert!(!html.contains("& "));
    let markdown = goal_table(&report, Format::Markdown, Language::Swedish)?;
    assert!(markdown
        .contains("| Botkyrka \\& Salem \\<pilot\\> | 5 \\<nya\\> \\& fler | 5 | Mycket god |"));
    Ok(())
}

#[test]
fn flow_table_of_2015_has_the_total_row() -> TestResult {
    let report = Report::from_json(REPORT_2015)?;
    let html = flow_table(&report, Format::Html, Language::Swedish)?;
    assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"sv\">"));
    assert!(html.contains(
        "<caption>Sammanfattning av deltagarflöden – Samordningsförbundet Huddinge Botkyrka Salem, 2015</caption>"
    ));
    assert!(html.contains(
        "<tr><th scope=\"col\">Insats</th><th scope=\"col\">Aktuella deltagare</th>\
         <th scope=\"col\">Varav kvinnor</th><th scope=\"col\">Varav män</th>\
         <th scope=\"col\">Annat/ej angivet</th><th scope=\"col\">Nya deltagare</th>\
         <th scope=\"col\">Avslutade deltagare</th><th scope=\"col\">Till arbete/studier</th>\
         <th scope=\"col\">Arbetssökande vid avslut</th></tr>"
    ));
    let rows = report.flows.as_ref().map_or(0, |f| f.rows.len());
    assert_eq!(html.matches("<tr><th scope=\"row\">").count(), rows + 1);
    assert!(html.contains(
        "<tr><th scope=\"row\">Lyra</th><td class=\"num\">28</td><td class=\"num\">6</td>\
         <td class=\"num\">5</td><td class=\"num\">1</td><td class=\"num\">12</td>\
         <td class=\"num\">20</td><td class=\"num\">6</td><td class=\"num\">5</td></tr>"
    ));
    assert!(html.contains(
        "<tfoot>\n<tr><th scope=\"row\">TOTALT</th><td class=\"num\">728</td>\
         <td class=\"num\">411</td><td class=\"num\">299</td><td class=\"num\">1</td>\
         <td class=\"num\">501</td><td class=\"num\">215</td><td class=\"num\">98</td>\
         <td class=\"num\">24</td></tr>\n</tfoot>"
    ));
    let markdown = flow_table(&report, Format::Markdown, Language::Swedish)?;
    assert!(markdown.contains("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n"));
    assert!(markdown.ends_with(
        "| Ungdomsprojektet Salem | 36 | 18 | 18 | 0 | 27 | 17 | 12 | 3 |\n\
         | TOTALT | 728 | 411 | 299 | 1 | 501 | 215 | 98 | 24 |\n"
    ));
    let csv = flow_table(&report, Format::Csv, Language::English)?;
    assert!(csv.starts_with(
        "Intervention,Current participants,Of whom women,Of whom men,Other/unspecified,\
         New participants,Ended participants,To work/studies,Job-seeking at end\r\n"
    ));
    assert!(csv.ends_with("TOTAL,728,411,299,1,501,215,98,24\r\n"));
    assert_eq!(csv.lines().count(), rows + 2);
    Ok(())
}

#[test]
fn flow_table_of_2017_has_not_applicable_blank_and_unique() -> TestResult {
    let report = Report::from_json(REPORT_2017)?;
    let markdown = flow_table(&report, Format::Markdown, Language::Swedish)?;
    assert!(markdown
        .contains("| Hälsosam | 96 | 69 | 27 | 0 | 96 | 96 | ej tillämpligt | ej tillämpligt |\n"));
    // The report leaves Upis's job-seeking blank.
    assert!(markdown.contains("| Ungdomsprojektet Salem | 44 | 13 | 31 | 0 | 35 | 23 | 18 |  |\n"));
    assert!(markdown.ends_with(
        "| TOTALT | 760 | 407 | 346 | 7 | 529 | 506 | 114 | 33 |\n\
         | Varav unika deltagare | 624 |  |  |  |  |  |  |  |\n"
    ));
    let english = flow_table(&report, Format::Csv, Language::English)?;
    assert!(english.contains("\r\nHälsosam,96,69,27,0,96,96,n/a,n/a\r\n"));
    assert!(english.ends_with("\r\nOf whom unique participants,624,,,,,,,\r\n"));
    let html = flow_table(&report, Format::Html, Language::English)?;
    assert!(html.contains(
        "<tr><th scope=\"row\">Of whom unique participants</th><td class=\"num\">624</td><td class=\"num\"></td>"
    ));
    Ok(())
}

#[test]
fn no_flow_table_without_flows() -> TestResult {
    let report = small_report()?;
    assert_eq!(
        render_flow_table(&report, Format::Html, Language::Swedish),
        None
    );
    Ok(())
}

#[test]
fn formats_parse_from_their_codes() -> TestResult {
    for format in [Format::Markdown, Format::Html, Format::Csv] {
        assert_eq!(format.code().parse::<Format>()?, format);
        assert_eq!(format.to_string(), format.code());
    }
    assert_eq!(" MD ".parse::<Format>()?, Format::Markdown);
    assert_eq!(Format::default(), Format::Markdown);
    let err = "pdf".parse::<Format>().err().map(|e| e.kind());
    assert_eq!(err, Some(ErrorKind::UnknownVariant));
    Ok(())
}
