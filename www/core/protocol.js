// The messages between the page and the training worker: one typed vocabulary, in one place.
//
// The page sends requests, each tagged with `type` and a numeric `id`; the worker answers every
// request with exactly one reply carrying the same id (ok + result, or an error message), which
// resolves or rejects the promise the client returned (www/core/client.js). Independently, the worker
// pushes events: `snapshot` (the picture and the answers, at most ~30 a second while training,
// with its typed arrays transferred, not copied) and `state` (idle / training / paused / done /
// error). Modelled on the TensorBoard projector's worker messages.

/** @typedef {import('./schema.js').Settings} Settings  the schema's, generated from the core */
/** @typedef {Settings['chinese']} ChineseText  how Chinese text becomes tokens (src/text/tokenize.rs) */

/**
 * @typedef {object} Preset
 * @property {string} name
 * @property {string} text
 * @property {Settings} settings
 * @property {string} query
 * @property {[string, string][]} pairs
 * @property {[string, string, string]} analogy
 */

/**
 * @typedef {object} Progress
 * @property {number} wordsDone
 * @property {number} totalWords
 * @property {number} epoch
 * @property {number} epochs
 * @property {number} alpha
 * @property {number | null} loss
 * @property {number} predictions
 * @property {boolean} done
 */

/** @typedef {{word: string, score: number}} Scored */

/**
 * What the page wants answered at every snapshot.
 * @typedef {object} Queries
 * @property {string} word            nearest neighbours of this word ('' for none)
 * @property {[string, string][]} pairs  cosine of each pair
 * @property {[string, string, string] | null} analogy  a : b :: c : ?
 * @property {number} k               how many neighbours
 * @property {number} analogyK        how many analogy answers
 */

/**
 * @typedef {object} Answers
 * @property {{word: string, list: Scored[], error: string | null, suggestions: string[]}} neighbours
 *   suggestions: the closest spellings in the vocabulary when the word is not in it
 * @property {{a: string, b: string, score: number | null, error: string | null}[]} pairs
 * @property {{list: Scored[], error: string | null}} analogy
 */

/**
 * One frame of training.
 * @typedef {object} Snapshot
 * @property {number} version     increases with every snapshot of a model; restarts at load
 * @property {Progress} progress
 * @property {Float32Array} coords  |V| × 2 coordinates of the unit vectors (NaN: not laid out)
 * @property {Projection['kind']} projection  the projection the coordinates are in
 * @property {string | null} projectionError  why the chosen projection could not be shown (PCA is)
 * @property {number[]} explained   variance fraction of each axis (PCA only)
 * @property {Uint32Array | null} clusters  k-means group of every word (when asked for)
 * @property {Weights | null} weights  the first rows of W and W′ (when asked for)
 * @property {Answers} answers
 * @property {number} wordsPerSecond  measured over the last second of training
 * @property {number | null} loss   mean loss since the previous snapshot
 * @property {HistoryMarks | null} history  the moments of training kept so far (www/worker/history.js)
 */

/** @typedef {{wordsDone: number, epoch: number, loss: number | null}} HistoryMoment  epoch 0-based */

/**
 * The index of the moment of `list` nearest `fraction` of a training of `totalWords` words (the
 * region's moments, a click on the loss curve, the element's `at`).
 * @param {readonly {wordsDone: number}[]} list @param {number} totalWords @param {number} fraction
 */
export function nearestMoment(list, totalWords, fraction) {
  let best = 0;
  const target = fraction * totalWords;
  list.forEach((m, i) => {
    if (Math.abs(m.wordsDone - target) < Math.abs(list[best].wordsDone - target)) best = i;
  });
  return best;
}

/**
 * What the page knows of the training history: its moments, oldest first (the first is the
 * initial random vectors).
 * @typedef {object} HistoryMarks
 * @property {HistoryMoment[]} moments
 * @property {number} totalWords  words the whole training trains
 * @property {number} epochs
 * @property {number} rows        words kept at each moment (the most frequent)
 * @property {number} vocab       words in the vocabulary
 * @property {number} planned     moments planned over the whole training
 * @property {number} bytes       memory the kept rows take in the worker
 */

