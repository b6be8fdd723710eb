// The web form: builds an intervention in the finsam JSON format from the fields, has the core
// (compiled to WebAssembly) read the numbers, validate, check and grade it on every keystroke,
// and shows the grade, the explanation, each error next to its field and the checker's findings
// beside the participant flows. No parsing, validation or grading happens here: the page maps
// the core's error paths to fields and shows the core's messages (`errorMessages`, the errors'
// and findings' `message_sv`/`message_en`); its own labels are in messages.js.
//
// Every change is saved as a draft in the browser (IndexedDB, drafts.js), raw as typed, so that
// an incomplete or invalid form is never lost. "Öppna" reads a finsam report (JSON; .docx and
// .txt through the `finsam/documents` module, loaded only then) or an intervention; "Ladda ner"
// writes the intervention back, inside its report when it came from one.
import init, {
  checkReport,
  errorMessages,
  gradeIntervention,
  parseGrade,
  parseNumber,
  validateIntervention,
  validateJson,
  validateReport,
} from './pkg/web/finsam_wasm.js';
import { LABELS } from './messages.js';
import { deleteDraft, listDrafts, loadDraft, saveDraft } from './drafts.js';


/** The language shown, the core's messages, and the draft being edited. */
const state = { language: 'sv', messages: {}, draft: null, grade: '' };

const $ = (id) => document.getElementById(id);
const form = $('form');
const nameInput = $('name');
const goalsList = $('goals');
const goalTemplate = $('goal-template');
const status = $('status');
const live = $('live');
const gradeOutput = $('grade');
const explanationOutput = $('explanation');
const draftsSelect = $('drafts');
const savedOutput = $('saved');
const fileMessage = $('file-message');
const sourceOutput = $('source');
const findingsList = $('findings');
const pickField = $('pick-field');
const pickSelect = $('pick');
const pickButton = $('pick-button');

/** Which result fields each form of result has; the others are not sent. */
const RESULT_FIELDS = {
  count: ['value'],
  share: ['numerator', 'denominator', 'percent'],
  qualitative: ['text', 'assessment'],
};
const GOAL_FIELDS = ['description', 'kind', 'direction', 'target', 'unit', 'measures'];
const FLOW_FIELDS = ['current', 'women', 'men', 'other', 'new', 'ended', 'to_work_or_studies', 'job_seeking'];

const label = (key) => LABELS[state.language][key];

/** Puts every `data-text` label in the current language. */
function applyLabels(root = document) {
  for (const element of root.querySelectorAll('[data-text]')) {
    element.textContent = label(element.dataset.text);
  }
  document.documentElement.lang = state.language;
}

const goalRows = () => [...goalsList.children];
const goalInput = (row, field) => row.querySelector(`[data-field="${field}"]`);
const flowInput = (field) => form.querySelector(`[data-flow="${field}"]`);

/** Gives a goal's fields their JSON path (`goals[1].result.numerator`), ids and labels. */
function numberRow(row, index) {
  row.dataset.index = String(index);
  row.querySelector('.goal-number').textContent = String(index + 1);
  row.querySelector('.goal-outcome').dataset.goalOutcome = String(index);
  for (const input of row.querySelectorAll('[data-field]')) {
    const path = `goals[${index}].${input.dataset.field}`;
    input.dataset.path = path;
    input.id = `goal-${index}-${input.dataset.field.replace('.', '-')}`;
    const field = input.closest('.field');
    field.querySelector('label').htmlFor = input.id;
    const error = field.querySelector('.field-error');
    error.id = `${input.id}-error`;
    input.setAttribute('aria-describedby', error.id);
  }
  for (const slot of row.querySelectorAll('[data-error-field]')) {
    const field = slot.dataset.errorField;
    slot.dataset.errorFor = field === '' ? `goals[${index}]` : `goals[${index}].${field}`;
  }
}

/** Numbers every goal's row again (after one was removed). */
function renumber() {
  goalRows().forEach((row, index) => numberRow(row, index));
}

/** Shows the fields that belong to the goal's kind and result form, hides the others. */
function updateVisibility(row) {
  const kind = goalInput(row, 'kind').value;
  const resultType = goalInput(row, 'result.type').value;
  for (const element of row.querySelectorAll('[data-show-for-kind]')) {
    element.hidden = !element.dataset.showForKind.split(' ').includes(kind);
  }
  for (const element of row.querySelectorAll('[data-show-for-result]')) {
    element.hidden = !element.dataset.showForResult.split(' ').includes(resultType);
  }
}

