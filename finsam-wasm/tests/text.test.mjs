// The text parser through the binding: every goal and result cell of the 2014, 2015 and 2017
// summaries (the shared fixture, under the rule of finsam-core/tests/parse.rs), spans as JS
// string indexes, and interventions and reports built from rows of text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { finsam, finsamReports, VECTORS, START_2017, sampleReport, thrown } from './support.mjs';

const CELLS = JSON.parse(readFileSync(path.join(VECTORS, 'cells.json'), 'utf8')).rows;

function decimalOrNull(value) {
  return value === undefined ? null : value;
}

function goalMatches(goal, expected) {
  return (
    goal.kind === expected.kind &&
    decimalOrNull(goal.target) === decimalOrNull(expected.target) &&
    (goal.direction ?? 'at_least') === expected.direction &&
    (goal.measures ?? null) === (expected.measures ?? null)
  );
}

function resultMatches(result, expected) {
  if (expected === undefined || result.type !== expected.type) return false;
  if (result.type === 'count') return result.value === expected.value;
  if (result.type === 'share') {
    return ['percent', 'numerator', 'denominator'].every(
      (key) => decimalOrNull(result[key]) === decimalOrNull(expected[key]),
    );
  }
  return true;
}

const overlaps = (a, b) => a.start < b.end && b.start < a.end;

/** Whether an issue of `cell` points at one of `spans`. */
function flagged(aligned, cell, spans) {
  return aligned.issues.some((issue) => issue.cell === cell && spans.some((span) => overlaps(issue.span, span)));
}

test('every cell of the three summaries: no wrong parse, at least 95 % read completely', () => {
  assert.equal(CELLS.length, 33);
  const wrong = [];
  let cells = 0;
  let complete = 0;
  for (const row of CELLS) {
    const label = `${row.year} ${row.intervention}`;
    const aligned = finsamReports.readCells(row.goals_text, row.results_text);
    const goalItems = aligned.goal_cell.items;
    const resultItems = aligned.result_cell.items;
    const spans = goalItems.filter((item) => item.item === 'goal').map((item) => item.span);
    assert.equal(spans.length, aligned.goals.length);
    assert.equal(aligned.sources.length, aligned.goals.length);
    let following = 0;
    let goalsOk = true;
    let resultsOk = true;
    aligned.goals.forEach((goal, index) => {
      const expected = row.goals[following];
      if (expected !== undefined && goalMatches(goal, expected)) {
        const expectedResult = row.results[following];
        if (!resultMatches(goal.result, expectedResult)) {
          resultsOk = false;
          const places = [...aligned.sources[index].map((source) => resultItems[source].span), spans[index]];
          if (!flagged(aligned, 'results', places) && !flagged(aligned, 'goals', [spans[index]])) {
            wrong.push(`${label}: goal ${following} got ${JSON.stringify(goal.result)}`);
          }
        }
        following += 1;
      } else {
        goalsOk = false;
        if (!flagged(aligned, 'goals', [spans[index]])) wrong.push(`${label}: unexpected goal ${goal.description}`);
      }
    });
    const unreadGoals = goalItems.some((item) => item.item === 'unparsed');
    const unreadResults = resultItems.some((item) => item.item === 'unparsed');
    if (following < row.goals.length) {
      goalsOk = false;
      resultsOk = false;
      if (!unreadGoals) wrong.push(`${label}: only ${following} of ${row.goals.length} goals, without an issue`);
    }
    cells += 2;
    complete += Number(goalsOk && !unreadGoals) + Number(resultsOk && !unreadResults);
    assert.equal(aligned.complete, aligned.issues.every((issue) => issue.severity === 'info'), label);
  }
  assert.deepEqual(wrong, []);
  assert.ok(complete * 100 >= cells * 95, `${complete} of ${cells} cells read completely`);
  assert.equal(complete, 65);
});

test('a cell of Hälsosam 2017: goals with their results, the flow link, the fraction kept', () => {
  const row = CELLS.find((r) => r.year === 2017 && r.intervention === 'halsosam');
  const aligned = finsamReports.readCells(row.goals_text, row.results_text);
  const [first] = aligned.goals;
  assert.deepEqual([first.kind, first.target, first.measures], ['count', '80', 'current_participants']);
  assert.deepEqual([first.result.type, first.result.value], ['count', '96']);
  const last = aligned.goals.filter((goal) => goal.kind === 'share').at(-1).result;
  assert.deepEqual([last.percent, last.numerator, last.denominator], ['93', '89', '93']);
  assert.equal(aligned.complete, true);
  assert.deepEqual(aligned.issues, []);
});

