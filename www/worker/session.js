// The training session the worker runs: one model, trained in time slices, reported in snapshots.
//
// Nothing here touches the DOM or `postMessage` directly: the worker (worker.js) hands in the
// wasm module, a `post` function, a clock and a scheduler, so the same code runs under Node in
// the unit tests (tests/js/session.test.mjs) with a fake clock.
//
// Its parts, each in a module of its own:
// - what is trained or shown, and where it came from (models.js): a model built from a text or a
//   streamed file (sources.js), Chinese cut into words first when the settings say so; or vectors
//   imported from a file (the explorer module, pkg-explore), which answer the same queries and
//   give the same pictures, with nothing to train;
// - time slicing (runner.js, with pacer.js): training runs in slices of a few milliseconds, so
//   that a pause, step or query message waits at most one; on a small machine each full-speed
//   slice is followed by a rest, so that the page's tasks find a core free (rests.js);
// - snapshots: after a slice that trained, when one is due (pacer.js: at most
//   MAX_SNAPSHOTS_PER_SECOND, spaced by what the last one cost, so a big vocabulary cannot
//   starve training), the words' places and colours (picture.js), the answers to the page's
//   queries (answers.js), the mean loss and the words per second (meters.js), posted with their
//   typed arrays transferred;
// - the training history (recorder.js): W's rows of the most frequent words at about a hundred
//   moments, training stopping exactly at each; the page scrubs through them.

/** @typedef {import('../core/protocol.js').Settings} Settings */
/** @typedef {import('../core/protocol.js').Queries} Queries */
/** @typedef {import('../core/protocol.js').Answers} Answers */
/** @typedef {import('../core/protocol.js').RunState} RunState */
/** @typedef {import('../core/protocol.js').Vocabulary} Vocabulary */
/** @typedef {import('../core/protocol.js').Progress} Progress */
/** @typedef {import('../core/protocol.js').WorkerMessage} WorkerMessage */
/** @typedef {import('../pkg/word2vec_lab.js').Lab} Lab */
/** @typedef {typeof import('../pkg-explore/word2vec_lab.js')} Explore */

/** @typedef {import('./models.js').Explorer} Explorer */
/** @typedef {import('./segmenter.js').Segmenter} Segmenter */
/** @typedef {import('./models.js').Wasm} Wasm */

import { errorMessage, isFatal } from '../core/errors.js';
import { Picture } from './picture.js';
import { answer, weightsHead } from './answers.js';
import { Meters } from './meters.js';
import { Models } from './models.js';
import { Recorder } from './recorder.js';
import { Runner } from './runner.js';
import { NO_QUERIES } from '../core/protocol.js';

/** Words trained by Step at full speed. */
export const STEP_WORDS = 1000;


/** What training and the teaching views say of imported vectors. */
export const IMPORTED = 'imported vectors have no model to train or look inside: load a corpus to train one';

/** Progress of imported vectors: nothing to train, so done. @type {Progress} */
const IMPORTED_PROGRESS = { wordsDone: 0, totalWords: 0, epoch: 0, epochs: 0, alpha: 0, loss: null, predictions: 0, done: true };

export class Session {
  /**
   * @param {Wasm} wasm
   * @param {(msg: WorkerMessage, transfer?: Transferable[]) => void} post
   * @param {{now?: () => number, schedule?: (fn: () => void, delayMs: number) => void, cores?: number, explore?: () => Promise<Explore>, segmenter?: () => Promise<Segmenter>}} [env]
   *   cores: the machine's logical cores; explore: loads the explorer module (once);
   *   segmenter: loads the segmenter (once)
   */
  constructor(wasm, post, env = {}) {
    this.post = post;
    this.now = env.now ?? (() => performance.now());
    this.models = new Models(wasm, env.explore, env.segmenter);
    /** @type {RunState} */
    this.state = 'idle';
    /** @type {number | null} words per second; null = full speed */
    this.speed = null;
    this.queries = NO_QUERIES;
    this.picture = new Picture(this.models.explore);
    this.weightRows = 0;
    this.version = 0;
    /** The run loop: training in time slices. */
    this.runner = new Runner(this, {
      now: this.now,
      schedule: env.schedule ?? ((fn, ms) => setTimeout(fn, ms)),
      cores: env.cores ?? (globalThis.navigator?.hardwareConcurrency || 1),
    });
    this.meters = new Meters();
    /** The training history of the model loaded. */
    this.recorder = new Recorder(this.models.explore);
  }

