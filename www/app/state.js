// The page's state: its shape, its start, and the pure functions that derive from it.
// No DOM: tests/js/state.test.mjs checks them under Node.

import { detectLang } from '../core/i18n.js';
import { SPEEDS } from '../core/settings.js';
import { initialHistory, showingPast } from './replay.js';

/** @typedef {import('../core/protocol.js').Settings} Settings */
/** @typedef {import('../core/protocol.js').Snapshot} Snapshot */
/** @typedef {import('../core/protocol.js').Vocabulary} Vocabulary */
/** @typedef {import('../core/protocol.js').Answers} Answers */
/** @typedef {import('../core/protocol.js').RunState} RunState */
/** @typedef {import('../core/settings.js').FieldError} FieldError */
/** @typedef {import('../core/i18n.js').Lang} Lang */
/** @typedef {import('../views/plot/plot.js').PlotData} PlotData */

/**
 * @typedef {object} AppState
 * @property {Lang} lang
 * @property {string} preset            a preset name, or 'custom' once the text is the user's
 * @property {string} corpus
 * @property {Record<string, string | boolean>} raw   the form's values as typed
 * @property {Partial<Record<string, FieldError>>} errors
 * @property {Settings | null} base     the preset's settings (supplies fields the form hides)
 * @property {Vocabulary | null} vocab
 * @property {RunState | 'loading'} run
 * @property {string | null} error
 * @property {Snapshot | null} snapshot
 * @property {Answers | null} answers
 * @property {{x: number, loss: number}[]} lossCurve
 * @property {string} query
 * @property {string} pairsText
 * @property {[string, string, string]} analogy
 * @property {number} speedLevel
 * @property {'frequency' | 'cluster'} colourBy
 * @property {import('../core/protocol.js').Trace | null} trace  the last traced position
 * @property {number} traceSample       which of its samples the step view shows
 * @property {Map<number, number>} drawn  noise words drawn in traced steps, by word id
 * @property {boolean} running          "Run" in the step view: tracing continuously
 * @property {number} shownPower        the exponent on the noise view's slider (what the view shows, not a setting)
 * @property {Float64Array | null} noise  P_n for that power
 * @property {import('../core/protocol.js').Tree | null} tree
 * @property {string} blank             the fill-in-the-blank context
 * @property {import('../core/protocol.js').Prediction | null} prediction
 * @property {number} lessonStep        the guided lesson's step, -1 before it starts
 * @property {File | null} corpusFile   a large file the worker streams (the text box shows its start)
 * @property {number | null} readProgress  fraction of that file read so far, while reading
 * @property {number} threads           training threads the worker can run at once (engine.js)
 * @property {boolean} crashed          the worker died (a trap, out of memory): Restart is offered
 * @property {boolean} replaced         the corpus file was not all UTF-8 (bytes replaced by U+FFFD)
 * @property {boolean} importing        a vector file is being read (readProgress is its progress)
 * @property {string | null} exporting  the name of the vector file being written
 * @property {string | null} vectorsError  why an export or import could not start
 * @property {string | null} shareNote  i18n key of what "Copy link" did (or why a link failed)
 * @property {import('../core/protocol.js').Projection} projection  how the plot places the words
 * @property {[string, string, string, string]} axesText  the custom axes' four words as typed
 * @property {string | null} projectionError  why the chosen projection is not shown
 * @property {boolean} shortcutsShown   the keyboard shortcuts' list is open
 * @property {boolean} presenting       present mode: the plot and the answers alone, large
 * @property {boolean} applying         a change of corpus or settings is pending or being loaded
 * @property {string} userWords         the Dictionary words box: one word a line
 * @property {OwnTextNote | null} ownText  own-text settings the page chose for the user's text
 * @property {boolean} handEdited       a setting was changed by hand since the corpus was chosen
 * @property {{key: string, wordsPerSecond: number} | null} fullSpeedRate  the last full-speed
 *   training's measured rate, and the settings it was measured under (`rateKey`)
 * @property {boolean} segmenting       Chinese is being cut into words (the dictionary arriving)
 * @property {CompareSide[]} compare    Compare's two sides (none before it first trains)
 * @property {import('./replay.js').HistoryView} history  the training history: the moment shown, replay
 */

