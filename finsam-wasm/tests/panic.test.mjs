// A Rust panic reaches JS as an Error with the panic's message, and the instance refuses work
// afterwards. Runs against the test build (feature `test-panic`, made by
// `scripts/build-wasm.sh --with-test-build`), the only build with a deliberately panicking entry
// point; the package in pkg/ does not have it (tests/package.test.mjs checks).
import test from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import path from 'node:path';

import { START_2017, TARGET_DIR, thrown } from './support.mjs';

const require = createRequire(import.meta.url);
const build = require(path.join(TARGET_DIR, 'wasm-test', 'node', 'finsam_wasm.js'));

test('a panic throws a FinsamError with the message, and later calls throw poisoned', () => {
  // Works before the panic.
  assert.equal(build.gradeIntervention(START_2017).grade, 'very_good');

  const panic = thrown(() => build.__panicForTests('an invariant broke'));
  assert.ok(panic instanceof Error);
  assert.ok(!(panic instanceof WebAssembly.RuntimeError), 'not the bare trap');
  assert.equal(panic.name, 'FinsamError');
  assert.equal(panic.code, 'internal_panic');
  assert.equal(panic.path, '');
  assert.match(panic.message, /^finsam-wasm panicked: panicked at finsam-wasm\/src\/lib\.rs:\d+:\d+:\nan invariant broke$/);

  for (const call of [() => build.gradeIntervention(START_2017), () => build.validateIntervention({}), () => build.__panicForTests('again')]) {
    const error = thrown(call);
    assert.ok(error instanceof Error);
    assert.equal(error.name, 'FinsamError');
    assert.equal(error.code, 'poisoned');
    assert.equal(
      error.message,
      `finsam-wasm cannot be used after an internal error; load the module again (${panic.message})`,
    );
  }
});
