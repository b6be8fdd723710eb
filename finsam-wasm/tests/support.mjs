// Shared by the tests: where things are, and the Node build of the package loaded the way a
// user loads it (through the package's `exports`).
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

export const WASM_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const ROOT = path.resolve(WASM_DIR, '..');
export const PKG = path.join(WASM_DIR, 'pkg');
export const VECTORS = path.join(ROOT, 'finsam-core', 'tests', 'vectors');
/** Cargo's target directory, as scripts/build-wasm.sh uses it (CARGO_TARGET_DIR, else target/). */
export const TARGET_DIR = path.resolve(ROOT, process.env.CARGO_TARGET_DIR || 'target');

const require = createRequire(import.meta.url);

/** The package as `require('finsam')` gives it under Node (the `node` export condition). */
export const finsam = require(PKG);

/**
 * The package's text module as `require('finsam/reports')` gives it under Node: the file the
 * `./text` export names for the `node` condition.
 */
export const finsamReports = require(
  path.join(PKG, JSON.parse(readFileSync(path.join(PKG, 'package.json'), 'utf8')).exports['./reports'].node.default),
);

/** The package's documents module as `require('finsam/documents')` gives it under Node. */
export const finsamDocuments = require(
  path.join(PKG, JSON.parse(readFileSync(path.join(PKG, 'package.json'), 'utf8')).exports['./documents'].node.default),
);

/** The cases of a shared test vector file of finsam-core. */
export function vectorCases(file) {
  return JSON.parse(readFileSync(path.join(VECTORS, file), 'utf8')).cases;
}

/** The years of the sample reports of examples/data/: annual reports, and a half-year report (2019). */
export const SAMPLE_YEARS = Object.freeze([2014, 2015, 2017, 2019]);

/**
 * A sample report of examples/data/ as a fresh plain object: the annual report of 2014, 2015 or
 * 2017, or the half-year report of 2019 (the one with economics).
 */
export function sampleReport(year) {
  const file = Number(year) === 2019 ? 'halvarsrapport-2019.json' : `arsredovisning-${year}.json`;
  return JSON.parse(readFileSync(path.join(ROOT, 'examples', 'data', file), 'utf8'));
}

/** START 2017 as the web form's end-to-end test enters it. */
export const START_2017 = Object.freeze({
  id: 'start',
  name: 'START',
  kind: 'individual',
  status: 'active',
  goals: [
    {
      description: '20 nya deltagare',
      kind: 'count',
      target: '20',
      direction: 'at_least',
      unit: 'nya deltagare',
      result: { type: 'count', value: '21' },
    },
    {
      description: '50 % i arbete/studier',
      kind: 'share',
      target: '50',
      direction: 'at_least',
      result: { type: 'share', numerator: '14', denominator: '21' },
    },
  ],
});

/** What the core says about START 2017 (no decided grade), in both languages. */
export const START_2017_EXPLANATION = Object.freeze({
  sv:
    'START: beräknad måluppfyllelse Mycket god (medelvärde 1 av 2 mätta mål)\n' +
    '  1. 20 nya deltagare: mål minst 20 nya deltagare, resultat 21 → måluppfyllelse 100 % (uppnått)\n' +
    '  2. 50 % i arbete/studier: mål minst 50 %, resultat 14 av 21 = 66,7 % → måluppfyllelse 100 % (uppnått)\n' +
    '  Regel: medelvärdet 1 ligger i bandet för Mycket god (från 0,95).',
  en:
    'START: computed goal fulfilment Very good (mean 1 over 2 measured goal(s))\n' +
    '  1. 20 nya deltagare: target at least 20 nya deltagare, result 21 → attainment 100% (reached)\n' +
    '  2. 50 % i arbete/studier: target at least 50%, result 14 of 21 = 66.7% → attainment 100% (reached)\n' +
    '  Rule: the mean 1 lies in the band of Very good (from 0.95).',
});

/** Calls `fn` and returns what it threw; fails if it returned. */
export function thrown(fn) {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw, but the call returned');
}
