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

import { finsam, finsamDocuments, finsamReports, sampleReport, WASM_DIR } from './support.mjs';

const README = readFileSync(path.join(WASM_DIR, 'pkg-template', 'README.md'), 'utf8');

/** The ```js blocks of a Markdown text. */
function jsBlocks(markdown) {
  return [...markdown.matchAll(/^```js\n([\s\S]*?)^```$/gm)].map((match) => match[1]);
}

/**
 * The blocks as one program in which each checked statement becomes `check(() => (expr), value,
 * line)`. Returns the program and the number of checks in it.
 */
function instrument(blocks) {
  const out = [];
  let checks = 0;
  for (const line of blocks.join('\n').split('\n')) {
    const inline = line.match(/^(\s*)(.+?);\s*\/\/ => (.+)$/);
    const alone = line.match(/^\s*\/\/ => (.+)$/);
    if (inline) {
      checks += 1;
      out.push(`${inline[1]}check(() => (${inline[2]}), ${inline[3]}, ${JSON.stringify(line.trim())});`);
    } else if (alone) {
      const previous = out.pop();
      const statement = previous.match(/^(\s*)(.+?);$/);
      assert.ok(statement, `a "// =>" line follows no statement: ${previous}`);
      checks += 1;
      out.push(`${statement[1]}check(() => (${statement[2]}), ${alone[1]}, ${JSON.stringify(previous.trim())});`);
    } else {
      out.push(line);
    }
  }
  return { program: out.join('\n'), checks };
}

test("the package README's examples run and show what the package returns", () => {
  const blocks = jsBlocks(README);
  assert.ok(blocks.length >= 5, `${blocks.length} js blocks`);
  const { program, checks } = instrument(blocks);
  assert.ok(checks >= 30, `${checks} checks`);
  let ran = 0;
  const check = (actual, expected, where) => {
    assert.deepEqual(actual(), expected, where);
    ran += 1;
  };
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
  const run = new Function('require', 'check', ...Object.keys(samples), program);
  run(requireFinsam, check, ...Object.values(samples));
  // Every check ran: none sits in a branch the examples never take.
  assert.equal(ran, checks);
});
