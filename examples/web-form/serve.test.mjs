// The form's server: the page, the package under /pkg/ with the wasm MIME type (needed for
// streaming compilation), 127.0.0.1 only, and nothing outside its two folders.
import test from 'node:test';
import assert from 'node:assert/strict';

import { startServer } from './serve.mjs';

test('serves the page and the package, and nothing else', async () => {
  const server = await startServer({ port: 0 });
  try {
    assert.match(server.url, /^http:\/\/127\.0\.0\.1:\d+\/$/);
    const get = async (path) => {
      const response = await fetch(server.url + path);
      return [response.status, response.headers.get('content-type'), await response.text()];
    };
    const [status, type, body] = await get('');
    assert.deepEqual([status, type], [200, 'text/html; charset=utf-8']);
    assert.ok(body.includes('<script type="module" src="app.js"></script>'));
    assert.deepEqual((await get('app.js')).slice(0, 2), [200, 'text/javascript; charset=utf-8']);
    assert.deepEqual((await get('pkg/web/finsam_wasm.js')).slice(0, 2), [200, 'text/javascript; charset=utf-8']);
    assert.deepEqual((await get('pkg/web/finsam_wasm_bg.wasm')).slice(0, 2), [200, 'application/wasm']);
    for (const outside of ['../../Cargo.toml', 'pkg/../../Cargo.toml', '%2e%2e/%2e%2e/Cargo.toml', 'pkg/%2e%2e%2f%2e%2e%2fCargo.toml', 'pkg/', 'missing.html']) {
      assert.equal((await get(outside))[0], 404, outside);
    }
    const post = await fetch(server.url, { method: 'POST', body: 'x' });
    assert.equal(post.status, 405);
  } finally {
    await server.close();
  }
});