/** A new goal's row, at the end: only it needs numbering, so that filling in many goals costs
 * each goal once. */
function addGoal() {
  const row = goalTemplate.content.firstElementChild.cloneNode(true);
  goalsList.append(row);
  numberRow(row, goalsList.children.length - 1);
  applyLabels(row);
  updateVisibility(row);
  return row;
}

/** Whether a field is shown (a hidden field is not part of the goal). */
const shown = (input) => !input.closest('[hidden]');

// ---------------------------------------------------------------------------------------------
// The fields as typed (what a draft keeps) and the intervention they make

/** The flow row of the draft's intervention in the file it came from, if any. */
function sourceFlowRow() {
  const id = state.draft?.base?.id;
  return state.draft?.source?.report?.flows?.rows?.find((row) => row.intervention === id);
}

/** Everything typed, raw: what a draft saves and restores. */
function fieldTexts() {
  const goals = goalRows().map((row) => {
    const goal = {};
    for (const input of row.querySelectorAll('[data-field]')) goal[input.dataset.field] = input.value;
    return goal;
  });
  const flows = {};
  for (const field of FLOW_FIELDS) flows[field] = flowInput(field).value;
  return { name: nameInput.value, goals, flows };
}

/** Puts typed texts back into the fields. */
function fillFields(texts) {
  nameInput.value = texts.name ?? '';
  goalsList.replaceChildren();
  for (const goal of texts.goals ?? []) {
    const row = addGoal();
    for (const [field, value] of Object.entries(goal)) {
      const input = goalInput(row, field);
      if (input) input.value = value;
    }
    updateVisibility(row);
  }
  if (goalsList.children.length === 0) addGoal();
  const sourceRow = sourceFlowRow();
  for (const field of FLOW_FIELDS) {
    flowInput(field).value = texts.flows?.[field] ?? '';
    // Shown, not typed: left empty, the figure stays "not applicable" in the file.
    flowInput(field).placeholder = sourceRow?.figures?.[field] === 'not_applicable' ? label('not_applicable') : '';
  }
}

/** A number field read by the core: its decimal string, `undefined` when empty, or the error. */
function readNumber(input, errors) {
  const text = input.value;
  if (text.trim() === '') return undefined;
  try {
    return parseNumber(text, input.dataset.path);
  } catch (error) {
    if (error?.name !== 'FinsamError') throw error;
    errors.push(error);
    return null;
  }
}

/** A field's value: numbers through the core, texts as typed. */
function readField(input, errors) {
  return input.hasAttribute('data-number') ? readNumber(input, errors) : input.value;
}

/**
 * The intervention the fields make, on the one the draft started from (so that what the form
 * does not show, such as last year's results, is kept), with the flow figures and the errors
 * of numbers the core could not read.
 */
function currentIntervention() {
  const numberErrors = [];
  const base = state.draft?.base ?? { id: 'insats', kind: 'individual', status: 'active' };
  const goals = goalRows().map((row, index) => {
    const goal = { ...(base.goals?.[index] ?? {}) };
    for (const field of GOAL_FIELDS) {
      const input = goalInput(row, field);
      delete goal[field];
      if (!shown(input)) continue;
      const value = readField(input, numberErrors);
      if (field === 'description' || field === 'kind' || (value !== undefined && value !== null && value !== '')) goal[field] = value;
    }
    const type = goalInput(row, 'result.type').value;
    const result = { type };
    for (const field of RESULT_FIELDS[type] ?? []) {
      const input = goalInput(row, `result.${field}`);
      const value = readField(input, numberErrors);
      // An empty number field is left out (the core then names what is missing), and so is a
      // number the core could not read (its error stands at the field); an empty text is
      // sent, so that the core can say it is empty.
      if (value !== undefined && value !== null && (value !== '' || field === 'text')) result[field] = value;
    }
    goal.result = result;
    return goal;
  });
  const intervention = { ...base, name: nameInput.value, goals };
  const figures = {};
  const sourceRow = sourceFlowRow();
  for (const field of FLOW_FIELDS) {
    const value = readNumber(flowInput(field), numberErrors);
    // Counts of people are JSON integers in the format; anything else goes as read, for the
    // core to refuse.
    if (value !== undefined && value !== null) figures[field] = /^\d+$/.test(value) ? Number(value) : value;
    // A figure the office's file gives as not applicable stays so while its field is empty.
    else if (value === undefined && sourceRow?.figures?.[field] === 'not_applicable') figures[field] = 'not_applicable';
  }
  return { intervention, figures, numberErrors };
}

