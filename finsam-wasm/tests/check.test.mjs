// checkReport: the report checker through the Node build. On the sample reports it finds exactly
// what finsam-core/tests/checker.rs asserts; a consistent report gives an empty array; changing
// one figure of it gives the finding; a malformed report throws a FinsamError.
import test from 'node:test';
import assert from 'node:assert/strict';

import { finsam, sampleReport as sample, thrown } from './support.mjs';

const clone = (value) => JSON.parse(JSON.stringify(value));

/** [code, intervention, path, expected, printed] of a diagnostic, as checker.rs compares them. */
const finding = (d) => [d.code, d.location.intervention ?? '', d.location.path, d.expected ?? '', d.printed ?? ''];

// The findings of finsam-core/tests/checker.rs, in the same order.
const BOTKYRKA = 'samverkansteam-botkyrka';
const EXPECTED = {
  2017: [
    ['share_printed_mismatch', 'halsosam', 'interventions[1].goals[2].result.percent', '95.7', '93'],
    ['share_printed_mismatch', BOTKYRKA, 'interventions[3].goals[2].result.percent', '15.4', '6'],
    ['goal_flow_mismatch', BOTKYRKA, 'interventions[3].goals[2].result.denominator', '66', '26'],
    ['goal_flow_mismatch', 'start', 'interventions[6].goals[2].result.denominator', '31', '21'],
    ['goal_flow_mismatch', 'upis', 'interventions[7].goals[1].result.value', '35', '34'],
    ['share_printed_mismatch', 'mia', 'interventions[9].goals[1].result.percent', '29.4', '31'],
    ['share_printed_mismatch', 'mia', 'interventions[9].goals[2].result.percent', '23.5', '27'],
    ['flow_new_above_current', 'mojliggorarna', 'flows.rows[4].figures.new', '108', '114'],
    ['flow_ended_above_current', 'mojliggorarna', 'flows.rows[4].figures.ended', '108', '114'],
  ],
  2015: [
    ['goal_flow_mismatch', 'slussen', 'interventions[7].goals[0].result.value', '108', '59'],
    ['flow_gender_sum', 'lyra', 'flows.rows[3].figures.current', '12', '28'],
    ['flow_gender_sum', 'samplan', 'flows.rows[4].figures.current', '236', '237'],
  ],
  2014: [
    ['goal_target_conflict', BOTKYRKA, 'interventions[0].goals[0].also_stated[0].target', '50', '60'],
    ['goal_target_conflict', BOTKYRKA, 'interventions[0].goals[0].also_stated[1].target', '50', '60'],
    ['goal_target_conflict', BOTKYRKA, 'interventions[0].goals[1].also_stated[0].target', '40', '50'],
    ['goal_target_conflict', BOTKYRKA, 'interventions[0].goals[1].also_stated[1].target', '40', '50'],
    ['goal_target_conflict', BOTKYRKA, 'interventions[0].goals[2].also_stated[0].target', '20', '25'],
    ['goal_target_conflict', BOTKYRKA, 'interventions[0].goals[3].also_stated[0].target', '25', '35'],
    ['goal_target_conflict', 'akse', 'interventions[3].goals[1].also_stated[0].target', '30', '35'],
    ['goal_target_conflict', 'akse', 'interventions[3].goals[1].also_stated[1].target', '30', '35'],
    ['goal_target_conflict', 'start', 'interventions[4].goals[1].also_stated[0].target', '35', '30'],
    ['goal_target_conflict', 'start', 'interventions[4].goals[1].also_stated[1].target', '35', '30'],
    ['goal_target_conflict', 'paraplyteamet', 'interventions[5].goals[0].also_stated[0].target', '55', '60'],
    ['goal_target_conflict', 'paraplyteamet', 'interventions[5].goals[0].also_stated[1].target', '55', '60'],
    ['goal_target_conflict', 'slussen', 'interventions[6].goals[2].also_stated[0].target', '100', '95'],
    ['goal_target_conflict', 'slussen', 'interventions[6].goals[2].also_stated[1].target', '100', '95'],
  ],
};

