// The JS API of the Node build: what it returns (exact values, decimals as strings), what it
// throws on misuse, and validation outcomes as data.
import test from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { finsam, finsamReports, START_2017, START_2017_EXPLANATION, ROOT, thrown } from './support.mjs';

const clone = (value) => JSON.parse(JSON.stringify(value));

test('START 2017 grades Mycket god with the core explanation in Swedish and English', () => {
  const a = finsam.gradeIntervention(START_2017);
  assert.equal(a.intervention_id, 'start');
  assert.equal(a.name, 'START');
  assert.equal(a.grade, 'very_good');
  assert.equal(a.score, '1');
  assert.deepEqual(a.rule, { code: 'score_band', band: 'very_good', edge: '0.95', unmeasured: 0, cap: 'good' });
  assert.equal(a.decided, null);
  assert.equal(a.comparison, null);
  assert.deepEqual(a.explanation, START_2017_EXPLANATION);
  assert.deepEqual(a.goal_explanations, [
    {
      sv: '1. 20 nya deltagare: mål minst 20 nya deltagare, resultat 21 → måluppfyllelse 100 % (uppnått)',
      en: '1. 20 nya deltagare: target at least 20 nya deltagare, result 21 → attainment 100% (reached)',
    },
    {
      sv: '2. 50 % i arbete/studier: mål minst 50 %, resultat 14 av 21 = 66,7 % → måluppfyllelse 100 % (uppnått)',
      en: '2. 50 % i arbete/studier: target at least 50%, result 14 of 21 = 66.7% → attainment 100% (reached)',
    },
  ]);
  const [count, share] = a.goals;
  assert.deepEqual(count, {
    index: 0,
    description: '20 nya deltagare',
    kind: 'count',
    direction: 'at_least',
    target: '20',
    unit: 'nya deltagare',
    result: { type: 'count', value: '21' },
    value: '21',
    attainment: '1',
    status: 'reached',
    printed_used: false,
  });
  // Decimals cross as strings, exact: 14/21 as a percentage.
  assert.equal(share.value, '66.666666666666666666666666670');
  assert.equal(share.attainment, '1');
  assert.deepEqual(share.result, { type: 'share', numerator: '14', denominator: '21' });
});

test('a partly reached goal has an exact decimal attainment and a lower grade', () => {
  const i = clone(START_2017);
  i.goals[0].result.value = '10';
  const a = finsam.gradeIntervention(i);
  assert.equal(a.goals[0].attainment, '0.50');
  assert.equal(a.goals[0].status, 'partly_reached');
  assert.equal(a.score, '0.75');
  assert.equal(a.grade, 'acceptable');
});

test('a given policy is used; null and undefined mean the default', () => {
  const i = clone(START_2017);
  i.goals[0].result.value = '19'; // 0.95 and 1: score 0.975
  assert.equal(finsam.gradeIntervention(i).grade, 'very_good');
  assert.equal(finsam.gradeIntervention(i, null).grade, 'very_good');
  assert.equal(finsam.gradeIntervention(i, undefined).grade, 'very_good');
  const strict = finsam.gradeIntervention(i, { very_good: '0.98' });
  assert.equal(strict.grade, 'good');
  assert.equal(strict.score, '0.9750');
  assert.deepEqual(strict.rule, { code: 'score_band', band: 'good', edge: '0.85', unmeasured: 0, cap: 'good' });
});

test('misuse throws a real Error with the core code and path', () => {
  const cases = [
    [() => finsam.gradeIntervention(42), 'invalid_type', ''],
    [() => finsam.gradeIntervention('{"id": "a"}'), 'invalid_type', ''],
    [() => finsam.gradeIntervention(null), 'invalid_type', ''],
    [() => finsam.gradeIntervention(undefined), 'invalid_type', ''],
    [() => finsam.gradeIntervention(() => 1), 'invalid_type', ''],
    [() => finsam.gradeIntervention(10n), 'invalid_type', ''],
    [() => finsam.gradeIntervention({ ...START_2017, goals: [{ description: 'x', kind: 'share', target: '120' }] }), 'share_above_100', 'goals[0].target'],
    [() => finsam.gradeIntervention({ ...START_2017, goals: [{ description: 'x', kind: 'count', target: 20 }] }), 'invalid_type', 'goals[0].target'],
    [() => finsam.gradeIntervention(START_2017, { very_good: '0.5', good: '0.9' }), 'invalid_policy', 'good'],
    [() => finsam.gradeIntervention(START_2017, 0.9), 'invalid_type', ''],
    [() => finsam.gradeReport([START_2017]), 'invalid_type', ''],
    [() => finsamReports.calibrate({ format_version: 1, organisation: 'X', period: '2017-H3' }), 'invalid_period', 'period'],
    [() => finsam.parseGrade('Utmärkt'), 'invalid_grade', ''],
    [() => finsam.parseGrade('Ej tillämpbar'), 'invalid_grade', ''],
    [() => finsam.parseGrade(3), 'invalid_type', ''],
    [() => finsam.parseDecision('Bra'), 'invalid_grade', ''],
    [() => finsam.parseNumber('8,5,5', 'goals[0].target'), 'invalid_value', 'goals[0].target'],
    [() => finsam.parseNumber(''), 'invalid_value', ''],
    [() => finsam.parseNumber('80 st'), 'invalid_value', ''],
    [() => finsam.parseNumber(8.5), 'invalid_type', ''],
    [() => finsam.validateJson('budget', '{}'), 'unknown_variant', ''],
    [() => finsam.validateJson('report', 7), 'invalid_type', ''],
    [() => finsam.validateIntervention(undefined), 'invalid_type', ''],
  ];
  for (const [call, code, where] of cases) {
    const error = thrown(call);
    assert.ok(error instanceof Error, `${code}: not an Error: ${error}`);
    assert.equal(error.name, 'FinsamError');
    assert.equal(error.code, code);
    assert.equal(error.path, where);
    assert.ok(error.message.startsWith(`[${code}] ${where === '' ? '' : `${where}: `}`), error.message);
    assert.ok(typeof error.stack === 'string');
  }
});