/** The period of a draft not started from a report: the year it was started. */
const draftPeriod = () => String(new Date(state.draft?.created ?? Date.now()).getFullYear());

/** The report the intervention is checked and downloaded in: the file's, or a minimal one. */
function reportAround(intervention, figures) {
  const source = state.draft?.source;
  const report = source
    ? structuredClone(source.report)
    : { format_version: 1, organisation: label('draft_organisation'), period: draftPeriod() };
  const interventions = report.interventions ?? [];
  const index = source ? source.index : 0;
  interventions[index] = intervention;
  report.interventions = source ? interventions : [intervention];
  // The intervention's flow row, where the report has it (its other rows and totals are the
  // office's), or a new one at the end.
  const rows = report.flows?.rows ?? [];
  const at = rows.findIndex((row) => row.intervention === intervention.id);
  if (Object.keys(figures).length > 0 || at >= 0) {
    const row = at >= 0 ? rows[at] : {};
    const flowRow = { ...row, intervention: intervention.id, label: row.label ?? intervention.name, figures };
    const next = at >= 0 ? rows.map((r, i) => (i === at ? flowRow : r)) : [...rows, flowRow];
    report.flows = { ...(report.flows ?? {}), rows: next };
  }
  return report;
}

/** The report the checker looks at: this intervention and its flow row only. */
function reportToCheck(intervention, figures) {
  const source = state.draft?.source?.report;
  const report = { format_version: 1, organisation: source?.organisation ?? label('draft_organisation'), period: source?.period ?? draftPeriod(), interventions: [intervention] };
  if (Object.keys(figures).length > 0) report.flows = { rows: [{ intervention: intervention.id, label: intervention.name, figures }] };
  return report;
}

// ---------------------------------------------------------------------------------------------
// Showing the outcome

/** The path one level up: `goals[1].result.numerator` → `goals[1].result` → `goals[1]` → `''`. */
function parentPath(path) {
  const match = /^(.*?)(\.[^.[\]]+|\[\d+\])$/.exec(path);
  return match ? match[1] : '';
}

/** The message slot nearest to an error's path: the field's own, or its goal's, or the form's. */
function slotFor(path) {
  for (let current = path; ; current = parentPath(current)) {
    const slot = form.querySelector(`[data-error-for="${current}"]`);
    if (slot) return slot;
    if (current === '') return null;
  }
}

/** Whether the user has typed in this part of the form yet (errors show only after that). */
function touched(slot) {
  const row = slot.closest('.goal');
  if (row) return row.dataset.touched === 'true';
  if (slot.dataset.errorFor === 'name') return nameInput.dataset.touched === 'true';
  return true;
}

/** A report path as the form's: `interventions[0].goals[1].target` → `goals[1].target`. */
function formPath(path) {
  if (path.startsWith('interventions[0].')) return path.slice('interventions[0].'.length);
  if (path === 'interventions[0]') return '';
  const flow = /^flows\.rows\[0\]\.figures\.(\w+)/.exec(path);
  if (flow) return `flows.${flow[1]}`;
  return path.startsWith('flows') ? 'flows' : path;
}

/** The message of an error: a specific one when the core gives it, else the catalogue's. */
function messageOf(error) {
  if (error.code === 'invalid_value' && error.message_sv) return error[`message_${state.language}`];
  return state.messages[state.language][error.code] ?? error[`message_${state.language}`];
}

