// The economics through the Node build: economicsSummary on the 2019 half-year report gives the
// exact figures finsam-core/tests/economics.rs asserts, checkReport finds exactly its 16
// discrepancies, convertMoney and roundMoney convert and round exactly, and bad input throws a
// FinsamError with the core's code and path.
import test from 'node:test';
import assert from 'node:assert/strict';

import { finsam, finsamReports, sampleReport, thrown } from './support.mjs';

const clone = (value) => JSON.parse(JSON.stringify(value));

/** A report with `economics` and nothing else. */
const withEconomics = (economics) => ({
  format_version: 1,
  organisation: 'X',
  period: '2019-H1',
  interventions: [],
  economics,
});

/** [budget, outcome, difference] of a Figures object. */
const columns = (figures) => [figures.budget, figures.outcome, figures.difference];

test('the summary of 2019: the statement\'s sums, result and member split', () => {
  const { statement } = finsamReports.economicsSummary(sampleReport(2019));
  assert.equal(statement.unit, 'tkr');
  // Income: 8 000 + 4 000 + 4 000 + 926 = 16 926 budgeted, 17 432 outcome.
  assert.deepEqual(columns(statement.income), ['16926', '17432', '-506']);
  assert.deepEqual(columns(statement.members), ['16000', '16000', '0']);
  // The groups' lines: Aktiviteter/Insatser 19 087 / 13 423 / 5 664 (printed 13 424 and 5 663),
  // Styrelse och kansli 3 325 / 3 442 / -117 (printed outcome 3 441).
  assert.deepEqual(
    statement.groups.map((g) => [g.id, g.label, ...columns(g.lines)]),
    [
      ['aktiviteter', 'Aktiviteter/Insatser', '19087', '13423', '5664'],
      ['styrelse_och_kansli', 'Styrelse och kansli', '3325', '3442', '-117'],
    ],
  );
  // Total costs from the printed subtotals: 19 087 + 3 325 = 22 412 (printed 22 411).
  assert.deepEqual(columns(statement.costs), ['22412', '16865', '5546']);
  // Result = income − costs, from the printed totals.
  assert.deepEqual(columns(statement.result), ['-5485', '567', '-6052']);
  // The members pay 50 / 25 / 25, in budget and outcome.
  assert.deepEqual(statement.member_split.map((s) => [s.column, s.total]), [['budget', '16000'], ['outcome', '16000']]);
  for (const split of statement.member_split) {
    assert.deepEqual(
      split.members.map((m) => [m.member, m.amount, m.expected]),
      [
        ['state', '8000', '8000'],
        ['region', '4000', '4000'],
        ['municipality', '4000', '4000'],
      ],
    );
  }
});

test('the summary of 2019: every cost rule\'s outcome', () => {
  const { rules } = finsamReports.economicsSummary(sampleReport(2019));
  assert.deepEqual(rules, [
    // 19 % of the members' 16 000 tkr is 3 040; the office cost 3 441: 401 over.
    { rule: 'kansli_19', base: '16000', allowed: '3040', actual: '3441', percent: '21.50625', excess: '401', room: '0', within: false },
    // 11 % is 1 760; structural interventions cost 1 065: 695 left.
    { rule: 'strukturella_11', base: '16000', allowed: '1760', actual: '1065', percent: '6.65625', excess: '0', room: '695', within: true },
    // 30 % is 4 800; together 4 506: 294 left.
    { rule: 'sammanlagt_30', base: '16000', allowed: '4800', actual: '4506', percent: '28.1625', excess: '0', room: '294', within: true },
  ]);
});

