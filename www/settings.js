// The hyperparameter fields: what each is, its range, and how a typed value is checked.
// Pure data and functions (no DOM), so the checks are unit-tested (tests/js/settings.test.mjs),
// including that LIMITS equals what the Rust core enforces (`limits()` from the wasm module).

/** @typedef {import('./protocol.js').Settings} Settings */

/** @typedef {{min: number, max: number, minOpen: boolean, maxOpen: boolean}} Range */

/** @param {number} min @param {number} max @returns {Range} */
const closed = (min, max) => ({ min, max, minOpen: false, maxOpen: false });

/**
 * The allowed ranges, as src/config.rs `Config::validate` enforces them (and the seed, a u32).
 * An open end is itself refused. The unit tests compare this table with the wasm module's.
 * @type {Record<'dim' | 'window' | 'negative' | 'epochs' | 'minCount' | 'alpha' | 'noisePower' | 'sample' | 'seed' | 'threads', Range>}
 */
export const LIMITS = {
  alpha: { min: 0, max: 10, minOpen: true, maxOpen: false },
  dim: closed(1, 1000),
  epochs: closed(1, 1000),
  minCount: closed(1, 1000000),
  negative: closed(1, 100),
  noisePower: closed(0, 2),
  sample: { min: 0, max: 1, minOpen: false, maxOpen: true },
  seed: closed(0, 4294967295),
  threads: closed(1, 64),
  window: closed(1, 100),
};

/**
 * One field of the form. `key` names its label and one-line help in i18n.js.
 * @typedef {{name: keyof Settings, kind: 'choice', options: string[], key: string}
 *   | {name: keyof LIMITS & keyof Settings, kind: 'int' | 'float', key: string, step: string}
 *   | {name: keyof Settings, kind: 'flag', key: string}} Field
 */

/** How Chinese text becomes tokens (protocol.js `ChineseText`), in the menu's order. */
export const CHINESE_TEXT = /** @type {const} */ (['words', 'characters', 'spaces']);

/** @type {Field[]} */
export const FIELDS = [
  { name: 'architecture', kind: 'choice', options: ['cbow', 'skipgram'], key: 'architecture' },
  { name: 'output', kind: 'choice', options: ['softmax', 'negative', 'hierarchical'], key: 'output' },
  { name: 'dim', kind: 'int', key: 'dim', step: '1' },
  { name: 'window', kind: 'int', key: 'window', step: '1' },
  { name: 'negative', kind: 'int', key: 'negative', step: '1' },
  { name: 'noisePower', kind: 'float', key: 'noisePower', step: '0.05' },
  { name: 'epochs', kind: 'int', key: 'epochs', step: '1' },
  { name: 'alpha', kind: 'float', key: 'alpha', step: '0.005' },
  { name: 'minCount', kind: 'int', key: 'minCount', step: '1' },
  { name: 'sample', kind: 'float', key: 'sample', step: '0.0001' },
  { name: 'seed', kind: 'int', key: 'seed', step: '1' },
  { name: 'threads', kind: 'int', key: 'threads', step: '1' },
  { name: 'chinese', kind: 'choice', options: [...CHINESE_TEXT], key: 'chinese' },
];

/**
 * Why a typed value is refused: an i18n key and its parameters.
 * @typedef {{key: 'err.empty' | 'err.number' | 'err.integer' | 'err.range' | 'err.aboveMin' | 'err.belowMax' | 'err.choice', params: Record<string, string | number>}} FieldError
 */

/**
 * Check one field's raw value (what the input holds). Returns the parsed value or the reason.
 * @param {Field} field
 * @param {string | boolean} raw
 * @returns {{ok: true, value: string | number | boolean} | {ok: false, error: FieldError}}
 */
export function checkField(field, raw) {
  if (field.kind === 'flag') return { ok: true, value: Boolean(raw) };
  const text = String(raw).trim();
  if (field.kind === 'choice') {
    return field.options.includes(text)
      ? { ok: true, value: text }
      : { ok: false, error: { key: 'err.choice', params: { options: field.options.join(', ') } } };
  }
  if (text === '') return { ok: false, error: { key: 'err.empty', params: {} } };
  const value = Number(text);
  if (!Number.isFinite(value)) return { ok: false, error: { key: 'err.number', params: {} } };
  if (field.kind === 'int' && !Number.isInteger(value)) {
    return { ok: false, error: { key: 'err.integer', params: {} } };
  }
  const { min, max, minOpen, maxOpen } = LIMITS[field.name];
  const tooLow = minOpen ? value <= min : value < min;
  const tooHigh = maxOpen ? value >= max : value > max;
  if (tooLow || tooHigh) {
    const key = minOpen ? 'err.aboveMin' : maxOpen ? 'err.belowMax' : 'err.range';
    return { ok: false, error: { key, params: { min, max } } };
  }
  return { ok: true, value };
}

/**
 * Check every field. Settings are returned only if all fields pass; `base` supplies what the
 * form does not show (CBOW mean/sum, dynamic window, tokenizer switches).
 * @param {Record<string, string | boolean>} raw
 * @param {Settings} base
 * @returns {{settings: Settings | null, errors: Partial<Record<keyof Settings, FieldError>>}}
 */
export function checkSettings(raw, base) {
  /** @type {Record<string, unknown>} */
  const out = { ...base };
  /** @type {Partial<Record<keyof Settings, FieldError>>} */
  const errors = {};
  for (const field of FIELDS) {
    const r = checkField(field, raw[field.name] ?? '');
    if (r.ok) out[field.name] = r.value;
    else errors[field.name] = r.error;
  }
  const ok = Object.keys(errors).length === 0;
  return { settings: ok ? /** @type {Settings} */ (out) : null, errors };
}

/**
 * The form's raw values for some settings.
 * @param {Settings} s
 * @returns {Record<string, string | boolean>}
 */
export function rawFromSettings(s) {
  /** @type {Record<string, string | boolean>} */
  const raw = {};
  for (const f of FIELDS) {
    const v = s[f.name];
    raw[f.name] = typeof v === 'boolean' ? v : String(v);
  }
  return raw;
}

/** Speed levels of the speed slider, in corpus words per second; null is full speed. */
export const SPEEDS = [1, 10, 100, 1000, 10000, 100000, null];

/** The speed a preset starts at: the one-sentence tutorial runs slowly enough to watch. @param {string} preset */
export function defaultSpeedLevel(preset) {
  return preset === 'tutorial' ? SPEEDS.indexOf(1000) : SPEEDS.length - 1;
}
