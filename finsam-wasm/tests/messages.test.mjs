// The web form's texts: a Swedish and an English message for every error code the core can
// report, and a label in both languages for every text the page shows.
import test from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

import { finsam, ROOT } from './support.mjs';

const FORM = path.join(ROOT, 'examples', 'web-form');
const { MESSAGES, LABELS } = await import(pathToFileURL(path.join(FORM, 'messages.js')).href);

test('every error code of the core has a message in Swedish and English', () => {
  const codes = finsam.errorCodes();
  assert.deepEqual(Object.keys(MESSAGES.sv).sort(), Object.keys(MESSAGES.en).sort());
  for (const language of ['sv', 'en']) {
    const missing = codes.filter((code) => !(code in MESSAGES[language]));
    assert.deepEqual(missing, [], `${language}: no message for these codes`);
    for (const [code, message] of Object.entries(MESSAGES[language])) {
      assert.match(message, /^\p{Lu}.*[.]$/u, `${language}.${code}`);
    }
  }
  assert.equal(MESSAGES.sv.share_above_100, 'En andel kan inte vara mer än 100 %.');
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