test('the summary of 2019: the deviation of every intervention from its budget', () => {
  const summary = finsamReports.economicsSummary(sampleReport(2019));
  assert.equal(summary.deviations_unit, 'sek');
  assert.equal(summary.deviations.length, 37);
  const row = (label) => summary.deviations.find((d) => d.label === label);
  const tensta = row('Team Tensta VC');
  assert.deepEqual(
    { ...tensta, deviation_percent: tensta.deviation_percent.slice(0, 8) },
    {
      group: 'Individinriktade insatser',
      label: 'Team Tensta VC',
      intervention: 'team-tensta-vc',
      wording: 'outcome',
      budget: '168000',
      outcome: '3246',
      deviation: '164754',
      // 98.07 % of the budget left, unrounded.
      deviation_percent: '98.06785',
    },
  );
  // Aktivitetsplatsen: 3 250 700 under budget, 72.96 %; AMA: 374 476 over budget, -74.90 %.
  assert.equal(row('Aktivitetsplatsen').deviation, '3250700');
  assert.equal(Number(row('Aktivitetsplatsen').deviation_percent).toFixed(2), '72.96');
  assert.equal(row('AMA- Aktivitet mot arbetet').deviation, '-374476');
  assert.equal(Number(row('AMA- Aktivitet mot arbetet').deviation_percent).toFixed(2), '-74.90');
  // A budget of zero: no percentage.
  const asf = row('ASF Arbetsträning MIA');
  assert.equal(asf.deviation, '-154500');
  assert.equal(asf.budget, '0');
  assert.equal(asf.deviation_percent, null);
  assert.equal(row('Case-Manger AMF MIA').intervention, null);
  // Every amount is a decimal string or null, never a JS number.
  for (const d of summary.deviations) {
    assert.deepEqual(Object.keys(d), ['group', 'label', 'intervention', 'wording', 'budget', 'outcome', 'deviation', 'deviation_percent']);
    for (const key of ['budget', 'outcome', 'deviation', 'deviation_percent']) {
      assert.ok(d[key] === null || /^-?\d+(\.\d+)?$/.test(d[key]), `${d.label}: ${key} = ${d[key]}`);
    }
  }
});

test('the summary of 2019: the forecast', () => {
  const { forecast } = finsamReports.economicsSummary(sampleReport(2019));
  assert.deepEqual(forecast, {
    first_half_costs: '16865',
    planned_costs: '17151',
    total_costs: '34016',
    income: '33852',
    equity: '6218',
    funds: '40070',
    remaining: '6054',
    year_result: '-164',
    // 32 000 − (16 865 − 1 432) = 16 567 "kvar av årets 32 000 tkr".
    remaining_income: '16567',
  });
});

test('the summary is plain data, changes nothing, and is null without economics', () => {
  const report = sampleReport(2019);
  const before = clone(report);
  const summary = finsamReports.economicsSummary(report);
  assert.deepEqual(report, before, 'the summary never changes the report');
  assert.deepEqual(Object.keys(summary), ['statement', 'rules', 'deviations_unit', 'deviations', 'forecast']);
  assert.deepEqual(clone(summary), summary, 'plain JSON data');
  assert.deepEqual(finsamReports.economicsSummary(clone(report)), summary);
  // The annual reports have no economics; an economics object with nothing in it gives empties.
  for (const year of [2014, 2015, 2017]) assert.equal(finsamReports.economicsSummary(sampleReport(year)), null);
  assert.equal(finsamReports.economicsSummary(withEconomics(null)), null);
  assert.deepEqual(finsamReports.economicsSummary(withEconomics({})), {
    statement: null,
    rules: [],
    deviations_unit: null,
    deviations: [],
    forecast: null,
  });
});

test('the forecast without a statement takes the first half from its printed figures', () => {
  const summary = finsamReports.economicsSummary(
    withEconomics({
      forecast: {
        unit: 'tkr',
        annual_income: '32000',
        planned: [{ label: 'Andra halvåret', amount: '17151' }],
        printed: { first_half_costs: '16865' },
      },
    }),
  );
  assert.equal(summary.forecast.first_half_costs, '16865');
  assert.equal(summary.forecast.total_costs, '34016');
  assert.equal(summary.forecast.equity, '0');
  assert.equal(summary.forecast.remaining, '-2016');
});

/** [code, severity, path, expected, printed] of a diagnostic, as economics.rs compares them. */
const finding = (d) => [d.code, d.severity, d.location.path, d.expected ?? '', d.printed ?? ''];