/**
 * One side of Compare (app/compare.js): the setting it changes and what its training reported.
 * @typedef {object} CompareSide
 * @property {string} label     the values it sets, e.g. "architecture = skipgram"
 * @property {string[]} words
 * @property {Uint32Array} counts
 * @property {Snapshot | null} snapshot
 * @property {{x: number, loss: number}[]} loss
 * @property {RunState} run
 * @property {string | null} error
 */

/**
 * The settings the page put in place when the user's text replaced a preset's, and what was there
 * before (Undo puts it back).
 * @typedef {object} OwnTextNote
 * @property {Settings} settings
 * @property {{base: Settings | null, raw: Record<string, string | boolean>, speedLevel: number, query: string, pairsText: string, analogy: [string, string, string]}} previous
 * @property {number} tokens  the text's estimated length the settings were derived from
 */

export const MAX_LOSS_POINTS = 600;

/**
 * The state of a fresh page: language and preset from the URL (or the browser), nothing loaded.
 * @param {string} search  location.search
 * @param {readonly string[]} languages  navigator.languages
 * @param {import('./saved.js').SavedWork | null} [saved]  what the last visit left (saved.js)
 * @returns {AppState}
 */
export function initialState(search, languages, saved = null) {
  const url = new URLSearchParams(search);
  // A link's ?lang= and ?preset= win over what was saved, which wins over the browser's language.
  const urlLang = url.get('lang');
  return {
    lang: urlLang === 'en' || urlLang === 'zh' || !saved ? detectLang(search, languages) : saved.lang,
    preset: url.get('preset') ?? saved?.preset ?? 'tutorial',
    corpus: '',
    raw: {},
    errors: {},
    base: null,
    vocab: null,
    run: 'loading',
    error: null,
    snapshot: null,
    answers: null,
    lossCurve: [],
    query: '',
    pairsText: '',
    analogy: ['', '', ''],
    speedLevel: SPEEDS.length - 1,
    colourBy: 'frequency',
    trace: null,
    traceSample: 0,
    drawn: new Map(),
    running: false,
    shownPower: 0.75,
    noise: null,
    tree: null,
    blank: '',
    prediction: null,
    lessonStep: -1,
    corpusFile: null,
    readProgress: null,
    threads: 1,
    crashed: false,
    replaced: false,
    importing: false,
    exporting: null,
    vectorsError: null,
    shareNote: null,
    projection: { kind: 'pca' },
    axesText: ['', '', '', ''],
    projectionError: null,
    shortcutsShown: false,
    presenting: false,
    applying: false,
    userWords: saved?.userWords ?? '',
    ownText: null,
    handEdited: false,
    fullSpeedRate: null,
    segmenting: false,
    compare: [],
    history: initialHistory(),
  };
}

/** A Compare side about to train, labelled with what it sets. @param {string} label @returns {CompareSide} */
export function compareSide(label) {
  return { label, words: [], counts: new Uint32Array(0), snapshot: null, loss: [], run: 'idle', error: null };
}

/**
 * Compare's sides with side `i` changed (the others kept as they are, so they need no redraw).
 * @param {CompareSide[]} sides @param {number} i @param {Partial<CompareSide>} change
 * @returns {CompareSide[]}
 */
export function withSide(sides, i, change) {
  return sides.map((side, j) => (j === i ? { ...side, ...change } : side));
}

/**
 * Noise words drawn in a traced step, added to the running counts (negative sampling only).
 * @param {Map<number, number>} drawn @param {import('../core/protocol.js').Trace} trace
 * @param {string} output @returns {Map<number, number>}
 */
