// The page: one store, one worker client, and the views wired to them.
//
// Data flow: user input → store.update → views re-render from the store. Whatever needs the
// model goes to the worker as a typed request (protocol.js); its snapshots and state changes come
// back as events and land in the store. The main thread never trains: it validates fields and
// renders; the plot draws in a worker of its own (views/plot/plot-canvas.js, plot-worker.js).

import { $, input } from './app/dom.js';
import { renderer } from './app/render.js';
import { loadCorpus, readSavedWork } from './app/saved.js';
import { keepWork } from './app/persist.js';
import { readFragment, unpackText } from './app/share.js';
import { shortcutFor } from './app/shortcuts.js';
import { addLoss, initialState, ownTextThreads, rateKey } from './app/state.js';
import { WorkerClient, startWorker } from './client.js';
import { Utf8Stream } from './decode.js';
import { errorMessage } from './errors.js';
import { translator } from './i18n.js';
import { checkSettings, defaultSpeedLevel, rawFromSettings, SPEEDS } from './settings.js';
import { createStore } from './store.js';
import { buildSettingsForm } from './views/controls.js';
import { parsePairs } from './views/panels.js';
import { EmbeddingPlot } from './views/plot/plot-canvas.js';
import { setupCompare } from './app/compare.js';
import { setupProjection } from './app/projection.js';
import { setupVectors } from './app/vectors.js';
import { setupLesson } from './app/lesson-controls.js';
import { setupTeaching } from './app/teaching.js';

/** @typedef {import('./protocol.js').Preset} Preset */
/** @typedef {import('./i18n.js').Lang} Lang */
/** @typedef {import('./app/state.js').AppState} AppState */

const CLUSTERS = 6;
/**
 * Texts larger than this (files and pastes) are streamed by the worker instead of passing
 * through the text box, which shows their start. A long chapter stays editable in the box; a
 * longer text costs the browser a layout of the whole box on every keystroke and paste (a
 * 540 kB line: 0.2 s at full speed, 0.8 s on a slow machine) and on every repaint near it.
 */
const LARGE_FILE_BYTES = 200_000;
/** How much of a large file the text box shows. */
const PREVIEW_BYTES = 20_000;
const LOAD_DELAY_MS = 250;
const QUERY_DELAY_MS = 100;

/** What the last visit left (saved.js), read once. */
const saved = readSavedWork(SPEEDS.length);
/** A link's state (share.js), which wins over what was saved. */
const shared = readFragment(location.hash, SPEEDS.length);
/** @type {import('./store.js').Store<AppState>} */
const store = createStore(initialState(location.search, navigator.languages ?? [navigator.language], saved));
if (shared?.lang) store.update({ lang: shared.lang });

const client = new WorkerClient(startWorker, {
  onReady: (_presets, threads) => {
    store.update({ threads });
    if (store.get().crashed) {
      // A restarted worker: the corpus and settings are still in the store.
      store.update({ crashed: false, run: 'idle', error: null, vocab: null, snapshot: null });
      setSpeed(store.get().speedLevel);
      loadNow().then(() => setColour(store.get().colourBy));
    } else {
      start();
    }
  },
  onCrash: (reason) => store.update({ crashed: true, run: 'error', error: reason, readProgress: null }),
  onSnapshot: (s) => {
    // One update, so one render per snapshot: they come many times a second.
    store.update((st) => ({
      snapshot: s,
      answers: s.answers,
      lossCurve: addLoss(st.lossCurve, s),
      // The rate training reaches at full speed, for the next estimate under the same settings.
      ...(st.run === 'training' && SPEEDS[st.speedLevel] === null && s.wordsPerSecond > 0 && st.vocab
        ? { fullSpeedRate: { key: rateKey(st.raw, st.vocab.words.length), wordsPerSecond: s.wordsPerSecond } }
        : {}),
      // The worker fell back to PCA (custom axes whose words a new corpus lacks).
      ...(s.projectionError ? { projection: /** @type {const} */ ({ kind: 'pca' }), projectionError: s.projectionError } : {}),
    }));
    teaching.onSnapshot();
  },
  onState: (run, error) => store.update({ run, error, readProgress: null }),
  onLoading: (bytes, total) => store.update({ run: 'loading', readProgress: total > 0 ? bytes / total : null }),
});