/**
 * The plot and the answers at one moment of the history, on the history's fixed axes.
 * @typedef {object} HistoryFrame
 * @property {number} index
 * @property {HistoryMoment} moment
 * @property {Float32Array} coords   |V| × 2 (NaN: a word the history does not keep)
 * @property {Uint32Array | null} clusters
 * @property {Answers} answers
 */

/**
 * The region "History": the query word's top neighbours at a few moments, when each of its
 * final neighbours entered them, the analogy's expected answer over time, and trails.
 * @typedef {object} HistoryRegion
 * @property {string} word
 * @property {{fraction: number, wordsDone: number, top: Scored[]}[]} moments
 * @property {{word: string, wordsDone: number}[]} entered
 * @property {{words: [string, string, string], expected: string, ranks: {rank: number | null, score: number | null}[]} | null} analogy
 * @property {string | null} analogyError
 * @property {{word: string, id: number, points: number[]}[]} trails  x, y per moment
 * @property {number[]} wordsDone   words trained at each moment
 */

/**
 * How the plot places the words: PCA (the default, live), t-SNE (perplexity), UMAP (neighbours),
 * or two axes from word pairs (x from, x to, y from, y to). See www/worker/layouts.js.
 * @typedef {{kind: 'pca'}
 *   | {kind: 'tsne', perplexity: number}
 *   | {kind: 'umap', neighbours: number}
 *   | {kind: 'axes', words: [string, string, string, string]}} Projection
 */

/**
 * What the worker tells about a freshly loaded corpus.
 * @typedef {object} Vocabulary
 * @property {string[]} words     most frequent first
 * @property {Uint32Array} counts
 * @property {number} corpusTokens
 * @property {number} dim
 * @property {boolean} [replaced]  a streamed file had bytes that were not UTF-8 (replaced by U+FFFD)
 * @property {string} [imported]   the vector file these words came from (no corpus: counts are 0,
 *   nothing can be trained)
 */

/**
 * A file the worker writes: word2vec text or binary (src/vectors/formats.rs), or one of the two files the
 * Embedding Projector loads.
 * @typedef {'text' | 'binary' | 'vectors.tsv' | 'metadata.tsv'} VectorFileFormat
 */

/**
 * The first rows of the two weight matrices, row-major.
 * @typedef {object} Weights
 * @property {number} dim
 * @property {number} rows        rows of W shown (word ids 0..rows)
 * @property {number} outputRows  rows of W′ shown (words, or Huffman inner nodes)
 * @property {Float32Array} input
 * @property {Float32Array} output
 */

/**
 * One scored row of W′ in a traced prediction, before the update and re-scored after it.
 * @typedef {object} TracedDecision
 * @property {number} row
 * @property {number} label  1 for the target (or the branch towards it), 0 for noise
 * @property {number} score
 * @property {number} probability  σ(score), or the softmax probability
 * @property {number} scoreAfter
 * @property {number} probabilityAfter
 */

/**
 * @typedef {object} TracedSample
 * @property {number[]} inputs   rows of W that made h
 * @property {number} target
 * @property {number[]} h
 * @property {number[]} hAfter
 * @property {TracedDecision[]} decisions
 * @property {number} loss
 * @property {number} alpha
 */

/** @typedef {{row: number, before: number[], after: number[]}} RowChange */

/**
 * One position of training, traced (Lab.traceStep in src/bindings/wasm.rs, described by src/train/explain.rs).
 * @typedef {object} Trace
 * @property {Progress} progress
 * @property {number[]} sentence     word ids of the sentence
 * @property {boolean[]} kept        which tokens subsampling kept
 * @property {number} centreIndex
 * @property {number} centre
 * @property {number} window         the window c drawn for this position
 * @property {number[]} contextIndices
 * @property {TracedSample[]} samples
 * @property {RowChange[]} input     rows of W changed, before and after
 * @property {RowChange[]} output    rows of W′ changed
 */

/**
 * The Huffman tree over the vocabulary: leaves 0..|V| are word ids, inner nodes follow.
 * @typedef {object} Tree
 * @property {(number | null)[]} parents
 * @property {number[]} branches
 * @property {number} meanCodeLength
 * @property {number} log2Vocab
 */

/** @typedef {{list: Scored[], unknown: string[]}} Prediction */

/** @typedef {'idle' | 'training' | 'paused' | 'done' | 'error'} RunState */

