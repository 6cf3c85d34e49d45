// The training history on the page: the slider "Training history" under the plot, Replay, the
// loss curve's cursor (a click on the curve moves the slider), the region "History" and its
// exports. A past moment's frame (its picture and every answer) comes from the worker
// (history-views.js), asked by replay.js `frameFetcher`.

import { download, fileStem } from './download.js';
import { $, input, setFlag } from './dom.js';
import { REPLAY_SPEEDS, frameFetcher, indexFor, initialHistory, moments, momentFraction, nearestMoment, nextReplay, sliderValue } from './replay.js';
import { errorMessage } from '../core/errors.js';
import { translator } from '../core/i18n.js';
import { chartFraction } from '../views/panels.js';
import { renderRank, renderReadout, renderRegion } from '../views/history-panel.js';

/** @typedef {import('./state.js').AppState} AppState */
/** @typedef {import('./replay.js').HistoryView} HistoryView */

/** While training, the region is asked for again at most this often: it answers the query and
 * ranks the analogy's answer at every moment, 0.2 s of the worker's time (taken from training)
 * for 10,000 words (2,595 kept × 100 dimensions × 101 moments; a frame takes 2–3 ms). */
const REGION_EVERY_MS = 5000;
/** After a query is typed, the region waits this long for the typing to stop. */
const REGION_DELAY_MS = 150;

/**
 * @param {import('../core/store.js').Store<AppState>} store
 * @param {import('../core/client.js').WorkerClient} client
 */