const teaching = setupTeaching(store, client, () => ready(), (e) => store.update({ run: 'error', error: errorMessage(e) }));

/** Move the speed slider to `level` and tell the worker. @param {number} level */
function setSpeed(level) {
  store.update({ speedLevel: level });
  client.request({ type: 'speed', wordsPerSecond: SPEEDS[level] });
}

// ---- Corpus and settings -------------------------------------------------------------------

/** Changes of corpus made so far: a slower, earlier one must not overwrite a later one. */
let corpusChanges = 0;

/** A new change of corpus: returns whether it is still the latest (nothing superseded it). */
function supersede() {
  const id = ++corpusChanges;
  return () => id === corpusChanges;
}

/**
 * @param {string} name
 * @param {import('./app/saved.js').SavedWork | null} [keep]  saved edits to put over the preset's
 *   settings and queries (a reload of a page whose preset the user had changed)
 * @returns {Promise<void>}
 */
function choosePreset(name, keep = null) {
  return track(fetchPreset(name, keep));
}

/**
 * @param {string} name @param {import('./app/saved.js').SavedWork | null} keep
 * @returns {Promise<void>}
 */
async function fetchPreset(name, keep) {
  const mine = supersede();
  /** @type {Preset} */
  let p;
  try {
    p = await client.request({ type: 'preset', name });
  } catch (e) {
    if (name !== 'tutorial') return choosePreset('tutorial');
    store.update({ run: 'error', error: errorMessage(e) });
    return;
  }
  // The user chose another corpus meanwhile (while the page was still starting, say): theirs
  // wins, with this preset's settings if it has none yet.
  if (!mine()) {
    if (store.get().base === null) {
      store.update({ base: p.settings, raw: rawFromSettings(p.settings), errors: {} });
      scheduleLoad();
    }
    return;
  }
  retune = false;
  store.update({
    preset: p.name,
    corpus: p.text,
    corpusFile: null,
    replaced: false,
    handEdited: false,
    ownText: null,
    base: p.settings,
    raw: rawFromSettings(p.settings),
    errors: {},
    query: p.query,
    pairsText: p.pairs.map((pair) => pair.join(' ')).join('\n'),
    analogy: p.analogy,
  });
  if (keep) keepEdits(keep, p.settings);
  setSpeed(keep?.speedLevel ?? defaultSpeedLevel(p.name));
  await loadNow();
}

/**
 * Put saved settings and queries over the current ones (fields the saved form does not have keep
 * the current values).
 * @param {Pick<import('./app/saved.js').SavedWork, 'raw' | 'query' | 'pairsText' | 'analogy'>} keep
 * @param {import('./protocol.js').Settings} base
 */
function keepEdits(keep, base) {
  const raw = { ...store.get().raw, ...keep.raw };
  store.update({ base, raw, errors: checkSettings(raw, base).errors, query: keep.query, pairsText: keep.pairsText, analogy: keep.analogy });
}

/**
 * Start where the last visit stopped: its preset with its edits, or the user's own text (typed,
 * or the large file itself) with its settings. A link's ?preset= starts that preset instead.
 * Then train, if a link says its author had.
 */
async function start() {
  if (await track(restore())) await run('train');
}

