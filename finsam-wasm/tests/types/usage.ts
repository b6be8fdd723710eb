// Type-checked (not run) by tests/package.test.mjs: the declarations describe the API closely
// enough that correct use compiles and misuse does not.
import {
  checkReport,
  defaultPolicy,
  errorCodes,
  gradeIntervention,
  gradeReport,
  parseDecision,
  parseGrade,
  validateIntervention,
  validateJson,
  type AgreementSummary,
  type Aligned,
  type Calibration,
  type IssueCode,
  type ReportComparison,
  type TextRow,
  type Column,
  type CostGroup,
  type CostRule,
  type Decision,
  type Diagnostic,
  type DiagnosticCode,
  type Location,
  type Table,
  type Deviation,
  type Line,
  type Economics,
  type EconomicsSummary,
  type EndReason,
  type EndReasonTable,
  type ErrorKind,
  type FinsamError,
  type FlowFigure,
  type FlowFigures,
  type FlowMeasure,
  type FlowRow,
  type FlowTable,
  type Forecast,
  type ForecastOutcome,
  type Figures,
  type Goal,
  type GoalStatement,
  type GoalStatus,
  type Grade,
  type GradedAssessment,
  type Intervention,
  type InterventionCost,
  type InterventionCosts,
  type Member,
  type MemberSplit,
  type Money,
  type OutcomeWording,
  type PlannedCost,
  type GradingPolicyOutput,
  type Report,
  type Rounding,
  type Rule,
  type RuleBase,
  type RuleOutcome,
  type Severity,
  type ShareBasis,
  type StatedCost,
  type Statement,
  type StatementSummary,
  type Unit,
  type ValidationOutcome,
} from "finsam";
import initWeb, { initSync, gradeIntervention as gradeInBrowser } from "finsam/web";
import {
  agreement,
  calibrate,
  convertMoney,
  economicsSummary,
  roundMoney,
  compareReports,
  flowTable as flowTableOf,
  goalTable,
  interventionFromText,
  readCells,
  renderFlowTable,
  renderGoalTable,
  reportFromText,
  seriesGradePivot,
  type ColumnKind,
  type DataTable,
} from "finsam/reports";
import initWebReports, { readCells as readCellsInBrowser } from "finsam/web/reports";

const start: Intervention = {
  id: "start",
  name: "START",
  kind: "individual",
  status: "active",
  goals: [
    { description: "20 nya deltagare", kind: "count", target: "20", unit: "nya deltagare", result: { type: "count", value: "21" } },
    { description: "50 % i arbete/studier", kind: "share", target: "50", result: { type: "share", numerator: "14", denominator: "21" } },
    { description: "Ökad programtrohet", kind: "qualitative", result: { type: "qualitative", text: "Ja", assessment: "reached" } },
    { description: "Remisser", kind: "count", target: "60", result: { type: "not_measured", wording: "Ej mätbart" } },
  ],
  decided_grade: { grade: "Mycket God" },
};

const assessment: GradedAssessment = gradeIntervention(start);
const grade: Grade | null = assessment.grade;
const statuses: GoalStatus[] = assessment.goals.map((goal) => goal.status);
const explanation: string = assessment.explanation.sv + assessment.goal_explanations[0].en;
const decided: Decision | undefined = assessment.decided?.grade;
const rule: Rule = assessment.rule;
if (rule.code === "score_band") {
  const edge: string | null = rule.edge;
  void edge;
}
const strict: GradedAssessment = gradeIntervention(start, { very_good: "0.98", unmeasured_cap: "God" });

const report: Report = { format_version: 1, organisation: "Samordningsförbundet Exempel", period: "2017", interventions: [start] };
const all: GradedAssessment[] = gradeReport(report, null);
const calibration: Calibration = calibrate(report);
const chosen: ShareBasis = calibration.share_basis.chosen;
const agreed: AgreementSummary = agreement(report, null);
const agreedText: string = agreed.text.sv + agreed.text.en + String(agreed.graded - agreed.agreeing + agreed.not_graded);
const policy: GradingPolicyOutput = defaultPolicy();
const codes: ErrorKind[] = errorCodes();

const outcome: ValidationOutcome = validateIntervention({ anything: "goes in" });
if (!outcome.valid) {
  const code: ErrorKind = outcome.errors[0].code;
  const path: string = outcome.errors[0].path;
  void [code, path];
}
const fromText: ValidationOutcome = validateJson("report", "{}");