test('every span of the fixture slices the JS string, also after å, ä and ö', () => {
  let afterNonAscii = 0;
  for (const row of CELLS) {
    const aligned = finsamReports.readCells(row.goals_text, row.results_text);
    for (const issue of aligned.issues) {
      const cell = issue.cell === 'goals' ? row.goals_text : row.results_text;
      assert.equal(cell.slice(issue.span.start, issue.span.end).split(/\s+/).join(' ').trim(), issue.text);
      assert.equal(Buffer.byteLength(cell.slice(0, issue.span.start)), issue.span.start_byte);
      afterNonAscii += Number(/[^\x00-\x7f]/.test(cell.slice(0, issue.span.start)));
    }
    for (const item of aligned.goal_cell.items) {
      const text = row.goals_text.slice(item.span.start, item.span.end);
      if (item.item === 'goal') assert.equal(text.split(/\s+/).join(' '), item.goal.description);
      else assert.equal(text, item.text);
    }
    for (const item of aligned.result_cell.items) {
      if (item.item === 'unparsed') assert.equal(row.results_text.slice(item.span.start, item.span.end), item.text);
    }
  }
  assert.ok(afterNonAscii >= 4, `${afterNonAscii}`);
});

test('a span after Swedish letters and an emoji is in UTF-16 units, with its bytes kept', () => {
  const goals = 'Ökad samverkan i Årsta 😀. 10-20 deltagare i Älvsjö.';
  const aligned = finsamReports.readCells(goals, 'Möten har hållits');
  assert.equal(aligned.issues.length, 1);
  const [issue] = aligned.issues;
  assert.deepEqual([issue.code, issue.severity, issue.cell], ['unparsed_text', 'error', 'goals']);
  assert.deepEqual(issue.span, {
    start: goals.indexOf('10-20'),
    end: goals.length,
    start_byte: Buffer.byteLength(goals.slice(0, goals.indexOf('10-20'))),
    end_byte: Buffer.byteLength(goals),
  });
  assert.equal(goals.indexOf('10-20'), 27);
  assert.equal(issue.span.start_byte, 31);
  assert.equal(goals.slice(issue.span.start, issue.span.end), '10-20 deltagare i Älvsjö.');
  assert.equal(issue.message_en, '"10-20 deltagare i Älvsjö." could not be read: a range, not a target.');
  assert.ok(issue.message_sv.startsWith('"10-20 deltagare i Älvsjö." kunde inte läsas'));
  assert.deepEqual(aligned.goal_cell.items.map((item) => item.item), ['goal', 'unparsed']);
  assert.deepEqual(aligned.goals[0].result, { type: 'qualitative', text: 'Möten har hållits', assessment: 'not_assessed' });
  assert.deepEqual(aligned.sources, [[0]]);
  assert.equal(aligned.complete, false);
});

test('a result that answers no goal, and a goal without a result', () => {
  const results = 'Hälsan ökade för många. 48 % i arbete. 12 möten';
  const aligned = finsamReports.readCells('Ökad hälsa. 50 % i arbete', results);
  assert.deepEqual(aligned.issues.map((i) => [i.code, i.cell]), [['unaligned_result', 'results']]);
  const [issue] = aligned.issues;
  assert.equal(results.slice(issue.span.start, issue.span.end), '12 möten');
  assert.deepEqual(aligned.result_cell.items.at(-1).result, { type: 'count', value: '12', text: '12 möten' });
  assert.equal(aligned.goals[1].result.percent, '48');

  const missing = finsamReports.readCells('70 nya deltagare\n25 % i arbete/studier', '43 nya och 48 avslutade');
  assert.deepEqual(missing.issues.map((i) => [i.code, i.severity]), [
    ['missing_result', 'warning'],
    ['unaligned_result', 'warning'],
  ]);
  assert.equal(missing.goals[1].result.type, 'missing');
  assert.deepEqual(missing.sources, [[0], []]);
  assert.equal(missing.complete, false);
});

test('a cell too long is kept whole as unparsed text', () => {
  const long = '80 deltagare. '.repeat(200);
  const aligned = finsamReports.readCells(long, long);
  assert.deepEqual(
    aligned.issues.map((i) => [i.code, i.span.start, i.span.end]),
    [['too_long', 0, long.length], ['too_long', 0, long.length]],
  );
  assert.deepEqual(aligned.goal_cell.items.map((item) => item.text), [long]);
  assert.deepEqual(aligned.goals, []);
});