/** The work of `start`: resolves to whether a link asks to train. */
async function restore() {
  let train = false;
  const fromLink = new URLSearchParams(location.search).has('preset');
  // A link wins, unless it is this page's own address (a reload: the saved work is newer, down to
  // the last thing typed) or could not carry its text (too large) and this browser has it saved.
  const ownAddress = saved !== null && saved.fragment !== '' && saved.fragment === location.hash;
  const savedText = ownAddress || (shared?.preset === 'custom' && shared.text === null && saved?.preset === 'custom');
  if (shared && !savedText) {
    train = await openShared(shared);
  } else if (saved === null || fromLink || saved.preset !== 'custom') {
    await choosePreset(store.get().preset, fromLink ? null : saved);
  } else {
    const mine = supersede();
    const corpus = await loadCorpus();
    if (!mine()) {
      // The user has already chosen another corpus.
    } else if (corpus === null || saved.base === null) {
      await choosePreset('tutorial');
    } else {
      keepEdits(saved, saved.base);
      if (typeof corpus === 'string') store.update({ preset: 'custom', corpus, corpusFile: null });
      else store.update({ preset: 'custom', corpus: await preview(corpus), corpusFile: corpus });
      setSpeed(saved.speedLevel);
      await loadNow();
    }
  }
  const fromSaved = !shared || savedText;
  if (fromSaved && saved?.colourBy === 'cluster') setColour('cluster');
  keepWork(store, fromSaved && saved?.preset === 'custom' ? store.get().corpusFile ?? store.get().corpus : null);
  return train;
}

/**
 * Open what a link holds: its preset (or its own text), its settings over the preset's, its
 * queries and view. Resolves to whether to train (the author had trained).
 * @param {import('./app/share.js').Shared} link
 */
async function openShared(link) {
  const mine = supersede();
  /** @type {string | null} */
  let text = null;
  let base;
  if (link.preset === 'custom') {
    text = link.text === null ? null : await unpackText(link.text).catch(() => null);
    if (text === null) {
      await choosePreset('tutorial');
      store.update({ shareNote: link.text === null ? 'share.large' : 'share.damaged' });
      return false;
    }
    base = (await client.request({ type: 'ownTextSettings', sample: text.slice(0, SAMPLE_CHARS), bytes: new Blob([text]).size })).settings;
    if (!mine()) return false;
    store.update({ preset: 'custom', corpus: text, corpusFile: null, replaced: false });
  } else {
    /** @type {Preset} */
    let p;
    try {
      p = await client.request({ type: 'preset', name: link.preset });
    } catch {
      await choosePreset('tutorial');
      return false;
    }
    base = p.settings;
    if (!mine()) return false;
    store.update({ preset: p.name, corpus: p.text, corpusFile: null, replaced: false });
  }
  const settings = { ...base, ...link.settings };
  store.update({ userWords: link.userWords });
  keepEdits({ raw: rawFromSettings(settings), query: link.query, pairsText: link.pairsText, analogy: link.analogy }, settings);
  setSpeed(link.speedLevel ?? defaultSpeedLevel(link.preset));
  if (link.colourBy === 'cluster') setColour('cluster');
  const loaded = await loadNow();
  if (link.projection && link.projection.kind !== 'pca') {
    if (link.projection.kind === 'axes') store.update({ axesText: link.projection.words });
    await projection.set(link.projection);
  }
  return loaded && Boolean(link.train);
}

/** @type {ReturnType<typeof setTimeout> | undefined} */
let loadTimer;
let loadSeq = 0;

/** Changes of corpus or settings under way (a preset being fetched, a corpus loading). */
const pending = new Set();

/**
 * Count `work` as under way until it settles. @template T @param {Promise<T>} work @returns {Promise<T>}
 */
function track(work) {
  pending.add(work);
  showApplying();
  const done = () => {
    pending.delete(work);
    showApplying();
  };
  work.then(done, done);
  return work;
}

/** The page says (aria-busy) while a change of corpus or settings is pending or under way. */
function showApplying() {
  const applying = pending.size > 0 || loadTimer !== undefined;
  if (store.get().applying !== applying) store.update({ applying });
}

/**
 * Apply a pending edit and wait for every change under way, so that an action taken now (Train,
 * Step, Next sample, a query) applies to the model the page is about to show, never to the one it
 * is replacing. Resolves to whether a model is loaded.
 */
