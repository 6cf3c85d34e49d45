// Renders the page from the state: text in the chosen language, the form, the status and
// numbers, the answers, the loss curve and the plot's data. Each part re-renders only when its
// inputs changed since the state last rendered; while training, snapshots reach the plot at once
// and the rest of the page at most every PANELS_EVERY_MS (`renderer`).

import { translator } from '../core/i18n.js';
import { SPEEDS } from '../core/settings.js';
import { applyText, renderSettingsForm } from '../views/controls.js';
import { renderLoss, renderPairs, renderScored, renderShortcuts, renderStats, renderStatus, setText } from '../views/panels.js';
import { $, afterNextFrame, inView, input, setFlag } from './dom.js';
import { duration, estimate, ownTextThreads, plotData } from './state.js';
import { epochMeans, momentFraction } from './replay.js';
import { LAYOUT_POINTS } from '../core/protocol.js';
import { renderTeaching } from './render-teaching.js';
import { PANELS_EVERY_MS, paced, snapshotOnly } from './pacing.js';
import { SHORTCUTS } from './shortcuts.js';

/** @typedef {import('./state.js').AppState} AppState */

const statEls = {
  bar: /** @type {HTMLProgressElement} */ ($('progress')),
  rate: $('stat-rate'),
  epoch: $('stat-epoch'),
  alpha: $('stat-alpha'),
  loss: $('stat-loss'),
};

/** @param {HTMLInputElement | HTMLTextAreaElement} el @param {string} value */
function setValue(el, value) {
  if (document.activeElement !== el && el.value !== value) el.value = value;
}

/**
 * @param {AppState} st @param {AppState | null} prev
 * @param {{settingInputs: Map<string, HTMLInputElement | HTMLSelectElement>}} parts
 */
