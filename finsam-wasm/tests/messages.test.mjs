// The texts of the package and the web form: the core's Swedish and English message for every
// error code (errorMessages), which the web form shows and does not copy, and a label in both
// languages for every text the page shows.
import test from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

import { finsam, ROOT } from './support.mjs';

const FORM = path.join(ROOT, 'examples', 'web-form');
const texts = await import(pathToFileURL(path.join(FORM, 'messages.js')).href);
const { LABELS } = texts;

test('every error code of the core has a message in Swedish and English', () => {
  const codes = finsam.errorCodes();
  const messages = { sv: finsam.errorMessages('sv'), en: finsam.errorMessages('en') };
  for (const language of ['sv', 'en']) {
    assert.deepEqual(Object.keys(messages[language]).sort(), [...codes].sort(), language);
    for (const [code, message] of Object.entries(messages[language])) {
      assert.match(message, /^\p{Lu}.*[.]$/u, `${language}.${code}`);
    }
  }
  assert.equal(messages.sv.share_above_100, 'En andel kan inte vara mer än 100 %.');
  assert.equal(messages.en.share_above_100, 'A share cannot be more than 100 %.');
  // Swedish is the default; a language the core does not know is a FinsamError.
  assert.deepEqual(finsam.errorMessages(), messages.sv);
  assert.throws(() => finsam.errorMessages('de'), { name: 'FinsamError', code: 'unknown_variant', path: 'language' });
});

test('the web form takes its error messages from the package, not from a copy of its own', () => {
  assert.deepEqual(Object.keys(texts), ['LABELS']);
  const page = readFileSync(path.join(FORM, 'app.js'), 'utf8');
  assert.match(page, /errorMessages\('sv'\)/);
  // No sentence of the catalogue is written in the form's files.
  const files = ['app.js', 'messages.js', 'index.html'].map((f) => readFileSync(path.join(FORM, f), 'utf8')).join('\n');
  for (const language of ['sv', 'en']) {
    for (const message of Object.values(finsam.errorMessages(language))) {
      assert.ok(!files.includes(message), `the form copies "${message}"`);
    }
  }
});

test('every label of the page exists in both languages', () => {
  assert.deepEqual(Object.keys(LABELS.sv).sort(), Object.keys(LABELS.en).sort());
  const page = readFileSync(path.join(FORM, 'index.html'), 'utf8') + readFileSync(path.join(FORM, 'app.js'), 'utf8');
  const used = new Set([...page.matchAll(/data-text="(\w+)"/g)].map((m) => m[1]));
  for (const m of page.matchAll(/label\('(\w+)'\)/g)) used.add(m[1]);
  assert.ok(used.size > 30, `only ${used.size} labels found`);
  for (const key of used) {
    assert.ok(key in LABELS.sv, `missing label ${key}`);
  }
  // The page's initial Swedish text is the Swedish label, so nothing changes when it loads.
  const html = readFileSync(path.join(FORM, 'index.html'), 'utf8');
  for (const m of html.matchAll(/data-text="(\w+)"[^>]*>([^<]*)</g)) {
    assert.equal(m[2], LABELS.sv[m[1]], m[1]);
  }
});