function showErrors(errors) {
  for (const slot of form.querySelectorAll('.field-error')) {
    slot.textContent = '';
    delete slot.dataset.code;
  }
  for (const input of form.querySelectorAll('[aria-invalid]')) input.removeAttribute('aria-invalid');
  let shownCount = 0;
  for (const error of errors) {
    const slot = slotFor(error.path);
    if (!slot || !touched(slot)) continue;
    const message = messageOf(error);
    if (!slot.textContent.includes(message)) {
      slot.textContent = slot.textContent ? `${slot.textContent} ${message}` : message;
    }
    slot.dataset.code = error.code;
    const input = form.querySelector(`[data-path="${slot.dataset.errorFor}"]`);
    if (input) input.setAttribute('aria-invalid', 'true');
    shownCount += 1;
  }
  return shownCount;
}

function showFindings(findings) {
  findingsList.replaceChildren(
    ...findings.map((finding) => {
      const item = document.createElement('li');
      item.className = `finding ${finding.severity}`;
      item.dataset.code = finding.code;
      item.textContent = finding[`message_${state.language}`];
      return item;
    }),
  );
}

function showAssessment(assessment) {
  const language = state.language;
  gradeOutput.textContent = assessment.grade === null ? label('no_grade') : parseGrade(assessment.grade).label[language];
  gradeOutput.dataset.grade = assessment.grade ?? '';
  explanationOutput.textContent = assessment.explanation[language];
  goalRows().forEach((row, index) => {
    row.querySelector('.goal-outcome').textContent = assessment.goal_explanations[index][language];
  });
}

/** No grade while the fields do not make a valid intervention; `marked` errors are on screen. */
function showNoAssessment(marked) {
  gradeOutput.textContent = '—';
  gradeOutput.dataset.grade = '';
  explanationOutput.textContent = marked > 0 ? label('fix_fields') : label('fill_in');
  for (const row of goalRows()) row.querySelector('.goal-outcome').textContent = '';
}

/** Last year's result beside each goal, from the file the draft started from. */
function showLastYear() {
  goalRows().forEach((row, index) => {
    const last = state.draft?.base?.goals?.[index]?.last_year;
    const slot = row.querySelector('.last-year');
    slot.hidden = !last;
    if (!last) return;
    const share = last.percent !== undefined ? `${last.percent} %` : last.numerator !== undefined ? `${last.numerator} ${label('of')} ${last.denominator}` : '';
    const value = last.text ?? { count: last.value, share, qualitative: last.text }[last.type] ?? label(`result_${last.type}`);
    row.querySelector('.last-year-value').textContent = value;
  });
}

/** The goals the office set (`locked` in the file) take results only. */
function applyLocks() {
  goalRows().forEach((row, index) => {
    const locked = state.draft?.base?.goals?.[index]?.locked === true;
    for (const field of GOAL_FIELDS) goalInput(row, field).disabled = locked;
    row.querySelector('.remove-goal').hidden = locked;
    row.querySelector('.locked-note').hidden = !locked;
    row.classList.toggle('locked', locked);
  });
}

/**
 * Records on the page how long something took, in milliseconds from `since` (a
 * `performance.now()` time, or an event's `timeStamp`) to now: `data-start-ms`, `data-update-ms`,
 * `data-input-ms`, `data-open-ms` and `data-pick-ms`, which the benchmark
 * (benches/wasm/web-form.mjs) reads.
 */
function record(name, since) {
  document.body.dataset[name] = String(performance.now() - since);
}

/** Says the outcome once in the live region when it changes. */
function announceGrade() {
  const grade = gradeOutput.textContent;
  if (grade === state.grade) return;
  state.grade = grade;
  live.textContent = `${label('grade')}: ${grade}`;
}

/** Reads, validates, checks and grades what the fields say now, and shows the outcome. */
function update() {
  const t0 = performance.now();
  const { intervention, figures, numberErrors } = currentIntervention();
  try {
    const outcome = validateReport(reportToCheck(intervention, figures));
    const numberPaths = new Set(numberErrors.map((e) => e.path));
    const errors = [
      ...numberErrors,
      ...outcome.errors.map((e) => ({ ...e, path: formPath(e.path) })).filter((e) => !numberPaths.has(e.path)),
    ];
    const marked = showErrors(errors);
    if (errors.length === 0) {
      showAssessment(gradeIntervention(intervention));
      showFindings(checkReport(reportToCheck(intervention, figures)).filter((f) => f.location.intervention === intervention.id));
    } else {
      showNoAssessment(marked);
      showFindings([]);
    }
    status.textContent = '';
  } catch (error) {
    // Only a bug can bring us here (the intervention was validated first): say so.
    showNoAssessment(0);
    status.textContent = `${error.name}: ${error.message}`;
  }
  showLastYear();
  record('updateMs', t0);
  announceGrade();
}