export function render(st, prev, { settingInputs }) {
  const t = translator(st.lang);
  if (!prev || st.lang !== prev.lang) {
    document.documentElement.lang = st.lang === 'zh' ? 'zh-CN' : 'en';
    document.title = t('title');
    /** @type {HTMLSelectElement} */ ($('lang')).value = st.lang;
    applyText(document, t);
  }
  const langChanged = !prev || st.lang !== prev.lang;
  if (langChanged || st.raw !== prev.raw || st.errors !== prev.errors) renderSettingsForm(settingInputs, st.raw, st.errors, t);
  if (langChanged || st.threads !== prev.threads) {
    $('setting-threads-help').textContent = st.threads > 1 ? t('threads.help', { n: st.threads, own: ownTextThreads(st.threads, navigator.hardwareConcurrency || 1) }) : t('threads.helpOne');
  }
  if (!prev || st.colourBy !== prev.colourBy) /** @type {HTMLSelectElement} */ ($('colour')).value = st.colourBy;
  if (langChanged || st.preset !== prev.preset) {
    /** @type {HTMLSelectElement} */ ($('preset')).value = st.preset;
    $('preset-note').textContent = t(`presetNote.${st.preset}`);
  }
  // Inputs follow the state (a preset fills them) but never fight the user's typing; the
  // corpus may be large, so it is compared only when the state's copy changed.
  if (!prev || st.corpus !== prev.corpus) {
    const box = /** @type {HTMLTextAreaElement} */ ($('corpus'));
    // A large paste or file lands as its preview even in the focused box (it replaced the text).
    if (st.corpusFile && st.corpusFile !== prev?.corpusFile) box.value = st.corpus;
    else setValue(box, st.corpus);
  }
  if (!prev || st.query !== prev.query || st.pairsText !== prev.pairsText || st.analogy !== prev.analogy) {
    setValue(input('query'), st.query);
    setValue(/** @type {HTMLTextAreaElement} */ ($('pairs')), st.pairsText);
    ['analogy-a', 'analogy-b', 'analogy-c'].forEach((id, i) => setValue(input(id), st.analogy[i]));
  }
  if (langChanged || st.speedLevel !== prev.speedLevel) {
    const speed = SPEEDS[st.speedLevel];
    const text = speed === null ? t('speed.full') : t('speed.value', { n: speed.toLocaleString() });
    input('speed').value = String(st.speedLevel);
    input('speed').setAttribute('aria-valuetext', text);
    $('speed-value').textContent = text;
  }

  if (langChanged || st.replaced !== prev.replaced) {
    $('corpus-warning').hidden = !st.replaced;
    $('corpus-warning').textContent = st.replaced ? t('corpus.replaced') : '';
  }
  if (langChanged || st.ownText !== prev.ownText) renderOwnText(st, t);
  if (langChanged || st.userWords !== prev.userWords) setValue(/** @type {HTMLTextAreaElement} */ ($('user-words')), st.userWords);
  if (langChanged || st.snapshot !== prev.snapshot || st.speedLevel !== prev.speedLevel || st.run !== prev.run || st.fullSpeedRate !== prev.fullSpeedRate) renderEstimate(st, t);
  if (st.segmenting && (langChanged || !prev.segmenting)) $('corpus-stats').textContent = t('segment.loading');
  if (langChanged || st.vocab !== prev.vocab || (prev.segmenting && !st.segmenting)) {
    const file = st.corpusFile ? `${t('corpus.file', { name: st.corpusFile.name, mb: (st.corpusFile.size / 1e6).toFixed(1) })} · ` : '';
    // Imported vectors did not come from the text box: the status describes them.
    $('corpus-stats').textContent = st.vocab && !st.vocab.imported
      ? file + t('corpus.stats', { tokens: st.vocab.corpusTokens.toLocaleString(), words: st.vocab.words.length.toLocaleString(), dim: st.vocab.dim })
      : '';
  }

  if (!prev || st.applying !== prev.applying) document.querySelector('main')?.setAttribute('aria-busy', String(st.applying));
  const p = st.snapshot?.progress ?? null;
  if (langChanged || st.run !== prev.run || st.snapshot !== prev.snapshot || st.error !== prev.error || st.readProgress !== prev.readProgress || st.crashed !== prev.crashed || st.importing !== prev.importing || st.vocab !== prev.vocab) {
    renderStatus($('status'), st.run, p, st.error, t, st.readProgress, st.crashed, st.importing, st.vocab);
    setFlag($('restart'), 'hidden', !st.crashed);
  }
  if (!prev || st.snapshot !== prev.snapshot || st.lossCurve !== prev.lossCurve || st.vocab !== prev.vocab) {
    renderStats(statEls, st.vocab?.imported ? null : p, st.snapshot?.wordsPerSecond ?? 0, st.lossCurve.at(-1)?.loss ?? null);
  }
  // A crashed worker answers nothing until it is restarted.
  const busy = st.run === 'loading' || st.crashed;
  const button = (/** @type {string} */ id) => /** @type {HTMLButtonElement} */ ($(id));
  setFlag(button('train'), 'disabled', busy || st.run === 'training');
  setFlag(button('pause'), 'disabled', st.run !== 'training');
  setFlag(button('step'), 'disabled', busy || st.run === 'training');
  setFlag(button('reset'), 'disabled', busy);
  for (const id of ['export-text', 'export-binary', 'export-tsv', 'export-png', 'export-svg', 'export-csv']) {
    setFlag(button(id), 'disabled', busy || st.exporting !== null || st.vocab === null);
  }
  if (langChanged || st.exporting !== prev.exporting) {
    $('vectors-note').textContent = st.exporting === null ? '' : t('export.writing', { name: st.exporting });
  }
  setFlag(input('import'), 'disabled', busy);
  if (!prev || st.presenting !== prev.presenting) {
    document.body.classList.toggle('presenting', st.presenting);
    $('present').setAttribute('aria-pressed', String(st.presenting));
  }
  if (langChanged || st.shortcutsShown !== prev.shortcutsShown) {
    $('shortcuts-help').hidden = !st.shortcutsShown;
    $('shortcuts').setAttribute('aria-expanded', String(st.shortcutsShown));
    if (st.shortcutsShown) renderShortcuts($('shortcuts-list'), SHORTCUTS, t);
  }
  if (langChanged || st.shareNote !== prev.shareNote) $('share-note').textContent = st.shareNote ? t(st.shareNote) : '';
  if (langChanged || st.vectorsError !== prev.vectorsError) {
    $('vectors-error').hidden = st.vectorsError === null;
    $('vectors-error').textContent = st.vectorsError ?? '';
  }

  if (langChanged || st.projection !== prev.projection || st.axesText !== prev.axesText || st.projectionError !== prev.projectionError) {
    renderProjection(st, t);
  }
  if (langChanged || st.snapshot !== prev.snapshot) {
    const ex = st.snapshot?.explained ?? [];
    setText($('explained'), ex.length === 2 ? t('plot.explained', { x: (ex[0] * 100).toFixed(0), y: (ex[1] * 100).toFixed(0) }) : '');
  }
  if (!prev || st.lossCurve !== prev.lossCurve || st.history.index !== prev.history.index) {
    const marks = st.snapshot?.history;
    renderLoss(/** @type {HTMLCanvasElement} */ ($('loss')), st.lossCurve, {
      epochs: epochMeans(st.lossCurve, st.snapshot?.progress.epochs ?? 1),
      cursor: marks && st.history.index !== null ? momentFraction(marks, st.history.index) : null,
    });
  }
}