test('checkReport on 2019: exactly the 16 findings the core\'s economics test asserts', () => {
  const report = sampleReport(2019);
  const before = clone(report);
  const diagnostics = finsam.checkReport(report);
  assert.deepEqual(report, before, 'checking never changes the report');
  const S = 'economics.statement.';
  const I = 'economics.interventions.groups[0].';
  assert.deepEqual(diagnostics.map(finding), [
    ['difference_mismatch', 'info', `${S}costs.groups[1].subtotal.difference`, '-116', '-117'],
    ['cost_total_mismatch', 'info', `${S}costs.total.budget`, '22412', '22411'],
    ['subtotal_mismatch', 'info', `${S}costs.groups[0].subtotal.outcome`, '13423', '13424'],
    ['subtotal_mismatch', 'info', `${S}costs.groups[1].subtotal.outcome`, '3442', '3441'],
    ['subtotal_mismatch', 'info', `${S}costs.groups[0].subtotal.difference`, '5664', '5663'],
    ['cost_rule_exceeded', 'warning', 'economics.rules[0]', '3040', '3441'],
    ['cost_rule_figure_mismatch', 'error', 'economics.rules[0].printed.allowed', '3040', '3004'],
    ['cost_rule_figure_mismatch', 'error', 'economics.rules[0].printed.excess', '401', '341'],
    ['difference_mismatch', 'info', `${I}rows[3].difference`, '52394', '52395'],
    ['outcome_stated_mismatch', 'error', `${I}rows[6].also_stated[0].outcome`, '3.246', '350'],
    ['outcome_stated_mismatch', 'info', `${I}rows[8].also_stated[0].outcome`, '98.477', '99'],
    ['outcome_stated_mismatch', 'info', `${I}rows[9].also_stated[0].outcome`, '145.571', '145'],
    ['outcome_stated_mismatch', 'info', `${I}rows[14].also_stated[0].outcome`, '1805.849', '1805'],
    ['outcome_stated_mismatch', 'error', `${I}rows[15].also_stated[0].outcome`, '-8.035', '14'],
    ['outcome_stated_mismatch', 'info', `${I}rows[23].also_stated[0].outcome`, '665.854', '665'],
    ['subtotal_mismatch', 'info', `${I}total.outcome`, '12325368', '12325367'],
  ]);
  const count = (table) => diagnostics.filter((d) => d.location.table === table).length;
  assert.deepEqual(
    ['statement', 'cost_rules', 'intervention_costs'].map(count),
    [5, 3, 8],
  );
  // The Tensta finding names the intervention and reads well in both languages.
  const tensta = diagnostics.find((d) => d.location.path.endsWith('rows[6].also_stated[0].outcome'));
  assert.equal(tensta.location.intervention, 'team-tensta-vc');
  assert.equal(
    tensta.message_en,
    'Finsam-handläggarteam på Tensta vårdcentral: Bilaga 1, avsnittet om insatsen (Ekonomi) ' +
      'states the outcome 350 kSEK but the table 3,246 SEK (Team Tensta VC).',
  );
  assert.ok(tensta.message_sv.length > 0);
  // Findings about the association's own figures name no intervention.
  for (const d of diagnostics.filter((d) => d.location.table !== 'intervention_costs')) {
    assert.equal(d.location.intervention, null, d.location.path);
  }
});

test('convertMoney converts exactly, both ways', () => {
  assert.deepEqual(finsamReports.convertMoney('1732974', 'sek', 'tkr'), { amount: '1732.974', unit: 'tkr' });
  assert.deepEqual(finsamReports.convertMoney('1732.974', 'tkr', 'sek'), { amount: '1732974.000', unit: 'sek' });
  assert.deepEqual(finsamReports.convertMoney('-185239', 'sek', 'tkr'), { amount: '-185.239', unit: 'tkr' });
  assert.deepEqual(finsamReports.convertMoney('0.001', 'sek', 'tkr'), { amount: '0.000001', unit: 'tkr' });
  // The same unit gives the amount back as it was written.
  assert.deepEqual(finsamReports.convertMoney('8.50', 'tkr', 'tkr'), { amount: '8.50', unit: 'tkr' });
  // Exact beyond what a JS number holds.
  assert.deepEqual(finsamReports.convertMoney('12345678901234567.891', 'tkr', 'sek'), {
    amount: '12345678901234567891.000',
    unit: 'sek',
  });
  // To whole tkr: convert, then round.
  const tkr = finsamReports.convertMoney('1732974', 'sek', 'tkr');
  assert.deepEqual(finsamReports.roundMoney(tkr.amount, tkr.unit), { amount: '1733', unit: 'tkr' });
});