export function setupHistory(store, client) {
  const slider = input('history');
  const speed = /** @type {HTMLSelectElement} */ ($('history-speed'));
  const els = {
    note: $('history-note'),
    table: /** @type {HTMLTableElement} */ ($('history-table')),
    caption: $('history-caption'),
    body: $('history-body'),
    entered: $('history-entered'),
  };

  /** @param {Partial<HistoryView>} change */
  const setHistory = (change) => store.update((st) => ({ history: { ...st.history, ...change } }));

  const requestFrame = frameFetcher(
    (index) => client.request({ type: 'historyAt', index }),
    () => store.get().history.index,
    (frame) => store.update((st) => ({ history: { ...st.history, frame }, answers: frame.answers })),
  );

  /** Show moment `index` (null: now, following training). @param {number | null} index */
  function show(index) {
    if (index === null) {
      store.update((st) => ({ history: { ...st.history, index: null, frame: null }, answers: st.snapshot?.answers ?? st.answers }));
    } else {
      setHistory({ index });
      requestFrame();
    }
  }

  // ---- Replay ----
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let replayTimer;
  function replayStep() {
    const st = store.get();
    if (!st.history.playing) return;
    const next = nextReplay(st.history.index, moments(st).length);
    if (next === null) {
      setHistory({ playing: false });
      show(null);
      return;
    }
    show(next);
    replayTimer = setTimeout(replayStep, 1000 / st.history.speed);
  }
  $('history-play').addEventListener('click', () => {
    clearTimeout(replayTimer);
    const playing = !store.get().history.playing;
    setHistory({ playing });
    if (playing) replayStep();
  });
  speed.replaceChildren(...REPLAY_SPEEDS.map((n) => new Option(String(n), String(n))));
  speed.value = String(store.get().history.speed);
  speed.addEventListener('change', () => setHistory({ speed: Number(speed.value) }));

  slider.addEventListener('input', () => {
    clearTimeout(replayTimer);
    if (store.get().history.playing) setHistory({ playing: false });
    show(indexFor(Number(slider.value), moments(store.get()).length));
  });
  $('loss').addEventListener('click', (e) => {
    const st = store.get();
    const marks = st.snapshot?.history;
    if (!marks || marks.moments.length < 2) return;
    const box = /** @type {HTMLElement} */ (e.currentTarget).getBoundingClientRect();
    const i = nearestMoment(marks.moments, marks.totalWords, chartFraction(e.clientX - box.left, box.width));
    show(indexFor(i, marks.moments.length));
  });

  // ---- The region: asked for when the moments or the queries change ----
  let regionBusy = false;
  let regionKey = '';
  let regionAt = -Infinity;
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let regionTimer;
  /** What the region depends on. @param {AppState} st */
  const keyOf = (st) => [moments(st).length, st.query, st.pairsText, st.analogy.join('|')].join('\n');
  async function requestRegion() {
    const st = store.get();
    if (regionBusy || moments(st).length < 2 || st.vocab?.imported) return;
    regionBusy = true;
    regionKey = keyOf(st);
    regionAt = performance.now();
    try {
      const region = await client.request({ type: 'historyRegion' });
      setHistory({ region });
    } catch {
      // The model was replaced meanwhile; the new one's region is asked for when it has moments.
    } finally {
      regionBusy = false;
    }
    if (keyOf(store.get()) !== regionKey) scheduleRegion();
  }
  function scheduleRegion() {
    clearTimeout(regionTimer);
    const training = store.get().run === 'training';
    const wait = training ? Math.max(REGION_DELAY_MS, regionAt + REGION_EVERY_MS - performance.now()) : REGION_DELAY_MS;
    regionTimer = setTimeout(requestRegion, wait);
  }

  // ---- Exports ----
  /** @param {'json' | 'csv'} format */
  async function exportHistory(format) {
    const st = store.get();
    try {
      const text = await client.request({ type: 'historyExport', format });
      const stem = fileStem(`word2vec-${st.preset === 'custom' ? 'my-text' : st.preset}-history`);
      download(text, `${stem}.${format}`, format === 'json' ? 'application/json' : 'text/csv');
    } catch (e) {
      store.update({ vectorsError: errorMessage(e) });
    }
  }
  $('history-json').addEventListener('click', () => exportHistory('json'));
  $('history-csv').addEventListener('click', () => exportHistory('csv'));

  store.subscribe((st, prev) => {
    const count = moments(st).length;
    // A new model (a new corpus, new settings, Reset) starts a new history.
    if (st.vocab !== prev.vocab || count < moments(prev).length) {
      clearTimeout(replayTimer);
      if (st.history.index !== null || st.history.region !== null || st.history.playing) {
        store.update({ history: { ...initialHistory(), speed: st.history.speed } });
        return;
      }
    }
    if (keyOf(st) !== keyOf(prev) && keyOf(st) !== regionKey) scheduleRegion();
    else if (st.run !== prev.run && st.run !== 'training' && keyOf(st) !== regionKey) scheduleRegion();
    render(st, prev);
  });

  /** @param {AppState} st @param {AppState} prev */
  function render(st, prev) {
    const t = translator(st.lang);
    const marks = st.snapshot?.history ?? null;
    const count = marks?.moments.length ?? 0;
    const h = st.history;
    const langChanged = st.lang !== prev.lang;
    if (!langChanged && h === prev.history && marks === (prev.snapshot?.history ?? null)) return;
    const value = sliderValue(h, count);
    if (slider.max !== String(Math.max(0, count - 1))) slider.max = String(Math.max(0, count - 1));
    if (slider.value !== String(value)) slider.value = String(value);
    setFlag(slider, 'disabled', count < 2);
    const play = /** @type {HTMLButtonElement} */ ($('history-play'));
    setFlag(play, 'disabled', count < 2);
    const label = t(h.playing ? 'history.stop' : 'history.play');
    if (play.textContent !== label) play.textContent = label;
    for (const o of speed.options) {
      const text = t('history.speedValue', { n: o.value });
      if (o.textContent !== text) o.textContent = text;
    }
    renderReadout($('history-readout'), marks, value, h.index === null, t);
    for (const id of ['history-json', 'history-csv']) setFlag(/** @type {HTMLButtonElement} */ ($(id)), 'disabled', count < 2);
    const past = $('history-past');
    setFlag(past, 'hidden', h.index === null || !marks);
    if (h.index !== null && marks) past.textContent = t('history.past', { pct: Math.round(momentFraction(marks, h.index) * 100) });
    if (langChanged || h.region !== prev.history.region || marks?.moments.length !== prev.snapshot?.history?.moments.length) {
      renderRegion(els, marks, h.region, t);
    }
    if (langChanged || h.region !== prev.history.region || h.index !== prev.history.index) {
      renderRank(/** @type {HTMLCanvasElement} */ ($('history-rank')), $('history-rank-note'), marks, h.region, marks && h.index !== null ? momentFraction(marks, h.index) : null, t);
    }
  }

  return {
    /** The standing queries changed: the moment shown answers them again. */
    queriesChanged() {
      if (store.get().history.index !== null) requestFrame();
    },
  };
}
