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

import { finsam, PKG, START_2017, START_2017_EXPLANATION, WASM_DIR, vectorCases } from './support.mjs';

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
});

test('no declaration file of the package uses any', () => {
  const files = declarationFiles();
  assert.deepEqual(files.map((f) => path.relative(PKG, f)).sort(), ['node/finsam_wasm.d.ts', 'web/finsam_wasm.d.ts']);
  for (const file of files) {
    const code = withoutComments(readFileSync(file, 'utf8'));
    const uses = code.split('\n').filter((line) => /\bany\b/.test(line));
    assert.deepEqual(uses, [], `${file} uses any`);
  }
  // The check itself sees `any` where it is.
  assert.equal(/\bany\b/.test(withoutComments('export function f(a: any): void; /* any */')), true);
  assert.equal(/\bany\b/.test(withoutComments('/** if any */ export function f(): void;')), false);
});

test('the declared functions are the exported functions', () => {
  const dts = readFileSync(path.join(PKG, 'node', 'finsam_wasm.d.ts'), 'utf8');
  const declared = [...dts.matchAll(/^export function (\w+)\(/gm)].map((m) => m[1]).sort();
  const exported = Object.keys(finsam).filter((k) => typeof finsam[k] === 'function').sort();
  assert.deepEqual(declared, exported);
  assert.ok(!exported.includes('__panicForTests'), 'the test-only entry point is not in the package');
});

test('the declared ErrorCode union is exactly the codes of the core', () => {
  const dts = readFileSync(path.join(PKG, 'node', 'finsam_wasm.d.ts'), 'utf8');
  const union = /export type ErrorCode =([^;]*);/.exec(dts)[1];
  const declared = [...union.matchAll(/"(\w+)"/g)].map((m) => m[1]);
  assert.deepEqual(declared, finsam.errorCodes());
});

test('the declarations type-check, and misuse does not', () => {
  execFileSync(process.execPath, [TSC, '-p', path.join(WASM_DIR, 'tests', 'types', 'tsconfig.json')], { stdio: 'pipe' });
});

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
  const values = [
    ['GradedAssessment[]', finsam.gradeReport(report)],
    ['GradedAssessment[]', grading.map((c) => finsam.gradeIntervention(c.intervention, c.policy))],
    ['Calibration', finsam.calibrate(report)],
    ['PolicyValues', finsam.defaultPolicy()],
    ['GradeInfo', finsam.parseGrade('God')],
    ['DecisionInfo', finsam.parseDecision('Ej tillämpbar')],
    ['ValidationOutcome', finsam.validateIntervention({ ...START_2017, goals: [{ description: '', kind: 'share', target: '101' }] })],
    ['ValidationOutcome', finsam.validateJson('report', '{"format_version": 1,')],
    ['ValidationOutcome', finsam.validateIntervention(START_2017)],
    ['ErrorCode[]', finsam.errorCodes()],
    // Inputs too: the shared vectors are written in the JSON format the input types describe.
    ['Intervention[]', grading.map((c) => c.intervention)],
    ['Policy[]', grading.filter((c) => c.policy !== null).map((c) => c.policy)],
    ['Report', report],
  ];
  const types = [...new Set(values.map(([type]) => type.replace('[]', '')))];
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