/**
 * The answers to the user's questions: the neighbours of the query word, the analogy, the pairs'
 * similarities. Rendered apart from the rest of the page (`renderer`): while training, these
 * lists change with every snapshot, and drawn in the same frame as the numbers and the status
 * they made it the longest of the page's frames.
 * @param {AppState} st @param {AppState | null} prev
 */
export function renderAnswers(st, prev) {
  if (prev && st.lang === prev.lang && st.answers === prev.answers) return;
  const t = translator(st.lang);
  const a = st.answers;
  const n = a?.neighbours;
  const unknown = n && n.suggestions.length > 0 ? t('neighbours.suggest', { word: n.word.trim(), words: n.suggestions.join(', ') }) : null;
  renderScored($('neighbours'), n?.list ?? [], unknown ?? n?.error ?? (st.query.trim() ? null : t('empty.neighbours')));
  renderScored($('analogy'), a?.analogy.list ?? [], a?.analogy.error ?? (st.analogy.every((w) => w.trim()) ? null : t('empty.analogy')));
  renderPairs(/** @type {HTMLTableSectionElement} */ ($('pairs-body')), a?.pairs ?? []);
}

/**
 * The projection controls: the choice, its parameter or its four words, what it shows, and why
 * it could not be shown.
 * @param {AppState} st @param {import('../core/i18n.js').Translate} t
 */
function renderProjection(st, t) {
  const p = st.projection;
  /** @type {HTMLSelectElement} */ ($('projection')).value = p.kind;
  $('perplexity-row').hidden = p.kind !== 'tsne';
  $('neighbours-row').hidden = p.kind !== 'umap';
  $('axes-row').hidden = p.kind !== 'axes';
  if (p.kind === 'tsne') setValue(input('perplexity'), String(p.perplexity));
  if (p.kind === 'umap') setValue(input('umap-neighbours'), String(p.neighbours));
  ['axis-x-from', 'axis-x-to', 'axis-y-from', 'axis-y-to'].forEach((id, i) => setValue(input(id), st.axesText[i]));
  const n = Math.min(LAYOUT_POINTS, st.vocab?.words.length ?? LAYOUT_POINTS).toLocaleString();
  const [a, b, c, d] = p.kind === 'axes' ? p.words : ['', '', '', ''];
  $('projection-note').textContent =
    p.kind === 'tsne' ? t('note.tsne', { n, perplexity: p.perplexity })
    : p.kind === 'umap' ? t('note.umap', { n, k: p.neighbours })
    : p.kind === 'axes' ? (p.words.every((w) => w.trim()) ? t('note.axes', { a, b, c, d }) : t('note.axesEmpty'))
    : t('note.pca');
  $('projection-error').hidden = st.projectionError === null;
  $('projection-error').textContent = st.projectionError ?? '';
}

/**
 * The note saying which settings the page chose for the user's own text, with Undo.
 * @param {AppState} st @param {import('../core/i18n.js').Translate} t
 */
function renderOwnText(st, t) {
  const note = st.ownText;
  $('own-note').hidden = note === null;
  if (!note) return;
  const s = note.settings;
  const settings = t('own.summary', {
    arch: t(`architecture.${s.architecture}`),
    output: t(`output.${s.output}`),
    dim: s.dim,
    epochs: s.epochs,
    minCount: s.minCount,
    chinese: t('own.chinese', { value: t(`chinese.${s.chinese}`) }),
  });
  $('own-note-text').textContent = `${t('own.note', { tokens: note.tokens.toLocaleString(), settings })} `;
}

