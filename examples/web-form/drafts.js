// Drafts in the browser (IndexedDB): one record per draft, by its key, with everything typed
// (raw, as the fields hold it), the intervention and report it started from, and when it was
// saved. Several drafts are kept side by side; nothing here reads or judges their content.
const DATABASE = 'finsam-web-form';
const STORE = 'drafts';

let opened;

function database() {
  opened ??= new Promise((resolve, reject) => {
    const request = indexedDB.open(DATABASE, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE, { keyPath: 'key' });
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  return opened;
}

async function run(mode, action) {
  const db = await database();
  return new Promise((resolve, reject) => {
    const transaction = db.transaction(STORE, mode);
    const request = action(transaction.objectStore(STORE));
    transaction.oncomplete = () => resolve(request.result);
    transaction.onerror = () => reject(transaction.error);
    transaction.onabort = () => reject(transaction.error);
  });
}

/** Saves (or replaces) a draft. */
export const saveDraft = (draft) => run('readwrite', (store) => store.put(draft));

/** The draft with this key, or `undefined`. */
export const loadDraft = (key) => run('readonly', (store) => store.get(key));

/** Deletes a draft. */
export const deleteDraft = (key) => run('readwrite', (store) => store.delete(key));

/** Every draft, the latest saved first. */
export async function listDrafts() {
  const drafts = await run('readonly', (store) => store.getAll());
  return drafts.sort((a, b) => (b.saved_at ?? '').localeCompare(a.saved_at ?? ''));
}
