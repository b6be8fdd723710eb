// Report tables rendered through the binding (the goal-fulfilment summary and the flow table in
// Markdown, HTML and CSV, Swedish and English) and reports of several years compared.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { finsam, finsamReports, sampleReport, thrown } from './support.mjs';

/**
 * The report of finsam-core/tests/render.rs: START (the decided grade agrees), a name with a
 * `|`, a count in the thousands, 8.5 %, a qualitative result with a comma and quotes (the
 * decided grade differs), and an intervention without goals.
 */
function smallReport() {
  return {
    format_version: 1,
    organisation: 'Samordningsförbundet Exempel',
    period: '2017',
    interventions: [
      {
        id: 'start',
        name: 'START',
        kind: 'individual',
        status: 'active',
        goals: [
          { description: '20 nya deltagare', kind: 'count', target: '20', result: { type: 'count', value: '21' } },
          {
            description: '50 % i arbete/studier',
            kind: 'share',
            target: '50',
            result: { type: 'share', percent: '67', numerator: '14', denominator: '21' },
          },
        ],
        decided_grade: { grade: 'Mycket god' },
      },
      {
        id: 'kugghjulen',
        name: 'Kugghjulen | ärenden',
        kind: 'individual',
        status: 'active',
        goals: [
          { description: '1 150 ärenden', kind: 'count', target: '1150', result: { type: 'count', value: '1150' } },
          {
            description: '10 % till arbete',
            kind: 'share',
            target: '10',
            result: { type: 'share', numerator: '17', denominator: '200' },
          },
          {
            description: 'Samverkan, "nätverk"',
            kind: 'qualitative',
            result: { type: 'qualitative', text: 'Möten, nätverk', assessment: 'reached' },
          },
        ],
        decided_grade: { grade: 'God' },
      },
      { id: 'ny', name: 'Ny insats', kind: 'structural', status: 'active' },
    ],
  };
}

test('the CSV of a small report is exact, in Swedish and in English', () => {
  assert.equal(
    finsamReports.renderGoalTable(smallReport(), 'csv'),
    'Insats,Mål,Resultat,Måluppfyllelse\r\n' +
      'START,20 nya deltagare,21,Mycket god\r\n' +
      'START,50 % i arbete/studier,67 % (14 av 21),Mycket god\r\n' +
      'Kugghjulen | ärenden,1 150 ärenden,1 150,Mycket god (beslutad: God)\r\n' +
      'Kugghjulen | ärenden,10 % till arbete,"8,5 % (17 av 200)",Mycket god (beslutad: God)\r\n' +
      'Kugghjulen | ärenden,"Samverkan, ""nätverk""","Möten, nätverk",Mycket god (beslutad: God)\r\n' +
      'Ny insats,Inga mål,,Ingen grad\r\n',
  );
  assert.equal(
    finsamReports.renderGoalTable(smallReport(), 'CSV', 'en'),
    'Intervention,Goal,Result,Goal fulfilment\r\n' +
      'START,20 nya deltagare,21,Very good\r\n' +
      'START,50 % i arbete/studier,67% (14 of 21),Very good\r\n' +
      'Kugghjulen | ärenden,1 150 ärenden,"1,150",Very good (decided: Good)\r\n' +
      'Kugghjulen | ärenden,10 % till arbete,8.5% (17 of 200),Very good (decided: Good)\r\n' +
      'Kugghjulen | ärenden,"Samverkan, ""nätverk""","Möten, nätverk",Very good (decided: Good)\r\n' +
      'Ny insats,No goals,,No grade\r\n',
  );
});

