// The training session the worker runs: one model, trained in time slices, reported in snapshots.
//
// Nothing here touches the DOM or `postMessage` directly: the worker (worker.js) hands in the
// wasm module, a `post` function, a clock and a scheduler, so the same code runs under Node in
// the unit tests (tests/js/session.test.mjs) with a fake clock.
//
// Time slicing. At full speed a slice trains in chunks until SLICE_MS have passed, then yields,
// so a pause, step or query message waits at most one slice. The chunk size adapts so a chunk
// takes about CHUNK_MS; with several threads (settings.threads > 1) each chunk starts and joins
// the helper threads, so a chunk is the whole slice. At a set speed (words per second), each
// slice trains the words whose time has come, down to one word at a time for slow motion.
//
// Room for the page. On a small machine each full-speed slice is followed by a rest, so that the
// page's tasks find a core free (rests.js).
//
// Imported vectors. A vector file (word2vec, GloVe, fastText) is read by the second wasm module,
// pkg-explore (src/wasm_explore.rs), loaded the first time a file is exported or imported or a
// projection other than PCA is chosen: its `VectorFile` then stands where the model would,
// answering the same queries and giving the same pictures, with nothing to train. Export writes
// the current vectors (trained or imported) with that module too; projections are layouts.js.
//
// Chinese words. With `settings.chinese` = 'words' the text is cut into words before the trainer
// reads it (the segmenter's module, segmenter.js, loaded the first time that happens): a typed
// text whole, a streamed file piece by piece. The trainer then reads words separated by spaces;
// a context to fill in is cut the same way.
//
// Snapshots. After a slice, if 1/30 s has passed since the last snapshot (and at least three
// times what the last snapshot cost, so a big vocabulary cannot starve training), the session
// projects the vectors (PCA), optionally clusters them, answers the page's queries (answers.js),
// adds the mean loss and the words per second (meters.js) and posts the result with its typed
// arrays transferred.

/** @typedef {import('../protocol.js').Settings} Settings */
/** @typedef {import('../protocol.js').Queries} Queries */
/** @typedef {import('../protocol.js').Answers} Answers */
/** @typedef {import('../protocol.js').RunState} RunState */
/** @typedef {import('../protocol.js').Vocabulary} Vocabulary */
/** @typedef {import('../protocol.js').Progress} Progress */
/** @typedef {import('../protocol.js').WorkerMessage} WorkerMessage */
/** @typedef {import('../pkg/word2vec_lab.js').Lab} Lab */
/** @typedef {import('../pkg-explore/word2vec_lab.js').VectorFile} VectorFile */
/** @typedef {typeof import('../pkg-explore/word2vec_lab.js')} Explore */

/**
 * What the picture and the queries need of a set of vectors: a model being trained (`Lab`) and an
 * imported file (`VectorFile`) both have it.
 * @typedef {object} Explorer
 * @property {() => Float32Array} project
 * @property {() => Float64Array} explained
 * @property {(k: number) => Uint32Array} clusters
 * @property {(word: string, k: number) => import('../protocol.js').Scored[]} nearest
 * @property {(a: string, b: string) => number} similarity
 * @property {(a: string, b: string, c: string, k: number, method: string) => import('../protocol.js').Scored[]} analogy
 * @property {(word: string, k: number) => string[]} spellings
 * @property {() => Float32Array} vectors
 */

/** @typedef {import('./segmenter.js').Segmenter} Segmenter */

/**
 * The part of the wasm module the session uses.
 * @typedef {object} Wasm
 * @property {new (settings: Settings) => import('../pkg/word2vec_lab.js').CorpusLoader} CorpusLoader
 */

import { errorMessage, isFatal } from '../errors.js';
import { Utf8Stream } from '../decode.js';
import { EVERY_UPDATE_UP_TO, MAX_SNAPSHOTS_PER_SECOND } from '../protocol.js';
import { Layout, loadUmap } from './layouts.js';
import { Rests } from './rests.js';
import { answer, weightsHead } from './answers.js';
import { Meters } from './meters.js';