for (const [year, expected] of Object.entries(EXPECTED)) {
  test(`the ${year} report: exactly the findings the core's checker test asserts`, () => {
    const report = sample(year);
    const before = clone(report);
    const diagnostics = finsam.checkReport(report);
    assert.ok(Array.isArray(diagnostics));
    assert.equal(diagnostics.length, expected.length);
    assert.deepEqual(diagnostics.map(finding), expected);
    for (const d of diagnostics) {
      // Plain objects with exactly the documented fields; decimals as strings.
      assert.deepEqual(Object.keys(d), ['code', 'severity', 'location', 'expected', 'printed', 'message_sv', 'message_en']);
      assert.deepEqual(Object.keys(d.location), ['intervention', 'table', 'path', 'compared_with', 'places']);
      assert.equal(d.severity, 'error');
      assert.equal(d.location.table, d.location.path.startsWith('flows.') ? 'flows' : 'goals');
      assert.equal(typeof d.expected, 'string');
      assert.equal(typeof d.printed, 'string');
      assert.ok(d.message_sv.length > 0 && d.message_en.length > 0);
    }
    assert.deepEqual(report, before, 'checking never changes the report');
    // The same report, checked again (or as read back from JSON text), gives the same findings.
    assert.deepEqual(finsam.checkReport(JSON.parse(JSON.stringify(report))), diagnostics);
  });
}

test('the messages are the core messages, in Swedish and English', () => {
  const diagnostics = finsam.checkReport(sample(2017));
  assert.equal(
    diagnostics[0].message_sv,
    'Hälsosam: målet "60 % tar eget ansvar för att genomföra hälsoplan": tryckt 93 % men 89 av 93 är 95,7 %.',
  );
  assert.equal(
    diagnostics[0].message_en,
    'Hälsosam: goal "60 % tar eget ansvar för att genomföra hälsoplan": printed 93% but 89 of 93 is 95.7%.',
  );
  const upis = diagnostics.find((d) => d.code === 'goal_flow_mismatch' && d.location.path.endsWith('value'));
  assert.equal(upis.message_sv, 'Ungdomsprojektet Salem: målet "33 nya" redovisar 34, men deltagarflödet ger 35.');
});

/**
 * A report whose figures all hold: goals that measure flow figures and are stated twice with one
 * target, a flow table with its TOTALT row and unique participants, and an end-reason table.
 */
function consistentReport() {
  return {
    format_version: 1,
    organisation: 'Samordningsförbundet Prov',
    period: '2017',
    interventions: [
      {
        id: 'start',
        name: 'START',
        kind: 'individual',
        status: 'active',
        goals: [
          {
            description: '20 nya deltagare',
            kind: 'count',
            target: '20',
            unit: 'nya deltagare',
            measures: 'new_participants',
            also_stated: [{ place: 'avsnittets tabell', text: '20 nya deltagare', target: '20' }],
            result: { type: 'count', value: '21' },
          },
          {
            description: '50 % till arbete/studier',
            kind: 'share',
            target: '50',
            measures: 'share_to_work_or_studies_of_ended',
            also_stated: [{ place: 'avsnittet, Mål 2017', text: 'Hälften till arbete eller studier', target: '50' }],
            result: { type: 'share', percent: '67', numerator: '14', denominator: '21' },
          },
        ],
      },
      {
        id: 'lyra',
        name: 'Lyra',
        kind: 'individual',
        status: 'active',
        goals: [
          { description: '10 deltagare', kind: 'count', target: '10', measures: 'current_participants', result: { type: 'count', value: '10' } },
        ],
      },
      { id: 'samverkan', name: 'Strukturell samverkan', kind: 'structural', status: 'active', goals: [] },
    ],
    flows: {
      rows: [
        {
          intervention: 'start',
          label: 'START',
          figures: { current: 30, women: 18, men: 11, other: 1, new: 21, ended: 21, to_work_or_studies: 14, job_seeking: 3 },
        },
        {
          intervention: 'lyra',
          figures: { current: 10, women: 6, men: 4, other: 0, new: 4, ended: 5, to_work_or_studies: 'not_applicable', job_seeking: null },
        },
      ],
      total: { current: 40, women: 24, men: 15, other: 1, new: 25, ended: 26, to_work_or_studies: 14, job_seeking: 3 },
      unique_participants: 38,
    },
    end_reasons: {
      rows: [
        { reason: 'work_studies_job_seeking', label: 'Arbete/studier/arbetssökande', women: 10, men: 7, total: 17 },
        { reason: 'illness', label: 'Sjukdom', women: 5, men: 4, total: 9 },
      ],
      total: { women: 15, men: 11, total: 26 },
      note: 'Alla avslutade deltagare',
    },
  };
}

