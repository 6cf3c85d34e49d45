// What a session trains or shows, and where it came from: a model (the trainer module's `Lab`)
// built from a text or from a file streamed piece by piece (sources.js), Chinese cut into words
// first when the settings say so (the segmenter, loaded the first time, with the user's words),
// or vectors imported from a file (the explorer module's `VectorFile`: word2vec text or binary,
// GloVe, fastText `.vec`). The source is kept, so that Reset builds the same again from the start.
// Errors are thrown with the core's message; the session reports them.

import { readBytes, readLines } from './sources.js';

/** @typedef {import('../core/protocol.js').Settings} Settings */
/** @typedef {import('../pkg/word2vec_lab.js').Lab} Lab */
/** @typedef {import('../pkg-explore/word2vec_lab.js').VectorFile} VectorFile */
/** @typedef {typeof import('../pkg-explore/word2vec_lab.js')} Explore */
/** @typedef {import('./segmenter.js').Segmenter} Segmenter */
/** @typedef {import('./sources.js').Reporting} Reporting */

/**
 * What the picture and the queries need of a set of vectors: a model being trained (`Lab`) and an
 * imported file (`VectorFile`) both have it.
 * @typedef {object} Explorer
 * @property {() => Float32Array} project
 * @property {() => Float64Array} explained
 * @property {(k: number) => Uint32Array} clusters
 * @property {(word: string, k: number) => import('../core/protocol.js').Scored[]} nearest
 * @property {(a: string, b: string) => number} similarity
 * @property {(a: string, b: string, c: string, k: number, method: string) => import('../core/protocol.js').Scored[]} analogy
 * @property {(word: string, k: number) => string[]} spellings
 * @property {() => Float32Array} vectors
 * @property {() => number} dim
 */

/**
 * The part of the trainer module a session uses.
 * @typedef {object} Wasm
 * @property {new (settings: Settings) => import('../pkg/word2vec_lab.js').CorpusLoader} CorpusLoader
 */

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

export class Models {
  /**
   * @param {Wasm} wasm @param {() => Promise<Explore>} [explore]  loads the explorer module (once)
   * @param {() => Promise<Segmenter>} [segmenter]  loads the segmenter (once)
   */
  constructor(wasm, explore = noExplore, segmenter = noSegmenter) {
    this.wasm = wasm;
    this.explore = explore;
    this.loadSegmenter = segmenter;
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
    /** The vocabulary, one word per line (for the explorer module), and its size. */
    this.wordsText = '';
    this.wordCount = 0;
  }

  /** The vectors the picture and the queries use, if any are loaded. @returns {Explorer | null} */
  current() {
    return this.lab ?? this.imported;
  }

  /** The words of the vectors now in place, as the explorer module takes them. @param {string[]} words */
  named(words) {
    this.wordsText = words.join('\n');
    this.wordCount = words.length;
  }

  /**
   * What a layout (layouts.js) needs of the vectors.
   * @param {Explorer} vectors @param {number} stamp  words trained so far
   * @returns {import('./layouts.js').LayoutModel}
   */
  layoutModel(vectors, stamp) {
    return { words: this.wordsText, count: this.wordCount, dim: vectors.dim(), vectors: () => vectors.vectors(), stamp };
  }

  /**
   * The vectors now in place (trained so far, or imported) as a file of `format`, written by the
   * explorer module.
   * @param {import('../core/protocol.js').VectorFileFormat} format @returns {Promise<Uint8Array>}
   */
  async write(format) {
    const explore = await this.explore();
    const source = this.current();
    if (source === null) throw new Error('nothing is loaded');
    return explore.writeVectorFile(this.wordsText, source.dim(), source.vectors(), format);
  }

  /**
   * The segmenter for `settings`, with the user's words, or null when the text is not cut into
   * words; it also cuts the contexts to fill in from now on.
   * @param {Settings} settings @param {string} userWords @returns {Promise<Segmenter | null>}
   */
  async segmenterFor(settings, userWords) {
    const segmenter = settings.chinese === 'words' ? await this.loadSegmenter() : null;
    if (segmenter && userWords !== this.userWords) {
      segmenter.setUserWords(userWords);
      this.userWords = userWords;
    }
    this.cutter = segmenter;
    return segmenter;
  }

  /**
   * A model for a text as the trainer reads it (Chinese already cut into words, if it is to be:
   * the trainer reads 'words' as words separated by spaces), in place of the current one.
   * @param {string} text @param {Settings} settings @returns {Lab}
   */
  fromText(text, settings) {
    this.dispose();
    this.source = { text };
    this.settings = settings;
    const loader = new this.wasm.CorpusLoader(settings);
    loader.push(text);
    this.lab = loader.finish();
    return this.lab;
  }

  /**
   * The same from a file, streamed: decoded and tokenised piece by piece, never held whole.
   * Resolves to the model and whether a malformed byte was replaced.
   * @param {Blob} file @param {Settings} settings @param {string} userWords
   * @param {Segmenter | null} segmenter @param {Reporting} reporting
   * @returns {Promise<{lab: Lab, replaced: boolean}>}
   */
  async fromFile(file, settings, userWords, segmenter, reporting) {
    this.dispose();
    this.source = { file, userWords };
    this.settings = settings;
    const loader = new this.wasm.CorpusLoader(settings);
    const replaced = await readLines(file, (lines) => loader.push(segmenter ? segmenter.segmentText(lines) : lines), reporting);
    this.lab = loader.finish();
    return { lab: this.lab, replaced };
  }

  /**
   * Vectors from a file in place of a model, read whole and parsed and checked by the explorer
   * module (its messages name the line or byte).
   * @param {Blob} file @param {string} name @param {Reporting} reporting @returns {Promise<VectorFile>}
   */
  async fromVectors(file, name, reporting) {
    this.dispose();
    this.source = { vectors: file, name };
    this.settings = null;
    const explore = await this.explore();
    this.imported = new explore.VectorFile(await readBytes(file, reporting));
    return this.imported;
  }

  dispose() {
    this.lab?.free();
    this.lab = null;
    this.imported?.free();
    this.imported = null;
  }
}