export function addDrawn(drawn, trace, output) {
  if (output !== 'negative') return drawn;
  const next = new Map(drawn);
  for (const s of trace.samples) {
    for (const d of s.decisions) if (d.label === 0) next.set(d.row, (next.get(d.row) ?? 0) + 1);
  }
  return next;
}

/**
 * What the plot and the word lookups read of a state (the page's, or a `<word2vec-demo>`'s).
 * @typedef {Pick<AppState, 'vocab' | 'snapshot' | 'answers' | 'analogy' | 'query' | 'colourBy'> & {history?: AppState['history']}} PlotSource
 *   history: when a past moment is shown, the plot is that moment's, with the words' trails
 */

/**
 * A word's id in the loaded vocabulary, or −1. A linear search, but ids are by frequency, so the
 * words people ask about are found early, and even a miss over 50,000 words takes about 0.1 ms:
 * cheaper than building a word → id map for every vocabulary (30 ms at 50,000 words, in one
 * main-thread task). Each answer is remembered for its vocabulary: every snapshot asks again
 * for the same dozen words (query, neighbours, analogy), and misses are the dear ones.
 * @param {PlotSource} st @param {string} word
 */
export function wordId(st, word) {
  if (!st.vocab) return -1;
  let known = askedIds.get(st.vocab.words);
  if (!known) {
    known = new Map();
    askedIds.set(st.vocab.words, known);
  }
  const w = word.trim();
  let id = known.get(w);
  if (id === undefined) {
    id = st.vocab.words.indexOf(w);
    // A bound on what is remembered, whatever is typed.
    if (known.size > 10000) known.clear();
    known.set(w, id);
  }
  return id;
}

/** The ids asked for so far, by vocabulary (its words array). */
/** @type {WeakMap<string[], Map<string, number>>} */
const askedIds = new WeakMap();

/**
 * The word whose Huffman path to show: the last traced target, else the query word.
 * @param {AppState} st
 */
export function pathWord(st) {
  const traced = st.trace?.samples[Math.min(st.traceSample, st.trace.samples.length - 1)];
  if (traced) return traced.target;
  return wordId(st, st.query);
}

/**
 * The loss curve with a snapshot's mean loss appended (x = fraction of training done).
  * @param {{x: number, loss: number}[]} curve @param {Snapshot} s
 */
export function addLoss(curve, s) {
  if (s.loss === null || s.progress.totalWords === 0) return curve;
  const next = [...curve, { x: s.progress.wordsDone / s.progress.totalWords, loss: s.loss }];
  if (next.length <= MAX_LOSS_POINTS) return next;
  // Keep the curve short: halve its resolution when it grows too long, each pair of points
  // becoming their mean (at the later one's x), so no stretch of training drops out of it; the
  // newest point stays as it is.
  const last = /** @type {{x: number, loss: number}} */ (next.pop());
  /** @type {{x: number, loss: number}[]} */
  const halved = [];
  for (let i = 0; i < next.length; i += 2) {
    const b = next[i + 1] ?? next[i];
    halved.push({ x: b.x, loss: (next[i].loss + b.loss) / 2 });
  }
  return [...halved, last];
}

/**
 * What the plot shows for a state, or null before a model matching the vocabulary exists.
 * Highlighted: the neighbours of the query word and the analogy's words.
 * @param {PlotSource} st @returns {PlotData | null}
 */
export function plotData(st) {
  if (!st.vocab || !st.snapshot || st.snapshot.coords.length !== st.vocab.words.length * 2) return null;
  const past = showingPast(st.history) ? st.history?.frame ?? null : null;
  const id = (/** @type {string} */ w) => wordId(st, w);
  const highlighted = new Set();
  for (const s of st.answers?.neighbours.list ?? []) highlighted.add(id(s.word));
  const [a, b, c] = st.analogy.map(id);
  const top = st.answers?.analogy.list[0];
  const analogy = a >= 0 && b >= 0 && c >= 0 ? { a, b, c, d: top ? id(top.word) : -1 } : null;
  if (analogy) for (const w of [a, b, c, analogy.d]) highlighted.add(w);
  highlighted.delete(-1);
  return {
    words: st.vocab.words,
    counts: st.vocab.counts,
    coords: past ? past.coords : st.snapshot.coords,
    clusters: past ? past.clusters : st.snapshot.clusters,
    colourBy: st.colourBy,
    selected: id(st.query),
    highlighted,
    analogy,
    ...trails(st, past),
  };
}

