// <word2vec-demo>: the demo as one element, for a blog post or a course page.
//
//   <script type="module" src="word2vec-demo.js"></script>
//   <word2vec-demo preset="royal" arch="skipgram" autoplay views="plot,analogy"></word2vec-demo>
//
// Each element runs its own training worker (the same worker, protocol and wasm core as the full
// page), so several can sit on one page and train side by side. It shows a Train / Pause / Reset
// bar with the status, the live plot, and the panels `views` names ("plot", "similarity",
// "analogy"; default all three; "history" adds the slider "Training history" under the plot), in
// English or Chinese (`lang`). Attributes:
//   preset    tutorial, eat-drink, transformer, royal (default), zh-classics, polysemy; or the
//             post's own text as the element's content, which wins over a preset:
//             <word2vec-demo chinese="words">深度学习改变了世界 …</word2vec-demo> (settings for
//             a text of its size, as the page chooses them for a pasted text)
//   arch      cbow | skipgram        output  softmax | negative | hierarchical
//   chinese   words (cut into words) | characters | spaces (as written)
//   dim, window, epochs, seed        numbers, checked against the same ranges as the page's form
//   autoplay  train as soon as the corpus is loaded
//   views     which parts to show     lang    en | zh
// A small API, every method a Promise: train(), pause(), reset(), nearest(word, k),
// similarity(a, b), analogy(a, b, c, k), history() (the moments of training kept so far:
// words trained, fraction, epoch, loss) and at(fraction) (shows the moment nearest that fraction of
// training, plot and answers as they were; at(1) is now); events `progress` (detail: the training
// progress) and `done`. Attributes are read when the element connects; changing them later reloads it.
//
// Its styles are adopted into a shadow root, so neither the post's CSS nor its
// Content-Security-Policy (no inline styles) gets in the way.

import { WorkerClient, startWorker } from '../core/client.js';
import { errorMessage } from '../core/errors.js';
import { translator } from '../core/i18n.js';
import { checkSettings, FIELDS, rawFromSettings, SCHEMA } from '../core/settings.js';
import { ANSWERS, NO_QUERIES } from '../core/protocol.js';
import { createStore } from '../core/store.js';
import { plotData } from '../app/state.js';
import { frameFetcher, indexFor, initialHistory, momentFraction, moments, nearestMoment, sliderValue } from '../app/replay.js';
import { renderReadout } from '../views/history-panel.js';
import { percent, renderScored, renderStatus } from '../views/panels.js';
import { EmbeddingPlot } from '../views/plot/plot-canvas.js';
import scoredCss from '../views/scored.css?inline';
import css from './widget.css?inline';

/** Neighbours of the query word the element lists (a small panel beside its plot). */
const NEIGHBOURS_SHOWN = 8;

/** @typedef {import('../core/protocol.js').Settings} Settings */
/** @typedef {import('../core/protocol.js').Queries} Queries */
/** @typedef {import('../core/protocol.js').Scored} Scored */

/**
 * The element's state (the plot reads it as the page's: app/state.js `PlotSource`).
 * @typedef {object} WidgetState
 * @property {import('../core/i18n.js').Lang} lang
 * @property {import('../core/protocol.js').RunState | 'loading'} run
 * @property {string | null} error
 * @property {import('../core/protocol.js').Vocabulary | null} vocab
 * @property {import('../core/protocol.js').Snapshot | null} snapshot
 * @property {import('../core/protocol.js').Answers | null} answers
 * @property {string} query
 * @property {[string, string, string]} analogy
 * @property {'frequency'} colourBy
 * @property {import('../app/replay.js').HistoryView} history  the moment of training shown
 */

/** Attributes that name a setting, and the setting. */
/** The element's attribute for each setting that has one (the schema's `attribute`), to its setting. */
const SETTING_ATTRIBUTES = Object.fromEntries(SCHEMA.flatMap((s) => (s.attribute ? [[s.attribute, s.name]] : [])));
/** The views shown unless `views` says otherwise ("history" is asked for by name). */
const VIEWS = ['plot', 'similarity', 'analogy'];

const TEMPLATE = `
  <div class="toolbar" role="toolbar">
    <button class="primary" data-do="train"></button>
    <button data-do="pause"></button>
    <button data-do="reset"></button>
  </div>
  <p class="status" role="status" data-state="idle"></p>
  <progress max="100" value="0"></progress>
  <div class="plot" data-view="plot"><canvas></canvas><div class="tooltip" hidden></div></div>
  <div class="history" data-view="history">
    <label><span data-text="history.slider"></span> <input class="history-slider" type="range" min="0" max="0" step="1" value="0" disabled /></label>
    <span class="history-readout"></span>
  </div>
  <div class="panels">
    <section class="panel" data-view="similarity">
      <h3 data-text="section.similarity"></h3>
      <input class="query" data-label="query" autocomplete="off" />
      <ol class="scored neighbours"></ol>
    </section>
    <section class="panel" data-view="analogy">
      <h3 data-text="section.analogy"></h3>
      <div class="words">
        <input data-slot="0" data-label="analogyA" autocomplete="off" /> :
        <input data-slot="1" data-label="analogyB" autocomplete="off" /> ::
        <input data-slot="2" data-label="analogyC" autocomplete="off" /> : ?
      </div>
      <ol class="scored analogy"></ol>
    </section>
  </div>`;