  /** The model being trained, if one is loaded. */
  get lab() {
    return this.models.lab;
  }

  /** Imported vectors, if they are loaded in place of a model. */
  get imported() {
    return this.models.imported;
  }

  /** The settings of the model loaded. */
  get settings() {
    return this.models.settings;
  }

  /**
   * Build a model for `corpus` under `settings` (replacing any other) and post its untrained
   * picture. Chinese is cut into words first if the settings say so, with the user's words.
   * Throws with the core's message if the settings or the corpus are refused.
   * @param {string} corpus @param {Settings} settings @param {string} [userWords]
   * @returns {Promise<Vocabulary>}
   */
  async load(corpus, settings, userWords = '') {
    const segmenter = await this.guard(() => this.models.segmenterFor(settings, userWords));
    return this.loadText(segmenter ? segmenter.segmentText(corpus) : corpus, settings);
  }

  /**
   * The model for a text as the trainer reads it (models.js `fromText`).
   * @param {string} text @param {Settings} settings @returns {Vocabulary}
   */
  loadText(text, settings) {
    return this.install(this.guard(() => this.models.fromText(text, settings)));
  }

  /**
   * The same from a file, streamed, with `loading` events (bytes read of the total) at most ten
   * a second.
   * @param {Blob} file @param {Settings} settings @param {string} [userWords]
   * @returns {Promise<Vocabulary>}
   */
  async loadFile(file, settings, userWords = '') {
    const segmenter = await this.guard(() => this.models.segmenterFor(settings, userWords));
    const { lab, replaced } = await this.guard(() => this.models.fromFile(file, settings, userWords, segmenter, this.reporting()));
    return { ...this.install(lab), replaced };
  }

  /** A file being read posts `loading` events (bytes read of the total). @returns {import('./sources.js').Reporting} */
  reporting() {
    return { now: this.now, report: (bytes, total) => this.post({ type: 'loading', bytes, total }) };
  }

  /**
   * Vectors from a file (models.js `fromVectors`) in place of a model, pictured like a model that
   * has finished training. Throws the reader's message (with its line or byte).
   * @param {Blob} file @param {string} name  shown with the vocabulary
   * @returns {Promise<Vocabulary>}
   */
  async importVectors(file, name) {
    const imported = await this.guard(() => this.models.fromVectors(file, name, this.reporting()));
    const words = imported.words();
    this.started(words);
    this.recorder.clear();
    this.finish();
    return { words, counts: new Uint32Array(words.length), corpusTokens: 0, dim: imported.dim(), imported: name };
  }

  /**
   * Run `work`; an error from it (thrown, or a promise's rejection) is the session's: reported
   * (`fail`), then thrown on.
   * @template T @param {() => T} work @returns {T}
   */
  guard(work) {
    const failed = (/** @type {unknown} */ e) => {
      this.fail(e);
      throw e;
    };
    try {
      const result = work();
      return result instanceof Promise ? /** @type {T} */ (result.catch(failed)) : result;
    } catch (e) {
      return failed(e);
    }
  }

  /**
   * The current vectors (trained so far, or imported) as a file of `format`, written by the
   * explorer module.
   * @param {import('../core/protocol.js').VectorFileFormat} format @returns {Promise<Uint8Array>}
   */
  async exportVectors(format) {
    return this.models.write(format);
  }

  /**
   * A new model in place: the counters back to zero, its untrained picture posted.
   * @param {Lab} lab @returns {Vocabulary}
   */
  install(lab) {
    const words = lab.words();
    this.started(words);
    this.recorder.start(lab, words);
    this.setState('idle');
    this.snapshot();
    return { words, counts: lab.counts(), corpusTokens: lab.corpusTokens(), dim: lab.dim() };
  }