export const SLICE_MS = 12;
export const CHUNK_MS = 2;
/** Words trained by Step at full speed. */
export const STEP_WORDS = 1000;

/** The seed of a t-SNE or UMAP layout when training is seeded from the operating system
 * (`seed` null): the picture of the same vectors still comes out the same. */
const UNSEEDED_LAYOUT_SEED = 1;
/** @type {Queries} */
const NO_QUERIES = { word: '', pairs: [], analogy: null, k: 10, analogyK: 5 };

/** What training and the teaching views say of imported vectors. */
export const IMPORTED = 'imported vectors have no model to train or look inside: load a corpus to train one';

/** Progress of imported vectors: nothing to train, so done. @type {Progress} */
const IMPORTED_PROGRESS = { wordsDone: 0, totalWords: 0, epoch: 0, epochs: 0, alpha: 0, loss: null, predictions: 0, done: true };

/**
 * Without a loader for the explorer module (worker.js passes one), there is none.
 * @returns {Promise<Explore>}
 */
async function noExplore() {
  throw new Error('the explorer module (vector files, t-SNE, custom axes) is not available here');
}

/**
 * Without a loader for the segmenter (worker.js passes one), there is none.
 * @returns {Promise<Segmenter>}
 */
async function noSegmenter() {
  throw new Error('Chinese word segmentation is not available here');
}


export class Session {
  /**
   * @param {Wasm} wasm
   * @param {(msg: WorkerMessage, transfer?: Transferable[]) => void} post
   * @param {{now?: () => number, schedule?: (fn: () => void, delayMs: number) => void, cores?: number, explore?: () => Promise<Explore>, segmenter?: () => Promise<Segmenter>}} [env]
   *   cores: the machine's logical cores; explore: loads the explorer module (once);
   *   segmenter: loads the segmenter (once)
   */
  constructor(wasm, post, env = {}) {
    this.wasm = wasm;
    this.post = post;
    this.now = env.now ?? (() => performance.now());
    this.schedule = env.schedule ?? ((fn, ms) => setTimeout(fn, ms));
    this.cores = env.cores ?? (globalThis.navigator?.hardwareConcurrency || 1);
    this.explore = env.explore ?? noExplore;
    this.loadSegmenter = env.segmenter ?? noSegmenter;
    /** The user's dictionary words the segmenter has (one a line). */
    this.userWords = '';
    /** @type {Segmenter | null} what cut the model's text into words (and cuts its contexts) */
    this.cutter = null;
    /** @type {Lab | null} */
    this.lab = null;
    /** @type {VectorFile | null} imported vectors, in place of a model */
    this.imported = null;
    /** @type {{text: string} | {file: Blob, userWords: string} | {vectors: Blob, name: string} | null} where the words came from, for Reset (a text already cut into words) */
    this.source = null;
    /** @type {Settings | null} */
    this.settings = null;
    /** @type {RunState} */
    this.state = 'idle';
    /** @type {number | null} words per second; null = full speed */
    this.speed = null;
    this.queries = NO_QUERIES;
    /** @type {import('../protocol.js').Projection} */
    this.projection = { kind: 'pca' };
    /** @type {Layout | null} the projection's layout when it is not PCA */
    this.layout = null;
    /** @type {{explore: Explore, UMAP: import('./layouts.js').Umap | null} | null} what layouts need, once loaded */
    this.layoutModules = null;
    /** The vocabulary, one word per line (for the explorer module), and its size. */
    this.wordsText = '';
    this.wordCount = 0;
    this.clusterK = 0;
    this.weightRows = 0;
    this.version = 0;
    this.chunk = 256;
    this.credit = 0;
    this.lastTick = 0;
    this.rests = new Rests(this.now);
    this.lastSnapshot = -Infinity;
    this.snapshotCost = 0;
    this.tickPending = false;
    this.meters = new Meters();
  }