async function ready() {
  for (;;) {
    if (loadTimer !== undefined) loadNow();
    if (pending.size === 0) break;
    await Promise.allSettled([...pending]);
  }
  return store.get().vocab !== null;
}

function scheduleLoad() {
  clearTimeout(loadTimer);
  loadTimer = setTimeout(loadNow, LOAD_DELAY_MS);
  showApplying();
}

/** Send the corpus and settings to the worker if every field is valid. Resolves to success. */
function loadNow() {
  clearTimeout(loadTimer);
  loadTimer = undefined;
  return track(load());
}

async function load() {
  const seq = ++loadSeq;
  if (retune) {
    retune = false;
    await applyOwnText();
    if (seq !== loadSeq) return false;
  }
  const st = store.get();
  if (!st.base) return false;
  const { settings } = checkSettings(st.raw, st.base);
  if (!settings) return false;
  const segmenting = settings.chinese === 'words';
  if (segmenting) store.update({ segmenting });
  try {
    const vocab = st.corpusFile
      ? await client.request({ type: 'loadFile', file: st.corpusFile, settings, userWords: st.userWords })
      : await client.request({ type: 'load', corpus: st.corpus, settings, userWords: st.userWords });
    if (seq !== loadSeq) return false;
    store.update({ vocab, lossCurve: [], error: null, segmenting: false, ...(vocab.replaced ? { replaced: true } : {}) });
    sendQueries();
    teaching.onVocabulary();
    return true;
  } catch (e) {
    if (seq === loadSeq) store.update({ vocab: null, snapshot: null, answers: null, lossCurve: [], run: 'error', error: errorMessage(e), segmenting: false });
    return false;
  }
}

// ---- Own-text settings ----------------------------------------------------------------------

/** The user's text changed while its settings are the page's own-text ones: derive them again
 * (for the text as it is) at the next load. */
let retune = false;

/** How much of a text the worker reads to choose its settings (src/own_text.rs). */
const SAMPLE_CHARS = 100_000;

/**
 * Put settings for the user's own text in place (src/own_text.rs: scaled to the text, Chinese
 * read as it is written, full speed, every thread but a core for the page), remembering what was there for Undo. Coming
 * from a preset, the preset's example queries go too: they are about its own words.
 */
async function applyOwnText() {
  const st = store.get();
  const file = st.corpusFile;
  const sample = file ? await file.slice(0, SAMPLE_CHARS).text() : st.corpus.slice(0, SAMPLE_CHARS);
  const bytes = file ? file.size : sample.length === st.corpus.length ? new Blob([st.corpus]).size : (st.corpus.length / sample.length) * new Blob([sample]).size;
  const own = await client.request({ type: 'ownTextSettings', sample, bytes });
  const settings = { ...own.settings, threads: ownTextThreads(store.get().threads, navigator.hardwareConcurrency || 1) };
  const now = store.get();
  if (now.handEdited) return;
  const first = now.ownText === null;
  const previous = now.ownText?.previous ?? { base: now.base, raw: now.raw, speedLevel: now.speedLevel, query: now.query, pairsText: now.pairsText, analogy: now.analogy };
  const tokens = own.tokens;
  store.update({
    base: settings,
    raw: rawFromSettings(settings),
    errors: {},
    ownText: { settings, previous, tokens },
    ...(first ? { query: '', pairsText: '', analogy: /** @type {[string, string, string]} */ (['', '', '']) } : {}),
  });
  setSpeed(SPEEDS.length - 1);
}

/** Undo: the settings and queries from before the own-text settings, for the user's text. */
function undoOwnText() {
  const note = store.get().ownText;
  if (!note) return;
  const { previous } = note;
  retune = false;
  store.update({
    ownText: null,
    handEdited: true,
    base: previous.base,
    raw: previous.raw,
    errors: previous.base ? checkSettings(previous.raw, previous.base).errors : {},
    query: previous.query,
    pairsText: previous.pairsText,
    analogy: previous.analogy,
  });
  setSpeed(previous.speedLevel);
  scheduleLoad();
}