test('the Markdown of a small report is exact; md is markdown; the language defaults to Swedish', () => {
  const markdown =
    '**Sammanställning av måluppfyllelse – Samordningsförbundet Exempel, 2017**\n' +
    '\n' +
    '| Insats | Mål | Resultat | Måluppfyllelse |\n' +
    '| --- | --- | --- | --- |\n' +
    '| START | 20 nya deltagare | 21 | Mycket god |\n' +
    '|  | 50 % i arbete/studier | 67 % (14 av 21) |  |\n' +
    '| Kugghjulen \\| ärenden | 1 150 ärenden | 1 150 | Mycket god (beslutad: God) |\n' +
    '|  | 10 % till arbete | 8,5 % (17 av 200) |  |\n' +
    '|  | Samverkan, "nätverk" | Möten, nätverk |  |\n' +
    '| Ny insats | Inga mål |  | Ingen grad |\n';
  assert.equal(finsamReports.renderGoalTable(smallReport(), 'markdown'), markdown);
  assert.equal(finsamReports.renderGoalTable(smallReport(), 'md', null), markdown);
  assert.equal(finsamReports.renderGoalTable(smallReport(), 'md', 'sv', null), markdown);
});

test('the HTML of the 2017 sample is a complete, accessible document', () => {
  const report = sampleReport(2017);
  const html = finsamReports.renderGoalTable(report, 'html');
  assert.ok(html.startsWith('<!DOCTYPE html>\n<html lang="sv">\n<head>\n<meta charset="utf-8">\n'));
  assert.ok(html.endsWith('</table>\n</body>\n</html>\n'));
  const rows = report.interventions.reduce((sum, i) => sum + Math.max(i.goals?.length ?? 0, 1), 0);
  assert.equal(html.split('<tbody>').length - 1, report.interventions.length);
  assert.equal(html.split('<tr>').length - 1, rows + 1);
  assert.ok(html.includes('<td>93 % (89 av 93)</td>'));
  assert.ok(html.includes('<th scope="col">Måluppfyllelse</th>'));
  const english = finsamReports.renderGoalTable(report, 'html', 'en');
  assert.ok(english.startsWith('<!DOCTYPE html>\n<html lang="en">'));
  assert.ok(english.includes('<td>67% (14 of 21)</td>'));
  // A policy of its own grades differently.
  const strict = { very_good: '0.99', good: '0.98', acceptable: '0.97' };
  assert.notEqual(finsamReports.renderGoalTable(report, 'csv', 'sv', strict), finsamReports.renderGoalTable(report, 'csv'));
});

test('the flow tables of the samples', () => {
  const csv = finsamReports.renderFlowTable(sampleReport(2015), 'csv', 'en');
  assert.ok(
    csv.startsWith(
      'Intervention,Current participants,Of whom women,Of whom men,Other/unspecified,' +
        'New participants,Ended participants,To work/studies,Job-seeking at end\r\n',
    ),
  );
  assert.ok(csv.endsWith('TOTAL,728,411,299,1,501,215,98,24\r\n'));
  const markdown = finsamReports.renderFlowTable(sampleReport(2017), 'markdown');
  assert.ok(markdown.includes('| Hälsosam | 96 | 69 | 27 | 0 | 96 | 96 | ej tillämpligt | ej tillämpligt |\n'));
  assert.ok(markdown.endsWith('| Varav unika deltagare | 624 |  |  |  |  |  |  |  |\n'));
  assert.ok(finsamReports.renderFlowTable(sampleReport(2015), 'html').includes('<tfoot>\n<tr><th scope="row">TOTALT</th>'));
  assert.equal(finsamReports.renderFlowTable(smallReport(), 'html'), null);
});

test('rendering names the bad argument', () => {
  for (const [args, code, path] of [
    [['pdf'], 'unknown_variant', 'format'],
    [[null], 'invalid_type', 'format'],
    [['csv', 'fi'], 'unknown_variant', 'language'],
    [['csv', 1], 'invalid_type', 'language'],
  ]) {
    for (const render of [finsamReports.renderGoalTable, finsamReports.renderFlowTable]) {
      const error = thrown(() => render(smallReport(), ...args));
      assert.deepEqual([error.name, error.code, error.path], ['FinsamError', code, path], JSON.stringify(args));
    }
  }
  const bad = smallReport();
  bad.interventions[0].goals[1].target = '101';
  const error = thrown(() => finsamReports.renderGoalTable(bad, 'csv'));
  assert.deepEqual([error.code, error.path], ['share_above_100', 'interventions[0].goals[1].target']);
  assert.equal(thrown(() => finsamReports.renderGoalTable(smallReport(), 'csv', 'sv', { good: 'x' })).path, 'good');
});