test('a cyclic object cannot be JSON and is misuse', () => {
  const cyclic = clone(START_2017);
  cyclic.self = cyclic;
  const error = thrown(() => finsam.gradeIntervention(cyclic));
  assert.equal(error.code, 'invalid_type');
  assert.equal(
    error.message,
    '[invalid_type] expected a value in the finsam JSON format, found a value of type object that JSON cannot hold',
  );
});

test('thrown messages leave out the line and column of internal JSON text', () => {
  const error = thrown(() => finsam.gradeIntervention({ ...START_2017, goals: [{ description: 'x', kind: 'share', target: '120' }] }));
  assert.equal(error.message, '[share_above_100] goals[0].target: 120% is above 100%');
});

/**
 * A validation outcome with each error's path, code and English message; checks that each
 * error also carries its message in both languages, the English one the same as `message`.
 */
function data(outcome) {
  for (const error of outcome.errors) {
    assert.equal(error.message_en, error.message);
    assert.equal(typeof error.message_sv, 'string');
  }
  return { ...outcome, errors: outcome.errors.map(({ path, code, message, line, column }) => ({ path, code, message, ...(line === undefined ? {} : { line, column }) })) };
}

test('validation returns every error as data and never throws for bad content', () => {
  const i = clone(START_2017);
  i.goals[0].target = '-1';
  i.goals[1].result = { type: 'share', numerator: '22', denominator: '21' };
  i.goals.push({ description: 'Ökad programtrohet', kind: 'qualitative', result: { type: 'qualitative', text: 'ja' } });
  assert.deepEqual(data(finsam.validateIntervention(i)), {
    valid: false,
    errors: [
      { path: 'goals[0].target', code: 'negative_value', message: '-1 is negative' },
      { path: 'goals[1].result.numerator', code: 'numerator_above_denominator', message: 'the numerator 22 is larger than the denominator 21' },
      { path: 'goals[2].result.assessment', code: 'missing_field', message: 'missing field `assessment`: a qualitative result needs it' },
    ],
  });
  assert.deepEqual(finsam.validateIntervention(START_2017), { valid: true, errors: [] });
  assert.deepEqual(data(finsam.validateIntervention(42)), {
    valid: false,
    errors: [{ path: '', code: 'invalid_type', message: 'expected an intervention (a JSON object), found the number 42' }],
  });
  assert.equal(finsam.validateIntervention(i).errors[0].message_sv, '-1 är negativt');
});

test('validateReport paths start at the report', () => {
  const report = { format_version: 1, organisation: 'X', period: '2017', interventions: [START_2017, { ...START_2017, goals: [{ description: 'g', kind: 'share', target: '101' }] }] };
  assert.deepEqual(data(finsam.validateReport(report)), {
    valid: false,
    // Both are wrong: the second START repeats the id, and its goal's target is above 100 %.
    errors: [
      { path: 'interventions[1].id', code: 'duplicate_id', message: "the id 'start' is already used by interventions[0]" },
      { path: 'interventions[1].goals[0].target', code: 'share_above_100', message: '101% is above 100%' },
    ],
  });
  report.interventions[1] = { ...START_2017 };
  const dup = finsam.validateReport(report);
  assert.deepEqual(dup.errors.map(({ code, path }) => ({ code, path })), [{ code: 'duplicate_id', path: 'interventions[1].id' }]);
  report.interventions.pop();
  assert.deepEqual(finsam.validateReport(report), { valid: true, errors: [] });
});

test('validateJson gives line and column for text', () => {
  const outcome = finsam.validateJson('report', '{"format_version": 1,\n "organisation": 3}');
  assert.deepEqual(data(outcome), {
    valid: false,
    errors: [{ path: 'organisation', code: 'invalid_type', message: 'expected a string, found the number 3', line: 2, column: 18 }],
  });
  assert.deepEqual(finsam.validateJson('policy', '{"good": "0.9"}'), { valid: true, errors: [] });
  assert.deepEqual(finsam.validatePolicy({ share_basis: 'printed' }), { valid: true, errors: [] });
});