// Participant flows, end reasons, goals linked to flow figures, and the checker.
const measures: FlowMeasure = "share_to_work_or_studies_of_ended";
const statement: GoalStatement = { place: "avsnittets tabell", text: "50 % till arbete/studier", target: "50" };
const linked: Goal = {
  description: "50 % till arbete/studier",
  kind: "share",
  target: "50",
  measures,
  also_stated: [statement],
  result: { type: "share", percent: "67", numerator: "14", denominator: "21" },
};
const notTracked: FlowFigure = "not_applicable";
const figures: FlowFigures = { current: 30, women: 18, men: 11, other: 1, new: 21, ended: 21, to_work_or_studies: 14, job_seeking: notTracked };
const row: FlowRow = { intervention: "start", label: "START", figures };
const flows: FlowTable = { rows: [row], total: { ...figures, job_seeking: null }, unique_participants: 30 };
const reason: EndReason = "work_studies_job_seeking";
const endReasons: EndReasonTable = {
  rows: [{ reason, label: "Arbete/studier/arbetssökande", women: 10, men: 7, total: 17 }],
  total: { women: 10, men: 7, total: 17 },
  note: "Alla avslutade deltagare",
};
const checked: Report = { ...report, interventions: [{ ...start, goals: [linked] }], flows, end_reasons: endReasons };
const diagnostics: Diagnostic[] = checkReport(checked);
for (const d of diagnostics) {
  const dcode: DiagnosticCode = d.code;
  const severity: Severity = d.severity;
  const location: Location = d.location;
  const table: Table = location.table;
  const intervention: string | null = location.intervention;
  const figuresOf: [string | null, string | null] = [d.expected, d.printed];
  const message: string = d.message_sv + d.message_en;
  if (d.code === "flow_row_missing") {
    const warning: Severity = "warning";
    void warning;
  }
  void [dcode, severity, table, intervention, figuresOf, message, location.path];
}

// Economics: a statement, a cost rule, the per-intervention table and the forecast, as input.
const unit: Unit = "tkr";
const member: Member = "state";
const income: Line[] = [
  { label: "Försäkringskassan", member, budget: "8000", outcome: "8000", difference: "0" },
  { label: "Region Stockholm", member: "region", budget: "4000", outcome: "4000" },
  { label: "Stockholms stad", member: "municipality", budget: "4000", outcome: null },
  { label: "ESF-ersättning", budget: "926", outcome: "1432", difference: "-506" },
];
const office: CostGroup = {
  id: "kansli",
  label: "Styrelse och kansli",
  lines: [{ id: "loner", label: "Löner", budget: "2197", outcome: "2571", difference: "-374" }],
  subtotal: { label: "Summa styrelse och kansli", budget: "2197", outcome: "2571" },
};
const statementOfYear: Statement = {
  unit,
  income: { lines: income, total: { label: "Summa intäkter", budget: "16926" } },
  costs: { groups: [office], total: { label: "Summa kostnader", budget: "2197" } },
  result: { label: "Resultat", budget: "14729" },
  equity_brought_forward: "6218",
};
const base: RuleBase = "members_budget";
const fixedBase: RuleBase = { amount: "16000" };
const officeRule: CostRule = {
  id: "kansli_19",
  label: "Kansliet högst 19 % av budgeten",
  limit_percent: "19",
  base,
  items: ["kansli"],
  printed: { allowed: "3004", excess: null },
  source: "Kommunfullmäktige 2016-02-08 § 23",
};
const stated: StatedCost = { place: "avsnittet om insatsen", unit: "tkr", budget: "336", budget_period: "2019", outcome: "350" };
const requisitioned: OutcomeWording = "requisitioned";
const tensta: InterventionCost = { label: "Team Tensta VC", intervention: "start", wording: requisitioned, budget: "168000", outcome: "3246", also_stated: [stated] };
const perIntervention: InterventionCosts = { unit: "sek", wording: "outcome", groups: [{ label: "Individinriktade insatser", rows: [tensta] }] };
const planned: PlannedCost = { label: "Kostnader andra halvåret", amount: "3000" };
const forecastOfYear: Forecast = { unit, annual_income: "32000", expected_other_income: "1852", planned: [planned], printed: { remaining: "6054" } };
const economics: Economics = {
  statement: statementOfYear,
  rules: [officeRule, { ...officeRule, id: "fast", base: fixedBase }],
  interventions: perIntervention,
  forecast: forecastOfYear,
};
const halfYear: Report = { ...report, period: "2019-H1", economics };
const withoutEconomics: Report = { ...report, economics: null };

