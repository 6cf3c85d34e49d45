// The page: one store, one worker client, and the views wired to them.
//
// Data flow: user input → store.update → views re-render from the store. Whatever needs the
// model goes to the worker as a typed request (protocol.js); its snapshots and state changes come
// back as events and land in the store. The main thread never trains: it validates fields and
// renders; the plot draws in a worker of its own (views/plot/plot-canvas.js, plot-worker.js).

import { $, input } from './app/dom.js';
import { setupLoading } from './app/loading.js';
import { renderer } from './app/render.js';
import { readSavedWork } from './app/saved.js';
import { readFragment } from './app/share.js';
import { shortcutFor } from './app/shortcuts.js';
import { addLoss, initialState, rateKey } from './app/state.js';
import { WorkerClient, startWorker } from './core/client.js';
import { errorMessage } from './core/errors.js';
import { translator } from './core/i18n.js';
import { SPEEDS } from './core/settings.js';
import { NO_QUERIES } from './core/protocol.js';
import { createStore } from './core/store.js';
import { buildSettingsForm } from './views/controls.js';
import { parsePairs } from './views/panels.js';
import { EmbeddingPlot } from './views/plot/plot-canvas.js';
import { setupCompare } from './app/compare.js';
import { setupProjection } from './app/projection.js';
import { setupVectors } from './app/vectors.js';
import { setupLesson } from './app/lesson-controls.js';
import { setupTeaching } from './app/teaching.js';
import { setupHistory } from './app/history-controls.js';

/** @typedef {import('./core/protocol.js').Preset} Preset */
/** @typedef {import('./core/i18n.js').Lang} Lang */
/** @typedef {import('./app/state.js').AppState} AppState */

const CLUSTERS = 6;
const QUERY_DELAY_MS = 100;

/** What the last visit left (saved.js), read once. */
const saved = readSavedWork(SPEEDS.length);
/** A link's state (share.js), which wins over what was saved. */
const shared = readFragment(location.hash, SPEEDS.length);
/** @type {import('./core/store.js').Store<AppState>} */
const store = createStore(initialState(location.search, navigator.languages ?? [navigator.language], saved));
if (shared?.lang) store.update({ lang: shared.lang });

