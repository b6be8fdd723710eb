// The web form: builds an intervention in the finsam JSON format from the fields, has the core
// (compiled to WebAssembly) validate and grade it on every keystroke, and shows the grade, the
// explanation and each error next to its field. No validation or grading happens here: the
// page maps the core's error paths to fields and shows the core's message for each code
// (`errorMessages`); its own labels are in messages.js.
import init, { errorMessages, gradeIntervention, parseGrade, validateIntervention } from './pkg/web/finsam_wasm.js';
import { LABELS } from './messages.js';

/** The language shown, and the core's message for each error code in each language. */
const state = { language: 'sv', messages: {} };

const form = document.getElementById('form');
const nameInput = document.getElementById('name');
const goalsList = document.getElementById('goals');
const goalTemplate = document.getElementById('goal-template');
const status = document.getElementById('status');
const gradeOutput = document.getElementById('grade');
const explanationOutput = document.getElementById('explanation');

/** Which result fields each form of result has; the others are not sent. */
const RESULT_FIELDS = {
  count: ['value'],
  share: ['numerator', 'denominator', 'percent'],
  qualitative: ['text', 'assessment'],
};

const label = (key) => LABELS[state.language][key];

/** Puts every `data-text` label in the current language. */
function applyLabels(root = document) {
  for (const element of root.querySelectorAll('[data-text]')) {
    element.textContent = label(element.dataset.text);
  }
  document.documentElement.lang = state.language;
}

const goalRows = () => [...goalsList.children];

/** Gives each goal's fields their JSON path (`goals[1].result.numerator`), ids and labels. */
function renumber() {
  goalRows().forEach((row, index) => {
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
  });
}

/** Shows the fields that belong to the goal's kind and result form, hides the others. */
function updateVisibility(row) {
  const kind = row.querySelector('[data-field="kind"]').value;
  const resultType = row.querySelector('[data-field="result.type"]').value;
  for (const element of row.querySelectorAll('[data-show-for-kind]')) {
    element.hidden = !element.dataset.showForKind.split(' ').includes(kind);
  }
  for (const element of row.querySelectorAll('[data-show-for-result]')) {
    element.hidden = !element.dataset.showForResult.split(' ').includes(resultType);
  }
}

function addGoal() {
  const row = goalTemplate.content.firstElementChild.cloneNode(true);
  goalsList.append(row);
  renumber();
  applyLabels(row);
  updateVisibility(row);
  return row;
}

/** The value of a goal's field, or `undefined` when the field is hidden (not part of the goal). */
function visibleValue(row, field) {
  const input = row.querySelector(`[data-field="${field}"]`);
  return input.closest('[hidden]') ? undefined : input.value;
}

/** The intervention as the fields give it, in the JSON format (decimals as the inputs' strings). */
function currentIntervention() {
  const goals = goalRows().map((row) => {
    const get = (field) => visibleValue(row, field);
    const goal = { description: get('description'), kind: get('kind') };
    const direction = get('direction');
    if (direction !== undefined) goal.direction = direction;
    const target = get('target');
    if (target) goal.target = target;
    const unit = get('unit');
    if (unit) goal.unit = unit;
    const type = get('result.type');
    const result = { type };
    for (const field of RESULT_FIELDS[type] ?? []) {
      const value = get(`result.${field}`);
      // An empty number field is left out (the core then names what is missing); an empty
      // text is sent, so that the core can say it is empty.
      if (value !== undefined && (value !== '' || field === 'text')) result[field] = value;
    }
    goal.result = result;
    return goal;
  });
  return { id: 'insats', name: nameInput.value, kind: 'individual', status: 'active', goals };
}

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

function showErrors(errors) {
  for (const slot of form.querySelectorAll('.field-error')) {
    slot.textContent = '';
    delete slot.dataset.code;
  }
  for (const input of form.querySelectorAll('[aria-invalid]')) input.removeAttribute('aria-invalid');
  let shown = 0;
  for (const error of errors) {
    const slot = slotFor(error.path);
    if (!slot || !touched(slot)) continue;
    const message = state.messages[state.language][error.code] ?? error[`message_${state.language}`];
    if (!slot.textContent.includes(message)) {
      slot.textContent = slot.textContent ? `${slot.textContent} ${message}` : message;
    }
    slot.dataset.code = error.code;
    const input = form.querySelector(`[data-path="${slot.dataset.errorFor}"]`);
    if (input) input.setAttribute('aria-invalid', 'true');
    shown += 1;
  }
  return shown;
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

/** Validates and grades what the fields say now, and shows the outcome. */
function update() {
  const intervention = currentIntervention();
  try {
    const outcome = validateIntervention(intervention);
    const marked = showErrors(outcome.errors);
    if (outcome.valid) showAssessment(gradeIntervention(intervention));
    else showNoAssessment(marked);
    status.textContent = '';
  } catch (error) {
    // Only a bug can bring us here (the intervention was validated first): say so.
    showNoAssessment(0);
    status.textContent = `${error.name}: ${error.message}`;
  }
}

form.addEventListener('input', (event) => {
  const row = event.target.closest('.goal');
  if (row) {
    row.dataset.touched = 'true';
    if (event.target.dataset.field === 'kind') {
      // A count or share result follows the goal's kind; other forms stay as chosen.
      const resultType = row.querySelector('[data-field="result.type"]');
      if (['count', 'share', 'qualitative'].includes(resultType.value)) resultType.value = event.target.value;
    }
    updateVisibility(row);
  } else if (event.target === nameInput) {
    nameInput.dataset.touched = 'true';
  }
  update();
});

goalsList.addEventListener('click', (event) => {
  if (!event.target.classList.contains('remove-goal')) return;
  event.target.closest('.goal').remove();
  renumber();
  update();
});

document.getElementById('add-goal').addEventListener('click', () => {
  addGoal().querySelector('[data-field="description"]').focus();
  update();
});

document.getElementById('language').addEventListener('click', () => {
  state.language = state.language === 'sv' ? 'en' : 'sv';
  applyLabels();
  update();
});

try {
  await init();
  state.messages = { sv: errorMessages('sv'), en: errorMessages('en') };
  delete status.dataset.text;
  status.textContent = '';
  addGoal();
  update();
  document.body.dataset.ready = 'true';
} catch (error) {
  status.dataset.text = 'load_failed';
  status.textContent = label('load_failed');
  console.error(error);
}
