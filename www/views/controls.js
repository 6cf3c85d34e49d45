// The hyperparameter form, built from settings.js's FIELDS: a labelled input per field, its
// one-line help, and its error message when the typed value is refused.

/** @typedef {import('../core/settings.js').Field} Field */
/** @typedef {import('../core/settings.js').FieldError} FieldError */
/** @typedef {import('../core/i18n.js').Translate} Translate */

import { FIELDS } from '../core/settings.js';

/**
 * Build the form's inputs once; `onInput(name, raw)` is called on every edit.
 * @param {HTMLElement} container @param {(name: string, raw: string | boolean) => void} onInput
 * @returns {Map<string, HTMLInputElement | HTMLSelectElement>}
 */
export function buildSettingsForm(container, onInput) {
  /** @type {Map<string, HTMLInputElement | HTMLSelectElement>} */
  const inputs = new Map();
  for (const field of FIELDS) {
    const row = document.createElement('div');
    row.className = `field field-${field.kind}`;
    const id = `setting-${field.name}`;
    const label = document.createElement('label');
    label.htmlFor = id;
    label.dataset.i18n = field.key;
    /** @type {HTMLInputElement | HTMLSelectElement} */
    let input;
    if (field.kind === 'choice') {
      const select = document.createElement('select');
      for (const value of field.options) {
        const option = document.createElement('option');
        option.value = value;
        option.dataset.i18n = `${field.key}.${value}`;
        select.append(option);
      }
      input = select;
      input.addEventListener('change', () => onInput(field.name, select.value));
    } else if (field.kind === 'flag') {
      const box = document.createElement('input');
      box.type = 'checkbox';
      input = box;
      input.addEventListener('change', () => onInput(field.name, box.checked));
    } else {
      const num = document.createElement('input');
      num.type = 'number';
      num.step = field.kind === 'int' ? '1' : 'any';
      num.inputMode = field.kind === 'int' ? 'numeric' : 'decimal';
      input = num;
      input.addEventListener('input', () => onInput(field.name, num.value));
    }
    input.id = id;
    input.name = field.name;
    const help = document.createElement('small');
    help.id = `${id}-help`;
    help.className = 'help';
    help.dataset.i18n = `${field.key}.help`;
    const error = document.createElement('small');
    error.id = `${id}-error`;
    error.className = 'error';
    error.setAttribute('role', 'alert');
    input.setAttribute('aria-describedby', `${help.id} ${error.id}`);
    if (field.kind === 'flag') row.append(input, label, help, error);
    else row.append(label, input, help, error);
    container.append(row);
    inputs.set(field.name, input);
  }
  return inputs;
}

/**
 * Show the raw values (leaving the field being typed in alone) and the errors.
 * @param {Map<string, HTMLInputElement | HTMLSelectElement>} inputs
 * @param {Record<string, string | boolean>} raw
 * @param {Partial<Record<string, FieldError>>} errors
 * @param {Translate} t
 */
export function renderSettingsForm(inputs, raw, errors, t) {
  for (const [name, input] of inputs) {
    const value = raw[name];
    if (value === undefined) {
      // Nothing loaded yet.
    } else if (input instanceof HTMLInputElement && input.type === 'checkbox') {
      input.checked = Boolean(value);
    } else if (document.activeElement !== input && input.value !== String(value)) {
      input.value = String(value);
    }
    const err = errors[name];
    input.setAttribute('aria-invalid', err ? 'true' : 'false');
    const box = document.getElementById(`${input.id}-error`);
    if (box) box.textContent = err ? t(err.key, err.params) : '';
  }
}

/**
 * Fill every element carrying `data-i18n` (text) or `data-i18n-placeholder` / `data-i18n-label`.
 * @param {ParentNode} root @param {Translate} t
 */
export function applyText(root, t) {
  for (const el of root.querySelectorAll('[data-i18n]')) {
    el.textContent = t(/** @type {HTMLElement} */ (el).dataset.i18n ?? '');
  }
  for (const el of root.querySelectorAll('[data-i18n-placeholder]')) {
    /** @type {HTMLInputElement} */ (el).placeholder = t(/** @type {HTMLElement} */ (el).dataset.i18nPlaceholder ?? '');
  }
  for (const el of root.querySelectorAll('[data-i18n-label]')) {
    el.setAttribute('aria-label', t(/** @type {HTMLElement} */ (el).dataset.i18nLabel ?? ''));
  }
}