/**
 * Requests, page → worker. `speed` is in corpus words per second; null is full speed.
 * @typedef {{id: number, type: 'preset', name: string}
 *   | {id: number, type: 'ownTextSettings', sample: string, bytes: number}
 *   | {id: number, type: 'load', corpus: string, settings: Settings, userWords: string}
 *   | {id: number, type: 'loadFile', file: Blob, settings: Settings, userWords: string}
 *   | {id: number, type: 'train'}
 *   | {id: number, type: 'pause'}
 *   | {id: number, type: 'step'}
 *   | {id: number, type: 'reset'}
 *   | {id: number, type: 'speed', wordsPerSecond: number | null}
 *   | {id: number, type: 'queries', queries: Queries}
 *   | {id: number, type: 'ask', queries: Queries}
 *   | {id: number, type: 'projection', projection: Projection}
 *   | {id: number, type: 'clusters', k: number}
 *   | {id: number, type: 'trace'}
 *   | {id: number, type: 'noise', power: number}
 *   | {id: number, type: 'huffman'}
 *   | {id: number, type: 'predict', context: string, k: number}
 *   | {id: number, type: 'weightRows', n: number}
 *   | {id: number, type: 'export', format: VectorFileFormat}
 *   | {id: number, type: 'importVectors', file: Blob, name: string}
 *   | {id: number, type: 'historyAt', index: number}
 *   | {id: number, type: 'historyRegion'}
 *   | {id: number, type: 'historyExport', format: 'json' | 'csv'}
 *   | {id: number, type: 'keepHistory', keep: boolean}
 * } Request
 */

/**
 * What each request resolves to.
 * @typedef {object} Results
 * @property {Preset} preset
 * @property {{settings: Settings, tokens: number}} ownTextSettings  for a text whose start is
 *   `sample` and whole size `bytes` (src/own_text.rs), and its estimated tokens
 * @property {Vocabulary} load
 * @property {Vocabulary} loadFile
 * @property {RunState} train
 * @property {RunState} pause
 * @property {RunState} step
 * @property {Vocabulary} reset
 * @property {null} speed
 * @property {Answers} queries
 * @property {Answers} ask   answers once, without changing what snapshots answer
 * @property {null} projection
 * @property {null} clusters
 * @property {Trace | null} trace
 * @property {Float64Array} noise
 * @property {Tree} huffman
 * @property {Prediction} predict
 * @property {null} weightRows
 * @property {Uint8Array<ArrayBuffer>} export  the file's bytes (transferred)
 * @property {Vocabulary} importVectors
 * @property {HistoryFrame} historyAt
 * @property {HistoryRegion} historyRegion  for the standing queries
 * @property {string} historyExport
 * @property {null} keepHistory  whether models loaded from now on keep a training history
 *   (Compare's do not: each would take up to its memory budget again)
 */

/**
 * Worker → page.
 * @typedef {{type: 'reply', id: number, ok: true, result: unknown}
 *   | {type: 'reply', id: number, ok: false, error: string}
 *   | {type: 'snapshot', snapshot: Snapshot}
 *   | {type: 'state', state: RunState, error: string | null}
 *   | {type: 'ready', presets: string[], threads: number}
 *   | {type: 'loading', bytes: number, total: number}
 *   | {type: 'crashed', error: string}
 * } WorkerMessage
 */

/** Snapshots per second, at most, while training at speed: each one is text, lists and a loss
 * curve redrawn on the page's main thread, and the plot glides from one to the next, so ten
 * a second move as smoothly as thirty at a third of the page's work. */
export const MAX_SNAPSHOTS_PER_SECOND = 10;

/** In slow motion up to this many words a second, every update is a snapshot of its own. */
export const EVERY_UPDATE_UP_TO = 30;

/** How many answers a query gives unless it says otherwise: neighbours of a word, analogy
 * answers, words for a blank. */
export const ANSWERS = { neighbours: 10, analogy: 5, blank: 10 };

/**
 * Queries that ask nothing, with the usual numbers of answers: a base to ask one thing from
 * (`{...NO_QUERIES, word}`).
 * @type {Queries}
 */
export const NO_QUERIES = { word: '', pairs: [], analogy: null, k: ANSWERS.neighbours, analogyK: ANSWERS.analogy };

/** Words t-SNE and UMAP lay out at most: the most frequent (src/picture/tsne.rs is exact: n² per iteration). */
export const LAYOUT_POINTS = 500;

export {};
