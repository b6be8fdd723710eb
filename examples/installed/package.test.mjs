// The npm package of dist/ as a user gets it. scripts/test-dist.sh installs
// `dist/finsam-VERSION.tgz` with `npm install` into an empty folder and copies this file there,
// so that `finsam`, `finsam/reports` and `finsam/documents` resolve by package name from that
// folder's node_modules, never from the repository. It checks what was installed, runs the
// package README's examples (the README inside the installed package) through Node's own
// `require` and `import`, and loads the browser build (`finsam/web/`) without a bundler, from a
// `<script type="module">` page served from the folder, in headless Chromium.
//
// Environment: FINSAM_SOURCE (the repository: the README runner, the sample reports and the
// browser helpers of the tests), FINSAM_VERSION (the workspace's version), FINSAM_CHROMIUM.
import test from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { existsSync, readdirSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

// By package name, as a user's ES module imports the package (Node's `node` export condition).
import { gradeIntervention, version } from 'finsam';
import { readCells } from 'finsam/reports';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const SOURCE = process.env.FINSAM_SOURCE;
const VERSION = process.env.FINSAM_VERSION;
assert.ok(SOURCE && VERSION, 'FINSAM_SOURCE and FINSAM_VERSION are set by scripts/test-dist.sh');
const INSTALLED = path.join(HERE, 'node_modules', 'finsam');
const require = createRequire(import.meta.url);

const { runReadme } = await import(pathToFileURL(path.join(SOURCE, 'finsam-wasm', 'tests', 'readme-blocks.mjs')));
const { chromium, CHROMIUM, CHROMIUM_ARGS } = await import(
  pathToFileURL(path.join(SOURCE, 'examples', 'web-form', 'browser.mjs'))
);

/** A sample report of the repository's examples/data/, as a fresh plain object. */
function sampleReport(file) {
  return JSON.parse(readFileSync(path.join(SOURCE, 'examples', 'data', file), 'utf8'));
}

const START = {
  id: 'start',
  name: 'START',
  kind: 'individual',
  status: 'active',
  goals: [
    { description: '20 nya deltagare', kind: 'count', target: '20', unit: 'nya deltagare', result: { type: 'count', value: '21' } },
    { description: '50 % i arbete/studier', kind: 'share', target: '50', result: { type: 'share', numerator: '14', denominator: '21' } },
  ],
};

test('the package resolves from this folder, installed from the tarball, of the release version', () => {
  assert.equal(require.resolve('finsam'), path.join(INSTALLED, 'node', 'finsam_wasm.js'));
  assert.equal(require.resolve('finsam/reports'), path.join(INSTALLED, 'node', 'finsam_reports.js'));
  assert.equal(require.resolve('finsam/documents'), path.join(INSTALLED, 'node', 'finsam_documents.js'));
  // A copy, not a link into the repository.
  assert.equal(realpathSync(INSTALLED), INSTALLED);
  const manifest = require('finsam/package.json');
  assert.equal(manifest.name, 'finsam');
  assert.equal(manifest.version, VERSION);
  assert.equal(require('finsam').version(), VERSION);
  assert.equal(version(), VERSION);
  // What `npm install ./finsam-VERSION.tgz` wrote into the folder's package.json.
  const folder = JSON.parse(readFileSync(path.join(HERE, 'package.json'), 'utf8'));
  assert.match(folder.dependencies.finsam, new RegExp(`^file:.*finsam-${VERSION.replaceAll('.', '\\.')}\\.tgz$`));
  // The package holds its README, its manifest and the two builds, and every file `exports` names.
  assert.deepEqual(readdirSync(INSTALLED).sort(), ['README.md', 'node', 'package.json', 'web']);
  const targets = Object.values(manifest.exports).flatMap((entry) =>
    typeof entry === 'string' ? [entry] : Object.values(entry).flatMap((e) => (typeof e === 'string' ? [e] : Object.values(e))),
  );
  assert.equal(targets.length, 28);
  for (const target of targets) assert.ok(existsSync(path.join(INSTALLED, target)), target);
  // The manifest is the template's with the version filled in: no dependencies to fetch.
  const template = JSON.parse(readFileSync(path.join(SOURCE, 'finsam-wasm', 'pkg-template', 'package.json'), 'utf8'));
  assert.deepEqual({ ...manifest, version: '0.0.0' }, template);
  assert.equal(manifest.dependencies, undefined);
});

test('ES modules import the Node build by name', () => {
  const assessment = gradeIntervention(START);
  assert.equal(assessment.grade, 'very_good');
  assert.equal(assessment.explanation.sv.split('\n')[0], 'START: beräknad måluppfyllelse Mycket god (medelvärde 1 av 2 mätta mål)');
  const cells = readCells('20 nya deltagare.', '21 nya deltagare');
  assert.deepEqual(cells.goals.map((g) => [g.kind, g.target, g.result.value]), [['count', '20', '21']]);
  assert.equal(cells.complete, true);
});

test("the installed package's README examples run against the installed package", () => {
  const readme = readFileSync(path.join(INSTALLED, 'README.md'), 'utf8');
  // The packed README is the template's, the one the repository's own test runs on the build.
  assert.equal(readme, readFileSync(path.join(SOURCE, 'finsam-wasm', 'pkg-template', 'README.md'), 'utf8'));
  const names = new Set(['finsam', 'finsam/reports', 'finsam/documents']);
  const requireByName = (name) => {
    assert.ok(names.has(name), `require('${name}')`);
    return require(name);
  };
  const samples = {
    report2014: sampleReport('arsredovisning-2014.json'),
    report2015: sampleReport('arsredovisning-2015.json'),
    report2017: sampleReport('arsredovisning-2017.json'),
    halfYear2019: sampleReport('halvarsrapport-2019.json'),
  };
  const { blocks, checks } = runReadme(readme, { require: requireByName, samples });
  assert.ok(blocks >= 5, `${blocks} js blocks`);
  assert.ok(checks >= 30, `${checks} checks`);
});

// A page as a user writes it without a bundler: the browser build imported from node_modules.
const PAGE = `<!DOCTYPE html>
<html lang="en">
<meta charset="utf-8">
<title>finsam from node_modules</title>
<link rel="icon" href="data:,">
<p>Grade: <output id="grade"></output></p>
<pre id="explanation"></pre>
<p>Version <output id="version"></output>; the reports module read <output id="cell"></output>.</p>
<script type="module">
  import init, { gradeIntervention, version } from './node_modules/finsam/web/finsam_wasm.js';
  import initReports, { readCells } from './node_modules/finsam/web/finsam_reports.js';
  await Promise.all([init(), initReports()]);
  const assessment = gradeIntervention(${JSON.stringify(START)});
  document.querySelector('#grade').textContent = assessment.grade;
  document.querySelector('#explanation').textContent = assessment.explanation.en;
  document.querySelector('#version').textContent = version();
  document.querySelector('#cell').textContent = readCells('20 nya deltagare.', '21 nya deltagare').goals[0].result.value;
  document.body.dataset.ready = 'true';
</script>
</html>
`;

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.wasm': 'application/wasm' };

/** A static server of this folder on 127.0.0.1 (a free port), recording the paths it served. */
function serveFolder() {
  const served = [];
  const server = createServer((request, response) => {
    const urlPath = decodeURIComponent(new URL(request.url, 'http://127.0.0.1').pathname);
    const file = path.resolve(HERE, `.${urlPath === '/' ? '/index.html' : urlPath}`);
    if (!file.startsWith(HERE + path.sep) || !existsSync(file)) {
      response.writeHead(404).end();
      return;
    }
    served.push(urlPath);
    response.writeHead(200, { 'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
    response.end(readFileSync(file));
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () =>
      resolve({
        url: `http://127.0.0.1:${server.address().port}/`,
        served,
        close: () => new Promise((done) => { server.closeAllConnections(); server.close(done); }),
      }),
    );
  });
}

test('a <script type=module> page grades with the browser build from node_modules', async () => {
  writeFileSync(path.join(HERE, 'index.html'), PAGE);
  const server = await serveFolder();
  let browser;
  try {
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS, timeout: 60_000 });
    const page = await browser.newPage();
    const errors = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    await page.goto(server.url);
    await page.waitForSelector('body[data-ready="true"]', { timeout: 30_000 });
    assert.deepEqual(errors, []);
    assert.equal(await page.textContent('#grade'), 'very_good');
    assert.equal(
      (await page.textContent('#explanation')).split('\n')[0],
      'START: computed goal fulfilment Very good (mean 1 over 2 measured goal(s))',
    );
    assert.equal(await page.textContent('#version'), VERSION);
    assert.equal(await page.textContent('#cell'), '21');
    // Both modules and their .wasm came from the installed package.
    for (const file of ['finsam_wasm.js', 'finsam_wasm_bg.wasm', 'finsam_reports.js', 'finsam_reports_bg.wasm']) {
      assert.ok(server.served.includes(`/node_modules/finsam/web/${file}`), `${file}: ${server.served}`);
    }
  } finally {
    await browser?.close();
    await server.close();
  }
});
