// Type-checked (not run) by tests/package.test.mjs: the declarations describe the API closely
// enough that correct use compiles and misuse does not.
import {
  calibrate,
  checkReport,
  defaultPolicy,
  errorCodes,
  gradeIntervention,
  gradeReport,
  parseDecision,
  parseGrade,
  validateIntervention,
  validateJson,
  type Calibration,
  type DecisionCode,
  type Diagnostic,
  type DiagnosticCode,
  type DiagnosticLocation,
  type DiagnosticTable,
  type EndReason,
  type EndReasonTable,
  type ErrorCode,
  type FinsamError,
  type FlowFigure,
  type FlowFigures,
  type FlowMeasure,
  type FlowRow,
  type FlowTable,
  type Goal,
  type GoalStatement,
  type GoalStatus,
  type GradeCode,
  type GradedAssessment,
  type Intervention,
  type PolicyValues,
  type Report,
  type Rule,
  type Severity,
  type ValidationOutcome,
} from "finsam";
import initWeb, { initSync, gradeIntervention as gradeInBrowser } from "finsam/web";

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
const grade: GradeCode | null = assessment.grade;
const statuses: GoalStatus[] = assessment.goals.map((goal) => goal.status);
const explanation: string = assessment.explanation.sv + assessment.goal_explanations[0].en;
const decided: DecisionCode | undefined = assessment.decided?.grade;
const rule: Rule = assessment.rule;
if (rule.code === "score_band") {
  const edge: string | null = rule.edge;
  void edge;
}
const strict: GradedAssessment = gradeIntervention(start, { very_good: "0.98", unmeasured_cap: "God" });

const report: Report = { format_version: 1, organisation: "Samordningsförbundet Exempel", period: "2017", interventions: [start] };
const all: GradedAssessment[] = gradeReport(report, null);
const calibration: Calibration = calibrate(report);
const policy: PolicyValues = defaultPolicy();
const codes: ErrorCode[] = errorCodes();

const outcome: ValidationOutcome = validateIntervention({ anything: "goes in" });
if (!outcome.valid) {
  const code: ErrorCode = outcome.errors[0].code;
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
  const location: DiagnosticLocation = d.location;
  const table: DiagnosticTable = location.table;
  const intervention: string | null = location.intervention;
  const figuresOf: [string | null, string | null] = [d.expected, d.printed];
  const message: string = d.message_sv + d.message_en;
  if (d.code === "flow_row_missing") {
    const warning: Severity = "warning";
    void warning;
  }
  void [dcode, severity, table, intervention, figuresOf, message, location.path];
}

try {
  parseGrade("Utmärkt");
} catch (error) {
  const e = error as FinsamError;
  const code: string = e.code;
  void code;
}
const decision: DecisionCode = parseDecision("Ej tillämpbar").code;

// The web build: initialise first, then the same functions.
async function inBrowser(bytes: BufferSource): Promise<GradedAssessment> {
  await initWeb({ module_or_path: new URL("finsam_wasm_bg.wasm", "https://example.invalid/") });
  initSync({ module: bytes });
  return gradeInBrowser(start);
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
const notAGrade: GradeCode = "excellent";
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

void [grade, statuses, explanation, decided, strict, all, calibration, policy, codes, fromText, decision, inBrowser, numeric, kind, notAGrade];
void [stringFigure, swedishFigure, wording, numericStatement, anonymousRow, holiday, notACode, numericExpected];