test('a consistent report gives an empty array', () => {
  const report = consistentReport();
  assert.deepEqual(finsam.checkReport(report), []);
  assert.deepEqual(finsam.validateReport(report), { valid: true, errors: [] });
  // Without the tables nothing is found either.
  const { flows, end_reasons, ...bare } = report;
  void [flows, end_reasons];
  assert.deepEqual(finsam.checkReport(bare), []);
  assert.deepEqual(finsam.checkReport({ format_version: 1, organisation: 'X', period: '2019-H1' }), []);
});

test('changing one figure of the consistent report gives the finding, with its location', () => {
  const cases = [
    [(r) => { r.flows.rows[0].figures.women = 19; }, [
      ['flow_gender_sum', 'start', 'flows', 'flows.rows[0].figures.current', '31', '30'],
      ['flow_total_mismatch', null, 'flows', 'flows.total.women', '25', '24'],
    ]],
    [(r) => { r.flows.rows[1].figures.new = 12; r.flows.total.new = 33; }, [
      ['flow_new_above_current', 'lyra', 'flows', 'flows.rows[1].figures.new', '10', '12'],
    ]],
    [(r) => { r.flows.rows[0].figures.job_seeking = 8; r.flows.total.job_seeking = 8; }, [
      ['flow_outcomes_above_ended', 'start', 'flows', 'flows.rows[0].figures.ended', '22', '21'],
    ]],
    [(r) => { r.flows.unique_participants = 41; }, [
      ['flow_unique_above_total', null, 'flows', 'flows.unique_participants', '40', '41'],
    ]],
    [(r) => { r.interventions[0].goals[0].result.value = '20'; }, [
      ['goal_flow_mismatch', 'start', 'goals', 'interventions[0].goals[0].result.value', '21', '20'],
    ]],
    [(r) => { r.interventions[0].goals[1].result.percent = '70'; }, [
      ['share_printed_mismatch', 'start', 'goals', 'interventions[0].goals[1].result.percent', '66.7', '70'],
    ]],
    [(r) => { r.interventions[0].goals[0].also_stated[0].target = '25'; }, [
      ['goal_target_conflict', 'start', 'goals', 'interventions[0].goals[0].also_stated[0].target', '20', '25'],
    ]],
    [(r) => { r.end_reasons.rows[1].total = 10; }, [
      ['end_reason_row_total', null, 'end_reasons', 'end_reasons.rows[1].total', '9', '10'],
      ['end_reason_column_total', null, 'end_reasons', 'end_reasons.total.total', '27', '26'],
    ]],
    [(r) => { r.end_reasons.total.men = 12; }, [
      ['end_reason_column_total', null, 'end_reasons', 'end_reasons.total.men', '11', '12'],
    ]],
  ];
  for (const [change, expected] of cases) {
    const report = consistentReport();
    change(report);
    const found = finsam.checkReport(report).map((d) => {
      assert.equal(d.severity, 'error');
      return [d.code, d.location.intervention, d.location.table, d.location.path, d.expected, d.printed];
    });
    assert.deepEqual(found, expected, change.toString());
  }
});