test('calibrate finds the edges that agree with the decided grades', () => {
  const row = (id, result, grade) => ({
    id,
    name: id,
    kind: 'individual',
    status: 'active',
    goals: [{ description: '100 deltagare', kind: 'count', target: '100', result: { type: 'count', value: String(result) } }],
    decided_grade: { grade },
  });
  const report = {
    format_version: 1,
    organisation: 'Samordningsförbundet Exempel',
    period: '2017',
    interventions: [
      row('a', 92, 'Mycket god'),
      row('b', 83, 'God'),
      row('c', 45, 'Godtagbar'),
      row('d', 30, 'Ej uppfyllt'),
      row('e', 100, 'very_good'),
      { ...row('f', 50, 'Ej tillämpbar') },
    ],
  };
  const c = finsamReports.calibrate(report);
  assert.deepEqual(c.policy, {
    very_good: '0.9',
    good: '0.8',
    acceptable: '0.4',
    unmeasured_cap: 'good',
    none_measured: 'not_met',
    share_basis: 'fraction',
  });
  assert.equal(c.considered, 5);
  assert.equal(c.agreeing, 5);
  assert.equal(c.baseline_agreeing, 2);
  assert.equal(c.agreement, '1');
  assert.deepEqual(c.disagreements, []);
  assert.deepEqual(c.excluded, [{ intervention_id: 'f', name: 'f', reason: 'decided_not_applicable' }]);
  assert.equal(c.confusion.length, 16);
  assert.deepEqual(c.confusion.filter((cell) => cell.count > 0), [
    { decided: 'very_good', computed: 'very_good', count: 2 },
    { decided: 'good', computed: 'good', count: 1 },
    { decided: 'acceptable', computed: 'acceptable', count: 1 },
    { decided: 'not_met', computed: 'not_met', count: 1 },
  ]);
  // The same report with the calibrated policy agrees everywhere.
  const graded = finsam.gradeReport(report, c.policy);
  assert.deepEqual(graded.map((a) => a.comparison), ['agrees', 'agrees', 'agrees', 'agrees', 'agrees', 'decided_not_applicable']);
});

test('grade labels parse as reports write them', () => {
  assert.deepEqual(finsam.parseGrade(' Mycket God '), { code: 'very_good', rank: 3, label: { sv: 'Mycket god', en: 'Very good' } });
  assert.deepEqual(finsam.parseGrade('Godtagbart'), { code: 'acceptable', rank: 1, label: { sv: 'Godtagbar', en: 'Acceptable' } });
  assert.deepEqual(finsam.parseGrade('not_met'), { code: 'not_met', rank: 0, label: { sv: 'Ej uppfyllt', en: 'Not met' } });
  assert.deepEqual(finsam.parseDecision('Ej tillämpbart'), { code: 'not_applicable', label: { sv: 'Ej tillämpbar', en: 'Not applicable' } });
  assert.deepEqual(finsam.parseDecision('god'), { code: 'good', label: { sv: 'God', en: 'Good' } });
});

test('numbers parse as Swedish users type them', () => {
  const read = ['8,5', '1 150', '80 %', '80%', ' -3 ', '12.5', '0,25 %', '1 150,50'].map((text) => finsam.parseNumber(text));
  assert.deepEqual(read, ['8.5', '1150', '80', '80', '-3', '12.5', '0.25', '1150.50']);
  for (const text of ['8,5,5', '%', '8 5 %', 'åtta', '1 15 0', '80 % %']) {
    assert.throws(() => finsam.parseNumber(text), { name: 'FinsamError', code: 'invalid_value' }, text);
  }
  const error = (() => { try { finsam.parseNumber('8,5,5', 'goals[1].target'); } catch (e) { return e; } })();
  assert.equal(error.message_sv, "'8,5,5' kan inte läsas som ett tal; skriv till exempel 20, 8,5 eller 1 150.");
});

test('defaultPolicy, errorCodes and version', () => {
  assert.deepEqual(finsam.defaultPolicy(), {
    very_good: '0.95',
    good: '0.85',
    acceptable: '0.50',
    unmeasured_cap: 'good',
    none_measured: 'not_met',
    share_basis: 'fraction',
  });
  const codes = finsam.errorCodes();
  // The codes of finsam-core 0.1 in declaration order; later codes are appended after them.
  assert.deepEqual(codes.slice(0, 24), [
    'json_syntax', 'invalid_type', 'unknown_field', 'missing_field', 'unknown_variant', 'invalid_value',
    'negative_value', 'share_above_100', 'numerator_above_denominator', 'zero_denominator',
    'incomplete_fraction', 'empty_share', 'not_whole_number', 'missing_target', 'unexpected_target',
    'result_kind_mismatch', 'empty_text', 'invalid_id', 'duplicate_id', 'invalid_grade', 'invalid_period',
    'invalid_policy', 'unsupported_version', 'overflow',
  ]);
  assert.equal(new Set(codes).size, codes.length);
  const cargo = readFileSync(path.join(ROOT, 'Cargo.toml'), 'utf8');
  const version = /^version = "([^"]+)"$/m.exec(cargo)[1];
  assert.equal(finsam.version(), version);
});
