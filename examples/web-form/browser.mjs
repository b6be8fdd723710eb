// What the web form's browser tests and its benchmark (benches/wasm/web-form.mjs) share:
// headless Chromium (Debian's, FINSAM_CHROMIUM) driven by playwright-core from finsam-wasm's dev
// dependencies, the form served on a free port, and the steps of opening it, waiting for it and
// opening a report in it.
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { startServer } from './serve.mjs';

export const HERE = path.dirname(fileURLToPath(import.meta.url));
export const ROOT = path.resolve(HERE, '..', '..');
export const requireDev = createRequire(path.join(ROOT, 'finsam-wasm', 'package.json'));
export const { chromium } = requireDev('playwright-core');

export const CHROMIUM = process.env.FINSAM_CHROMIUM ?? '/usr/bin/chromium';
// Playwright adds --headless and a fresh temporary --user-data-dir itself.
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
];

/** Runs `body({server, browser})` with the form served and Chromium started; stops both. */
export async function withBrowser(body) {
  let server;
  let browser;
  try {
    server = await startServer({ port: 0 });
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS, timeout: 60_000 });
    return await body({ server, browser });
  } finally {
    await browser?.close();
    await server?.close();
  }
}

/** A new page in a fresh context (its own IndexedDB), with its errors collected. */
export async function openForm(browser, url, options = {}) {
  const context = await browser.newContext({ locale: 'sv-SE', viewport: { width: 1100, height: 1400 }, ...options });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  await page.goto(url);
  await ready(page);
  return { context, page, errors };
}

/** Waits until the form is loaded and graded. */
export const ready = (page) => page.waitForSelector('body[data-ready="true"]', { timeout: 30_000 });

/** Waits until every change made so far is saved as a draft. */
export const saved = (page) => page.waitForSelector('body[data-saved="true"]', { timeout: 10_000 });

/** Waits until the service worker controls the page (the form then works offline). */
export const controlled = (page) =>
  page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (navigator.serviceWorker.controller) return;
    await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
  });

/**
 * Opens a report through "Öppna" (`file`: a path, or `{name, mimeType, buffer}`) and fills in the
 * intervention of that name ("Fyll i den här insatsen").
 */
export async function openReport(page, file, name) {
  await page.locator('#open').setInputFiles(file);
  await page.locator('#pick-button').waitFor();
  await page.locator('#pick').selectOption({ label: name });
  await page.locator('#pick-button').click();
}
