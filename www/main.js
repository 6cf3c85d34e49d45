// The page: one store, one worker client, and the views wired to them.
//
// Data flow: user input → store.update → views re-render from the store. Whatever needs the
// model goes to the worker as a typed request (protocol.js); its snapshots and state changes come
// back as events and land in the store. The main thread never trains: it validates fields,
// renders, and draws the plot.

import { $, input } from './app/dom.js';
import { render } from './app/render.js';
import { keepSaving, loadCorpus, readSavedWork } from './app/saved.js';
import { keepSharing } from './app/links.js';
import { readFragment, unpackText } from './app/share.js';
import { shortcutFor } from './app/shortcuts.js';
import { addLoss, initialState } from './app/state.js';
import { WorkerClient, startWorker } from './client.js';
import { Utf8Stream } from './decode.js';
import { errorMessage } from './errors.js';
import { translator } from './i18n.js';
import { checkSettings, defaultSpeedLevel, rawFromSettings, SPEEDS } from './settings.js';
import { createStore } from './store.js';
import { buildSettingsForm } from './views/controls.js';
import { parsePairs } from './views/panels.js';
import { EmbeddingPlot } from './views/plot.js';
import { setupCompare } from './app/compare.js';
import { setupProjection } from './app/projection.js';
import { setupVectors } from './app/vectors.js';
import { setupLesson } from './app/lesson.js';
import { setupTeaching } from './app/teaching.js';

/** @typedef {import('./protocol.js').Preset} Preset */
/** @typedef {import('./i18n.js').Lang} Lang */
/** @typedef {import('./app/state.js').AppState} AppState */

const CLUSTERS = 6;
/** Files larger than this are streamed by the worker instead of passing through the text box. */
const LARGE_FILE_BYTES = 1_000_000;
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
      restore();
    }
  },
  onCrash: (reason) => store.update({ crashed: true, run: 'error', error: reason, readProgress: null }),
  onSnapshot: (s) => {
    store.update((st) => ({ snapshot: s, answers: s.answers, lossCurve: addLoss(st.lossCurve, s) }));
    // The worker fell back to PCA (custom axes whose words a new corpus lacks).
    if (s.projectionError) store.update({ projection: { kind: 'pca' }, projectionError: s.projectionError });
    teaching.onSnapshot();
  },
  onState: (run, error) => store.update({ run, error, readProgress: null }),
  onLoading: (bytes, total) => store.update({ run: 'loading', readProgress: total > 0 ? bytes / total : null }),
});


const teaching = setupTeaching(store, client, (e) => store.update({ run: 'error', error: errorMessage(e) }));

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
 */