test('roundMoney rounds halves away from zero by default, or as asked', () => {
  const round = (amount, rounding) => finsamReports.roundMoney(amount, 'tkr', rounding).amount;
  const cases = [
    // amount, half away from zero (default), half even, toward zero
    ['2.5', '3', '2', '2'],
    ['3.5', '4', '4', '3'],
    ['-2.5', '-3', '-2', '-2'],
    ['2.9', '3', '3', '2'],
    ['-2.9', '-3', '-3', '-2'],
    ['2.49', '2', '2', '2'],
    ['1732.974', '1733', '1733', '1732'],
    ['145.571', '146', '146', '145'],
    ['7', '7', '7', '7'],
  ];
  for (const [amount, away, even, toward] of cases) {
    assert.deepEqual(
      [round(amount), round(amount, null), round(amount, 'half_away_from_zero'), round(amount, 'half_even'), round(amount, 'toward_zero')],
      [away, away, away, even, toward],
      amount,
    );
  }
  assert.deepEqual(finsamReports.roundMoney('98477.5', 'sek'), { amount: '98478', unit: 'sek' });
});

/** [name, code, path] of what `fn` threw. */
function failure(fn) {
  const error = thrown(fn);
  assert.ok(error instanceof Error);
  return [error.name, error.code, error.path];
}

test('bad money arguments throw a FinsamError naming the argument', () => {
  const cases = [
    [() => finsamReports.convertMoney(1732974, 'sek', 'tkr'), 'invalid_type', 'amount'],
    [() => finsamReports.convertMoney(null, 'sek', 'tkr'), 'invalid_type', 'amount'],
    [() => finsamReports.convertMoney('1e3', 'sek', 'tkr'), 'invalid_value', 'amount'],
    [() => finsamReports.convertMoney('1 000', 'sek', 'tkr'), 'invalid_value', 'amount'],
    [() => finsamReports.convertMoney('1,5', 'tkr', 'sek'), 'invalid_value', 'amount'],
    [() => finsamReports.convertMoney('5', 'eur', 'tkr'), 'unknown_variant', 'from'],
    [() => finsamReports.convertMoney('5', 'sek', 'kr'), 'unknown_variant', 'to'],
    [() => finsamReports.convertMoney('5', 'sek'), 'missing_field', 'to'],
    [() => finsamReports.convertMoney(), 'missing_field', 'amount'],
    // 79 228 162 514 264 337 593 543 950 335 is the largest decimal: a thousand times it is not.
    [() => finsamReports.convertMoney('79228162514264337593543950335', 'tkr', 'sek'), 'overflow', ''],
    [() => finsamReports.roundMoney('2.5', 'tkr', 'up'), 'unknown_variant', 'rounding'],
    [() => finsamReports.roundMoney('2.5', 'tkr', 1), 'invalid_type', 'rounding'],
    [() => finsamReports.convertMoney('5', 5, 'tkr'), 'invalid_type', 'from'],
    [() => finsamReports.convertMoney('5', 'sek', null), 'invalid_type', 'to'],
    [() => finsamReports.convertMoney('5', 'sek', { unit: 'tkr' }), 'invalid_type', 'to'],
    [() => finsamReports.roundMoney('2.5'), 'missing_field', 'unit'],
    [() => finsamReports.roundMoney('2.5', 'SEK'), 'unknown_variant', 'unit'],
    [() => finsamReports.roundMoney(2.5, 'tkr'), 'invalid_type', 'amount'],
  ];
  for (const [fn, code, path] of cases) {
    assert.deepEqual(failure(fn), ['FinsamError', code, path], fn.toString());
  }
  const error = thrown(() => finsamReports.convertMoney('5', 'eur', 'tkr'));
  assert.match(error.message, /^\[unknown_variant\] from: /);
  const number = thrown(() => finsamReports.convertMoney(5, 'sek', 'tkr'));
  assert.equal(number.message, '[invalid_type] amount: expected a decimal number written as a string, such as "80" or "8.5", found the number 5');
  assert.equal(number.message_en, 'expected a decimal number written as a string, such as "80" or "8.5", found the number 5');
  assert.equal(number.message_sv, 'väntade ett decimaltal skrivet som text, till exempel "80" eller "8.5", fann talet 5');
});