test('an individual intervention with goals but no flow row is a warning without figures', () => {
  const report = consistentReport();
  report.flows.rows.splice(1, 1);
  report.flows.total = { ...report.flows.rows[0].figures };
  report.flows.unique_participants = null;
  const diagnostics = finsam.checkReport(report);
  assert.equal(diagnostics.length, 1);
  const [d] = diagnostics;
  assert.equal(d.code, 'flow_row_missing');
  assert.equal(d.severity, 'warning');
  assert.deepEqual(d.location, { intervention: 'lyra', table: 'flows', path: 'interventions[1]', compared_with: null, places: [] });
  assert.equal(d.expected, null);
  assert.equal(d.printed, null);
  assert.match(d.message_sv, /^Lyra: /);
  assert.match(d.message_en, /^Lyra: /);
});

test('a malformed report throws a FinsamError with the core code and path', () => {
  const withFlows = (flows) => ({ ...consistentReport(), flows });
  const withEndReasons = (end_reasons) => ({ ...consistentReport(), end_reasons });
  const withGoal = (change) => {
    const report = consistentReport();
    change(report.interventions[0].goals[0]);
    return report;
  };
  const row = (figures) => ({ rows: [{ intervention: 'start', figures }] });
  const cases = [
    [42, 'invalid_type', ''],
    [undefined, 'invalid_type', ''],
    [null, 'invalid_type', ''],
    [[consistentReport()], 'invalid_type', ''],
    [{ ...consistentReport(), format_version: 2 }, 'unsupported_version', 'format_version'],
    [withFlows(row({ current: '12' })), 'invalid_value', 'flows.rows[0].figures.current'],
    [withFlows(row({ current: -1 })), 'invalid_value', 'flows.rows[0].figures.current'],
    [withFlows(row({ women: 1.5 })), 'invalid_type', 'flows.rows[0].figures.women'],
    [withFlows(row({ ended: 'ej tillämpligt' })), 'invalid_value', 'flows.rows[0].figures.ended'],
    [withFlows(row({ started: 3 })), 'unknown_field', 'flows.rows[0].figures.started'],
    [withFlows({ rows: [{ intervention: 'start' }] }), 'missing_field', 'flows.rows[0].figures'],
    [withFlows({ rows: null }), 'invalid_type', 'flows.rows'],
    [withEndReasons({ rows: [{ reason: 'semester', women: 1 }] }), 'unknown_variant', 'end_reasons.rows[0].reason'],
    [withEndReasons({ rows: [], totals: {} }), 'unknown_field', 'end_reasons.totals'],
    [withGoal((g) => { g.measures = 'share_job_seeking_of_ended'; }), 'measure_kind_mismatch', 'interventions[0].goals[0].measures'],
    [withGoal((g) => { g.measures = 'deltagare'; }), 'unknown_variant', 'interventions[0].goals[0].measures'],
    [withGoal((g) => { g.also_stated[0].target = 20; }), 'invalid_type', 'interventions[0].goals[0].also_stated[0].target'],
    [withGoal((g) => { g.also_stated[0].target = '-3'; }), 'negative_value', 'interventions[0].goals[0].also_stated[0].target'],
    [withGoal((g) => { g.also_stated[0].place = ' '; }), 'empty_text', 'interventions[0].goals[0].also_stated[0].place'],
  ];
  for (const [report, code, where] of cases) {
    const error = thrown(() => finsam.checkReport(report));
    assert.ok(error instanceof Error, `${code}: not an Error: ${error}`);
    assert.equal(error.name, 'FinsamError');
    assert.equal(error.code, code, error.message);
    assert.equal(error.path, where, error.message);
    assert.ok(error.message.startsWith(`[${code}]`), error.message);
    // validateReport finds the same first error, as data.
    if (report !== undefined) {
      const outcome = finsam.validateReport(report);
      assert.equal(outcome.valid, false);
      assert.deepEqual([outcome.errors[0].code, outcome.errors[0].path], [code, where]);
    }
  }
});
