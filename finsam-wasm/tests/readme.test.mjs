// The package README's examples, run: every ```js block of finsam-wasm/pkg-template/README.md,
// in order, as one program, with `require('finsam')`, `require('finsam/reports')` and
// `require('finsam/documents')` giving the package's three modules. A line's
// `// => value` is checked: the statement before it (on the line, or on the line above when the
// comment stands alone) must equal the value exactly. The reports the README names
// (`report2015`, `halfYear2019`, …) are the sample reports.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { runReadme } from './readme-blocks.mjs';
import { finsam, finsamDocuments, finsamReports, sampleReport, WASM_DIR } from './support.mjs';

const README = readFileSync(path.join(WASM_DIR, 'pkg-template', 'README.md'), 'utf8');

test("the package README's examples run and show what the package returns", () => {
  const modules = { finsam, 'finsam/reports': finsamReports, 'finsam/documents': finsamDocuments };
  const requireFinsam = (name) => {
    assert.ok(Object.hasOwn(modules, name), `require('${name}')`);
    return modules[name];
  };
  const samples = {
    report2014: sampleReport(2014),
    report2015: sampleReport(2015),
    report2017: sampleReport(2017),
    halfYear2019: sampleReport(2019),
  };
  const { blocks, checks } = runReadme(README, { require: requireFinsam, samples });
  assert.ok(blocks >= 5, `${blocks} js blocks`);
  assert.ok(checks >= 30, `${checks} checks`);
});
