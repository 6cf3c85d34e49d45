// A link that reproduces what the author saw: the URL's fragment holds the preset (or the user's
// own text, compressed), every setting including the seed, the queries, the projection, the
// colouring, the speed, the language, and whether the model was trained.
//
// Like TensorFlow Playground, the page keeps its address up to date as the state changes
// (`history.replaceState`, a moment after the last change), so the address bar, a bookmark or
// "Copy link" always give the current state; opening such a link (in any browser, with an empty
// profile) restores it, and with one training thread the same seed trains the same vectors bit
// for bit (several threads share rows Hogwild-style and are not reproducible).
//
// The fragment is readable (`#preset=royal&dim=30&seed=7&q=king&train=1`), except the user's own
// text: `text=` holds it deflated (the browser's CompressionStream) and base64url-encoded, up to
// MAX_PACKED characters; a larger text cannot travel in a link (`text=large`). Everything read
// from a fragment is checked here and again by the settings form: a link is input like any other.
//
// `shareFragment` and `readFragment` are pure and unit-tested under Node (tests/js/share.test.mjs).

import { SCHEMA } from '../core/settings.js';

/** @typedef {import('./state.js').AppState} AppState */
/** @typedef {import('../core/protocol.js').Settings} Settings */

/** Longest packed text a link carries (characters of base64url): links stay shareable. */
export const MAX_PACKED = 16_000;

/** The custom axes' words in a link. */
const AXES = /** @type {const} */ (['xfrom', 'xto', 'yfrom', 'yto']);


/**
 * What a link holds.
 * @typedef {object} Shared
 * @property {string} preset          a preset's name, or 'custom'
 * @property {string | null} text     the user's own text, packed (custom only; null if it was too large)
 * @property {Partial<Settings>} settings  the fields the link has (checked by type and choice)
 * @property {string} userWords     the Dictionary words, one a line
 * @property {string} query
 * @property {string} pairsText
 * @property {[string, string, string]} analogy
 * @property {'frequency' | 'cluster' | null} colourBy
 * @property {import('../core/protocol.js').Projection | null} projection
 * @property {number | null} speedLevel
 * @property {import('../core/i18n.js').Lang | null} lang
 * @property {boolean} train          train as soon as the link is open
 */

/**
 * The fragment (without '#') for the page's state.
 * @param {AppState} st
 * @param {Settings | null} settings  the checked settings (null while a field is invalid: left out)
 * @param {string | null} packed      the user's own text packed (`packText`), or null if it is too large
 */
export function shareFragment(st, settings, packed) {
  const p = new URLSearchParams();
  p.set('preset', st.preset);
  if (st.preset === 'custom') p.set('text', packed ?? 'large');
  if (settings) {
    for (const { name } of SCHEMA) {
      const v = settings[name];
      p.set(name, typeof v === 'boolean' ? (v ? '1' : '0') : String(v));
    }
  }
  if (st.userWords.trim()) p.set('dict', st.userWords);
  if (st.query) p.set('q', st.query);
  if (st.pairsText) p.set('pairs', st.pairsText);
  if (st.analogy.some((w) => w !== '')) p.set('analogy', st.analogy.join(','));
  const proj = st.projection;
  p.set('proj', proj.kind);
  if (proj.kind === 'tsne') p.set('perplexity', String(proj.perplexity));
  if (proj.kind === 'umap') p.set('neighbours', String(proj.neighbours));
  if (proj.kind === 'axes') AXES.forEach((key, i) => p.set(key, proj.words[i]));
  p.set('colour', st.colourBy);
  p.set('speed', String(st.speedLevel));
  p.set('lang', st.lang);
  if (st.run === 'done' || st.run === 'training' || (st.snapshot?.progress.wordsDone ?? 0) > 0) p.set('train', '1');
  return p.toString();
}

/**
 * A fragment read back, or null if it is not a link of this page (no `preset`). Fields of the
 * wrong type or out of their choices are left out (the page then keeps its own).
 * @param {string} hash  location.hash, with or without '#'
 * @param {number} speedLevels
 * @returns {Shared | null}
 */
