// The agreement of computed grades with decided ones, and calibration's trial of both share
// bases, through the Node build: the figures of the sample reports, as the core computes them.
import test from 'node:test';
import assert from 'node:assert/strict';

import { finsam, finsamReports, sampleReport, thrown } from './support.mjs';

const AGREEMENT = {
  2014: {
    graded: 0,
    agreeing: 0,
    not_graded: 13,
    not_computed: 0,
    text: {
      sv: 'Inga bedömda rader att jämföra med förbundets beslut; 13 inte bedömda',
      en: "No graded rows to compare with the association's decision; 13 not graded",
    },
  },
  2015: {
    graded: 10,
    agreeing: 9,
    not_graded: 0,
    not_computed: 0,
    text: {
      sv: '9 av 10 bedömda rader stämmer med förbundets beslut',
      en: "9 of 10 graded rows agree with the association's decision",
    },
  },
  2017: {
    graded: 7,
    agreeing: 5,
    not_graded: 3,
    not_computed: 0,
    text: {
      sv: '5 av 7 bedömda rader stämmer med förbundets beslut; 3 inte bedömda',
      en: "5 of 7 graded rows agree with the association's decision; 3 not graded",
    },
  },
};

for (const [year, expected] of Object.entries(AGREEMENT)) {
  test(`agreement of the ${year} sample, rows not graded counted apart`, () => {
    assert.deepEqual(finsamReports.agreement(sampleReport(Number(year))), expected);
    assert.deepEqual(finsamReports.agreement(sampleReport(Number(year)), null), expected);
  });
}

test('agreement grades with the policy given, and refuses a report that is not valid', () => {
  // On the printed percentages MIA 2017 reaches God, as decided.
  const printed = finsamReports.agreement(sampleReport(2017), { share_basis: 'printed' });
  assert.equal(printed.agreeing, 6);
  assert.equal(printed.text.en, "6 of 7 graded rows agree with the association's decision; 3 not graded");
  const error = thrown(() => finsamReports.agreement({ format_version: 1, organisation: 'X', period: '2017-H3' }));
  assert.equal(error.name, 'FinsamError');
  assert.equal(error.code, 'invalid_period');
});

// year: agreeing on either basis (they tie on the samples), edge of God calibrated on fractions
const SHARE_BASIS = { 2014: [0, '0.85'], 2015: [9, '0.85'], 2017: [6, '0.8'] };

for (const [year, [agreeing, good]] of Object.entries(SHARE_BASIS)) {
  test(`calibration of the ${year} sample tries both share bases and keeps the start's on a tie`, () => {
    const report = sampleReport(Number(year));
    const calibration = finsamReports.calibrate(report);
    assert.deepEqual(calibration.share_basis, { fraction: agreeing, printed: agreeing, chosen: 'fraction' });
    assert.equal(calibration.agreeing, agreeing);
    assert.equal(calibration.policy.share_basis, 'fraction');
    assert.equal(calibration.policy.good, good);
    const fromPrinted = finsamReports.calibrate(report, { share_basis: 'printed' });
    assert.deepEqual(fromPrinted.share_basis, { fraction: agreeing, printed: agreeing, chosen: 'printed' });
    assert.equal(fromPrinted.policy.share_basis, 'printed');
    assert.equal(fromPrinted.policy.good, '0.85');
  });
}

test('calibration chooses the printed basis when it agrees with more decided grades', () => {
  const report = {
    format_version: 1,
    organisation: 'Samordningsförbundet Exempel',
    period: '2017',
    interventions: [
      {
        id: 'a',
        name: 'A',
        kind: 'individual',
        status: 'active',
        // 9 of 20 printed as 50 %: 0.9 on the fraction, 1 as printed.
        goals: [{ description: '50 %', kind: 'share', target: '50', result: { type: 'share', percent: '50', numerator: '9', denominator: '20' } }],
        decided_grade: { grade: 'Mycket god' },
      },
      {
        id: 'b',
        name: 'B',
        kind: 'individual',
        status: 'active',
        goals: [{ description: '100', kind: 'count', target: '100', result: { type: 'count', value: '90' } }],
        decided_grade: { grade: 'God' },
      },
    ],
  };
  const calibration = finsamReports.calibrate(report);
  assert.deepEqual(calibration.share_basis, { fraction: 1, printed: 2, chosen: 'printed' });
  assert.equal(calibration.policy.share_basis, 'printed');
  assert.equal(calibration.agreeing, 2);
  assert.equal(calibration.baseline_agreeing, 1);
});
