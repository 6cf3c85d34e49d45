// What survives a reload: the user's corpus, settings, queries and language.
//
// A student who reloads the page, or comes back tomorrow, finds their text and settings where
// they left them. The small part (language, preset, the form's values, queries, speed, colours)
// is JSON in localStorage, read synchronously so that the first paint is already in the right
// language; the corpus (a typed text, or a large file as the File itself) goes to IndexedDB,
// which holds Blobs and more than localStorage's few megabytes. A preset's text is not saved:
// the preset's name brings it back. `savedWork` and `restoredWork` are pure (no storage) and
// unit-tested; the rest only moves their values in and out of storage (`keepSaving` from the
// moment the page has restored), and never throws: a browser that refuses storage (private mode,
// quota) just forgets.

/** @typedef {import('./state.js').AppState} AppState */

const KEY = 'word2vec-lab:work';
const SAVE_DELAY_MS = 300;
const DB = 'word2vec-lab';
const STORE = 'corpus';
const VERSION = 1;

/**
 * @typedef {object} SavedWork
 * @property {number} version
 * @property {import('../i18n.js').Lang} lang
 * @property {string} preset
 * @property {Record<string, string | boolean>} raw
 * @property {import('../protocol.js').Settings | null} base
 * @property {string} query
 * @property {string} pairsText
 * @property {[string, string, string]} analogy
 * @property {number} speedLevel
 * @property {'frequency' | 'cluster'} colourBy
 */

/** The state's fields that SavedWork keeps as they are. */
const KEPT = /** @type {const} */ (['lang', 'preset', 'raw', 'base', 'query', 'pairsText', 'analogy', 'speedLevel', 'colourBy']);

/** The part of the state worth keeping (the corpus aside). @param {AppState} st @returns {SavedWork} */
export function savedWork(st) {
  return /** @type {SavedWork} */ ({ version: VERSION, ...Object.fromEntries(KEPT.map((k) => [k, st[k]])) });
}

/**
 * Saved work read back, or null if `value` is not something this version saved (another
 * version, another app, hand-edited storage): every field is checked, nothing is trusted.
 * @param {unknown} value @param {number} speedLevels  how many speed levels exist
 * @returns {SavedWork | null}
 */
export function restoredWork(value, speedLevels) {
  if (typeof value !== 'object' || value === null) return null;
  const v = /** @type {Record<string, unknown>} */ (value);
  const strings = (/** @type {unknown} */ x) => Array.isArray(x) && x.length === 3 && x.every((s) => typeof s === 'string');
  const raw = v.raw;
  const rawOk = typeof raw === 'object' && raw !== null && Object.values(raw).every((x) => typeof x === 'string' || typeof x === 'boolean');
  const ok = v.version === VERSION
    && (v.lang === 'en' || v.lang === 'zh')
    && typeof v.preset === 'string'
    && rawOk
    && (v.base === null || (typeof v.base === 'object' && !Array.isArray(v.base)))
    && typeof v.query === 'string'
    && typeof v.pairsText === 'string'
    && strings(v.analogy)
    && Number.isInteger(v.speedLevel) && /** @type {number} */ (v.speedLevel) >= 0 && /** @type {number} */ (v.speedLevel) < speedLevels
    && (v.colourBy === 'frequency' || v.colourBy === 'cluster');
  return ok ? /** @type {SavedWork} */ (value) : null;
}

/**
 * From now on, save the work a moment after it changes (and once now, for what changed while the
 * page was starting). The corpus goes first: saved work that says "custom" must find its text.
 * @param {import('../store.js').Store<AppState>} store
 * @param {string | File | null} restored  the corpus the page restored (already saved)
 */
export function keepSaving(store, restored) {
  let saved = restored;
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let timer;
  const saveNow = () => {
    const st = store.get();
    const corpus = st.corpusFile ?? st.corpus;
    if (st.preset === 'custom' && corpus !== saved) {
      saved = corpus;
      saveCorpus(corpus).then(() => writeSavedWork(savedWork(store.get())));
    } else {
      writeSavedWork(savedWork(st));
    }
  };
  store.subscribe((st, prev) => {
    if (st.corpus !== prev.corpus || st.corpusFile !== prev.corpusFile || KEPT.some((k) => st[k] !== prev[k])) {
      clearTimeout(timer);
      timer = setTimeout(saveNow, SAVE_DELAY_MS);
    }
  });
  saveNow();
}

/** The saved work in localStorage, or null. @param {number} speedLevels */
export function readSavedWork(speedLevels) {
  try {
    const text = localStorage.getItem(KEY);
    return text === null ? null : restoredWork(JSON.parse(text), speedLevels);
  } catch {
    return null;
  }
}

/** @param {SavedWork} work */
function writeSavedWork(work) {
  try {
    localStorage.setItem(KEY, JSON.stringify(work));
  } catch (e) {
    console.warn(`settings not saved: ${e instanceof Error ? e.message : e}`);
  }
}

/** @returns {Promise<IDBDatabase>} */
function openDb() {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(DB, 1);
    req.onupgradeneeded = () => req.result.createObjectStore(STORE);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

/**
 * Run one request on the corpus store and close the database.
 * @template T
 * @param {IDBTransactionMode} mode @param {(store: IDBObjectStore) => IDBRequest<T>} op
 * @returns {Promise<T>}
 */
async function withStore(mode, op) {
  const db = await openDb();
  try {
    return await new Promise((resolve, reject) => {
      const req = op(db.transaction(STORE, mode).objectStore(STORE));
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
  } finally {
    db.close();
  }
}

/**
 * Keep the user's corpus: their text, or the large file itself (null forgets it).
 * @param {string | File | null} corpus
 */
async function saveCorpus(corpus) {
  try {
    if (corpus === null) await withStore('readwrite', (s) => s.delete('corpus'));
    else await withStore('readwrite', (s) => s.put(corpus, 'corpus'));
  } catch (e) {
    console.warn(`corpus not saved: ${e instanceof Error ? e.message : e}`);
  }
}

/** The saved corpus, or null. @returns {Promise<string | File | null>} */
export async function loadCorpus() {
  try {
    const value = await withStore('readonly', (s) => s.get('corpus'));
    return typeof value === 'string' || value instanceof File ? value : null;
  } catch {
    return null;
  }
}