let sheet = /** @type {CSSStyleSheet | null} */ (null);

export class Word2VecDemo extends HTMLElement {
  static observedAttributes = ['preset', ...Object.keys(SETTING_ATTRIBUTES), 'views', 'lang'];

  constructor() {
    super();
    const root = this.attachShadow({ mode: 'open' });
    if (!sheet) {
      sheet = new CSSStyleSheet();
      sheet.replaceSync(scoredCss + css);
    }
    root.adoptedStyleSheets = [sheet];
    root.innerHTML = TEMPLATE;
    this.root = root;
    /** @type {import('../core/store.js').Store<WidgetState>} */
    this.store = createStore(/** @type {WidgetState} */ ({ lang: 'en', run: 'loading', error: null, vocab: null, snapshot: null, answers: null, query: '', analogy: ['', '', ''], colourBy: 'frequency', history: initialHistory() }));
    /** @type {WorkerClient | null} */
    this.client = null;
    /** Resolves once the corpus is loaded (rejects with why it could not be). @type {Promise<void>} */
    this.ready = new Promise(() => {});
    const q = (/** @type {string} */ s) => /** @type {HTMLElement} */ (root.querySelector(s));
    this.plot = new EmbeddingPlot(/** @type {HTMLCanvasElement} */ (q('canvas')), q('.tooltip'), {
      onSelect: (id) => {
        this.store.update({ query: id >= 0 ? (this.store.get().vocab?.words[id] ?? '') : '' });
        this.sendQueries();
      },
      describe: (id) => this.store.get().vocab?.words[id] ?? '',
    });
    for (const button of root.querySelectorAll('button')) {
      button.addEventListener('click', () => {
        const what = button.dataset.do;
        const done = what === 'train' ? this.train() : what === 'pause' ? this.pause() : this.reset();
        done.catch(() => {});
      });
    }
    q('.query').addEventListener('input', (e) => {
      this.store.update({ query: /** @type {HTMLInputElement} */ (e.target).value });
      this.sendQueries();
    });
    for (const input of root.querySelectorAll('[data-slot]')) {
      input.addEventListener('input', () => {
        const analogy = /** @type {[string, string, string]} */ ([...this.store.get().analogy]);
        analogy[Number(/** @type {HTMLElement} */ (input).dataset.slot)] = /** @type {HTMLInputElement} */ (input).value;
        this.store.update({ analogy });
        this.sendQueries();
      });
    }
    this.fetchFrame = frameFetcher(
      (index) => /** @type {WorkerClient} */ (this.client).request({ type: 'historyAt', index }),
      () => this.store.get().history.index,
      (frame) => this.store.update((st) => ({ history: { ...st.history, frame }, answers: frame.answers })),
    );
    const slider = /** @type {HTMLInputElement} */ (q('.history-slider'));
    slider.addEventListener('input', () => {
      this.show(indexFor(Number(slider.value), moments(this.store.get()).length)).catch(() => {});
    });
    this.store.subscribe((st, prev) => this.render(st, prev));
  }

  /**
   * Show moment `index` of the history (null: now). Resolves when it is shown.
   * @param {number | null} index
   */
  async show(index) {
    if (index === null) {
      this.store.update((st) => ({ history: { ...st.history, index: null, frame: null }, answers: st.snapshot?.answers ?? st.answers }));
      return;
    }
    this.store.update((st) => ({ history: { ...st.history, index } }));
    await this.fetchFrame();
  }

  connectedCallback() {
    if (!this.client) this.start();
  }

  disconnectedCallback() {
    this.client?.terminate();
    this.client = null;
  }

  attributeChangedCallback() {
    // Read when connecting; a change afterwards starts over with the new attributes.
    if (this.client) {
      this.client.terminate();
      this.start();
    }
  }