async function choosePreset(name, keep = null) {
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
  store.update({
    preset: p.name,
    corpus: p.text,
    corpusFile: null,
    replaced: false,
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
 */
async function restore() {
  const fromLink = new URLSearchParams(location.search).has('preset');
  // A link wins, unless it could not carry its text (too large) and this browser has it saved.
  const savedText = shared?.preset === 'custom' && shared.text === null && saved?.preset === 'custom';
  if (shared && !savedText) {
    await openShared(shared);
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
  keepSaving(store, fromSaved && saved?.preset === 'custom' ? store.get().corpusFile ?? store.get().corpus : null);
  keepSharing(store);
}

/**
 * Open what a link holds: its preset (or its own text), its settings over the preset's, its
 * queries and view; train if the author had trained.
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
      return;
    }
    base = await client.request({ type: 'ownTextSettings' });
    if (!mine()) return;
    store.update({ preset: 'custom', corpus: text, corpusFile: null, replaced: false });
  } else {
    /** @type {Preset} */
    let p;
    try {
      p = await client.request({ type: 'preset', name: link.preset });
    } catch {
      await choosePreset('tutorial');
      return;
    }
    base = p.settings;
    if (!mine()) return;
    store.update({ preset: p.name, corpus: p.text, corpusFile: null, replaced: false });
  }
  const settings = { ...base, ...link.settings };
  keepEdits({ raw: rawFromSettings(settings), query: link.query, pairsText: link.pairsText, analogy: link.analogy }, settings);
  setSpeed(link.speedLevel ?? defaultSpeedLevel(link.preset));
  if (link.colourBy === 'cluster') setColour('cluster');
  const loaded = await loadNow();
  if (link.projection && link.projection.kind !== 'pca') {
    if (link.projection.kind === 'axes') store.update({ axesText: link.projection.words });
    await projection.set(link.projection);
  }
  if (loaded && link.train) await run('train');
}

/** @type {ReturnType<typeof setTimeout> | undefined} */
let loadTimer;
let loadSeq = 0;

function scheduleLoad() {
  clearTimeout(loadTimer);
  loadTimer = setTimeout(loadNow, LOAD_DELAY_MS);
}

/** Send the corpus and settings to the worker if every field is valid. Resolves to success. */
async function loadNow() {
  clearTimeout(loadTimer);
  loadTimer = undefined;
  const st = store.get();
  if (!st.base) return false;
  const { settings } = checkSettings(st.raw, st.base);
  if (!settings) return false;
  const seq = ++loadSeq;
  try {
    const vocab = st.corpusFile
      ? await client.request({ type: 'loadFile', file: st.corpusFile, settings })
      : await client.request({ type: 'load', corpus: st.corpus, settings });
    if (seq !== loadSeq) return false;
    store.update({ vocab, lossCurve: [], error: null, ...(vocab.replaced ? { replaced: true } : {}) });
    sendQueries();
    teaching.onVocabulary();
    return true;
  } catch (e) {
    if (seq === loadSeq) store.update({ vocab: null, snapshot: null, answers: null, lossCurve: [], run: 'error', error: errorMessage(e) });
    return false;
  }
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
  const st = store.get();
  // Apply a pending edit (or retry after an error) before training; after an import, train the
  // corpus again.
  if (loadTimer !== undefined || st.run === 'error' || st.vocab === null || st.vocab.imported) {
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
  if (loadTimer !== undefined || store.get().vocab === null || store.get().vocab?.imported) {
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

const settingInputs = buildSettingsForm($('settings'), setField);
$('settings').addEventListener('submit', (e) => e.preventDefault());

/** @type {HTMLSelectElement} */ ($('preset')).addEventListener('change', (e) => {
  const name = /** @type {HTMLSelectElement} */ (e.target).value;
  if (name !== 'custom') choosePreset(name);
});
$('corpus').addEventListener('input', (e) => setCorpus(/** @type {HTMLTextAreaElement} */ (e.target).value));

/**
 * A file replaces the corpus. Coming from a preset, whose settings suit only its own text (the
 * tutorial's 300 epochs over one sentence), it also brings settings for a user's own text, full
 * speed, and empty queries.
 * @param {File} file
 */
async function openFile(file) {
  const mine = supersede();
  if (store.get().preset !== 'custom') {
    // The preset's example queries are about its own words: start the new text with none. A
    // user's text may be large: train it on every thread the page has.
    const settings = { ...(await client.request({ type: 'ownTextSettings' })), threads: store.get().threads };
    if (!mine()) return;
    store.update({ base: settings, raw: rawFromSettings(settings), errors: {}, query: '', pairsText: '', analogy: ['', '', ''] });
    setSpeed(SPEEDS.length - 1);
  }
  if (file.size <= LARGE_FILE_BYTES) {
    const decoder = new Utf8Stream();
    const text = decoder.decode(new Uint8Array(await file.arrayBuffer()));
    setCorpus(text);
    store.update({ replaced: decoder.replaced });
    return;
  }
  // A large file goes to the worker as it is (streamed there); the text box shows its start.
  const start = await preview(file);
  if (!mine()) return;
  store.update({ corpus: start, corpusFile: file, preset: 'custom', replaced: false });
  await loadNow();
}

/** The whole lines at the start of a large file, for the text box. @param {File} file */
async function preview(file) {
  const start = await file.slice(0, PREVIEW_BYTES).text();
  return `${start.slice(0, start.lastIndexOf('\n') + 1)}…`;
}
input('file').addEventListener('change', () => {
  const file = input('file').files?.[0];
  if (file) openFile(file);
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
  if (file) openFile(file);
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
});

// ---- Vector files ---------------------------------------------------------------------------

setupVectors(store, client, plot, {
  beginLoad() {
    supersede();
    clearTimeout(loadTimer);
    loadTimer = undefined;
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

const parts = { plot, settingInputs };
store.subscribe((st, prev) => render(st, prev, parts));
render(store.get(), null, parts);