test('readCells refuses what is not text, naming the argument', () => {
  for (const [args, path, found] of [
    [[80, '96'], 'goals', 'goals must be a string, found number'],
    [['80 deltagare', null], 'results', 'results must be a string, found null'],
    [['80 deltagare'], 'results', 'results must be a string, found undefined'],
  ]) {
    const error = thrown(() => finsamReports.readCells(...args));
    assert.ok(error instanceof Error);
    assert.deepEqual([error.name, error.code, error.path], ['FinsamError', 'invalid_type', path]);
    assert.ok(error.message.startsWith(`[invalid_type] ${path}: `), error.message);
    assert.equal(error.message_en, found);
    assert.equal(typeof error.message_sv, 'string');
  }
});

// ------------------------------------------------------------------------------------------
// Building interventions and reports from text

const START_GOALS = '40 deltagare, 20 nya.\n50 % i arbete/studier.';
const START_RESULTS = '61 deltagare, 21 nya\n67 % till arbete/studier (14 av 21)';

test('an intervention built from a row of text grades as the report did', () => {
  const built = finsamReports.interventionFromText({ name: 'START', goals: START_GOALS, results: START_RESULTS, grade: 'Mycket God' });
  const { intervention } = built;
  assert.deepEqual([intervention.id, intervention.name, intervention.kind], ['start', 'START', 'individual']);
  assert.deepEqual(
    intervention.goals.map((g) => [g.kind, g.target, g.result.type]),
    [['count', '40', 'count'], ['count', '20', 'count'], ['share', '50', 'share']],
  );
  assert.deepEqual(intervention.goals[2].result, {
    type: 'share',
    percent: '67',
    numerator: '14',
    denominator: '21',
    text: '67 % till arbete/studier (14 av 21)',
  });
  assert.deepEqual(intervention.decided_grade, { grade: 'very_good', printed: 'Mycket God' });
  assert.deepEqual(built.aligned.issues, []);
  assert.equal(built.aligned.complete, true);
  assert.deepEqual(built.aligned.goals, intervention.goals);
  const graded = finsam.gradeIntervention(intervention);
  assert.deepEqual([graded.grade, graded.comparison], ['very_good', 'agrees']);
  // The same grade as START 2017 entered field by field in the web form.
  assert.equal(finsam.gradeIntervention(START_2017).grade, graded.grade);

  const lyra = finsamReports.interventionFromText({
    name: '  Lyra  ',
    goals: 'Ökad programtrohet.',
    results: 'Programtrohet har ökat.',
    id: 'lyra-2017',
    kind: 'structural',
  }).intervention;
  assert.deepEqual([lyra.id, lyra.name, lyra.kind, lyra.decided_grade ?? null], ['lyra-2017', 'Lyra', 'structural', null]);
});

test('interventionFromText names the field of a bad row', () => {
  const cells = { goals: '20 nya', results: '12 nya' };
  for (const [row, code, path] of [
    [{ name: ' ' }, 'empty_text', 'name'],
    [{ name: '---' }, 'invalid_id', 'name'],
    [{ name: 'Lyra', id: 'Bad Id' }, 'invalid_id', 'id'],
    [{ name: 'Lyra', grade: 'Utmärkt' }, 'invalid_grade', 'grade'],
    [{ name: 'Lyra', kind: 'collective' }, 'unknown_variant', 'kind'],
    [{ name: 'Lyra', grades: 'God' }, 'unknown_field', 'grades'],
    [{ name: 'Lyra', goals: 20 }, 'invalid_type', 'goals'],
    [{ goals: '20 nya' }, 'missing_field', 'name'],
  ]) {
    const error = thrown(() => finsamReports.interventionFromText({ ...cells, ...row }));
    assert.deepEqual([error.name, error.code, error.path], ['FinsamError', code, path], JSON.stringify(row));
  }
  assert.equal(thrown(() => finsamReports.interventionFromText('START')).code, 'invalid_type');
});

const ROWS = [
  {
    name: 'Samverkansteam Huddinge',
    goals: '70 nya deltagare 25 % i/närmare arbete/studier',
    results: '43 nya och 48 avslutade 25 % i/närmare arbete/studier',
    grade: 'God',
  },
  { name: 'Hälsosam', goals: '80 deltagare.', results: '96 deltagare', grade: 'Mycket God' },
  { name: 'Kugghjulen', goals: '1 150 ärenden', results: '604 ärenden', grade: null },
];