/**
 * The words' trails through training (the region's), drawn when the plot is on the history's
 * axes: a past moment, or the end of training in PCA (the history's axes are the last moment's
 * PCA, turned the live plot's way).
 * @param {PlotSource} st @param {import('../core/protocol.js').HistoryFrame | null} past
 * @returns {{trails?: {id: number, points: number[]}[], trailAt?: number}}
 */
function trails(st, past) {
  const region = st.history?.region;
  if (!region || region.trails.length === 0) return {};
  const end = st.snapshot?.progress.done && st.snapshot.projection === 'pca';
  if (!past && !end) return {};
  return { trails: region.trails, trailAt: past ? past.index : region.wordsDone.length - 1 };
}


/**
 * Training threads for a text of the user's own: as many as the worker can run, less one core
 * left to the page (its main thread, the plot's worker and the compositor draw the training
 * live). On a 2-core VM two training threads trained no faster in the page than one (0.92–1.10×,
 * README) and kept the page's frames waiting for a core: with Chromium slowed 4× they ran
 * 50–190 ms instead of under 50.
 * @param {number} available  threads the worker can run at once (its ready message)
 * @param {number} cores      the machine's logical cores (navigator.hardwareConcurrency)
 */
export function ownTextThreads(available, cores) {
  return Math.max(1, Math.min(available, cores - 1));
}

/**
 * What a training speed depends on: a full-speed rate measured under one set of these holds for
 * the same again.
 * @param {Record<string, string | boolean>} raw @param {number} vocabSize
 */
export function rateKey(raw, vocabSize) {
  return [raw.architecture, raw.output, raw.dim, raw.window, raw.negative, raw.threads, vocabSize].join('|');
}

/**
 * How long training has left, at the chosen speed. In slow motion the speed is exact; at full
 * speed it is the rate measured now (while training) or in the last full-speed training under the
 * same settings; before any, unknown (null).
 * @param {AppState} st
 * @param {readonly (number | null)[]} speeds  words per second of each speed level (null: full)
 * @returns {{words: number, seconds: number | null, slow: boolean} | null}  null: nothing to train
 */
export function estimate(st, speeds) {
  const p = st.snapshot?.progress;
  if (!st.vocab || st.vocab.imported || !p || p.totalWords === 0 || p.done) return null;
  const words = Math.max(0, p.totalWords - p.wordsDone);
  const speed = speeds[st.speedLevel] ?? null;
  if (speed !== null) return { words, seconds: words / speed, slow: true };
  const live = st.run === 'training' && (st.snapshot?.wordsPerSecond ?? 0) > 0 ? st.snapshot?.wordsPerSecond ?? null : null;
  const known = st.fullSpeedRate && st.fullSpeedRate.key === rateKey(st.raw, st.vocab.words.length) ? st.fullSpeedRate.wordsPerSecond : null;
  const rate = live ?? known;
  return { words, seconds: rate ? words / rate : null, slow: false };
}

/**
 * A duration as the page says it: seconds below two minutes, then minutes, then hours.
 * @param {number} seconds @returns {{key: 'time.seconds' | 'time.minutes' | 'time.hours', n: string}}
 */
export function duration(seconds) {
  if (seconds < 120) return { key: 'time.seconds', n: String(Math.max(1, Math.ceil(seconds))) };
  if (seconds < 2 * 3600) return { key: 'time.minutes', n: String(Math.round(seconds / 60)) };
  return { key: 'time.hours', n: (seconds / 3600).toFixed(1) };
}
