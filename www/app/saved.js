// What survives a reload: the user's corpus, settings, queries and language.
//
// A student who reloads the page, or comes back tomorrow, finds their text and settings where
// they left them, down to what they typed a moment before the reload. The small part (language,
// preset, the form's values, queries, speed, colours, dictionary words) is JSON in localStorage,
// read synchronously so that the first paint is already in the right language; a typed or pasted
// text goes to localStorage too (synchronous, so it is kept even when it is written as the page
// unloads); a large file (or a large paste) goes to IndexedDB as the File itself, which holds Blobs
// and more than localStorage's few megabytes. A preset's text is not saved: the preset's name
// brings it back. The saved work also records the address (fragment) the page had written: a
// reload of the page's own address restores the saved work, a link from elsewhere wins over it.
// `savedWork` and `restoredWork` are pure (no storage) and unit-tested; the rest only moves their
// values in and out of storage (www/app/persist.js decides when), and never throws: a browser that
// refuses storage (private mode, quota) just forgets.

/** @typedef {import('./state.js').AppState} AppState */

const KEY = 'word2vec-lab:work';
/** The user's text, when it came through the text box. */
const TEXT_KEY = 'word2vec-lab:text';
const DB = 'word2vec-lab';
const STORE = 'corpus';
const VERSION = 1;

/**
 * @typedef {object} SavedWork
 * @property {number} version
 * @property {import('../core/i18n.js').Lang} lang
 * @property {string} preset
 * @property {Record<string, string | boolean>} raw
 * @property {import('../core/protocol.js').Settings | null} base
 * @property {string} query
 * @property {string} pairsText
 * @property {[string, string, string]} analogy
 * @property {number} speedLevel
 * @property {'frequency' | 'cluster'} colourBy
 * @property {string} userWords
 * @property {string} fragment  the address's fragment (location.hash) when the work was saved
 */

/** The state's fields that SavedWork keeps as they are. */
export const KEPT = /** @type {const} */ (['lang', 'preset', 'raw', 'base', 'query', 'pairsText', 'analogy', 'speedLevel', 'colourBy', 'userWords']);

/**
 * The part of the state worth keeping (the corpus aside).
 * @param {AppState} st @param {string} fragment  the address's fragment now
 * @returns {SavedWork}
 */
export function savedWork(st, fragment) {
  return /** @type {SavedWork} */ ({ version: VERSION, ...Object.fromEntries(KEPT.map((k) => [k, st[k]])), fragment });
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
    && (v.colourBy === 'frequency' || v.colourBy === 'cluster')
    && (v.userWords === undefined || typeof v.userWords === 'string')
    && (v.fragment === undefined || typeof v.fragment === 'string');
  if (!ok) return null;
  // Work saved before dictionary words and fragments were kept has none; before "Chinese text"
  // there was a "split CJK characters" switch.
  /** @param {Record<string, unknown>} o */
  const chinese = (o) => {
    if (o.chinese !== undefined || o.splitCjk === undefined) return o;
    const { splitCjk, ...rest } = o;
    return { ...rest, chinese: splitCjk ? 'characters' : 'spaces' };
  };
  const base = v.base === null ? null : chinese(/** @type {Record<string, unknown>} */ (v.base));
  return /** @type {SavedWork} */ ({ userWords: '', fragment: '', ...v, base, raw: chinese(/** @type {Record<string, unknown>} */ (raw)) });
}

/**
 * A writer of the work: `save()` writes it now (localStorage at once; a large file to IndexedDB,
 * which finishes later). The corpus goes first: saved work that says "custom" must find its text.
 * @param {import('../core/store.js').Store<AppState>} store
 * @param {string | File | null} restored  the corpus the page restored (already saved)
 * @returns {() => void}
 */
export function workSaver(store, restored) {
  let saved = restored;
  return () => {
    const st = store.get();
    const corpus = st.corpusFile ?? st.corpus;
    if (st.preset === 'custom' && corpus !== saved) {
      saved = corpus;
      if (typeof corpus === 'string' && writeText(corpus)) {
        writeSavedWork(savedWork(st, location.hash));
        return;
      }
      saveCorpus(corpus).then(() => writeSavedWork(savedWork(store.get(), location.hash)));
    } else {
      writeSavedWork(savedWork(st, location.hash));
    }
  };
}

/** Keep a text in localStorage (forgetting any file kept before); false if it did not fit. @param {string} text */
function writeText(text) {
  try {
    localStorage.setItem(TEXT_KEY, text);
  } catch {
    return false;
  }
  saveCorpus(null);
  return true;
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
    if (corpus !== null) localStorage.removeItem(TEXT_KEY);
    if (corpus === null) await withStore('readwrite', (s) => s.delete('corpus'));
    else await withStore('readwrite', (s) => s.put(corpus, 'corpus'));
  } catch (e) {
    console.warn(`corpus not saved: ${e instanceof Error ? e.message : e}`);
  }
}

/** The saved corpus, or null. @returns {Promise<string | File | null>} */
export async function loadCorpus() {
  try {
    const text = localStorage.getItem(TEXT_KEY);
    if (text !== null) return text;
    const value = await withStore('readonly', (s) => s.get('corpus'));
    return typeof value === 'string' || value instanceof File ? value : null;
  } catch {
    return null;
  }
}