/**
 * The corpus became the user's: from a preset (unless a setting was changed by hand), or while
 * the page's own-text settings are in place, they are derived for it at the next load.
 * @param {boolean} fromPreset
 */
function ownTextFor(fromPreset) {
  const st = store.get();
  if (!st.handEdited && (fromPreset || st.ownText !== null)) retune = true;
}

/** @param {string} name @param {string | boolean} value */
function setField(name, value) {
  const st = store.get();
  if (!st.base) return;
  const raw = { ...st.raw, [name]: value };
  const { errors } = checkSettings(raw, st.base);
  store.update({ raw, errors });
  if (Object.keys(errors).length === 0) scheduleLoad();
}

/** The user's own text (typed, pasted or from a small file). @param {string} text */
function setCorpus(text) {
  supersede();
  ownTextFor(store.get().preset !== 'custom');
  store.update({ corpus: text, corpusFile: null, preset: 'custom', replaced: false });
  scheduleLoad();
}

// ---- Queries --------------------------------------------------------------------------------

/** @type {ReturnType<typeof setTimeout> | undefined} */
let queryTimer;

function sendQueries() {
  clearTimeout(queryTimer);
  const st = store.get();
  const queries = { word: st.query, k: 10, pairs: parsePairs(st.pairsText), analogy: st.analogy, analogyK: 5 };
  client.request({ type: 'queries', queries }).then(
    (answers) => store.update({ answers }),
    () => {},
  );
}

function scheduleQueries() {
  clearTimeout(queryTimer);
  queryTimer = setTimeout(sendQueries, QUERY_DELAY_MS);
}

// ---- Training controls ----------------------------------------------------------------------

/** The first invalid field, focused, or null if every field is valid. */
function focusInvalid() {
  const name = Object.keys(store.get().errors)[0];
  if (name === undefined) return null;
  document.getElementById(`setting-${name}`)?.focus();
  return name;
}

/** @param {'train' | 'step'} what */
async function run(what) {
  if (focusInvalid()) return;
  await ready();
  const st = store.get();
  // Retry after an error; after an import, train the corpus again.
  if (st.run === 'error' || st.vocab === null || st.vocab.imported) {
    if (!(await loadNow())) return;
  }
  if (store.get().run === 'done') await resetModel();
  await client.request({ type: what }).catch((e) => store.update({ run: 'error', error: errorMessage(e) }));
}

/** Back to the untrained model (same seed, same start). */
async function resetModel() {
  await client.request({ type: 'reset' }).then(() => store.update({ lossCurve: [] }), (e) => store.update({ run: 'error', error: errorMessage(e) }));
}

$('train').addEventListener('click', () => run('train'));
$('restart').addEventListener('click', () => {
  store.update({ run: 'loading', readProgress: null });
  client.restart();
});
$('step').addEventListener('click', () => run('step'));
$('pause').addEventListener('click', () => client.request({ type: 'pause' }));
$('reset').addEventListener('click', async () => {
  if (focusInvalid()) return;
  await ready();
  if (store.get().vocab === null || store.get().vocab?.imported) {
    await loadNow();
    return;
  }
  await resetModel();
});
input('speed').addEventListener('input', () => setSpeed(Number(input('speed').value)));
/** @param {'frequency' | 'cluster'} colourBy */
function setColour(colourBy) {
  store.update({ colourBy });
  client.request({ type: 'clusters', k: colourBy === 'cluster' ? CLUSTERS : 0 });
}
$('colour').addEventListener('change', () => setColour(/** @type {'frequency' | 'cluster'} */ (/** @type {HTMLSelectElement} */ ($('colour')).value)));

// ---- Projection -----------------------------------------------------------------------------

const projection = setupProjection(store, client);