test('a report built from the rows of a pasted table', () => {
  const built = finsamReports.reportFromText('Samordningsförbundet Exempel', '2017', ROWS);
  const { report } = built;
  assert.deepEqual([report.format_version, report.organisation, report.period], [1, 'Samordningsförbundet Exempel', '2017']);
  assert.deepEqual(report.interventions.map((i) => i.id), ['samverkansteam-huddinge', 'halsosam', 'kugghjulen']);
  assert.equal(report.interventions[2].goals[0].target, '1150');
  assert.equal(report.interventions[2].decided_grade ?? null, null);
  assert.deepEqual(built.rows.map((row) => row.intervention), report.interventions);
  // 48 avslutade answers no goal of Samverkansteam Huddinge.
  assert.deepEqual(built.rows.map((row) => row.aligned.issues.map((i) => i.code)), [['unaligned_result'], [], []]);
  const [issue] = built.rows[0].aligned.issues;
  assert.deepEqual([issue.span.start, issue.span.end, issue.text], [11, 23, '48 avslutade']);
  // The report is a report of the JSON format: it validates, grades and renders.
  assert.deepEqual(finsam.validateReport(report), { valid: true, errors: [] });
  assert.deepEqual(finsam.gradeReport(report).map((a) => a.grade), ['acceptable', 'very_good', 'acceptable']);
});

test('reportFromText names the row and field of a bad row, and the bad argument', () => {
  for (const [rows, code, path] of [
    [[{ name: 'Lyra', goals: '20 nya', results: '12 nya', grade: 'Utmärkt' }], 'invalid_grade', '[0].grade'],
    [[{ name: 'Lyra' }, { name: 'LYRA' }], 'duplicate_id', '[1].name'],
    [[{ name: 'Lyra', id: 'lyra' }, { name: 'Upis', id: 'lyra' }], 'duplicate_id', '[1].id'],
    [[{ name: ' ' }], 'empty_text', '[0].name'],
    [[{ goals: '20 nya' }], 'missing_field', '[0].name'],
    [[{ name: 'Lyra' }, { name: 'Upis', grades: 'God' }], 'unknown_field', '[1].grades'],
    [['Lyra'], 'invalid_type', '[0]'],
  ]) {
    const error = thrown(() => finsamReports.reportFromText('Exempel', '2017', rows));
    assert.deepEqual([error.code, error.path], [code, path], JSON.stringify(rows));
  }
  assert.deepEqual(
    [thrown(() => finsamReports.reportFromText('Exempel', '2017-Q3', ROWS))].map((e) => [e.code, e.path]),
    [['invalid_period', 'period']],
  );
  assert.equal(thrown(() => finsamReports.reportFromText('Exempel', 2017, ROWS)).path, 'period');
  assert.deepEqual(
    [thrown(() => finsamReports.reportFromText(' ', '2017', ROWS))].map((e) => [e.code, e.path]),
    [['empty_text', 'organisation']],
  );
  assert.equal(thrown(() => finsamReports.reportFromText('Exempel', '2017', 'rows')).code, 'invalid_type');
});

test('a rendered table reads back as the same goals', () => {
  // The 2017 summary rendered as CSV, pasted back row by row, gives every goal's kind and
  // target again.
  const source = sampleReport(2017);
  const csv = finsamReports.renderGoalTable(source, 'csv');
  const grouped = new Map();
  for (const record of parseCsv(csv).slice(1)) {
    const [name, goal, result] = record;
    if (!grouped.has(name)) grouped.set(name, { name, goals: [], results: [] });
    grouped.get(name).goals.push(goal);
    grouped.get(name).results.push(result);
  }
  const rows = [...grouped.values()].map((r) => ({ name: r.name, goals: r.goals.join('\n'), results: r.results.join('\n') }));
  const built = finsamReports.reportFromText(source.organisation, source.period, rows);
  assert.ok(built.rows.every((row) => row.aligned.complete));
  const kinds = (report) => report.interventions.map((i) => i.goals.map((g) => [g.kind, g.target ?? null]));
  assert.deepEqual(kinds(built.report), kinds(source));
});

/** The records of an RFC 4180 CSV text (quoted fields, doubled quotes, CRLF). */
function parseCsv(text) {
  const records = [];
  let record = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      record.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      i += 1;
    } else field += c;
  }
  return records;
}
