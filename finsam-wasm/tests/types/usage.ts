// Type-checked (not run) by tests/package.test.mjs: the declarations describe the API closely
// enough that correct use compiles and misuse does not.
import {
  calibrate,
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
  type ErrorCode,
  type FinsamError,
  type GoalStatus,
  type GradeCode,
  type GradedAssessment,
  type Intervention,
  type PolicyValues,
  type Report,
  type Rule,
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

void [grade, statuses, explanation, decided, strict, all, calibration, policy, codes, fromText, decision, inBrowser, numeric, kind, notAGrade];