export function readFragment(hash, speedLevels) {
  const p = new URLSearchParams(hash.replace(/^#/, ''));
  const preset = p.get('preset');
  if (!preset || !/^[a-z-]{1,40}$/.test(preset)) return null;
  /** @type {Record<string, unknown>} */
  const settings = {};
  // Each setting by its kind (settings.js SCHEMA): a number, a 0/1 flag, or one of its options.
  for (const s of SCHEMA) {
    const raw = p.get(s.name);
    if (raw === null) continue;
    if (s.kind === 'int' || s.kind === 'float') {
      const x = Number(raw);
      if (raw.trim() !== '' && Number.isFinite(x)) settings[s.name] = x;
    } else if (s.kind === 'flag') {
      if (raw === '0' || raw === '1') settings[s.name] = raw === '1';
    } else if (s.kind === 'choice' && s.options.includes(raw)) {
      settings[s.name] = raw;
    }
  }
  const analogy = (p.get('analogy') ?? '').split(',');
  const speed = Number(p.get('speed'));
  const colour = p.get('colour');
  const lang = p.get('lang');
  const text = p.get('text');
  return {
    preset,
    text: preset === 'custom' && text !== null && text !== 'large' && /^[A-Za-z0-9_-]+$/.test(text) ? text : null,
    settings: /** @type {Partial<Settings>} */ (settings),
    userWords: p.get('dict') ?? '',
    query: p.get('q') ?? '',
    pairsText: p.get('pairs') ?? '',
    analogy: analogy.length === 3 ? /** @type {[string, string, string]} */ (analogy) : ['', '', ''],
    colourBy: colour === 'frequency' || colour === 'cluster' ? colour : null,
    projection: readProjection(p),
    speedLevel: Number.isInteger(speed) && speed >= 0 && speed < speedLevels && p.has('speed') ? speed : null,
    lang: lang === 'en' || lang === 'zh' ? lang : null,
    train: p.get('train') === '1',
  };
}

/**
 * The projection a link names, with its parameter in range, or null.
 * @param {URLSearchParams} p @returns {import('../core/protocol.js').Projection | null}
 */
function readProjection(p) {
  const kind = p.get('proj');
  const within = (/** @type {string} */ key) => {
    const x = Number(p.get(key));
    return Number.isInteger(x) && x >= 2 && x <= 100 ? x : null;
  };
  if (kind === 'pca') return { kind };
  if (kind === 'tsne') return { kind, perplexity: within('perplexity') ?? 10 };
  if (kind === 'umap') return { kind, neighbours: within('neighbours') ?? 15 };
  if (kind === 'axes') {
    const words = AXES.map((key) => p.get(key) ?? '');
    return { kind, words: /** @type {[string, string, string, string]} */ (words) };
  }
  return null;
}

/** @param {Uint8Array} bytes */
function base64url(bytes) {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** @param {string} s */
function fromBase64url(s) {
  const bin = atob(s.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(bin, (c) => c.charCodeAt(0));
}

/**
 * @param {Uint8Array} bytes @param {CompressionStream | DecompressionStream} stream
 * @returns {Promise<Uint8Array>}
 */
async function through(bytes, stream) {
  const out = new Response(new Blob([/** @type {Uint8Array<ArrayBuffer>} */ (bytes)]).stream().pipeThrough(stream));
  return new Uint8Array(await out.arrayBuffer());
}

/**
 * A text deflated and base64url-encoded, or null if that is longer than MAX_PACKED.
 * @param {string} text @returns {Promise<string | null>}
 */
export async function packText(text) {
  // Deflate shrinks text at best ~1000×: a text that long cannot fit, whatever it holds.
  if (text.length > MAX_PACKED * 1000) return null;
  const packed = base64url(await through(new TextEncoder().encode(text), new CompressionStream('deflate-raw')));
  return packed.length <= MAX_PACKED ? packed : null;
}

/**
 * The text a link carries. Throws if it is not a packed text (a damaged link).
 * @param {string} packed @returns {Promise<string>}
 */
export async function unpackText(packed) {
  // A link holds at most MAX_PACKED characters; its text at most what those inflate to.
  const bytes = await through(fromBase64url(packed.slice(0, MAX_PACKED)), new DecompressionStream('deflate-raw'));
  return new TextDecoder().decode(bytes);
}
