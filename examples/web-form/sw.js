// The web form's service worker: keeps a copy of the page, its scripts and the finsam module
// (.js and .wasm) so that the form works offline once loaded. Online, every request goes to the
// network first (the copy is refreshed); offline, the copy answers.
const CACHE = 'finsam-web-form-v1';
const FILES = [
  './',
  './index.html',
  './app.js',
  './drafts.js',
  './messages.js',
  './style.css',
  './pkg/web/finsam_wasm.js',
  './pkg/web/finsam_wasm_bg.wasm',
];

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(FILES))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((key) => key !== CACHE).map((key) => caches.delete(key))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(
    fetch(request)
      .then((response) => {
        if (response.ok) {
          const copy = response.clone();
          caches.open(CACHE).then((cache) => cache.put(request, copy));
        }
        return response;
      })
      .catch(() => caches.match(request, { ignoreSearch: true }).then((cached) => cached ?? Response.error())),
  );
});
