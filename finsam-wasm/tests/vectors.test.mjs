// The shared test vectors of finsam-core (finsam-core/tests/vectors/), run through the Node
// build: the same grades, scores, rules, statuses, explanations and error codes as in Rust.
import test from 'node:test';
import assert from 'node:assert/strict';

import { finsam, vectorCases, thrown } from './support.mjs';

const grading = vectorCases('grading.json');
const errors = vectorCases('errors.json');

test('the grading vectors are there', () => {
  assert.ok(grading.length >= 10, `only ${grading.length} grading cases`);
  assert.ok(errors.length >= 20, `only ${errors.length} error cases`);
});

for (const c of grading) {
  test(`grading vector ${c.name}`, () => {
    const a = finsam.gradeIntervention(c.intervention, c.policy);
    const e = c.expected;
    assert.equal(a.grade, e.grade);
    assert.equal(a.score, e.score);
    assert.equal(a.rule.code, e.rule);
    assert.equal(a.comparison, e.comparison);
    assert.deepEqual(
      a.goals.map((g) => g.status),
      e.goal_statuses,
    );
    assert.equal(a.explanation.sv, e.explanation_sv);
    assert.equal(a.explanation.en, e.explanation_en);
    // The goal lines are the explanation's own lines.
    const lines = a.goal_explanations.map((g) => `  ${g.sv}`);
    assert.deepEqual(e.explanation_sv.split('\n').slice(1, 1 + lines.length), lines);
  });
}

for (const c of grading) {
  test(`grading vector ${c.name}: gradeReport agrees with gradeIntervention`, () => {
    const report = { format_version: 1, organisation: 'Vektorer', period: '2017', interventions: [c.intervention] };
    assert.deepEqual(finsam.gradeReport(report, c.policy), [finsam.gradeIntervention(c.intervention, c.policy)]);
  });
}

/** Calls the grading function that reads `what` with the parsed input, which must throw. */
function misuse(what, value) {
  const valid = { id: 'x', name: 'X', kind: 'individual', status: 'active', goals: [] };
  switch (what) {
    case 'report':
      return thrown(() => finsam.gradeReport(value));
    case 'intervention':
      return thrown(() => finsam.gradeIntervention(value));
    case 'policy':
      return thrown(() => finsam.gradeIntervention(valid, value));
    default:
      throw new Error(`unknown what: ${what}`);
  }
}

/** The input parsed as JSON, or `undefined` for text that is not JSON. */
function parsed(input) {
  try {
    return JSON.parse(input);
  } catch {
    return undefined;
  }
}

/** The code and path an error vector expects first. */
const where = ({ code, path }) => ({ code, path });

/** Asserts the messages in both languages, where the vector gives them. */
function assertMessages(error, expected) {
  for (const key of ['message_sv', 'message_en']) {
    assert.equal(typeof error[key], 'string', key);
    if (key in expected) assert.equal(error[key], expected[key], key);
  }
}

for (const c of errors) {
  const value = parsed(c.input);

  test(`error vector ${c.name}: validateJson reports ${c.expected.code} at '${c.expected.path}' first`, () => {
    const outcome = finsam.validateJson(c.what, c.input);
    assert.equal(outcome.valid, false);
    const [first] = outcome.errors;
    assert.deepEqual(where(first), where(c.expected));
    assert.equal(typeof first.message, 'string');
    assert.ok(first.message.length > 0);
    assertMessages(first, c.expected);
  });

  if (value === undefined) {
    // Text that is not JSON cannot be a JS object; only validateJson sees it.
    test(`error vector ${c.name}: text that is not JSON is a json_syntax error`, () => {
      assert.equal(c.expected.code, 'json_syntax');
      const [first] = finsam.validateJson(c.what, c.input).errors;
      assert.equal(typeof first.line, 'number');
      assert.equal(typeof first.column, 'number');
    });
    continue;
  }

  if (c.loads) {
    // A share as printed: it loads and grades, and the checker says that it cannot be.
    test(`error vector ${c.name}: loads as printed, and validation alone refuses it`, () => {
      if (c.what === 'report') {
        assert.equal(finsam.gradeReport(value).length, 1);
        const found = finsam.checkReport(value).map(({ code, location, message_sv, message_en }) =>
          ({ code, path: location.path, message_sv, message_en }));
        assert.deepEqual(found, [c.finding]);
      } else {
        assert.equal(finsam.gradeIntervention(value).goals.length, 1);
      }
      const outcome = c.what === 'report' ? finsam.validateReport(value) : finsam.validateIntervention(value);
      assert.deepEqual(outcome.errors.map(where), [where(c.expected)]);
    });
    continue;
  }

  test(`error vector ${c.name}: misuse throws FinsamError ${c.expected.code}`, () => {
    const error = misuse(c.what, value);
    assert.ok(error instanceof Error);
    assert.equal(error.name, 'FinsamError');
    assert.equal(error.code, c.expected.code);
    assert.equal(error.path, c.expected.path);
    const at = c.expected.path === '' ? '' : `${c.expected.path}: `;
    assert.ok(error.message.startsWith(`[${c.expected.code}] ${at}`), error.message);
    assertMessages(error, c.expected);
  });

  if (c.what !== 'policy') {
    test(`error vector ${c.name}: validate${c.what === 'report' ? 'Report' : 'Intervention'} on the object agrees`, () => {
      const outcome = c.what === 'report' ? finsam.validateReport(value) : finsam.validateIntervention(value);
      assert.equal(outcome.valid, false);
      assert.deepEqual(
        outcome.errors.map(where),
        finsam.validateJson(c.what, c.input).errors.map(where),
      );
      for (const error of outcome.errors) {
        assert.deepEqual(Object.keys(error).sort(), ['code', 'message', 'message_en', 'message_sv', 'path']);
      }
      assertMessages(outcome.errors[0], c.expected);
    });
  } else {
    test(`error vector ${c.name}: validatePolicy on the object agrees`, () => {
      const outcome = finsam.validatePolicy(value);
      assert.equal(outcome.valid, false);
      assert.deepEqual(
        outcome.errors.map(where),
        [where(c.expected)],
      );
    });
  }
}