// ------------------------------------------------------------------------------------------
// Reports across years

const samples = () => [2017, 2014, 2015].map(sampleReport);

test('the 2014, 2015 and 2017 samples compared, given in any order', () => {
  const comparison = finsamReports.compareReports(samples());
  assert.deepEqual(comparison.periods, ['2014', '2015', '2017']);
  assert.equal(comparison.interventions.length, 15);
  assert.deepEqual(comparison, finsamReports.compareReports(samples().reverse()));

  const grades = (id) =>
    comparison.grade_rows.filter((row) => row.intervention_id === id).map((row) => [row.period, row.grade]);
  assert.deepEqual(grades('start'), [['2014', 'good'], ['2015', 'very_good'], ['2017', 'very_good']]);
  assert.deepEqual(grades('upis'), [['2014', 'not_met'], ['2015', 'very_good'], ['2017', 'very_good']]);
  assert.deepEqual(grades('akse'), [['2014', 'very_good'], ['2015', 'acceptable']]);
  assert.equal(comparison.grade_rows.length, 13 + 10 + 10);
  assert.deepEqual(comparison.grade_rows[0], {
    intervention_id: 'samverkansteam-botkyrka',
    intervention: 'Samverkansteam Botkyrka',
    period: '2014',
    id: 'samverkansteam-botkyrka',
    name: 'Samverkansteam Botkyrka',
    matched_by: null,
    status: 'active',
    grade: 'good',
    score: '0.9225',
    decided: null,
  });
  const adrian = comparison.grade_rows.find((row) => row.intervention_id === 'adrian' && row.period === '2017');
  assert.deepEqual([adrian.decided, adrian.matched_by], ['not_applicable', 'id']);

  const halsosam = comparison.interventions.find((history) => history.id === 'halsosam');
  assert.equal(halsosam.name, 'Hälsosam');
  const [participants] = halsosam.goals;
  assert.equal(participants.description, '80 deltagare.');
  assert.deepEqual(participants.points.map((p) => p.value), ['89', '85', '96']);
  assert.deepEqual(participants.points.map((p) => p.value_change ?? null), [null, '-4', '11']);
  assert.deepEqual(participants.points.map((p) => p.previous_period ?? null), [null, '2014', '2015']);
  assert.deepEqual(participants.points.map((p) => p.matched_by ?? null), [null, 'description', 'description']);
  assert.deepEqual(participants.points.map((p) => p.measures), Array(3).fill('current_participants'));

  const points = samples().reduce((sum, r) => sum + r.interventions.reduce((n, i) => n + (i.goals?.length ?? 0), 0), 0);
  assert.equal(comparison.goal_rows.length, points);
  const second = comparison.goal_rows[1];
  assert.deepEqual([second.previous_period, second.matched_by, second.value_change], ['2014', 'figure', '-21']);
  const start = comparison.goal_rows.find(
    (row) => row.intervention_id === 'start' && row.goal_description === '20 nya' && row.period === '2017',
  );
  assert.deepEqual([start.matched_by, start.value_change, start.target], ['figure', '6', '20']);
});

test('compareReports refuses two reports of one period and a report that is not valid', () => {
  const twice = thrown(() => finsamReports.compareReports([...samples(), sampleReport(2014)]));
  assert.deepEqual([twice.code, twice.path], ['duplicate_period', '[3].period']);
  const bad = samples();
  bad[1].interventions[0].goals[0].target = '-1';
  const invalid = thrown(() => finsamReports.compareReports(bad));
  assert.deepEqual([invalid.code, invalid.path], ['negative_value', '[1].interventions[0].goals[0].target']);
  assert.equal(thrown(() => finsamReports.compareReports(sampleReport(2014))).code, 'invalid_type');
  assert.deepEqual(finsamReports.compareReports([]), { periods: [], interventions: [], grade_rows: [], goal_rows: [] });
});