  /** A new worker, the preset with the attributes' settings, then train if `autoplay`. */
  start() {
    const lang = this.getAttribute('lang') === 'zh' ? 'zh' : 'en';
    const views = (this.getAttribute('views') ?? VIEWS.join(',')).split(',').map((v) => v.trim());
    for (const el of this.root.querySelectorAll('[data-view]')) {
      /** @type {HTMLElement} */ (el).hidden = !views.includes(/** @type {HTMLElement} */ (el).dataset.view ?? '');
    }
    this.store.update({ lang, run: 'loading', error: null, vocab: null, snapshot: null, answers: null, history: initialHistory() });
    this.render(this.store.get(), null);
    /** @type {(v: void) => void} */
    let loaded = () => {};
    /** @type {(e: Error) => void} */
    let failed = () => {};
    this.ready = new Promise((ok, fail) => {
      loaded = ok;
      failed = fail;
    });
    this.ready.catch(() => {});
    this.client = new WorkerClient(startWorker, {
      onReady: () => this.load().then(loaded, failed),
      onSnapshot: (snapshot) => {
        // A past moment keeps its answers; a new model (fewer moments) starts a new history.
        this.store.update((st) => (moments({ snapshot }).length < moments(st).length
          ? { snapshot, answers: snapshot.answers, history: initialHistory() }
          : { snapshot, answers: st.history.index === null ? snapshot.answers : st.answers }));
        this.dispatchEvent(new CustomEvent('progress', { detail: { ...snapshot.progress, percent: percent(snapshot.progress) } }));
      },
      onState: (run, error) => {
        this.store.update({ run, error });
        if (run === 'done') this.dispatchEvent(new CustomEvent('done', { detail: this.store.get().snapshot?.progress ?? null }));
      },
      onCrash: (error) => this.store.update({ run: 'error', error }),
    });
  }

  /** Load the preset under the attributes' settings (refused values say which and why). */
  async load() {
    const client = /** @type {WorkerClient} */ (this.client);
    const t = translator(this.store.get().lang);
    try {
      // The post's own text (the element's content), or a preset.
      const own = (this.textContent ?? '').trim();
      const p = own
        ? { text: own, settings: (await client.request({ type: 'ownTextSettings', sample: own, bytes: new Blob([own]).size })).settings, query: '', analogy: /** @type {[string, string, string]} */ (['', '', '']) }
        : await client.request({ type: 'preset', name: this.getAttribute('preset') ?? 'royal' });
      const raw = rawFromSettings(p.settings);
      for (const [attribute, name] of Object.entries(SETTING_ATTRIBUTES)) {
        const value = this.getAttribute(attribute);
        if (value !== null) raw[name] = value;
      }
      const { settings, errors } = checkSettings(raw, p.settings);
      if (!settings) {
        const [name, error] = /** @type {[string, import('../core/settings.js').FieldError]} */ (Object.entries(errors)[0]);
        const field = FIELDS.find((f) => f.name === name);
        throw new Error(`${t(field?.key ?? name)}: ${t(error.key, error.params)}`);
      }
      const vocab = await client.request({ type: 'load', corpus: p.text, settings, userWords: '' });
      this.store.update({ vocab, query: p.query, analogy: p.analogy });
      this.sendQueries();
      if (this.hasAttribute('autoplay')) await client.request({ type: 'train' });
    } catch (e) {
      this.store.update({ run: 'error', error: errorMessage(e) });
      throw e;
    }
  }

  sendQueries() {
    const st = this.store.get();
    /** @type {Queries} */
    const queries = { ...NO_QUERIES, word: st.query, k: NEIGHBOURS_SHOWN, analogy: st.analogy };
    this.client?.request({ type: 'queries', queries }).then((answers) => {
      if (this.store.get().history.index === null) this.store.update({ answers });
    }, () => {});
    if (st.history.index !== null) this.fetchFrame();
  }

  /** @param {import('../core/protocol.js').Request['type'] & ('train' | 'pause' | 'reset')} type */
  async control(type) {
    await this.ready;
    const client = this.client;
    if (!client) throw new Error('the element is not on a page');
    if (type === 'train' && this.store.get().run === 'done') await client.request({ type: 'reset' });
    await client.request({ type });
    return this.store.get().run;
  }

  /** Start or resume training (from the start again once done). Resolves to the run state. */
  train() {
    return this.control('train');
  }

  pause() {
    return this.control('pause');
  }

  /** Back to the untrained model (the same seed gives the same start). */
  reset() {
    return this.control('reset');
  }

  /**
   * Ask the worker once, without changing what the element shows.
   * @param {Partial<Queries>} q
   */
  async ask(q) {
    await this.ready;
    if (!this.client) throw new Error('the element is not on a page');
    return this.client.request({ type: 'ask', queries: { ...NO_QUERIES, ...q } });
  }

  /** The `k` nearest words to `word` by cosine. @param {string} word @returns {Promise<Scored[]>} */
  async nearest(word, k = ANSWERS.neighbours) {
    const { neighbours } = await this.ask({ word, k });
    if (neighbours.error) throw new Error(neighbours.error);
    return neighbours.list;
  }

