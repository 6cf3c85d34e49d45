// The settings of the page: the form's FIELDS, the ranges (LIMITS) and the checks, derived from
// SCHEMA, the table the Rust core writes (www/core/schema.js, generated from src/config.rs and
// src/text/tokenize.rs, so the page, the binding, the CLI and the core cannot disagree).
// Pure data and functions (no DOM), so the checks are unit-tested (tests/js/settings.test.mjs),
// including that LIMITS equals what the Rust core enforces (`limits()` from the wasm module).

import { SCHEMA } from './schema.js';

export { SCHEMA };

/** @typedef {import('./schema.js').Settings} Settings */
/** @typedef {import('./schema.js').Setting} Setting */
/** @typedef {import('./schema.js').Range} Range */

/**
 * One field of the form: a setting it shows, with `key` naming its label and help in i18n.js.
 * @typedef {Setting & {key: string}} Field
 */

/** @type {Field[]} */
export const FIELDS = SCHEMA.filter((s) => s.form).map((s) => ({ ...s, key: s.name }));

/**
 * The numeric settings' ranges, by name.
 * @type {Record<string, Range>}
 */
export const LIMITS = Object.fromEntries(SCHEMA.flatMap((s) => (s.kind === 'int' || s.kind === 'float' ? [[s.name, s.range]] : [])));

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
  const { min, max, minOpen, maxOpen } = field.range;
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