  /**
   * Counters back to zero for a new set of vectors (and a new layout for them).
   * @param {string[]} words
   */
  started(words) {
    this.models.named(words);
    this.picture.renew(this.settings);
    this.version = 0;
    this.runner.pacer.restart();
    this.meters.reset();
  }

  /**
   * The same corpus and settings from the start: the same seed gives the same initial vectors.
   * (Imported vectors are read again.)
   * @returns {Vocabulary | Promise<Vocabulary>}
   */
  reset() {
    const source = this.models.source;
    if (source !== null && 'vectors' in source) return this.importVectors(source.vectors, source.name);
    if (this.settings === null || source === null) throw new Error('nothing is loaded');
    // A text was cut into words when it was loaded: it is read again as it is.
    return 'file' in source ? this.loadFile(source.file, this.settings, source.userWords) : this.loadText(source.text, this.settings);
  }

  /** Start or resume training. @returns {RunState} */
  train() {
    this.requireLab();
    if (this.state === 'idle' || this.state === 'paused') {
      this.setState('training');
      this.runner.pacer.resume(this.now());
      this.runner.wake();
    }
    return this.state;
  }

  /** @returns {RunState} */
  pause() {
    if (this.state === 'training') this.setState('paused');
    return this.state;
  }

  /** Train one chunk (one word in slow motion), post a snapshot, and stay paused. @returns {RunState} */
  step() {
    const lab = this.requireLab();
    if (this.state === 'done' || this.state === 'error') return this.state;
    const words = this.speed === null ? STEP_WORDS : Math.max(1, Math.round(this.speed / 10));
    // Training may have finished in this step (trainWords then posted the last snapshot).
    if (this.trainWords(lab, words) && this.runState() !== 'done') {
      this.setState('paused');
      this.snapshot();
    }
    return this.state;
  }

  /**
   * Train one position with the trace on (the teaching views' "Next sample"): pauses training,
   * posts a snapshot, and returns everything that happened there, or null when training is done.
   * @returns {import('../core/protocol.js').Trace | null}
   */
  trace() {
    const lab = this.requireLab();
    if (this.state === 'done' || this.state === 'error') return null;
    const t = this.guard(() => lab.traceStep());
    const done = t === null || t.progress.done;
    if (!done && this.state !== 'paused') this.setState('paused');
    for (const sample of t?.samples ?? []) {
      this.meters.addLoss(sample.loss, 1);
      this.recorder.addLoss(sample.loss, 1);
    }
    if (t !== null) this.recorder.progressed(lab, t.progress);
    if (done) this.finish();
    else this.snapshot();
    return t;
  }

  /**
   * Fill in the blank: the model's `k` likeliest words for a context (the text around the blank),
   * cut into words as the corpus was.
   * @param {string} context @param {number} k @returns {import('../core/protocol.js').Prediction}
   */
  predict(context, k) {
    const lab = this.requireLab();
    const cutter = this.models.cutter;
    return lab.predict(cutter ? cutter.segmentText(context) : context, k);
  }

  /** Show the first `n` rows of W and W′ in every snapshot (0: none). @param {number} n */
  setWeightRows(n) {
    this.weightRows = n;
    if (this.state !== 'training') this.snapshot();
  }

  /** @param {number | null} wordsPerSecond */
  setSpeed(wordsPerSecond) {
    this.speed = wordsPerSecond;
    this.runner.pacer.forgive();
  }

  /** @param {Queries} queries @returns {Answers} */
  setQueries(queries) {
    this.queries = queries;
    return this.answers();
  }

  /**
   * Place the words by `projection` from the next snapshot on. t-SNE, UMAP and custom axes need
   * the explorer module (loaded now, once). Custom axes are tried at once: a word the vocabulary
   * lacks is refused with the core's message, and the previous projection stays.
   * @param {import('../core/protocol.js').Projection} projection @returns {Promise<null>}
   */
  async setProjection(projection) {
    const vectors = this.models.current();
    await this.picture.set(projection, this.settings, vectors && this.models.layoutModel(vectors, 0), this.now());
    if (this.state !== 'training') this.snapshot();
    return null;
  }

  /** Colour by k-means groups (k > 0) or not at all (0); the next snapshot carries them. @param {number} k */
  setClusters(k) {
    this.picture.clusterK = k;
    if (this.state !== 'training') this.snapshot();
  }