  /** Cosine similarity of two words. @param {string} a @param {string} b @returns {Promise<number>} */
  async similarity(a, b) {
    const [pair] = (await this.ask({ pairs: [[a, b]] })).pairs;
    if (pair.score === null) throw new Error(pair.error ?? 'no score');
    return pair.score;
  }

  /** a : b :: c : ? @param {string} a @param {string} b @param {string} c @returns {Promise<Scored[]>} */
  async analogy(a, b, c, k = ANSWERS.analogy) {
    const { analogy } = await this.ask({ analogy: [a, b, c], analogyK: k });
    if (analogy.error) throw new Error(analogy.error);
    return analogy.list;
  }

  /**
   * The moments of training the history keeps so far, oldest first (the first is the initial
   * random vectors).
   * @returns {Promise<{wordsDone: number, fraction: number, epoch: number, loss: number | null}[]>}
   */
  async history() {
    await this.ready;
    const marks = this.store.get().snapshot?.history;
    if (!marks) return [];
    return marks.moments.map((m, i) => ({ ...m, fraction: momentFraction(marks, i) }));
  }

  /**
   * Show training as it was at `fraction` (0: the initial vectors, 1: now), plot and answers;
   * resolves to the moment shown.
   * @param {number} fraction
   */
  async at(fraction) {
    await this.ready;
    const marks = this.store.get().snapshot?.history;
    if (!marks || marks.moments.length === 0) throw new Error('nothing trained yet');
    const i = nearestMoment(marks.moments, marks.totalWords, Math.min(1, Math.max(0, fraction)));
    await this.show(indexFor(i, marks.moments.length));
    return { ...marks.moments[i], fraction: momentFraction(marks, i) };
  }

  /** The training progress of the last picture (null before one). */
  get progress() {
    return this.store.get().snapshot?.progress ?? null;
  }

  /** @param {WidgetState} st @param {WidgetState | null} prev */
  render(st, prev) {
    const t = translator(st.lang);
    const root = this.root;
    if (!prev || st.lang !== prev.lang) {
      const names = /** @type {Record<string, string>} */ ({ train: 'train', pause: 'pause', reset: 'reset' });
      for (const b of root.querySelectorAll('button')) b.textContent = t(names[b.dataset.do ?? ''] ?? '');
      for (const el of root.querySelectorAll('[data-text]')) el.textContent = t(/** @type {HTMLElement} */ (el).dataset.text ?? '');
      for (const el of root.querySelectorAll('[data-label]')) el.setAttribute('aria-label', t(/** @type {HTMLElement} */ (el).dataset.label ?? ''));
    }
    const p = st.snapshot?.progress ?? null;
    renderStatus(/** @type {HTMLElement} */ (root.querySelector('.status')), st.run, p, st.error, t);
    /** @type {HTMLProgressElement} */ (root.querySelector('progress')).value = percent(p);
    const [train, pause, reset] = root.querySelectorAll('button');
    train.disabled = st.run === 'loading' || st.run === 'training';
    pause.disabled = st.run !== 'training';
    reset.disabled = st.run === 'loading';
    const query = /** @type {HTMLInputElement} */ (root.querySelector('.query'));
    if (root.activeElement !== query) query.value = st.query;
    for (const input of root.querySelectorAll('[data-slot]')) {
      const i = Number(/** @type {HTMLElement} */ (input).dataset.slot);
      if (root.activeElement !== input) /** @type {HTMLInputElement} */ (input).value = st.analogy[i];
    }
    if (!prev || st.answers !== prev.answers || st.lang !== prev.lang) {
      const a = st.answers;
      renderScored(/** @type {HTMLElement} */ (root.querySelector('.neighbours')), a?.neighbours.list ?? [], a?.neighbours.error ?? null);
      renderScored(/** @type {HTMLElement} */ (root.querySelector('.analogy')), a?.analogy.list ?? [], a?.analogy.error ?? null);
    }
    const marks = st.snapshot?.history ?? null;
    if (!prev || st.history !== prev.history || marks !== (prev.snapshot?.history ?? null) || st.lang !== prev.lang) {
      const count = marks?.moments.length ?? 0;
      const slider = /** @type {HTMLInputElement} */ (root.querySelector('.history-slider'));
      const value = sliderValue(st.history, count);
      slider.max = String(Math.max(0, count - 1));
      slider.value = String(value);
      slider.disabled = count < 2;
      renderReadout(/** @type {HTMLElement} */ (root.querySelector('.history-readout')), marks, value, st.history.index === null, t);
    }
    if (!prev || st.snapshot !== prev.snapshot || st.answers !== prev.answers || st.vocab !== prev.vocab || st.history !== prev.history) {
      const data = plotData(st);
      if (data) this.plot.setData(data);
      else if (st.vocab === null) this.plot.clear();
    }
  }
}

if (!customElements.get('word2vec-demo')) customElements.define('word2vec-demo', Word2VecDemo);