// ---------------------------------------------------------------------------------------------
// Drafts

const timeFormat = () => new Intl.DateTimeFormat(state.language === 'sv' ? 'sv-SE' : 'en-GB', { dateStyle: 'short', timeStyle: 'medium' });

function showSaved() {
  const savedAt = state.draft?.saved_at;
  savedOutput.textContent = savedAt ? `${label('saved_at')} ${timeFormat().format(new Date(savedAt))}` : label('not_saved');
  const source = state.draft?.source;
  sourceOutput.textContent = source ? `${label('from_report')} ${source.report.organisation}, ${source.report.period}${source.file ? ` (${source.file})` : ''}` : '';
}

async function refreshDraftList() {
  const drafts = await listDrafts();
  draftsSelect.replaceChildren(
    ...drafts.map((draft) => {
      const option = document.createElement('option');
      option.value = draft.key;
      const name = draft.texts?.name?.trim() || label('unnamed');
      option.textContent = `${name} — ${timeFormat().format(new Date(draft.saved_at))}`;
      return option;
    }),
  );
  if (state.draft) draftsSelect.value = state.draft.key;
}

let saving = Promise.resolve();
let pendingSaves = 0;

/** Saves the form as it is now, valid or not, with the time. */
function save() {
  if (!state.draft) return saving;
  state.draft.texts = fieldTexts();
  state.draft.touched = goalRows().map((row) => row.dataset.touched === 'true');
  state.draft.name_touched = nameInput.dataset.touched === 'true';
  state.draft.saved_at = new Date().toISOString();
  const draft = structuredClone(state.draft);
  pendingSaves += 1;
  document.body.dataset.saved = 'false';
  saving = saving
    .then(() => saveDraft(draft))
    .then(async () => {
      showSaved();
      await refreshDraftList();
    })
    .catch((error) => {
      savedOutput.textContent = `${label('save_failed')} ${error?.message ?? error}`;
    })
    .finally(() => {
      pendingSaves -= 1;
      if (pendingSaves === 0) document.body.dataset.saved = 'true';
    });
  return saving;
}

