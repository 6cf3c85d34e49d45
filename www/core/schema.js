// Generated from the settings tables of src/config.rs and src/text/tokenize.rs by src/schema.rs
// (`W2V_WRITE_SCHEMA=1 cargo test --lib schema`); do not edit. Every setting of the page: its
// name, kind, range or options, whether the form shows it, its <word2vec-demo> attribute. In
// the form's order; a link's keys follow it. An open end of a range is itself refused.

/**
 * Hyperparameters and tokenizer switches: the object the page sends the worker
 * (src/bindings/wasm/settings.rs). The seed absent or null draws one from the system.
 * @typedef {object} Settings
 * @property {'cbow' | 'skipgram'} architecture  CBOW (the context predicts the word) or skip-gram (the word predicts its context)
 * @property {'softmax' | 'negative' | 'hierarchical'} output  how the predicted word's probability is computed
 * @property {'mean' | 'sum'} cbowContext  how CBOW combines the context rows into h
 * @property {number} dim  dimensions of the word vectors
 * @property {number} window  context words on each side
 * @property {boolean} dynamicWindow  word2vec's random window shrink
 * @property {number} negative  noise words per positive pair (negative sampling)
 * @property {number} noisePower  noise distribution exponent: P(w) ∝ count^power
 * @property {number} epochs  training epochs
 * @property {number} alpha  starting learning rate
 * @property {number} alphaFloor  the lowest learning rate, as a fraction of the starting one
 * @property {number} minCount  discard words seen fewer times
 * @property {number} sample  subsampling threshold for frequent words; 0 = off
 * @property {number | null} seed  seed for every random choice; same seed + settings + corpus = same vectors (one thread)
 * @property {number} threads  training threads (more than 1 = Hogwild, not bit-reproducible)
 * @property {boolean} lowercase  fold text to lower case
 * @property {boolean} stripPunctuation  treat punctuation as white space
 * @property {'words' | 'characters' | 'spaces'} chinese  Chinese text: cut into words (jieba), one token per character, or as written (spaces between words)
 */

/** @typedef {{min: number, max: number, minOpen: boolean, maxOpen: boolean}} Range */

/**
 * One setting. `name` is also a link's key (app/share.js) and the key of its label and
 * one-line help in i18n.js; `form`: whether the settings form shows it (the others come
 * with the preset or the own-text settings); `attribute`: <word2vec-demo>'s, if any.
 * @typedef {{name: keyof Settings, form: boolean, attribute: string | null} & (
 *   {kind: 'choice', options: readonly string[]}
 *   | {kind: 'int' | 'float', range: Range}
 *   | {kind: 'flag'})} Setting
 */

/** @type {readonly Setting[]} */
export const SCHEMA = [
  { name: 'architecture', kind: 'choice', options: ['cbow', 'skipgram'], form: true, attribute: 'arch' },
  { name: 'output', kind: 'choice', options: ['softmax', 'negative', 'hierarchical'], form: true, attribute: 'output' },
  { name: 'cbowContext', kind: 'choice', options: ['mean', 'sum'], form: false, attribute: null },
  { name: 'dim', kind: 'int', range: { min: 1, max: 1000, minOpen: false, maxOpen: false }, form: true, attribute: 'dim' },
  { name: 'window', kind: 'int', range: { min: 1, max: 100, minOpen: false, maxOpen: false }, form: true, attribute: 'window' },
  { name: 'dynamicWindow', kind: 'flag', form: false, attribute: null },
  { name: 'negative', kind: 'int', range: { min: 1, max: 100, minOpen: false, maxOpen: false }, form: true, attribute: null },
  { name: 'noisePower', kind: 'float', range: { min: 0, max: 2, minOpen: false, maxOpen: false }, form: true, attribute: null },
  { name: 'epochs', kind: 'int', range: { min: 1, max: 1000, minOpen: false, maxOpen: false }, form: true, attribute: 'epochs' },
  { name: 'alpha', kind: 'float', range: { min: 0, max: 10, minOpen: true, maxOpen: false }, form: true, attribute: null },
  { name: 'alphaFloor', kind: 'float', range: { min: 0, max: 1, minOpen: false, maxOpen: false }, form: true, attribute: null },
  { name: 'minCount', kind: 'int', range: { min: 1, max: 1000000, minOpen: false, maxOpen: false }, form: true, attribute: null },
  { name: 'sample', kind: 'float', range: { min: 0, max: 1, minOpen: false, maxOpen: true }, form: true, attribute: null },
  { name: 'seed', kind: 'int', range: { min: 0, max: 4294967295, minOpen: false, maxOpen: false }, form: true, attribute: 'seed' },
  { name: 'threads', kind: 'int', range: { min: 1, max: 64, minOpen: false, maxOpen: false }, form: true, attribute: null },
  { name: 'lowercase', kind: 'flag', form: false, attribute: null },
  { name: 'stripPunctuation', kind: 'flag', form: false, attribute: null },
  { name: 'chinese', kind: 'choice', options: ['words', 'characters', 'spaces'], form: true, attribute: 'chinese' },
];

/** The starting learning rate word2vec uses for each architecture (`Config::default_alpha`). */
export const DEFAULT_ALPHA = { cbow: 0.05, skipgram: 0.025 };
