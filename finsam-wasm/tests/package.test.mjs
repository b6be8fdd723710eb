// The package as shipped: its exports for Node and the browser, the web build (loaded here with
// initSync), and the TypeScript declarations (no `any`, valid, and matching what the functions
// really return).
import test from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';

import { finsam, finsamDocuments, finsamReports, PKG, ROOT, SAMPLE_YEARS, START_2017, START_2017_EXPLANATION, VECTORS, WASM_DIR, sampleReport, vectorCases } from './support.mjs';

const require = createRequire(import.meta.url);
const manifest = JSON.parse(readFileSync(path.join(PKG, 'package.json'), 'utf8'));
const TSC = path.join(WASM_DIR, 'node_modules', 'typescript', 'bin', 'tsc');

/** Every .d.ts file of the package. */
function declarationFiles(dir = PKG) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return declarationFiles(full);
    return entry.name.endsWith('.d.ts') ? [full] : [];
  });
}

/** TypeScript source without its comments (a comment may say "any" in prose). */
function withoutComments(source) {
  return source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');
}

test("the package's version is the newest release of CHANGELOG.md, the one the core reports", () => {
  // `## [Unreleased]` first, then the newest release, `## [x.y.z] - YYYY-MM-DD`.
  const headings = [...readFileSync(path.join(ROOT, 'CHANGELOG.md'), 'utf8').matchAll(/^## \[([^\]]+)\](.*)$/gm)];
  assert.deepEqual([headings[0][1], headings[0][2]], ['Unreleased', '']);
  assert.match(headings[1][2], /^ - \d{4}-\d{2}-\d{2}$/);
  assert.equal(manifest.version, headings[1][1]);
  assert.equal(manifest.version, finsam.version());
  // The template's placeholder, which scripts/build-wasm.sh replaces by the workspace's version.
  const template = JSON.parse(readFileSync(path.join(WASM_DIR, 'pkg-template', 'package.json'), 'utf8'));
  assert.equal(template.version, '0.0.0');
});

test('the package exports the Node build under Node and the web build elsewhere', () => {
  assert.equal(manifest.name, 'finsam');
  assert.equal(manifest.version, finsam.version());
  const root = manifest.exports['.'];
  assert.deepEqual(root.node, { types: './node/finsam_wasm.d.ts', default: './node/finsam_wasm.js' });
  assert.deepEqual(root.default, { types: './web/finsam_wasm.d.ts', default: './web/finsam_wasm.js' });
  assert.equal(require.resolve(PKG), path.join(PKG, 'node', 'finsam_wasm.js'));
  for (const target of [root.node, root.default, manifest.exports['./web'], manifest.exports['./node']]) {
    assert.ok(existsSync(path.join(PKG, target.types)), target.types);
    assert.ok(existsSync(path.join(PKG, target.default)), target.default);
  }
  assert.ok(existsSync(path.join(PKG, manifest.exports['./web/finsam_wasm_bg.wasm'])));
  // The text module, `finsam/reports`: the same two builds.
  const text = manifest.exports['./reports'];
  assert.deepEqual(text.node, { types: './node/finsam_reports.d.ts', default: './node/finsam_reports.js' });
  assert.deepEqual(text.default, { types: './web/finsam_reports.d.ts', default: './web/finsam_reports.js' });
  assert.deepEqual(manifest.exports['./node/reports'], text.node);
  assert.deepEqual(manifest.exports['./web/reports'], text.default);
  for (const target of [text.node, text.default]) {
    assert.ok(existsSync(path.join(PKG, target.types)), target.types);
    assert.ok(existsSync(path.join(PKG, target.default)), target.default);
  }
  assert.ok(existsSync(path.join(PKG, manifest.exports['./web/finsam_reports_bg.wasm'])));
  // The documents module, `finsam/documents`: the same two builds.
  const documents = manifest.exports['./documents'];
  assert.deepEqual(documents.node, { types: './node/finsam_documents.d.ts', default: './node/finsam_documents.js' });
  assert.deepEqual(documents.default, { types: './web/finsam_documents.d.ts', default: './web/finsam_documents.js' });
  assert.deepEqual(manifest.exports['./node/documents'], documents.node);
  assert.deepEqual(manifest.exports['./web/documents'], documents.default);
  for (const target of [documents.node, documents.default]) {
    assert.ok(existsSync(path.join(PKG, target.types)), target.types);
    assert.ok(existsSync(path.join(PKG, target.default)), target.default);
  }
  assert.ok(existsSync(path.join(PKG, manifest.exports['./web/finsam_documents_bg.wasm'])));
});

test('each module is its own .wasm, the web form\'s at most 200 KB gzipped, and the two share no functions', () => {
  // `finsam`, what the web form loads, stays small; `finsam/reports` also holds every table
  // of a report as data (the checker's and the economics' too), calibration and the
  // economics summary, for an analyst's pages, which can afford more, and the writers of
  // .xlsx and .docx (about 370 KB of it: two OOXML writers, each with its zip and deflate).
  // `finsam/documents` reads Word files (a zip archive of XML), which neither other module needs.
  const budgets = [['finsam_wasm_bg.wasm', 200_000], ['finsam_reports_bg.wasm', 660_000], ['finsam_documents_bg.wasm', 200_000]];
  for (const [name, budget] of budgets) {
    const size = gzipSync(readFileSync(path.join(PKG, 'web', name)), { level: 9 }).length;
    assert.ok(size <= budget, `${name} is ${size} bytes gzipped`);
  }
  const functions = (module) => Object.keys(module).filter((k) => typeof module[k] === 'function');
  const shared = functions(finsam).filter((name) => functions(finsamReports).includes(name));
  assert.deepEqual(shared.sort(), ['errorCodes', 'version']);
  const withDocuments = functions(finsamDocuments).filter((name) => functions(finsam).includes(name) || functions(finsamReports).includes(name));
  assert.deepEqual(withDocuments.sort(), ['errorCodes', 'version']);
});

test('the Node build can also be imported from an ES module, with named exports', async () => {
  const module = await import(pathToFileURL(path.join(PKG, 'node', 'finsam_wasm.js')).href);
  assert.equal(module.gradeIntervention(START_2017).grade, 'very_good');
  assert.equal(module.parseGrade, finsam.parseGrade);
});

test('the web build runs in Node after initSync and agrees with the Node build', async () => {
  const web = await import(pathToFileURL(path.join(PKG, 'web', 'finsam_wasm.js')).href);
  web.initSync({ module: readFileSync(path.join(PKG, 'web', 'finsam_wasm_bg.wasm')) });
  const a = web.gradeIntervention(START_2017);
  assert.equal(a.grade, 'very_good');
  assert.deepEqual(a.explanation, START_2017_EXPLANATION);
  for (const c of vectorCases('grading.json')) {
    assert.deepEqual(web.gradeIntervention(c.intervention, c.policy), finsam.gradeIntervention(c.intervention, c.policy), c.name);
  }
  for (const year of SAMPLE_YEARS) {
    const diagnostics = web.checkReport(sampleReport(year));
    assert.ok(diagnostics.length > 0, `${year}`);
    assert.deepEqual(diagnostics, finsam.checkReport(sampleReport(year)), `${year}`);
  }
  const error = (() => {
    try {
      web.gradeIntervention(7);
    } catch (e) {
      return e;
    }
    return undefined;
  })();
  assert.ok(error instanceof Error);
  assert.equal(error.code, 'invalid_type');
  // The text module's web build, loaded the same way, reads what the report says and agrees.
  const webText = await import(pathToFileURL(path.join(PKG, 'web', 'finsam_reports.js')).href);
  webText.initSync({ module: readFileSync(path.join(PKG, 'web', 'finsam_reports_bg.wasm')) });
  const cells = ['40 deltagare, 20 nya.', '61 deltagare, 21 nya'];
  assert.deepEqual(webText.readCells(...cells), finsamReports.readCells(...cells));
  const summary = webText.economicsSummary(sampleReport(2019));
  assert.equal(summary.forecast.remaining, '6054');
  assert.deepEqual(summary, finsamReports.economicsSummary(sampleReport(2019)));
  assert.deepEqual(webText.convertMoney('1732974', 'sek', 'tkr'), { amount: '1732.974', unit: 'tkr' });
  assert.equal(webText.renderGoalTable(sampleReport(2017), 'csv'), finsamReports.renderGoalTable(sampleReport(2017), 'csv'));
});

test('no declaration file of the package uses any', () => {
  const files = declarationFiles();
  assert.deepEqual(files.map((f) => path.relative(PKG, f)).sort(), [
    'node/finsam_documents.d.ts',
    'node/finsam_reports.d.ts',
    'node/finsam_wasm.d.ts',
    'web/finsam_documents.d.ts',
    'web/finsam_reports.d.ts',
    'web/finsam_wasm.d.ts',
  ]);
  for (const file of files) {
    const code = withoutComments(readFileSync(file, 'utf8'));
    const uses = code.split('\n').filter((line) => /\bany\b/.test(line));
    assert.deepEqual(uses, [], `${file} uses any`);
  }
  // The check itself sees `any` where it is.
  assert.equal(/\bany\b/.test(withoutComments('export function f(a: any): void; /* any */')), true);
  assert.equal(/\bany\b/.test(withoutComments('/** if any */ export function f(): void;')), false);
});

/** The declarations (`export type` and `export interface`) of a .d.ts file, by name, as written. */
function declarations(file) {
  const ts = require(path.join(WASM_DIR, 'node_modules', 'typescript'));
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
  return new Map(
    source.statements
      .filter((node) => ts.isInterfaceDeclaration(node) || ts.isTypeAliasDeclaration(node))
      .map((node) => [node.name.text, node.getText(source)]),
  );
}

test('the declared functions are the exported functions, in each module', () => {
  const modules = [['finsam_wasm.d.ts', finsam], ['finsam_reports.d.ts', finsamReports], ['finsam_documents.d.ts', finsamDocuments]];
  for (const [file, module] of modules) {
    const dts = readFileSync(path.join(PKG, 'node', file), 'utf8');
    const declared = [...dts.matchAll(/^export function (\w+)\(/gm)].map((m) => m[1]).sort();
    const exported = Object.keys(module).filter((k) => typeof module[k] === 'function').sort();
    assert.deepEqual(declared, exported, file);
    assert.ok(!exported.includes('__panicForTests'), 'the test-only entry point is not in the package');
  }
  // Every module declares the same types of the format, word for word.
  const main = declarations(path.join(PKG, 'node', 'finsam_wasm.d.ts'));
  assert.ok(main.size > 100, `${main.size} declarations`);
  for (const file of ['finsam_reports.d.ts', 'finsam_documents.d.ts']) {
    const other = declarations(path.join(PKG, 'node', file));
    assert.deepEqual([...other.keys()].sort(), [...main.keys()].sort(), file);
    for (const [name, declaration] of other) assert.equal(declaration, main.get(name), `${file}: ${name}`);
  }
});

test('the declared ErrorKind union is exactly the codes of the core', () => {
  for (const file of ['finsam_wasm.d.ts', 'finsam_reports.d.ts', 'finsam_documents.d.ts']) {
    const dts = readFileSync(path.join(PKG, 'node', file), 'utf8');
    const union = /export type ErrorKind =([^;]*);/.exec(dts)[1];
    const declared = [...union.matchAll(/"(\w+)"/g)].map((m) => m[1]);
    assert.deepEqual(declared, finsam.errorCodes(), file);
  }
});

/** The members of the string-literal union `name` in the declarations, in order. */
function declaredUnion(dts, name) {
  const union = new RegExp(`export type ${name} =([^;]*);`).exec(dts)[1];
  return [...union.matchAll(/"(\w+)"/g)].map((m) => m[1]);
}

test('the generated unions are the format\'s: diagnostic codes, flow measures, end reasons', () => {
  const dts = readFileSync(path.join(PKG, 'node', 'finsam_wasm.d.ts'), 'utf8');
  // The code column of the Diagnostics table of docs/format.md, in its order.
  const format = readFileSync(path.join(ROOT, 'docs', 'format.md'), 'utf8');
  const section = format.slice(format.indexOf('## Diagnostics'));
  const rows = [...section.matchAll(/^\| `(\w+)` \| (\w+) \|/gm)];
  assert.ok(rows.length >= 12, `only ${rows.length} diagnostic codes in docs/format.md`);
  assert.deepEqual(declaredUnion(dts, 'DiagnosticCode'), rows.map((m) => m[1]));
  // The prose above the table: "a `severity` (`error`, `warning`, `info`), a `location`
  // (`intervention`, `table`: `goals`, `flows` or `end_reasons`, and the JSON `path` ...".
  const prose = section.slice(0, section.indexOf('| code')).replace(/\s+/g, ' ');
  const listed = (from, to) => {
    const start = prose.indexOf(from) + from.length;
    return [...prose.slice(start, prose.indexOf(to, start)).matchAll(/`(\w+)`/g)].map((m) => m[1]);
  };
  const severities = declaredUnion(dts, 'Severity');
  assert.deepEqual([...severities].sort(), listed('`severity` (', ')').sort());
  for (const [, code, severity] of rows) assert.ok(severities.includes(severity), `${code}: ${severity}`);
  assert.deepEqual(declaredUnion(dts, 'Table'), listed('`table`:', ', and'));
  // The enumerations of the JSON Schema.
  const schema = JSON.parse(readFileSync(path.join(ROOT, 'docs', 'finsam-report.schema.json'), 'utf8'));
  const measures = schema.$defs.goal.properties.measures.oneOf.find((s) => s.enum).enum;
  assert.deepEqual(declaredUnion(dts, 'FlowMeasure'), measures);
  const reasons = schema.$defs.end_reason_table.properties.rows.items.properties.reason.enum;
  assert.deepEqual(declaredUnion(dts, 'EndReason'), reasons);
  // The economics: units, members, outcome wordings and rule bases.
  const defs = schema.$defs;
  assert.deepEqual(declaredUnion(dts, 'Unit'), defs.unit.enum);
  assert.deepEqual(declaredUnion(dts, 'Member'), defs.economic_line.properties.member.enum);
  assert.deepEqual(declaredUnion(dts, 'OutcomeWording'), defs.intervention_costs.properties.wording.enum);
  assert.deepEqual(
    declaredUnion(dts, 'OutcomeWording'),
    defs.intervention_costs.properties.groups.items.properties.rows.items.properties.wording.enum,
  );
  assert.deepEqual(declaredUnion(dts, 'RuleBase'), defs.cost_rule.properties.base.oneOf.find((s) => s.enum).enum);
  // Every rounding the declarations name is one the core reads.
  for (const rounding of declaredUnion(dts, 'Rounding')) {
    assert.equal(finsamReports.roundMoney('2.5', 'tkr', rounding).unit, 'tkr', rounding);
  }
  // What the checker returns on the samples stays inside the unions.
  for (const year of SAMPLE_YEARS) {
    for (const d of finsam.checkReport(sampleReport(year))) {
      assert.ok(declaredUnion(dts, 'DiagnosticCode').includes(d.code), d.code);
      assert.ok(severities.includes(d.severity), d.severity);
      assert.ok(declaredUnion(dts, 'Table').includes(d.location.table), d.location.table);
    }
  }
});

test('the declarations type-check, and misuse does not', () => {
  execFileSync(process.execPath, [TSC, '-p', path.join(WASM_DIR, 'tests', 'types', 'tsconfig.json')], { stdio: 'pipe' });
});

/**
 * The largest value a JSON Schema allows, as far as fields go: every property of every object,
 * one item per array, the first choice of every `oneOf` that is not null and of every enum.
 */
function everyField(schema, defs) {
  if (schema.$ref) return everyField(defs[schema.$ref.replace('#/$defs/', '')], defs);
  if (schema.oneOf) return everyField(schema.oneOf.find((s) => s.type !== 'null'), defs);
  if (schema.enum) return schema.enum[0];
  if ('const' in schema) return schema.const;
  const type = [schema.type].flat().find((t) => t !== 'null');
  if (type === 'object') {
    return Object.fromEntries(Object.entries(schema.properties ?? {}).map(([key, value]) => [key, everyField(value, defs)]));
  }
  if (type === 'array') return [everyField(schema.items, defs)];
  if (type === 'integer' || type === 'number') return 1;
  if (type === 'boolean') return true;
  return '1';
}

test('what the functions take and return fits the declared types exactly (no missing, no extra fields)', () => {
  // Real outputs written as object literals typed with the declared interfaces: TypeScript
  // rejects a missing field, and its excess-property check rejects an undeclared one.
  const grading = vectorCases('grading.json');
  const report = {
    format_version: 1,
    organisation: 'Vektorer',
    period: '2017',
    interventions: grading.map((c, i) => ({ ...c.intervention, id: `case-${i}` })),
  };
  // The samples with two changes, so that the checker also returns a warning and findings
  // about a whole table (intervention null).
  const changed2017 = sampleReport(2017);
  changed2017.flows.rows = changed2017.flows.rows.filter((row) => row.intervention !== 'lyra');
  const changed2014 = sampleReport(2014);
  changed2014.end_reasons.rows[1].total = 45;
  const diagnostics = [finsam.checkReport(changed2017), finsam.checkReport(changed2014)].flat();
  assert.ok(diagnostics.some((d) => d.severity === 'warning'));
  assert.ok(diagnostics.some((d) => d.location.intervention === null));
  // The economics: the 2019 summary, and one whose optional parts are all absent (nulls).
  const economics = sampleReport(2019);
  const bare = { format_version: 1, organisation: 'X', period: '2019-H1', economics: {} };
  const noMembers = {
    ...bare,
    economics: { statement: { unit: 'sek', costs: { groups: [{ label: 'Kansli', lines: [{ label: 'Löner', budget: '1' }] }] } } },
  };
  const summaries = [finsamReports.economicsSummary(economics), finsamReports.economicsSummary(bare), finsamReports.economicsSummary(noMembers)];
  const schemaDefs = JSON.parse(readFileSync(path.join(ROOT, 'docs', 'finsam-report.schema.json'), 'utf8')).$defs;
  assert.equal(summaries[1].statement, null);
  assert.deepEqual(summaries[2].statement.member_split, []);
  const cells = JSON.parse(readFileSync(path.join(VECTORS, 'cells.json'), 'utf8')).rows;
  const textRows = [
    { name: 'START', goals: '40 deltagare, 20 nya.', results: '61 deltagare, 21 nya', grade: 'Mycket God', id: 'start', kind: 'individual' },
    { name: 'Lyra', goals: 'Ökad programtrohet.', results: 'Programtrohet har ökat.', grade: null },
    { name: 'Kugghjulen', goals: '1 150 ärenden' },
  ];
  const values = [
    ['GradedAssessment[]', finsam.gradeReport(report)],
    ['GradedAssessment[]', grading.map((c) => finsam.gradeIntervention(c.intervention, c.policy))],
    ['Calibration', finsamReports.calibrate(report)],
    ['AgreementSummary[]', SAMPLE_YEARS.map((year) => finsamReports.agreement(sampleReport(year)))],
    ['GradingPolicyOutput', finsam.defaultPolicy()],
    ['GradeInfo', finsam.parseGrade('God')],
    ['DecisionInfo', finsam.parseDecision('Ej tillämpbar')],
    ['ValidationOutcome', finsam.validateIntervention({ ...START_2017, goals: [{ description: '', kind: 'share', target: '101' }] })],
    ['ValidationOutcome', finsam.validateJson('report', '{"format_version": 1,')],
    ['ValidationOutcome', finsam.validateIntervention(START_2017)],
    ['ErrorKind[]', finsam.errorCodes()],
    ['Diagnostic[]', SAMPLE_YEARS.flatMap((year) => finsam.checkReport(sampleReport(year)))],
    ['Diagnostic[]', diagnostics],
    ['EconomicsSummary[]', summaries],
    ['null', finsamReports.economicsSummary(sampleReport(2017))],
    ['Money[]', [finsamReports.convertMoney('1732974', 'sek', 'tkr'), finsamReports.roundMoney('2.5', 'tkr', 'half_even')]],
    // The text parser: every cell of the fixture (unparsed items, every issue code the
    // fixture has), a cell too long, and reports built from rows of text.
    ['Aligned[]', cells.map((row) => finsamReports.readCells(row.goals_text, row.results_text))],
    ['Aligned[]', [finsamReports.readCells('Ökad samverkan 😀. 10-20 deltagare.', '12 möten'), finsamReports.readCells('80 deltagare. '.repeat(200), '')]],
    ['TextIntervention', finsamReports.interventionFromText(textRows[0])],
    ['TextReport', finsamReports.reportFromText('Exempel', '2017', textRows)],
    ['TextRow[]', textRows],
    ['ReportComparison', finsamReports.compareReports(SAMPLE_YEARS.slice(0, 3).map(sampleReport))],
    // Tables as data.
    ['DataTable[]', [
      finsamReports.goalTable(sampleReport(2017)),
      finsamReports.diagnosticTable(sampleReport(2019), 'en'),
      finsamReports.flowTable(sampleReport(2017)),
      finsamReports.statementTable(sampleReport(2019)),
      finsamReports.seriesGradePivot(SAMPLE_YEARS.slice(0, 3).map(sampleReport), 'score'),
    ]],
    // Inputs too: the shared vectors are written in the JSON format the input types describe.
    ['Intervention[]', grading.map((c) => c.intervention)],
    ['GradingPolicy[]', grading.filter((c) => c.policy !== null).map((c) => c.policy)],
    ['Report', report],
    // The samples: flow tables, end reasons, goals that measure flow figures and are stated
    // twice; the 2019 half-year report's economics (statement, cost rules, per-intervention
    // table with figures stated twice, forecast).
    ['Report[]', SAMPLE_YEARS.map(sampleReport)],
    ['Report[]', [bare, noMembers]],
    // Every field the JSON Schema allows in the economics, and its alternative rule base: an
    // undeclared one fails the excess-property check.
    ['Economics[]', [everyField(schemaDefs.economics, schemaDefs), { rules: [{ ...everyField(schemaDefs.cost_rule, schemaDefs), base: { amount: '16000' } }] }]],
  ];
  const types = [...new Set(values.map(([type]) => type.replace('[]', '')))].filter((type) => type !== 'null');
  const dts = path.join(PKG, 'node', 'finsam_wasm.js');
  const source =
    `import type { ${types.join(', ')} } from ${JSON.stringify(dts)};\n` +
    values.map(([type, value], i) => `export const value${i}: ${type} = ${JSON.stringify(value, null, 1)};\n`).join('');
  const dir = mkdtempSync(path.join(tmpdir(), 'finsam-dts-'));
  try {
    const file = path.join(dir, 'outputs.ts');
    writeFileSync(file, source);
    const args = [TSC, '--strict', '--noEmit', '--target', 'es2022', '--module', 'esnext', '--moduleResolution', 'bundler', file];
    try {
      execFileSync(process.execPath, args, { stdio: 'pipe' });
    } catch (error) {
      assert.fail(`the outputs do not fit the declarations:\n${error.stdout}`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
