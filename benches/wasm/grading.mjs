// WebAssembly benchmarks, in Node: the size of each of the package's two .wasm modules (`finsam`
// and `finsam/reports`, raw and gzipped, level 9) and the time to grade one intervention through
// the package, as the web form does on every keystroke (START from the 2017 annual report:
// three goals). Targets: `finsam` (what the web form loads) at most 200 KB gzipped and
// `finsam/reports` (with the .xlsx and .docx writers) at most 660 KB; well under a millisecond
// per intervention. Medians of several runs of many calls.
//
//   node benches/wasm/grading.mjs     (after scripts/build-wasm.sh; `make bench` runs both)
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { gzipSync } from 'node:zlib';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(import.meta.url);
const finsam = require(path.join(root, 'finsam-wasm', 'pkg', 'node', 'finsam_wasm.js'));

/** The size budget of a module, gzipped: the web form's module is the one kept smallest. */
const budget = (name) => (name === 'finsam_wasm_bg.wasm' ? 200_000 : 660_000);

const sizes = ['finsam_wasm_bg.wasm', 'finsam_reports_bg.wasm'].map((name) => {
  const wasm = readFileSync(path.join(root, 'finsam-wasm', 'pkg', 'web', name));
  return { name, raw: wasm.length, gzipped: gzipSync(wasm, { level: 9 }).length };
});

const start = {
  id: 'start', name: 'START', kind: 'individual', status: 'active',
  goals: [
    { description: '40 deltagare', kind: 'count', target: '40', result: { type: 'count', value: '61' } },
    { description: '20 nya', kind: 'count', target: '20', result: { type: 'count', value: '21' } },
    { description: '50 % i arbete/studier.', kind: 'share', target: '50',
      result: { type: 'share', percent: '67', numerator: '14', denominator: '21' } },
  ],
  decided_grade: { grade: 'Mycket God' },
};

const quick = process.argv.includes('--quick');
const calls = quick ? 200 : 5000;
const runs = quick ? 3 : 9;
if (finsam.gradeIntervention(start).grade !== 'very_good') {
  console.error('wasm: START did not grade Mycket god');
  process.exit(1);
}
for (let i = 0; i < 1000; i += 1) finsam.gradeIntervention(start); // warm up
const perCall = [];
for (let r = 0; r < runs; r += 1) {
  const t = process.hrtime.bigint();
  for (let i = 0; i < calls; i += 1) finsam.gradeIntervention(start);
  perCall.push(Number(process.hrtime.bigint() - t) / calls / 1000);
}
perCall.sort((a, b) => a - b);
const median = perCall[Math.floor(perCall.length / 2)];
const kb = (bytes) => (bytes / 1024).toFixed(1);
for (const { name, raw, gzipped } of sizes) {
  console.log(`wasm: ${name} ${raw} bytes (${kb(raw)} KiB) raw, ${gzipped} bytes (${kb(gzipped)} KiB) gzipped; target at most ${budget(name) / 1000} KB gzipped`);
}
console.log(`wasm: grading START (3 goals) with its explanation in Node: ${median.toFixed(1)} µs per call (median of ${runs} runs of ${calls}); target well under 1 ms`);
const met = sizes.every(({ name, gzipped }) => gzipped <= budget(name)) && median < 1000;
if (!met && !quick) {
  console.error('wasm: a target was not met');
  process.exit(1);
}