  /**
   * The segmenter for `settings`, with the user's words, or null when the text is not cut into
   * words; it also cuts the contexts to fill in from now on. Reports a failure (the dictionary
   * could not be fetched) as the session's error.
   * @param {Settings} settings @param {string} userWords @returns {Promise<Segmenter | null>}
   */
  async prepare(settings, userWords) {
    try {
      const segmenter = settings.chinese === 'words' ? await this.loadSegmenter() : null;
      if (segmenter && userWords !== this.userWords) {
        segmenter.setUserWords(userWords);
        this.userWords = userWords;
      }
      this.cutter = segmenter;
      return segmenter;
    } catch (e) {
      this.fail(e);
      throw e;
    }
  }

  /**
   * Build a model for `corpus` under `settings` (replacing any other) and post its untrained
   * picture. Chinese is cut into words first if the settings say so, with the user's words.
   * Throws with the core's message if the settings or the corpus are refused.
   * @param {string} corpus @param {Settings} settings @param {string} [userWords]
   * @returns {Promise<Vocabulary>}
   */
  async load(corpus, settings, userWords = '') {
    const segmenter = await this.prepare(settings, userWords);
    return this.loadText(segmenter ? segmenter.segmentText(corpus) : corpus, settings);
  }

  /**
   * The model for a text as the trainer reads it (Chinese already cut into words, if it is to
   * be: the trainer reads 'words' as words separated by spaces).
   * @param {string} text @param {Settings} settings @returns {Vocabulary}
   */
  loadText(text, settings) {
    this.dispose();
    this.source = { text };
    this.settings = settings;
    return this.install(() => {
      const loader = new this.wasm.CorpusLoader(settings);
      loader.push(text);
      return loader.finish();
    });
  }

  /**
   * The same from a file, streamed: the text is decoded and tokenised piece by piece (never held
   * whole), with `loading` events (bytes read of the total) at most ten a second.
   * @param {Blob} file @param {Settings} settings @param {string} [userWords]
   * @returns {Promise<Vocabulary>}
   */
  async loadFile(file, settings, userWords = '') {
    const segmenter = await this.prepare(settings, userWords);
    this.dispose();
    this.source = { file, userWords };
    this.settings = settings;
    /** @type {import('../pkg/word2vec_lab.js').CorpusLoader} */
    let loader;
    try {
      loader = new this.wasm.CorpusLoader(settings);
    } catch (e) {
      this.fail(e);
      throw e;
    }
    const decoder = new Utf8Stream();
    let carry = '';
    await this.read(file, (piece) => {
      const text = carry + decoder.decode(piece, true);
      // Whole lines only: the partial last line waits for the next piece.
      const cut = text.lastIndexOf('\n') + 1;
      if (cut > 0) loader.push(segmenter ? segmenter.segmentText(text.slice(0, cut)) : text.slice(0, cut));
      carry = text.slice(cut);
    });
    const last = carry + decoder.decode();
    loader.push(segmenter ? segmenter.segmentText(last) : last);
    return { ...this.install(() => loader.finish()), replaced: decoder.replaced };
  }