/** A statement with one group, `kansli`, for the rules below. */
const STATEMENT = {
  unit: 'tkr',
  costs: { groups: [{ id: 'kansli', label: 'Kansli', lines: [{ label: 'Löner', budget: '10', outcome: '12' }] }] },
};
const rule = (fields) => ({ id: 'r', label: 'R', limit_percent: '19', base: 'members_budget', items: ['kansli'], ...fields });

// The cases of bad_economics_are_typed_errors_with_paths in finsam-core/tests/economics.rs.
const BAD_ECONOMICS = [
  ['a rule naming an item the statement lacks', { statement: STATEMENT, rules: [rule({ items: ['kansl'] })] }, 'unknown_item', 'economics.rules[0].items[0]'],
  ['a limit above 100 %', { statement: STATEMENT, rules: [rule({ limit_percent: '119' })] }, 'share_above_100', 'economics.rules[0].limit_percent'],
  [
    'a member on a cost line',
    { statement: { unit: 'tkr', costs: { groups: [{ label: 'Kansli', lines: [{ label: 'Löner', member: 'state', budget: '10' }] }] } } },
    'invalid_value',
    'economics.statement.costs.groups[0].lines[0].member',
  ],
  ['a forecast in another unit than the statement', { statement: STATEMENT, forecast: { unit: 'sek', annual_income: '1' } }, 'unit_mismatch', 'economics.forecast.unit'],
  [
    'a row linked to an intervention the report lacks',
    { interventions: { unit: 'sek', groups: [{ label: 'G', rows: [{ label: 'A', intervention: 'nobody', budget: '1' }] }] } },
    'unknown_intervention',
    'economics.interventions.groups[0].rows[0].intervention',
  ],
  ['a blank group label', { statement: { unit: 'tkr', costs: { groups: [{ label: ' ', lines: [] }] } } }, 'empty_text', 'economics.statement.costs.groups[0].label'],
  ['an unknown unit', { statement: { unit: 'euro' } }, 'unknown_variant', 'economics.statement.unit'],
  ['an amount as a JS number', { statement: { unit: 'tkr', result: { label: 'Resultat', budget: 5 } } }, 'invalid_type', 'economics.statement.result.budget'],
];

for (const [name, economics, code, path] of BAD_ECONOMICS) {
  test(`bad economics throw from economicsSummary and checkReport: ${name}`, () => {
    const report = withEconomics(economics);
    assert.deepEqual(failure(() => finsamReports.economicsSummary(report)), ['FinsamError', code, path]);
    assert.deepEqual(failure(() => finsam.checkReport(report)), ['FinsamError', code, path]);
    // validateReport returns the same error as data.
    const outcome = finsam.validateReport(report);
    assert.equal(outcome.valid, false);
    assert.deepEqual([outcome.errors[0].code, outcome.errors[0].path], [code, path]);
  });
}

test('a sum too large for a decimal throws overflow from economicsSummary, with its path', () => {
  const max = '79228162514264337593543950335';
  const report = withEconomics({
    statement: { unit: 'tkr', income: { lines: [{ label: 'A', budget: max }, { label: 'B', budget: max }] } },
  });
  // The report itself is valid; only the sum does not fit.
  assert.equal(finsam.validateReport(report).valid, true);
  assert.deepEqual(failure(() => finsamReports.economicsSummary(report)), ['FinsamError', 'overflow', 'economics.statement']);
});

test('economicsSummary throws for what is not a report', () => {
  assert.deepEqual(failure(() => finsamReports.economicsSummary(7)), ['FinsamError', 'invalid_type', '']);
  assert.deepEqual(failure(() => finsamReports.economicsSummary(undefined)), ['FinsamError', 'invalid_type', '']);
  assert.deepEqual(failure(() => finsamReports.economicsSummary({ organisation: 'X', period: '2019' })), [
    'FinsamError',
    'missing_field',
    'format_version',
  ]);
});