function newDraftObject(base = null, source = null) {
  const key = `utkast-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
  return { key, created: Date.now(), saved_at: null, base, source, texts: null };
}

/** Shows a draft in the form. */
function openDraft(draft) {
  state.draft = draft;
  fillFields(draft.texts ?? { goals: [{}] });
  goalRows().forEach((row, index) => {
    if (draft.touched?.[index]) row.dataset.touched = 'true';
  });
  if (draft.name_touched) nameInput.dataset.touched = 'true';
  else delete nameInput.dataset.touched;
  applyLocks();
  update();
  showSaved();
}

/** The fields' texts for an intervention read from a file (decimals as the format writes them). */
function textsOf(intervention, flowRow) {
  const goals = (intervention.goals ?? []).map((goal) => {
    const texts = {
      description: goal.description ?? '',
      kind: goal.kind ?? 'count',
      direction: goal.direction ?? 'at_least',
      target: goal.target ?? '',
      unit: goal.unit ?? '',
      measures: goal.measures ?? '',
    };
    const result = goal.result ?? { type: 'missing' };
    texts['result.type'] = result.type;
    for (const field of ['value', 'numerator', 'denominator', 'percent', 'text', 'assessment']) {
      if (result[field] !== undefined) texts[`result.${field}`] = String(result[field]);
    }
    return texts;
  });
  const flows = {};
  for (const field of FLOW_FIELDS) {
    const value = flowRow?.figures?.[field];
    flows[field] = typeof value === 'number' ? String(value) : '';
  }
  return { name: intervention.name ?? '', goals, flows };
}

/**
 * Starts a draft from one intervention of a report, or from an intervention alone; `shown` is
 * called once the form shows it graded (before the draft is saved).
 */
async function startFrom(intervention, source, shown = () => {}) {
  const flowRow = source?.report.flows?.rows?.find((row) => row.intervention === intervention.id);
  const draft = newDraftObject(structuredClone(intervention), source);
  draft.texts = textsOf(intervention, flowRow);
  draft.touched = draft.texts.goals.map(() => true);
  draft.name_touched = true;
  openDraft(draft);
  shown();
  await save();
}

// ---------------------------------------------------------------------------------------------
// Files

function showFileMessage(text, kind) {
  fileMessage.textContent = text;
  fileMessage.dataset.kind = kind;
  if (kind === 'error') live.textContent = text;
}

/** The core's message for a file that cannot be read, with the line and column where known. */
function fileError(error) {
  const where = error.line ? ` (${label('line')} ${error.line}, ${label('column')} ${error.column})` : '';
  return `${label('bad_file')} ${error[`message_${state.language}`]}${where}`;
}

let documents;

/** The report of a Word file or a text, through `finsam/documents`, loaded only now. */
async function readDocument(file) {
  if (!documents) {
    documents = await import('./pkg/web/finsam_documents.js');
    await documents.default();
  }
  const source = file.name.toLowerCase().endsWith('.docx') ? new Uint8Array(await file.arrayBuffer()) : await file.text();
  return documents.readReport(source).report;
}

/** What a file holds: `{report}` or `{intervention}`; throws the core's error otherwise. */
async function readFile(file) {
  if (/\.(docx|txt)$/i.test(file.name)) return { report: await readDocument(file) };
  const text = await file.text();
  let value;
  try {
    value = JSON.parse(text);
  } catch {
    throw validateJson('report', text).errors[0];
  }
  const what = value !== null && typeof value === 'object' && 'format_version' in value ? 'report' : 'intervention';
  // A report loads as printed (an impossible share is a finding, not a refusal): the checker
  // reads it the core's way and throws for anything that is not a report.
  if (what === 'report') checkReport(value);
  else {
    const outcome = validateJson('intervention', text);
    if (!outcome.valid) throw outcome.errors[0];
  }
  return { [what]: value };
}

/** Reads a file chosen at `since` and shows what it holds: a report's list, or the draft. */
async function openFile(file, since) {
  let read;
  try {
    read = await readFile(file);
  } catch (error) {
    if (error?.code === undefined) throw error;
    showFileMessage(fileError(error), 'error');
    return;
  }
  if (read.intervention) {
    await startFrom(read.intervention, null, () => record('openMs', since));
    showFileMessage(`${label('opened')} ${file.name}`, 'ok');
    return;
  }
  const interventions = read.report.interventions ?? [];
  if (interventions.length === 0) {
    showFileMessage(`${label('bad_file')} ${label('no_interventions')}`, 'error');
    return;
  }
  state.pending = { report: read.report, file: file.name };
  pickSelect.replaceChildren(
    ...interventions.map((intervention, index) => {
      const option = document.createElement('option');
      option.value = String(index);
      option.textContent = intervention.name;
      return option;
    }),
  );
  pickField.hidden = false;
  pickButton.hidden = false;
  showFileMessage(`${label('opened')} ${file.name}. ${label('pick_hint')}`, 'ok');
  pickSelect.focus();
  record('openMs', since);
}

/** Starts a draft from the intervention picked in the report; `since` is the click's time. */
async function pickIntervention(since) {
  const { report, file } = state.pending;
  const index = Number(pickSelect.value);
  pickField.hidden = true;
  pickButton.hidden = true;
  state.pending = null;
  // The source line says which report the draft came from, in the language shown.
  showFileMessage('', 'ok');
  await startFrom(report.interventions[index], { report, index, file }, () => record('pickMs', since));
  nameInput.focus();
}

/** The file name of a download: the intervention's id and the period. */
function downloadName(intervention, extension) {
  const period = state.draft?.source?.report.period;
  return `${intervention.id}${period ? `-${period}` : ''}.${extension}`;
}

function offer(blob, name) {
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}

/** The intervention as a finsam JSON file: inside its report when it came from one. */
function download() {
  const { intervention, figures } = currentIntervention();
  const value = state.draft?.source ? reportAround(intervention, figures) : intervention;
  offer(new Blob([`${JSON.stringify(value, null, 2)}\n`], { type: 'application/json' }), downloadName(intervention, 'json'));
}

async function downloadXlsx() {
  const { intervention, figures } = currentIntervention();
  const report = reportAround(intervention, figures);
  try {
    const reports = await import('./pkg/web/finsam_reports.js');
    await reports.default();
    const bytes = reports.renderXlsx(report, state.language);
    offer(new Blob([bytes], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }), downloadName(intervention, 'xlsx'));
    showFileMessage('', 'ok');
  } catch (error) {
    if (error?.code === undefined) throw error;
    showFileMessage(`${label('xlsx_failed')} ${messageOf(error)}`, 'error');
  }
}

// ---------------------------------------------------------------------------------------------
// Events

// A keystroke regrades (`data-update-ms`); `data-input-ms` is the whole of this handler, from
// the event to the draft's save begun, after which the browser can paint the new grade.
form.addEventListener('input', (event) => {
  const row = event.target.closest('.goal');
  if (row) {
    row.dataset.touched = 'true';
    if (event.target.dataset.field === 'kind') {
      // A count or share result follows the goal's kind; other forms stay as chosen.
      const resultType = goalInput(row, 'result.type');
      if (['count', 'share', 'qualitative'].includes(resultType.value)) resultType.value = event.target.value;
    }
    updateVisibility(row);
  } else if (event.target === nameInput) {
    nameInput.dataset.touched = 'true';
  }
  update();
  save();
  record('inputMs', event.timeStamp);
});

// A field's error is said when the owner leaves the field, not on every keystroke.
form.addEventListener('focusout', (event) => {
  const input = event.target;
  if (!input.matches?.('input, select')) return;
  const error = input.closest('.field')?.querySelector('.field-error')?.textContent;
  if (error) live.textContent = `${input.labels?.[0]?.textContent ?? ''}: ${error}`;
});

goalsList.addEventListener('click', (event) => {
  if (!event.target.classList.contains('remove-goal')) return;
  const row = event.target.closest('.goal');
  const index = Number(row.dataset.index);
  row.remove();
  state.draft?.base?.goals?.splice(index, 1);
  renumber();
  applyLocks();
  update();
  save();
});

$('add-goal').addEventListener('click', () => {
  addGoal().querySelector('[data-field="description"]').focus();
  update();
  save();
});

$('language').addEventListener('click', () => {
  state.language = state.language === 'sv' ? 'en' : 'sv';
  applyLabels();
  update();
  showSaved();
  refreshDraftList();
});

$('new-draft').addEventListener('click', async () => {
  openDraft(newDraftObject());
  await save();
  nameInput.focus();
});

$('discard').addEventListener('click', async () => {
  if (!state.draft || !window.confirm(label('discard_confirm'))) return;
  await saving;
  await deleteDraft(state.draft.key);
  const [next] = await listDrafts();
  openDraft(next ?? newDraftObject());
  if (!next) await save();
  await refreshDraftList();
  live.textContent = label('discarded');
});

draftsSelect.addEventListener('change', async () => {
  await saving;
  const draft = await loadDraft(draftsSelect.value);
  if (draft) openDraft(draft);
});

$('open').addEventListener('change', async (event) => {
  const [file] = event.target.files;
  event.target.value = '';
  if (file) await openFile(file, event.timeStamp);
});
pickButton.addEventListener('click', (event) => pickIntervention(event.timeStamp));
$('download').addEventListener('click', download);
$('download-xlsx').addEventListener('click', downloadXlsx);

try {
  await init();
  state.messages = { sv: errorMessages('sv'), en: errorMessages('en') };
  delete status.dataset.text;
  status.textContent = '';
  // Reopening the page continues the latest draft; the others are in the list.
  const [latest] = await listDrafts();
  openDraft(latest ?? newDraftObject());
  // From navigation start (the time origin of performance.now()) to the form shown with its
  // grade; the list of drafts fills in after that.
  record('startMs', 0);
  if (!latest) await save();
  await refreshDraftList();
  document.body.dataset.ready = 'true';
  performance.mark('finsam-ready');
} catch (error) {
  status.dataset.text = 'load_failed';
  status.textContent = label('load_failed');
  console.error(error);
}

if ('serviceWorker' in navigator) {
  // Works offline once loaded: the service worker keeps the page and the .wasm.
  navigator.serviceWorker.register('./sw.js').catch((error) => console.warn('no offline copy:', error.message));
}