  /**
   * Read `file` piece by piece, posting `loading` events (bytes read of the total) at most ten a
   * second.
   * @param {Blob} file @param {(piece: Uint8Array) => void} take
   */
  async read(file, take) {
    const reader = file.stream().getReader();
    let bytes = 0;
    let reported = -Infinity;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      bytes += value.length;
      take(value);
      if (this.now() - reported > 100) {
        reported = this.now();
        this.post({ type: 'loading', bytes, total: file.size });
      }
    }
  }

  /**
   * Vectors from a file (word2vec text or binary, GloVe, fastText `.vec`) in place of a model:
   * read with `loading` events, parsed and checked by the explorer module, then pictured like
   * a model that has finished training. Throws the reader's message (with its line or byte).
   * @param {Blob} file @param {string} name  shown with the vocabulary
   * @returns {Promise<Vocabulary>}
   */
  async importVectors(file, name) {
    this.dispose();
    this.source = { vectors: file, name };
    this.settings = null;
    /** @type {VectorFile} */
    let imported;
    try {
      const explore = await this.explore();
      const bytes = new Uint8Array(file.size);
      let at = 0;
      await this.read(file, (piece) => {
        bytes.set(piece.subarray(0, Math.max(0, bytes.length - at)), at);
        at += piece.length;
      });
      imported = new explore.VectorFile(bytes.subarray(0, Math.min(at, bytes.length)));
    } catch (e) {
      this.fail(e);
      throw e;
    }
    this.imported = imported;
    const words = imported.words();
    this.started(words);
    this.setState('done');
    this.snapshot();
    return { words, counts: new Uint32Array(words.length), corpusTokens: 0, dim: imported.dim(), imported: name };
  }

  /**
   * The current vectors (trained so far, or imported) as a file of `format`, written by the
   * explorer module.
   * @param {import('../protocol.js').VectorFileFormat} format @returns {Promise<Uint8Array>}
   */
  async exportVectors(format) {
    const explore = await this.explore();
    const source = this.lab ?? this.imported;
    if (source === null) throw new Error('nothing is loaded');
    return explore.writeVectorFile(this.wordsText, source.dim(), source.vectors(), format);
  }

  /**
   * Make the model with `make`, then reset the counters and post the untrained picture.
   * @param {() => Lab} make @returns {Vocabulary}
   */
  install(make) {
    try {
      this.lab = make();
    } catch (e) {
      this.fail(e);
      throw e;
    }
    const lab = this.lab;
    const words = lab.words();
    this.started(words);
    this.setState('idle');
    this.snapshot();
    return { words, counts: lab.counts(), corpusTokens: lab.corpusTokens(), dim: lab.dim() };
  }

  /**
   * Counters back to zero for a new set of vectors (and a new layout for them).
   * @param {string[]} words
   */
  started(words) {
    this.wordsText = words.join('\n');
    this.wordCount = words.length;
    this.layout?.free();
    // The same projection for the new vectors (custom axes whose words are gone fall back to PCA
    // at the first snapshot, which says why).
    this.layout = this.projection.kind !== 'pca' && this.layoutModules ? new Layout(this.projection, this.layoutModules, this.layoutSeed()) : null;
    this.version = 0;
    this.chunk = 256;
    this.meters.reset();
  }

  /** The seed of a t-SNE or UMAP layout: the training's, or UNSEEDED_LAYOUT_SEED. */
  layoutSeed() {
    return this.settings?.seed ?? UNSEEDED_LAYOUT_SEED;
  }

  /**
   * The same corpus and settings from the start: the same seed gives the same initial vectors.
   * (Imported vectors are read again.)
   * @returns {Vocabulary | Promise<Vocabulary>}
   */
  reset() {
    const source = this.source;
    if (source !== null && 'vectors' in source) return this.importVectors(source.vectors, source.name);
    if (this.settings === null || source === null) throw new Error('nothing is loaded');
    // A text was cut into words when it was loaded: it is read again as it is.
    return 'file' in source ? this.loadFile(source.file, this.settings, source.userWords) : this.loadText(source.text, this.settings);
  }

  dispose() {
    this.lab?.free();
    this.lab = null;
    this.imported?.free();
    this.imported = null;
  }

  /** The vectors the picture and the queries use, if any are loaded. @returns {Explorer | null} */
  explorer() {
    return this.lab ?? this.imported;
  }

  /** Start or resume training. @returns {RunState} */
  train() {
    this.requireLab();
    if (this.state === 'idle' || this.state === 'paused') {
      this.setState('training');
      this.lastTick = this.now();
      this.credit = 0;
      this.wake();
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
    if (this.trainWords(lab, words)) {
      // Training may have finished in this step (trainWords moves to 'done').
      if (this.runState() !== 'done') this.setState('paused');
      this.snapshot();
    }
    return this.state;
  }

  /**
   * Train one position with the trace on (the teaching views' "Next sample"): pauses training,
   * posts a snapshot, and returns everything that happened there, or null when training is done.
   * @returns {import('../protocol.js').Trace | null}
   */
  trace() {
    const lab = this.requireLab();
    if (this.state === 'done' || this.state === 'error') return null;
    let t;
    try {
      t = lab.traceStep();
    } catch (e) {
      this.fail(e);
      throw e;
    }
    if (t === null || t.progress.done) {
      this.setState('done');
    } else if (this.state !== 'paused') {
      this.setState('paused');
    }
    if (t !== null) {
      for (const sample of t.samples) this.meters.addLoss(sample.loss, 1);
    }
    this.snapshot();
    return t;
  }

  /**
   * Fill in the blank: the model's `k` likeliest words for a context (the text around the blank),
   * cut into words as the corpus was.
   * @param {string} context @param {number} k @returns {import('../protocol.js').Prediction}
   */
  predict(context, k) {
    const lab = this.requireLab();
    return lab.predict(this.cutter ? this.cutter.segmentText(context) : context, k);
  }

  /** Show the first `n` rows of W and W′ in every snapshot (0: none). @param {number} n */
  setWeightRows(n) {
    this.weightRows = n;
    if (this.state !== 'training') this.snapshot();
  }

  /** @param {number | null} wordsPerSecond */
  setSpeed(wordsPerSecond) {
    this.speed = wordsPerSecond;
    this.credit = 0;
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
   * @param {import('../protocol.js').Projection} projection @returns {Promise<null>}
   */
  async setProjection(projection) {
    /** @type {Layout | null} */
    let layout = null;
    if (projection.kind !== 'pca') {
      const UMAP = projection.kind === 'umap' ? await loadUmap() : (this.layoutModules?.UMAP ?? null);
      this.layoutModules = { explore: await this.explore(), UMAP };
      layout = new Layout(projection, this.layoutModules, this.layoutSeed());
      const vectors = this.explorer();
      if (projection.kind === 'axes' && vectors) layout.coords(this.layoutModel(vectors, 0), false, this.now());
    }
    this.layout?.free();
    this.layout = layout;
    this.projection = projection;
    if (this.state !== 'training') this.snapshot();
    return null;
  }

  /**
   * What a layout needs of the vectors.
   * @param {Explorer} vectors @param {number} stamp  words trained so far
   */
  layoutModel(vectors, stamp) {
    const dim = this.lab ? this.lab.dim() : (this.imported?.dim() ?? 0);
    return { words: this.wordsText, count: this.wordCount, dim, vectors: () => vectors.vectors(), stamp };
  }

  /** Colour by k-means groups (k > 0) or not at all (0); the next snapshot carries them. @param {number} k */
  setClusters(k) {
    this.clusterK = k;
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

  /** @param {RunState} state @param {string | null} [error] */
  setState(state, error = null) {
    this.state = state;
    this.post({ type: 'state', state, error });
  }

  wake() {
    if (this.tickPending) return;
    this.tickPending = true;
    this.schedule(() => {
      this.tickPending = false;
      this.tick();
    }, 0);
  }

  /** Training threads the loaded settings ask for. */
  threads() {
    return Math.max(1, this.settings?.threads ?? 1);
  }

  /** One time slice of training, then a snapshot if one is due, then the next slice is scheduled. */
  tick() {
    const lab = this.lab;
    if (this.state !== 'training' || lab === null) return;
    const start = this.now();
    this.rests.over(start);
    let ok = true;
    let trained = false;
    if (this.speed === null) {
      do {
        const t0 = this.now();
        ok = this.trainWords(lab, this.chunk);
        trained = true;
        const took = this.now() - t0;
        // Aim at the chunk time: grow or shrink by at most 2× at a time.
        const aim = this.threads() > 1 ? SLICE_MS : CHUNK_MS;
        const factor = took > 0 ? Math.min(2, Math.max(0.5, aim / took)) : 2;
        this.chunk = Math.max(16, Math.min(1 << 20, Math.round(this.chunk * factor)));
      } while (ok && this.state === 'training' && this.now() - start < SLICE_MS);
    } else {
      // Words whose time has come, with at most a tenth of a second banked.
      this.credit = Math.min(this.credit + ((start - this.lastTick) * this.speed) / 1000, this.speed / 10 + 1);
      const words = Math.floor(this.credit);
      if (words > 0) {
        this.credit -= words;
        ok = this.trainWords(lab, words);
        trained = true;
      }
    }
    this.lastTick = start;
    if (!ok) return;
    // A snapshot after training, when one is due; in slow motion, after every update.
    // A snapshot runs on this thread alone: with more threads training, space them further apart
    // so that they take the same share of the machine.
    const spacing = 3 * this.threads() * this.snapshotCost;
    const due = this.now() - this.lastSnapshot >= Math.max(1000 / MAX_SNAPSHOTS_PER_SECOND, spacing);
    const slow = this.speed !== null && this.speed <= EVERY_UPDATE_UP_TO;
    if (trained && (this.runState() === 'done' || due || slow)) this.snapshot();
    if (this.state === 'training') {
      const wait = this.speed === null ? this.rests.after(this.now() - start, this.cores - this.threads()) : Math.max(4, ((1 - this.credit) * 1000) / this.speed);
      this.tickPending = true;
      this.schedule(() => {
        this.tickPending = false;
        this.tick();
      }, Math.min(wait, 1000 / EVERY_UPDATE_UP_TO));
    }
  }

  /**
   * Train `words` words; track loss and rate; on the last word, move to `done`. Returns false
   * (and moves to `error`) if training diverged.
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
    if (p.loss !== null) this.meters.addLoss(p.loss, p.predictions);
    this.meters.addProgress(this.now(), p.wordsDone);
    if (p.done) this.setState('done');
    return true;
  }

  /**
   * Answers to `q` (by default the page's standing queries, which every snapshot answers).
   * @param {Queries} [q] @returns {Answers}
   */
  answers(q = this.queries) {
    return answer(this.explorer(), q);
  }

  /** Project, cluster, answer, and post one snapshot with its arrays transferred. */
  snapshot() {
    const vectors = this.explorer();
    if (vectors === null) return;
    const lab = this.lab;
    const t0 = this.now();
    const progress = lab ? lab.progress() : IMPORTED_PROGRESS;
    /** @type {string | null} */
    let projectionError = null;
    let coords = null;
    if (this.layout) {
      try {
        coords = this.layout.coords(this.layoutModel(vectors, progress.wordsDone), this.state === 'training', t0);
      } catch (e) {
        // Custom axes whose words a new vocabulary lacks: say so, and show PCA.
        projectionError = errorMessage(e);
        this.layout.free();
        this.layout = null;
        this.projection = { kind: 'pca' };
      }
    }
    coords ??= vectors.project();
    const clusters = this.clusterK > 0 ? vectors.clusters(this.clusterK) : null;
    const weights = lab && this.weightRows > 0 ? weightsHead(lab, this.weightRows) : null;
    const answers = this.answers();
    const loss = this.meters.takeLoss();
    const snapshot = {
      version: this.version++,
      progress,
      coords,
      projection: this.layout ? this.projection.kind : 'pca',
      projectionError,
      explained: this.layout ? [] : Array.from(vectors.explained()),
      clusters,
      weights,
      answers,
      wordsPerSecond: this.state === 'training' ? this.meters.wordsPerSecond() : 0,
      loss,
    };
    /** @type {Transferable[]} */
    const transfer = [coords.buffer];
    if (clusters) transfer.push(clusters.buffer);
    if (weights) transfer.push(weights.input.buffer, weights.output.buffer);
    this.post({ type: 'snapshot', snapshot }, transfer);
    this.lastSnapshot = this.now();
    this.snapshotCost = this.lastSnapshot - t0;
  }
}
