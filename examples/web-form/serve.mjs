// Serves the web form on 127.0.0.1: the page from this folder and the built WebAssembly package
// from finsam-wasm/pkg/ under /pkg/. Everything comes from the same origin, so the page works
// without any network once loaded.
//
//   node examples/web-form/serve.mjs [--port 8080]   (port 0: a free port; the URL is printed)
//
// The end-to-end test imports `startServer` and stops the server itself.
import { createServer } from 'node:http';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const PKG = path.resolve(HERE, '..', '..', 'finsam-wasm', 'pkg');

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.png': 'image/png',
  '.ts': 'text/plain; charset=utf-8',
};

/** The file a URL path stands for, or `null` when it is outside the served folders. */
function fileFor(urlPath) {
  let decoded;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  const [root, rest] = decoded.startsWith('/pkg/') ? [PKG, decoded.slice('/pkg/'.length)] : [HERE, decoded.slice(1)];
  const file = path.resolve(root, rest === '' ? 'index.html' : rest);
  return file === root || file.startsWith(root + path.sep) ? file : null;
}

async function handle(request, response) {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    response.writeHead(405, { Allow: 'GET, HEAD' }).end();
    return;
  }
  const file = fileFor(new URL(request.url, 'http://127.0.0.1').pathname);
  const info = file && (await stat(file).catch(() => null));
  if (!info || !info.isFile()) {
    response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('not found\n');
    return;
  }
  response.writeHead(200, {
    'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream',
    'Content-Length': info.size,
    'Cache-Control': 'no-cache',
  });
  if (request.method === 'HEAD') response.end();
  else createReadStream(file).pipe(response);
}

/**
 * Starts the server on 127.0.0.1 and resolves to `{ url, close }`; port 0 picks a free port.
 */
export function startServer({ port = 0 } = {}) {
  const server = createServer((request, response) => {
    handle(request, response).catch((error) => {
      response.destroy(error);
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const { port: actual } = server.address();
      resolve({
        url: `http://127.0.0.1:${actual}/`,
        close: () =>
          new Promise((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const index = process.argv.indexOf('--port');
  const port = index === -1 ? 8080 : Number(process.argv[index + 1]);
  const { url, close } = await startServer({ port });
  console.log(`finsam web form: ${url} (Ctrl-C stops)`);
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => close().then(() => process.exit(0)));
  }
}