// ---- Inputs ---------------------------------------------------------------------------------

// A setting changed by hand is the user's: own-text settings no longer replace it.
const settingInputs = buildSettingsForm($('settings'), (name, value) => {
  store.update({ handEdited: true, ownText: null });
  retune = false;
  setField(name, value);
});
$('settings').addEventListener('submit', (e) => e.preventDefault());

/** @type {HTMLSelectElement} */ ($('preset')).addEventListener('change', (e) => {
  const name = /** @type {HTMLSelectElement} */ (e.target).value;
  if (name !== 'custom') choosePreset(name);
});
$('corpus').addEventListener('input', (e) => setCorpus(/** @type {HTMLTextAreaElement} */ (e.target).value));
$('corpus').addEventListener('paste', interceptLargePaste);
$('user-words').addEventListener('input', (e) => {
  store.update({ userWords: /** @type {HTMLTextAreaElement} */ (e.target).value });
  if (store.get().raw.chinese === 'words') scheduleLoad();
});
$('own-undo').addEventListener('click', undoOwnText);
$('full-speed').addEventListener('click', () => setSpeed(SPEEDS.length - 1));

/**
 * A file replaces the corpus (see `ownTextFor` for its settings). A large one (or a large paste)
 * goes to the worker as it is, streamed there; the text box shows its start.
 * @param {File} file
 */
async function openFile(file) {
  const mine = supersede();
  if (file.size <= LARGE_FILE_BYTES) {
    const decoder = new Utf8Stream();
    const text = decoder.decode(new Uint8Array(await file.arrayBuffer()));
    if (!mine()) return;
    setCorpus(text);
    store.update({ replaced: decoder.replaced });
    return;
  }
  const start = await preview(file);
  if (!mine()) return;
  ownTextFor(store.get().preset !== 'custom');
  store.update({ corpus: start, corpusFile: file, preset: 'custom', replaced: false });
  await loadNow();
}

/**
 * A paste of more than LARGE_FILE_BYTES (several chapters, a book) does not land in the text
 * box, where the browser alone would spend a long time laying it out: it goes the way a large
 * file goes.
 * @param {ClipboardEvent} e
 */
function interceptLargePaste(e) {
  const text = e.clipboardData?.getData('text/plain') ?? '';
  // Characters take one to three bytes in UTF-8: measure only what may be large.
  if (text.length * 3 <= LARGE_FILE_BYTES) return;
  const file = new File([text], `${translator(store.get().lang)('corpus.pasted')}.txt`, { type: 'text/plain' });
  if (file.size <= LARGE_FILE_BYTES) return;
  e.preventDefault();
  track(openFile(file));
}

/**
 * The start of a large file, for the text box: its whole lines, or, in a file of very long
 * lines, its whole words (the slice read may end inside a word or a character).
 * @param {File} file
 */
async function preview(file) {
  const start = await file.slice(0, PREVIEW_BYTES).text();
  const line = start.lastIndexOf('\n');
  const space = start.search(/\s\S*$/);
  // Text without spaces (Chinese) is cut anywhere, but not inside a character.
  const shown = line >= 0 ? start.slice(0, line + 1) : space > 0 ? start.slice(0, space) : start.replace(/\ufffd+$/, '');
  return `${shown}…`;
}
input('file').addEventListener('change', () => {
  const file = input('file').files?.[0];
  if (file) track(openFile(file));
  input('file').value = '';
});
for (const type of ['dragenter', 'dragover']) {
  document.addEventListener(type, (e) => {
    e.preventDefault();
    $('dropzone').classList.add('dragging');
  });
}
document.addEventListener('dragleave', () => $('dropzone').classList.remove('dragging'));
document.addEventListener('drop', (e) => {
  e.preventDefault();
  $('dropzone').classList.remove('dragging');
  const file = e.dataTransfer?.files[0];
  if (file) track(openFile(file));
});