const client = new WorkerClient(startWorker, {
  onReady: (_presets, threads) => {
    store.update({ threads });
    if (store.get().crashed) {
      // A restarted worker: the corpus and settings are still in the store.
      store.update({ crashed: false, run: 'idle', error: null, vocab: null, snapshot: null });
      setSpeed(store.get().speedLevel);
      loading.loadNow().then(() => setColour(store.get().colourBy));
    } else {
      start();
    }
  },
  onCrash: (reason) => store.update({ crashed: true, run: 'error', error: reason, readProgress: null }),
  onSnapshot: (s) => {
    // One update, so one render per snapshot: they come many times a second.
    store.update((st) => ({
      snapshot: s,
      // A past moment of the history shows that moment's answers (history-controls.js).
      answers: st.history.index === null ? s.answers : st.answers,
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


const teaching = setupTeaching(store, client, () => loading.ready(), (e) => store.update({ run: 'error', error: errorMessage(e) }));

const loading = setupLoading(store, client, {
  saved,
  shared,
  setSpeed,
  setColour,
  setProjection: (p) => projection.set(p),
  loaded() {
    sendQueries();
    teaching.onVocabulary();
  },
});

/**
 * Start where the last visit stopped (app/loading.js `restore`), then train if a link says its
 * author had.
 */
async function start() {
  if (await loading.track(loading.restore())) await run('train');
}

/** Move the speed slider to `level` and tell the worker. @param {number} level */
function setSpeed(level) {
  store.update({ speedLevel: level });
  client.request({ type: 'speed', wordsPerSecond: SPEEDS[level] });
}

// ---- Queries --------------------------------------------------------------------------------

/** @type {ReturnType<typeof setTimeout> | undefined} */
let queryTimer;

function sendQueries() {
  clearTimeout(queryTimer);
  const st = store.get();
  const queries = { ...NO_QUERIES, word: st.query, pairs: parsePairs(st.pairsText), analogy: st.analogy };
  client.request({ type: 'queries', queries }).then(
    (answers) => {
      if (store.get().history.index === null) store.update({ answers });
    },
    () => {},
  );
  trainingHistory.queriesChanged();
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
  await loading.ready();
  const st = store.get();
  // Retry after an error; after an import, train the corpus again.
  if (st.run === 'error' || st.vocab === null || st.vocab.imported) {
    if (!(await loading.loadNow())) return;
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
  await loading.ready();
  if (store.get().vocab === null || store.get().vocab?.imported) {
    await loading.loadNow();
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

// ---- Training history -----------------------------------------------------------------------

const trainingHistory = setupHistory(store, client);

// ---- Inputs ---------------------------------------------------------------------------------

const settingInputs = buildSettingsForm($('settings'), loading.editByHand);
$('settings').addEventListener('submit', (e) => e.preventDefault());

/** @type {HTMLSelectElement} */ ($('preset')).addEventListener('change', (e) => {
  const name = /** @type {HTMLSelectElement} */ (e.target).value;
  if (name !== 'custom') loading.choosePreset(name);
});
$('corpus').addEventListener('input', (e) => loading.setCorpus(/** @type {HTMLTextAreaElement} */ (e.target).value));
$('corpus').addEventListener('paste', loading.interceptLargePaste);
$('user-words').addEventListener('input', (e) => {
  store.update({ userWords: /** @type {HTMLTextAreaElement} */ (e.target).value });
  if (store.get().raw.chinese === 'words') loading.scheduleLoad();
});
$('own-undo').addEventListener('click', loading.undoOwnText);
$('full-speed').addEventListener('click', () => setSpeed(SPEEDS.length - 1));

input('file').addEventListener('change', () => {
  const file = input('file').files?.[0];
  if (file) loading.track(loading.openFile(file));
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
  if (file) loading.track(loading.openFile(file));
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
  beginLoad: loading.beginImport,
  loaded() {
    sendQueries();
    teaching.onVocabulary();
  },
});

// ---- Lesson ---------------------------------------------------------------------------------

setupLesson(store, {
  choosePreset: loading.choosePreset,
  setField: loading.setField,
  loadNow: loading.loadNow,
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

/**
 * Present mode on or off: the plot and the answers alone, in large type (style.css), full screen
 * where the browser allows it. Leaving full screen (the browser's own Esc) leaves present mode.
 * @param {boolean} on
 */
function present(on) {
  store.update({ presenting: on });
  if (on && !document.fullscreenElement) document.documentElement.requestFullscreen?.().catch(() => {});
  if (!on && document.fullscreenElement) document.exitFullscreen().catch(() => {});
}
$('present').addEventListener('click', () => present(!store.get().presenting));
document.addEventListener('fullscreenchange', () => {
  if (!document.fullscreenElement && store.get().presenting) present(false);
});
document.addEventListener('keydown', (e) => {
  const target = /** @type {HTMLElement} */ (e.target);
  const typing = Boolean(target.closest?.('input, textarea, select, [contenteditable]'));
  const action = shortcutFor(e, { typing, onButton: target.tagName === 'BUTTON' });
  // The guided lesson has its own Space (train / pause) while it runs.
  if (action === null || (action === 'trainPause' && store.get().lessonStep >= 0)) return;
  // Esc is the page's only while presenting.
  if (action === 'endPresent' && !store.get().presenting) return;
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
  else if (action === 'present') present(!st.presenting);
  else if (action === 'endPresent') present(false);
  else if (action === 'help') store.update({ shortcutsShown: !st.shortcutsShown });
});

// ---- Rendering ------------------------------------------------------------------------------

const renderState = renderer(() => store.get(), { plot, settingInputs });
store.subscribe((st) => renderState(st));
renderState(store.get());
