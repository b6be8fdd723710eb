// What the web form's browser tests share: headless Chromium (Debian's, FINSAM_CHROMIUM) driven
// by playwright-core from finsam-wasm's dev dependencies, and the form served on a free port.
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