input('query').addEventListener('input', () => {
  store.update({ query: input('query').value });
  scheduleQueries();
});
$('pairs').addEventListener('input', (e) => {
  store.update({ pairsText: /** @type {HTMLTextAreaElement} */ (e.target).value });
  scheduleQueries();
});
for (const [i, id] of ['analogy-a', 'analogy-b', 'analogy-c'].entries()) {
  input(id).addEventListener('input', () => {
    const analogy = /** @type {[string, string, string]} */ ([...store.get().analogy]);
    analogy[i] = input(id).value;
    store.update({ analogy });
    scheduleQueries();
  });
}

/** @type {HTMLSelectElement} */ ($('lang')).addEventListener('change', (e) => {
  const lang = /** @type {Lang} */ (/** @type {HTMLSelectElement} */ (e.target).value);
  const url = new URL(location.href);
  url.searchParams.set('lang', lang);
  history.replaceState(null, '', url);
  store.update({ lang });
});

// ---- Plot -----------------------------------------------------------------------------------

const plot = new EmbeddingPlot(/** @type {HTMLCanvasElement} */ ($('plot')), $('tooltip'), {
  onSelect(id) {
    const word = id >= 0 ? (store.get().vocab?.words[id] ?? '') : '';
    store.update({ query: word });
    sendQueries();
  },
  describe(id) {
    const st = store.get();
    const t = translator(st.lang);
    if (!st.vocab) return '';
    const rank = st.vocab.imported ? t('plot.rank', { rank: id + 1 }) : t('plot.count', { count: st.vocab.counts[id], rank: id + 1 });
    const parts = [st.vocab.words[id], rank];
    const c = st.snapshot?.clusters;
    if (st.colourBy === 'cluster' && c) parts.push(t('plot.cluster', { n: c[id] + 1 }));
    return parts.join(' · ');
  },
}, { offscreen: true });

// ---- Vector files ---------------------------------------------------------------------------

setupVectors(store, client, plot, {
  beginLoad() {
    supersede();
    clearTimeout(loadTimer);
    loadTimer = undefined;
    showApplying();
    const seq = ++loadSeq;
    return () => seq === loadSeq;
  },
  loaded() {
    sendQueries();
    teaching.onVocabulary();
  },
});

// ---- Lesson ---------------------------------------------------------------------------------

setupLesson(store, {
  choosePreset,
  setField,
  loadNow,
  train: () => run('train'),
  pause: () => client.request({ type: 'pause' }),
  trace: () => teaching.nextSample(),
  setColour,
  setQuery(word) {
    store.update({ query: word });
    sendQueries();
  },
});

setupCompare(store, () => translator(store.get().lang));

// ---- Keyboard -------------------------------------------------------------------------------

$('shortcuts').addEventListener('click', () => store.update((st) => ({ shortcutsShown: !st.shortcutsShown })));
document.addEventListener('keydown', (e) => {
  const target = /** @type {HTMLElement} */ (e.target);
  const typing = Boolean(target.closest?.('input, textarea, select, [contenteditable]'));
  const action = shortcutFor(e, { typing, onButton: target.tagName === 'BUTTON' });
  // The guided lesson has its own Space (train / pause) while it runs.
  if (action === null || (action === 'trainPause' && store.get().lessonStep >= 0)) return;
  e.preventDefault();
  const st = store.get();
  if (action === 'trainPause') {
    if (st.run === 'training') client.request({ type: 'pause' });
    else run('train');
  } else if (action === 'step') run('step');
  else if (action === 'reset') $('reset').click();
  else if (action === 'fit') plot.fit();
  else if (action === 'query') input('query').focus();
  else if (action === 'projection') projection.next();
  else if (action === 'help') store.update({ shortcutsShown: !st.shortcutsShown });
});

// ---- Rendering ------------------------------------------------------------------------------

const renderState = renderer(() => store.get(), { plot, settingInputs });
store.subscribe((st) => renderState(st));
renderState(store.get());