/**
 * How long training has left at the chosen speed; in slow motion over a minute, a warning and a
 * one-click switch to full speed.
 * @param {AppState} st @param {import('../core/i18n.js').Translate} t
 */
function renderEstimate(st, t) {
  const e = estimate(st, SPEEDS);
  const slowAndLong = e !== null && e.slow && e.seconds !== null && e.seconds > 60;
  setFlag($('full-speed'), 'hidden', !slowAndLong);
  $('estimate').classList.toggle('warning', slowAndLong);
  if (e === null) {
    setText($('estimate-text'), '');
    return;
  }
  const speed = SPEEDS[st.speedLevel];
  const speedText = speed === null ? t('speed.full') : t('speed.value', { n: speed.toLocaleString() });
  if (e.seconds === null) {
    setText($('estimate-text'), t('estimate.words', { words: Math.round(e.words).toLocaleString() }));
    return;
  }
  const d = duration(e.seconds);
  const time = t(d.key, { n: d.n });
  setText($('estimate-text'), slowAndLong ? `${t('estimate.slow', { time })} ` : t('estimate.time', { time, speed: speedText }));
}

/**
 * The plot's data, when what it shows changed.
 * @param {AppState} st @param {AppState | null} prev @param {import('../views/plot/plot-canvas.js').EmbeddingPlot} plot
 */
export function renderPlot(st, prev, plot) {
  if (!prev || st.snapshot !== prev.snapshot || st.answers !== prev.answers || st.query !== prev.query || st.analogy !== prev.analogy || st.colourBy !== prev.colourBy || st.vocab !== prev.vocab || st.history !== prev.history) {
    const data = plotData(st);
    if (data) plot.setData(data);
    else if (st.vocab === null) plot.clear();
  }
}

/** The teaching views render while they are on screen or this close to it (a root margin): a
 * reader scrolling down finds them already drawn. */
const TEACHING_MARGIN = '50% 0px';

/**
 * The store's listener: the plot at once; the page, the answers and the teaching views, each
 * apart, at once too, except a change that is only a new snapshot while training. That waits
 * until PANELS_EVERY_MS have passed since the part was last rendered (and is then rendered with
 * whatever came meanwhile); the three parts are kept a quarter of a period apart, so that no two
 * fall in the same frame. Out of sight (TEACHING_MARGIN), the teaching views skip the snapshots of
 * training, whose lists and numbers would cost the main thread style, layout and paint four times
 * a second for nothing, and catch up when they come into view; every other change (a traced step,
 * a setting, Pause) they render in the frame after the page's, not in the same one (Pause made
 * the page and the views' catch-up one long task).
 * @param {() => AppState} get  the state now
 * @param {{plot: import('../views/plot/plot-canvas.js').EmbeddingPlot, settingInputs: Map<string, HTMLInputElement | HTMLSelectElement>}} parts
 * @returns {(st: AppState) => void}
 */
export function renderer(get, parts) {
  /** @type {AppState | null} the state the plot was last given */
  let plotted = null;
  /** @type {AppState | null} the state the teaching views last showed */
  let taught = null;
  let waiting = false;
  const drawTeaching = () => {
    waiting = false;
    const st = get();
    renderTeaching(st, taught, translator(st.lang));
    taught = st;
  };
  const teach = () => {
    if (taught === null || teachingShown()) drawTeaching();
    else if (!waiting && !snapshotOnly(get(), taught)) {
      waiting = true;
      afterNextFrame(() => {
        if (waiting) drawTeaching();
      });
    }
  };
  const teachingShown = inView($('teach'), TEACHING_MARGIN, drawTeaching);
  const page = paced(get, (st, prev) => render(st, prev, parts), 0);
  const answers = paced(get, renderAnswers, PANELS_EVERY_MS / 4);
  const teaching = paced(get, teach, PANELS_EVERY_MS / 2);
  return (st) => {
    renderPlot(st, plotted, parts.plot);
    plotted = st;
    page(st);
    answers(st);
    teaching(st);
  };
}