// The summary: every figure computed, as decimal strings; null without economics.
const summary: EconomicsSummary | null = economicsSummary(halfYear);
if (summary !== null) {
  const sums: StatementSummary | null = summary.statement;
  if (sums !== null) {
    const groupSums: Figures = sums.groups[0].lines;
    const groupId: string | null = sums.groups[0].id;
    const split: MemberSplit[] = sums.member_split;
    const splitColumn: Column = split[0].column;
    const memberShare: [Member, string, string] = [split[0].members[0].member, split[0].members[0].amount, split[0].members[0].expected];
    const result: string = sums.result.outcome;
    void [groupSums, groupId, splitColumn, memberShare, result];
  }
  const ruleOutcome: RuleOutcome = summary.rules[0];
  const exceeded: [string, string, boolean, string | null] = [ruleOutcome.excess, ruleOutcome.room, ruleOutcome.within, ruleOutcome.percent];
  const deviation: Deviation = summary.deviations[0];
  const underBudget: string | null = deviation.deviation;
  const wordingOfRow: OutcomeWording = deviation.wording;
  const deviationsUnit: Unit | null = summary.deviations_unit;
  const forecastOutcome: ForecastOutcome | null = summary.forecast;
  const remaining: string | undefined = forecastOutcome?.remaining;
  void [exceeded, underBudget, wordingOfRow, deviationsUnit, remaining];
}
const none: EconomicsSummary | null = economicsSummary(withoutEconomics);

// Money: conversion and rounding, amounts as decimal strings.
const inTkr: Money = convertMoney("1732974", "sek", "tkr");
const rounding: Rounding = "half_even";
const rounded: Money = roundMoney(inTkr.amount, inTkr.unit, rounding);
const byDefault: Money = roundMoney("2.5", "tkr");
const explicitDefault: Money = roundMoney("2.5", "tkr", null);
const roundedAmount: string = rounded.amount;

try {
  parseGrade("Utmärkt");
} catch (error) {
  const e = error as FinsamError;
  const code: string = e.code;
  void code;
}
const decision: Decision = parseDecision("Ej tillämpbar").code;

// The web build: initialise first, then the same functions.
async function inBrowser(bytes: BufferSource): Promise<GradedAssessment> {
  await initWeb({ module_or_path: new URL("finsam_wasm_bg.wasm", "https://example.invalid/") });
  initSync({ module: bytes });
  return gradeInBrowser(start);
}

// The web build of the text module: initialised on its own, when a page needs it.
async function reportsInBrowser(): Promise<Aligned> {
  await initWebReports({ module_or_path: new URL("finsam_reports_bg.wasm", "https://example.invalid/") });
  return readCellsInBrowser("80 deltagare.", "96 deltagare");
}

// @ts-expect-error a number is not an intervention
gradeIntervention(42);
// @ts-expect-error decimals are strings, never JS numbers
const numeric: Intervention = { id: "a", name: "A", kind: "individual", status: "active", goals: [{ description: "x", kind: "count", target: 20 }] };
// @ts-expect-error not a goal kind
const kind: Intervention = { id: "a", name: "A", kind: "individual", status: "active", goals: [{ description: "x", kind: "percent", target: "20" }] };
// @ts-expect-error validateJson reads reports, interventions and policies only
validateJson("budget", "{}");
// @ts-expect-error a grade code is not any string
const notAGrade: Grade = "excellent";
// @ts-expect-error a flow figure is a JS integer, not a decimal string
const stringFigure: FlowFigures = { current: "30" };
// @ts-expect-error "ej tillämpligt" is written "not_applicable"
const swedishFigure: FlowFigure = "ej tillämpligt";
// @ts-expect-error measures names a flow measure, not the report's wording
const wording: Goal = { description: "x", kind: "count", target: "20", measures: "nya deltagare" };
// @ts-expect-error a statement's target is a decimal string
const numericStatement: GoalStatement = { place: "avsnittet", text: "20 nya", target: 20 };
// @ts-expect-error a flow row names its intervention
const anonymousRow: FlowRow = { figures: {} };
// @ts-expect-error not an end reason
const holiday: EndReason = "holiday";
// @ts-expect-error not a diagnostic code
const notACode: DiagnosticCode = "share_above_100";
// @ts-expect-error checkReport takes a report
checkReport({ organisation: "X", period: "2017" });
// @ts-expect-error a diagnostic's expected value is a decimal string or null
const numericExpected: Diagnostic["expected"] = 108;
// @ts-expect-error amounts are decimal strings, never JS numbers
const numericAmount: Line = { label: "Revision", budget: 30 };
// @ts-expect-error not a unit: tkr or sek
const euro: Statement = { unit: "eur" };
// @ts-expect-error a statement states its unit
const unitless: Statement = { income: { lines: [] } };
// @ts-expect-error not a member kind
const county: Member = "county";
// @ts-expect-error a rule base is a budget of the statement or { amount }
const percentBase: RuleBase = { percent: "19" };
// @ts-expect-error a cost rule names its items
const itemless: CostRule = { id: "r", label: "R", limit_percent: "19", base: "members_budget" };
// @ts-expect-error not an outcome wording
const spent: OutcomeWording = "spent";
// @ts-expect-error a forecast needs its annual income
const incomeless: Forecast = { unit: "tkr" };
// @ts-expect-error an economics object has no budget field
const unknownPart: Economics = { budget: {} };
// @ts-expect-error economicsSummary may return null
const notNull: EconomicsSummary = economicsSummary(halfYear);
// @ts-expect-error convertMoney takes the amount as a decimal string
convertMoney(1732974, "sek", "tkr");
// @ts-expect-error convertMoney needs the unit to convert to
convertMoney("1732974", "sek");
// @ts-expect-error not a rounding
roundMoney("2.5", "tkr", "up");
// @ts-expect-error a converted amount is a decimal string
const numericMoney: number = convertMoney("1", "tkr", "sek").amount;
// @ts-expect-error a rule outcome's excess is a decimal string
const numericExcess: RuleOutcome["excess"] = 401;