/** Checks that `table` is a table as data: columns with a key, kind and both headings, and rows of one value per column, decimals as strings. */
function assertTable(table) {
  assert.deepEqual(Object.keys(table).sort(), ['columns', 'rows']);
  for (const column of table.columns) {
    assert.deepEqual(Object.keys(column).sort(), ['key', 'kind', 'label_en', 'label_sv']);
  }
  const decimal = new Set(['decimal', 'percent', 'fraction', 'money']);
  for (const row of table.rows) {
    assert.equal(row.length, table.columns.length);
    row.forEach((value, i) => {
      if (decimal.has(table.columns[i].kind)) assert.ok(value === null || typeof value === 'string', `${table.columns[i].key}: ${value}`);
    });
  }
  return table;
}

/** The values of column `key` of a table. */
const column = (table, key) => table.rows.map((row) => row[table.columns.findIndex((c) => c.key === key)]);

test('every table of a report comes back as data, {columns, rows}', () => {
  const report = sampleReport(2017);
  const goals = assertTable(finsamReports.goalTable(report));
  const graded = finsam.gradeReport(report);
  assert.equal(goals.rows.length, graded.flatMap((a) => a.goals).length);
  assert.deepEqual(column(goals, 'status'), graded.flatMap((a) => a.goals.map((g) => g.status)));
  const interventions = assertTable(finsamReports.interventionTable(report, 'en', { very_good: '0.98' }));
  assert.deepEqual(column(interventions, 'grade'), finsam.gradeReport(report, { very_good: '0.98' }).map((a) => a.grade));
  assert.deepEqual(column(interventions, 'grade_label').slice(0, 2), finsam.gradeReport(report, { very_good: '0.98' }).slice(0, 2).map((a) => finsam.parseGrade(a.grade).label.en));
  const findings = assertTable(finsamReports.diagnosticTable(report, 'en'));
  assert.deepEqual(column(findings, 'code'), finsam.checkReport(report).map((d) => d.code));
  assert.deepEqual(column(findings, 'message'), finsam.checkReport(report).map((d) => d.message_en));
  const flows = assertTable(finsamReports.flowTable(report));
  assert.equal(flows.rows.length, report.flows.rows.length + 1);
  assertTable(finsamReports.endReasonTable(sampleReport(2014)));
  // The economics of the half-year report; a report without economics has none of them.
  const halfYear = sampleReport(2019);
  for (const name of ['statementTable', 'ruleTable', 'deviationTable']) {
    assert.ok(assertTable(finsamReports[name](halfYear)).rows.length > 0, name);
    assert.equal(finsamReports[name](report), null, name);
  }
  assert.deepEqual(column(finsamReports.ruleTable(halfYear), 'id'), halfYear.economics.rules.map((r) => r.id));
  assert.equal(finsamReports.flowTable({ format_version: 1, organisation: 'X', period: '2017' }), null);
});

test('the text and the series tables come back as data too', () => {
  const issues = assertTable(finsamReports.issueTable([{ name: 'Lyra', goals: '10-20 deltagare.', results: '12' }], 'en'));
  assert.ok(issues.rows.length > 0);
  assert.deepEqual(new Set(column(issues, 'intervention_id')), new Set(['lyra']));
  const reports = [2014, 2015, 2017].map(sampleReport);
  const compared = finsamReports.compareReports(reports);
  assert.equal(assertTable(finsamReports.seriesGradeTable(reports)).rows.length, compared.grade_rows.length);
  assert.equal(assertTable(finsamReports.seriesGoalTable(reports, 'en')).rows.length, compared.goal_rows.length);
  const pivot = assertTable(finsamReports.seriesGradePivot(reports, 'grade'));
  assert.deepEqual(pivot.columns.map((c) => c.key), ['intervention_id', 'intervention', '2014', '2015', '2017']);
  assertTable(finsamReports.seriesGoalPivot(reports, 'attainment', 'en'));
  const error = thrown(() => finsamReports.seriesGradePivot(reports, 'colour'));
  assert.deepEqual([error.name, error.code, error.path], ['FinsamError', 'unknown_variant', 'value']);
  assert.equal(typeof error.message_sv, 'string');
});
