// End to end: serves the web form on 127.0.0.1 (a free port), drives headless Chromium to
// enter START from the 2017 annual report, and checks the grade and explanation the core
// computes, an inline Swedish message for a bad value, the English toggle and that nothing
// leaves the page's origin. Saves screenshots under target/. Needs the built package
// (scripts/build-wasm.sh) and the dev dependencies of finsam-wasm (npm ci there);
// scripts/test-wasm.sh does both.
import test from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import path from 'node:path';

import { startServer } from './serve.mjs';
import { CHROMIUM, CHROMIUM_ARGS, ROOT, chromium } from './browser.mjs';
import { finsam, START_2017, START_2017_EXPLANATION } from '../../finsam-wasm/tests/support.mjs';

test('an intervention owner enters START 2017 and sees Mycket god with the core explanation', { timeout: 120_000 }, async () => {
  const expected = finsam.gradeIntervention(START_2017);
  // The page must show what the core computes, which is exactly this.
  assert.equal(expected.grade, 'very_good');
  assert.deepEqual(expected.explanation, START_2017_EXPLANATION);

  let server;
  let browser;
  try {
    server = await startServer({ port: 0 });
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS, timeout: 60_000 });
    const context = await browser.newContext({ locale: 'sv-SE', viewport: { width: 1100, height: 1400 } });
    const page = await context.newPage();
    const origin = new URL(server.url).origin;
    const requests = [];
    const pageErrors = [];
    page.on('request', (request) => requests.push(request.url()));
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') pageErrors.push(message.text());
    });

    await page.goto(server.url);
    await page.waitForSelector('body[data-ready="true"]', { timeout: 30_000 });
    // Once loaded, the form needs no network at all.
    await context.setOffline(true);

    const field = (path) => page.locator(`[data-path="${path}"]`);
    const errorFor = (path) => page.locator(`[data-error-for="${path}"]`);
    const grade = page.locator('#grade');
    const explanation = page.locator('#explanation');

    // Nothing typed yet: no grade, no error shown, a hint instead.
    assert.equal(await grade.textContent(), '—');
    assert.equal(await explanation.textContent(), 'Fyll i insatsens mål och resultat för att se måluppfyllelsen.');
    assert.deepEqual(await page.locator('.field-error:not(:empty)').allTextContents(), []);

    await field('name').fill('START');
    await field('goals[0].description').fill('20 nya deltagare');
    await field('goals[0].kind').selectOption('count');
    await field('goals[0].target').fill('20');
    await field('goals[0].direction').selectOption('at_least');
    await field('goals[0].unit').fill('nya deltagare');
    await field('goals[0].result.type').selectOption('count');
    await field('goals[0].result.value').fill('21');

    await page.locator('#add-goal').click();
    await field('goals[1].description').fill('50 % i arbete/studier');
    await field('goals[1].kind').selectOption('share');
    // A share goal gets a share result without being asked, with n and N fields.
    assert.equal(await field('goals[1].result.type').inputValue(), 'share');
    await field('goals[1].target').fill('50');
    await field('goals[1].result.numerator').fill('14');
    // Half-way: the core names what is missing, next to the field.
    assert.equal(await errorFor('goals[1].result.denominator').textContent(), 'Fyll i både n och N.');
    assert.equal(await grade.textContent(), '—');
    await field('goals[1].result.denominator').fill('21');

    assert.equal(await grade.textContent(), 'Mycket god');
    assert.equal(await explanation.textContent(), START_2017_EXPLANATION.sv);
    assert.equal(await page.locator('[data-goal-outcome="0"]').textContent(), expected.goal_explanations[0].sv);
    assert.equal(await page.locator('[data-goal-outcome="1"]').textContent(), expected.goal_explanations[1].sv);
    assert.deepEqual(await page.locator('.field-error:not(:empty)').allTextContents(), []);
    mkdirSync(path.join(ROOT, 'target'), { recursive: true });
    await page.screenshot({ path: path.join(ROOT, 'target', 'web-form.png'), fullPage: true });

    // A share target above 100 %: the Swedish message next to the target field, no grade.
    await field('goals[1].target').fill('120');
    const targetError = page.locator('.field', { has: field('goals[1].target') }).locator('.field-error');
    assert.equal(await targetError.textContent(), 'En andel kan inte vara mer än 100 %.');
    assert.equal(await targetError.getAttribute('data-code'), 'share_above_100');
    assert.equal(await field('goals[1].target').getAttribute('aria-invalid'), 'true');
    assert.equal(await grade.textContent(), '—');
    assert.equal(await explanation.textContent(), 'Rätta de markerade fälten för att se måluppfyllelsen.');

    // Corrected, the grade comes back.
    await field('goals[1].target').fill('50');
    assert.equal(await targetError.textContent(), '');
    assert.equal(await grade.textContent(), 'Mycket god');

    // A numerator above its denominator in one goal and a negative count in the other: each
    // message next to its own field (the core checks every goal).
    await field('goals[1].result.numerator').fill('22');
    await field('goals[0].result.value').fill('-1');
    const numeratorError = page.locator('.field', { has: field('goals[1].result.numerator') }).locator('.field-error');
    const valueError = page.locator('.field', { has: field('goals[0].result.value') }).locator('.field-error');
    assert.equal(await numeratorError.textContent(), 'Antalet (n) kan inte vara större än totalen (N).');
    assert.equal(await valueError.textContent(), 'Talet får inte vara negativt.');
    assert.equal(await grade.textContent(), '—');
    await page.screenshot({ path: path.join(ROOT, 'target', 'web-form-errors.png'), fullPage: true });

    // In English, the same errors in English.
    await page.locator('#language').click();
    assert.equal(await numeratorError.textContent(), finsam.errorMessages('en').numerator_above_denominator);
    assert.equal(await valueError.textContent(), finsam.errorMessages('en').negative_value);

    // Corrected, the grade and the explanation come back, now in English.
    await field('goals[1].result.numerator').fill('14');
    await field('goals[0].result.value').fill('21');
    assert.deepEqual(await page.locator('.field-error:not(:empty)').allTextContents(), []);
    assert.equal(await grade.textContent(), 'Very good');
    assert.equal(await explanation.textContent(), START_2017_EXPLANATION.en);

    // Back in Swedish.
    await page.locator('#language').click();
    assert.equal(await grade.textContent(), 'Mycket god');
    assert.equal(await explanation.textContent(), START_2017_EXPLANATION.sv);

    assert.deepEqual(pageErrors, []);
    const foreign = requests.filter((url) => new URL(url).origin !== origin);
    assert.deepEqual(foreign, [], 'every request stays on the page origin');
    assert.ok(requests.some((url) => url.endsWith('/pkg/web/finsam_wasm_bg.wasm')), 'the wasm came from the same origin');
    // The form needs the main module only: the reports module is never downloaded.
    assert.deepEqual(
      requests.filter((url) => url.includes('finsam_reports')),
      [],
      'the web form loads only the finsam module',
    );
  } finally {
    await browser?.close();
    await server?.close();
  }
});
