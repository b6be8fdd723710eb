// Any input through the binding: every exported function called with generated values (JS
// values of every type, text with Swedish numbers, emoji and lone surrogates, sample reports
// with one field replaced, deep nesting) either returns or throws a FinsamError with a code of
// the core. Nothing panics, nothing traps, and the module still works afterwards.
//
// The generator is seeded, so a failure is repeatable: FINSAM_FUZZ_SEED picks another seed and
// FINSAM_FUZZ_CASES the number of cases per function (a longer run).
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { finsam, finsamDocuments, finsamReports, sampleReport, START_2017, SAMPLE_YEARS } from './support.mjs';

const SEED = Number(process.env.FINSAM_FUZZ_SEED ?? 20171231);
const CASES = Number(process.env.FINSAM_FUZZ_CASES ?? 150);
const CODES = new Set(finsam.errorCodes());
const MODULES = { finsam, 'finsam/reports': finsamReports, 'finsam/documents': finsamDocuments };

/** mulberry32: a small seeded generator of numbers in [0, 1). */
function generator(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FRAGMENTS = [
  '80 %', '(12 av 13)', '1 150', '8,5', 'deltagare', 'nya', 'Ej mätbart', 'Ej tillämpbart', '.', ',', '\n', 'Alla',
  'högst', 'minst', '(', ')', 'av', '-', 'Ökad', 'hälsa', 'Årsta', '😀', 'cirka', '\ud800', '\udfff', '\u00a0',
  '79228162514264337593543950336', '1e30', '-0', '0.0000000000000000000000000001', 'Mycket God', 'Godtagbart',
  'Ej tillämpbar', '2017', '2019-H1', 'tkr', 'sek', 'half_even', 'markdown', 'html', 'csv', 'sv', 'en',
];
const KEYS = [
  'format_version', 'organisation', 'period', 'interventions', 'id', 'name', 'goals', 'results', 'grade',
  'description', 'kind', 'target', 'direction', 'unit', 'result', 'type', 'value', 'percent', 'numerator',
  'denominator', 'text', 'assessment', 'decided_grade', 'flows', 'rows', 'economics', 'statement', 'very_good',
  'good', 'acceptable', 'share_basis', 'measures', '__proto__', 'constructor',
];

function fuzzer(random) {
  const pick = (items) => items[Math.floor(random() * items.length)];
  const int = (n) => Math.floor(random() * n);

  function text() {
    const parts = [];
    for (let i = int(12); i > 0; i -= 1) {
      parts.push(
        pick([
          () => pick(FRAGMENTS),
          () => String(int(100000)),
          () => String.fromCharCode(int(0x10000)),
          () => String.fromCodePoint(int(0x110000)),
        ])(),
      );
    }
    return parts.join(pick(['', ' ', '. ']));
  }

  function value(depth) {
    const leaves = [
      () => undefined,
      () => null,
      () => random() < 0.5,
      () => pick([0, -0, -1, 1.5, NaN, Infinity, -Infinity, 2 ** 53 + 1, 1e308, Number.MIN_VALUE]),
      () => int(1000),
      () => text(),
      () => pick(FRAGMENTS),
      () => BigInt(int(1000)),
      () => Symbol('finsam'),
      () => () => 1,
    ];
    const branches = [
      () => Array.from({ length: int(4) }, () => value(depth + 1)),
      () => Object.fromEntries(Array.from({ length: int(5) }, () => [pick(KEYS), value(depth + 1)])),
    ];
    return depth > 3 || random() < 0.5 ? pick(leaves)() : pick(branches)();
  }

  /** A sample report with one field somewhere in it replaced by a generated value. */
  function mutated() {
    const report = sampleReport(pick(SAMPLE_YEARS));
    let node = report;
    for (let depth = 0; depth < 8; depth += 1) {
      const keys = Object.keys(node);
      if (keys.length === 0) break;
      const key = pick(keys);
      if (typeof node[key] !== 'object' || node[key] === null || random() < 0.25) {
        node[key] = value(2);
        break;
      }
      node = node[key];
    }
    return report;
  }

  /** Nesting far deeper than the format's depth limit. */
  function deep() {
    let inner = pick([[], {}, 'x']);
    for (let i = 0; i < 40 + int(5000); i += 1) inner = random() < 0.5 ? [inner] : { goals: inner };
    return inner;
  }

  const any = () => pick([() => value(0), text, mutated, mutated, deep])();
  const rows = () =>
    Array.from({ length: int(4) }, () =>
      random() < 0.8 ? { name: pick([text(), 'Lyra', 'START']), goals: text(), results: text(), grade: pick([undefined, null, text(), 'God']) } : value(1),
    );
  return { any, text, rows, mutated, pick };
}

/** JSON text of a value, or '' for one JSON cannot hold (a BigInt). */
function jsonOf(value) {
  try {
    return JSON.stringify(value) ?? '';
  } catch {
    return '';
  }
}

/** Every exported function of both modules, with how to call it with generated arguments. */
function calls(f) {
  const { any, text, rows, mutated, pick } = f;
  const maybe = () => pick([undefined, null, any()]);
  const reports = () => pick([[mutated(), mutated()], SAMPLE_YEARS.map(sampleReport), any()]);
  return {
    gradeIntervention: () => finsam.gradeIntervention(pick([any(), START_2017]), maybe()),
    gradeReport: () => finsam.gradeReport(mutated(), maybe()),
    validateIntervention: () => finsam.validateIntervention(any()),
    validateReport: () => finsam.validateReport(any()),
    validatePolicy: () => finsam.validatePolicy(any()),
    validateJson: () => finsam.validateJson(pick(['report', 'intervention', 'policy', any()]), pick([text(), jsonOf(mutated()), any()])),
    calibrate: () => finsamReports.calibrate(mutated(), maybe()),
    checkReport: () => finsam.checkReport(mutated()),
    economicsSummary: () => finsamReports.economicsSummary(mutated()),
    parseGrade: () => finsam.parseGrade(pick([text(), any()])),
    parseDecision: () => finsam.parseDecision(pick([text(), any()])),
    parseNumber: () => finsam.parseNumber(pick([text(), '8,5', '1 150', '80 %', any()]), maybe()),
    convertMoney: () => finsamReports.convertMoney(pick([text(), any()]), pick(['tkr', 'sek', any()]), pick(['tkr', 'sek', any()])),
    roundMoney: () => finsamReports.roundMoney(pick([text(), any()]), pick(['tkr', 'sek', any()]), maybe()),
    readCells: () => finsamReports.readCells(pick([text(), text(), any()]), pick([text(), text(), any()])),
    interventionFromText: () => finsamReports.interventionFromText(pick([rows()[0], any()])),
    reportFromText: () => finsamReports.reportFromText(pick([text(), any()]), pick(['2017', text(), any()]), pick([rows(), any()])),
    agreement: () => finsamReports.agreement(mutated(), maybe()),
    renderGoalTable: () => finsamReports.renderGoalTable(mutated(), pick(['csv', 'html', 'markdown', any()]), maybe(), maybe()),
    renderFlowTable: () => finsamReports.renderFlowTable(mutated(), pick(['csv', 'html', 'markdown', any()]), maybe()),
    compareReports: () => finsamReports.compareReports(reports(), maybe()),
    renderXlsx: () => finsamReports.renderXlsx(mutated(), maybe(), maybe()),
    renderDocx: () => finsamReports.renderDocx(mutated(), maybe(), maybe()),
    errorMessages: () => finsam.errorMessages(pick(['sv', 'en', any()])),
    ...Object.fromEntries(
      ['flowTable', 'endReasonTable', 'statementTable', 'ruleTable', 'deviationTable'].map((name) => [name, () => finsamReports[name](mutated())]),
    ),
    ...Object.fromEntries(
      ['goalTable', 'interventionTable', 'diagnosticTable'].map((name) => [name, () => finsamReports[name](mutated(), maybe(), maybe())]),
    ),
    issueTable: () => finsamReports.issueTable(pick([rows(), any()]), maybe()),
    seriesGradeTable: () => finsamReports.seriesGradeTable(reports(), maybe(), maybe()),
    seriesGoalTable: () => finsamReports.seriesGoalTable(reports(), maybe(), maybe()),
    seriesGradePivot: () => finsamReports.seriesGradePivot(reports(), pick(['label', 'score', any()]), maybe(), maybe()),
    seriesGoalPivot: () => finsamReports.seriesGoalPivot(reports(), pick(['value', 'status', any()]), maybe(), maybe()),
    // A report's text (a summary table of generated rows), any text, bytes or value.
    readReport: () =>
      finsamDocuments.readReport(
        pick([
          `# Årsredovisning 2017\n\nInsats\tMål\tResultat\n${rows().filter((r) => r && typeof r === 'object' && [r.name, r.goals, r.results].every((v) => typeof v === 'string')).map((r) => `${r.name}\t${r.goals}\t${r.results}`).join('\n')}\n`,
          text(),
          new TextEncoder().encode(text()),
          any(),
        ]),
        maybe(),
        pick([undefined, '2017', any()]),
      ),
  };
}

test('every function returns or throws a FinsamError with a code of the core, for any input', () => {
  const f = fuzzer(generator(SEED));
  const table = calls(f);
  const outcomes = {};
  for (const [name, call] of Object.entries(table)) {
    outcomes[name] = { returned: 0, threw: 0 };
    for (let i = 0; i < CASES; i += 1) {
      try {
        call();
        outcomes[name].returned += 1;
      } catch (error) {
        assert.ok(error instanceof Error, `${name} threw a non-Error: ${String(error)}`);
        assert.ok(!(error instanceof WebAssembly.RuntimeError), `${name} trapped: ${error.message}`);
        assert.equal(error.name, 'FinsamError', `${name}: ${error.message}`);
        assert.ok(CODES.has(error.code), `${name}: ${error.code} is not a code of the core (${error.message})`);
        assert.equal(typeof error.path, 'string');
        outcomes[name].threw += 1;
      }
    }
  }
  // Both outcomes happen for the functions that read a whole report, so the generated inputs
  // reach past the first check.
  for (const name of ['gradeReport', 'checkReport', 'renderGoalTable', 'readCells', 'reportFromText']) {
    assert.ok(outcomes[name].returned > 0, `${name} never returned: ${JSON.stringify(outcomes[name])}`);
  }
  for (const name of ['gradeReport', 'checkReport', 'renderGoalTable', 'reportFromText', 'compareReports']) {
    assert.ok(outcomes[name].threw > 0, `${name} never threw: ${JSON.stringify(outcomes[name])}`);
  }
  assert.ok(outcomes.readReport.returned > 0 && outcomes.readReport.threw > 0, JSON.stringify(outcomes.readReport));
  // Every module still works.
  assert.equal(finsamDocuments.readReport('Insats\tMål\tResultat\nLyra\t20 nya\t21 nya\n', 'X', '2017').report.interventions.length, 1);
  assert.equal(finsam.gradeIntervention(START_2017).grade, 'very_good');
  assert.equal(finsamReports.readCells('20 nya deltagare', '21 nya').complete, true);
});

test('the declared functions of both modules are all fuzzed', () => {
  const skipped = ['defaultPolicy', 'errorCodes', 'version', 'initSync'];
  const exported = Object.values(MODULES).flatMap((module) =>
    Object.keys(module).filter((name) => typeof module[name] === 'function' && !skipped.includes(name)),
  );
  const fuzzed = Object.keys(calls(fuzzer(generator(SEED))));
  assert.deepEqual(exported.sort(), [...fuzzed].sort());
  assert.deepEqual(finsamReports.errorCodes(), finsam.errorCodes());
  assert.equal(finsamReports.version(), finsam.version());
});

/** Unicode's white space (Rust's `char::is_whitespace`), which JS's `\s` is not quite. */
const WHITE_SPACE = /[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/;

/** A text with line breaks and runs of spaces made single spaces, as an unparsed item shows it. */
function clean(text) {
  return text.split(WHITE_SPACE).filter((part) => part !== '').join(' ');
}

test('readCells returns for any text, and every item span slices the JS string', () => {
  const f = fuzzer(generator(SEED + 1));
  for (let i = 0; i < CASES * 4; i += 1) {
    const goals = f.text();
    const results = f.text();
    const aligned = finsamReports.readCells(goals, results);
    assert.equal(aligned.goals.length, aligned.sources.length);
    // A lone surrogate crosses as U+FFFD, one UTF-16 unit for one.
    const wellFormed = (s) => s.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
    assert.equal(aligned.goal_cell.text, wellFormed(goals));
    assert.equal(aligned.result_cell.text, wellFormed(results));
    for (const [cell, items] of [
      [aligned.goal_cell.text, aligned.goal_cell.items],
      [aligned.result_cell.text, aligned.result_cell.items],
    ]) {
      for (const item of items) {
        assert.ok(item.span.start <= item.span.end && item.span.end <= cell.length);
        assert.equal(Buffer.byteLength(cell.slice(0, item.span.start)), item.span.start_byte);
        if (item.item === 'unparsed') assert.equal(clean(cell.slice(item.span.start, item.span.end)), item.text);
      }
    }
  }
});