  /** The state now (a method, so checks after a call that may change it are not narrowed away). */
  runState() {
    return this.state;
  }

  /** The model being trained; imported vectors have none. */
  requireLab() {
    if (this.lab === null) throw new Error(this.imported ? IMPORTED : 'nothing is loaded');
    return this.lab;
  }

  /**
   * An error from the model: the run stops with its message, and if the wasm module can no
   * longer be trusted (errors.js `isFatal`) the page hears that the worker crashed.
   * @param {unknown} e
   */
  fail(e) {
    if (isFatal(e)) this.post({ type: 'crashed', error: errorMessage(e) });
    this.setState('error', errorMessage(e));
  }

  /**
   * Training reached its end (or vectors were imported): the last snapshot goes out before the
   * state says `done`, so that whoever sees `done` already has the final numbers.
   */
  finish() {
    this.state = 'done';
    this.snapshot();
    this.setState('done');
  }

  /** @param {RunState} state @param {string | null} [error] */
  setState(state, error = null) {
    this.state = state;
    this.post({ type: 'state', state, error });
  }

  /**
   * Train `words` words; track loss and rate; on the last word, post the last snapshot and move to
   * `done` (`finish`). Returns false (and moves to `error`) if training diverged.
   * @param {Lab} lab @param {number} words
   */
  trainWords(lab, words) {
    /** @type {Progress} */
    let p;
    try {
      p = lab.train(words);
    } catch (e) {
      this.fail(e);
      return false;
    }
    if (p.loss !== null) {
      this.meters.addLoss(p.loss, p.predictions);
      this.recorder.addLoss(p.loss, p.predictions);
    }
    this.meters.addProgress(this.now(), p.wordsDone);
    this.recorder.progressed(lab, p);
    if (p.done) this.finish();
    return true;
  }

  /**
   * The picture and the answers at moment `index` of the history, for the standing queries.
   * @param {number} index @returns {Promise<import('../core/protocol.js').HistoryFrame>}
   */
  historyFrame(index) {
    this.requireLab();
    return this.recorder.frame(index, this.queries, this.picture.clusterK);
  }

  /** The region "History" for the standing queries. @returns {Promise<import('../core/protocol.js').HistoryRegion>} */
  historyRegion() {
    this.requireLab();
    return this.recorder.region(this.queries);
  }

  /** The history as JSON or CSV text. @param {'json' | 'csv'} format @returns {Promise<string>} */
  exportHistory(format) {
    this.requireLab();
    return this.recorder.export(format, this.queries);
  }

  /**
   * Answers to `q` (by default the page's standing queries, which every snapshot answers).
   * @param {Queries} [q] @returns {Answers}
   */
  answers(q = this.queries) {
    return answer(this.models.current(), q);
  }

  /** Project, cluster, answer, and post one snapshot with its arrays transferred. */
  snapshot() {
    const vectors = this.models.current();
    if (vectors === null) return;
    const lab = this.lab;
    const t0 = this.now();
    const progress = lab ? lab.progress() : IMPORTED_PROGRESS;
    const picture = this.picture.draw(vectors, this.models.layoutModel(vectors, progress.wordsDone), this.state === 'training', t0);
    const { coords, clusters } = picture;
    this.recorder.showing(coords, picture.projection);
    const weights = lab && this.weightRows > 0 ? weightsHead(lab, this.weightRows) : null;
    const answers = this.answers();
    const loss = this.meters.takeLoss();
    const snapshot = {
      version: this.version++,
      progress,
      ...picture,
      weights,
      answers,
      wordsPerSecond: this.state === 'training' ? this.meters.wordsPerSecond() : 0,
      loss,
      history: this.recorder.summary(),
    };
    /** @type {Transferable[]} */
    const transfer = [coords.buffer];
    if (clusters) transfer.push(clusters.buffer);
    if (weights) transfer.push(weights.input.buffer, weights.output.buffer);
    this.post({ type: 'snapshot', snapshot }, transfer);
    this.runner.pacer.snapshotTook(t0, this.now());
  }
}