// @ts-expect-error agreement's counts are numbers
const agreedCount: string = agreed.graded;
void [chosen, agreedText, agreedCount];
void [grade, statuses, explanation, decided, strict, all, calibration, policy, codes, fromText, decision, inBrowser, reportsInBrowser, numeric, kind, notAGrade];
void [stringFigure, swedishFigure, wording, numericStatement, anonymousRow, holiday, notACode, numericExpected];
void [none, byDefault, explicitDefault, roundedAmount, numericAmount, euro, unitless, county, percentBase, itemless, spent];
void [incomeless, unknownPart, notNull, numericMoney, numericExcess];

// The text parser, rendering and years compared.
const cells: Aligned = readCells("80 deltagare.", "96 deltagare");
const firstStart: number = cells.issues.length > 0 ? cells.issues[0].span.start : 0;
const cellComplete: boolean = cells.complete;
const item = cells.goal_cell.items[0];
const itemGoal = item.item === "goal" ? item.goal.kind : item.text;
const textRow: TextRow = { name: "Hälsosam", goals: "80 deltagare.", results: "96 deltagare", grade: "Mycket God" };
const builtId: string = interventionFromText(textRow).intervention.id;
const builtReport = reportFromText("Exempel", "2017", [textRow, { name: "Lyra" }]).report;
const csvTable: string = renderGoalTable(builtReport, "csv", "en", { good: "0.9" });
const flowTable: string | null = renderFlowTable(builtReport, "html");
const compared: ReportComparison = compareReports([builtReport]);
const change: string | null | undefined = compared.goal_rows[0].value_change;
const issueCode: IssueCode = "too_long";
// @ts-expect-error readCells takes the cells as strings
readCells(80, "96");
// @ts-expect-error a row needs its name
const nameless: TextRow = { goals: "20 nya" };
// @ts-expect-error not a table format
renderGoalTable(builtReport, "pdf");
// @ts-expect-error not a language of the tables
renderGoalTable(builtReport, "csv", "fi");
// @ts-expect-error renderFlowTable may return null
const notNullTable: string = renderFlowTable(builtReport, "csv");
// @ts-expect-error spans are numbers
const textSpan: string = cells.issues[0].span.start;
// @ts-expect-error not a parser issue code
const notAnIssue: IssueCode = "unparsed";
// @ts-expect-error compareReports takes an array of reports
compareReports(builtReport);

void [firstStart, cellComplete, itemGoal, builtId, csvTable, flowTable, change, issueCode, nameless, notNullTable, textSpan, notAnIssue];

// Tables as data: columns with their kind and headings, rows of values in the columns' order.
const goalRows: DataTable = goalTable(report, "en", { good: "0.9" });
const kinds: ColumnKind[] = goalRows.columns.map((column) => column.kind);
const headings: string[] = goalRows.columns.map((column) => column.label_sv + column.label_en);
const firstCell: unknown = goalRows.rows[0]?.[0];
const maybeFlows: DataTable | null = flowTableOf(report);
const pivot: DataTable = seriesGradePivot([report], "score", "sv", null);
// @ts-expect-error a pivot's value is one of four words
seriesGradePivot([report], "colour");
void [kinds, headings, firstCell, maybeFlows, pivot];
