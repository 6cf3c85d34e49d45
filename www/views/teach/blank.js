// Fill in the blank (tutorial §1, the distributional hypothesis as a question to the model):
// the user writes a context with a blank, `我 喜欢 喝 ___` or, as Chinese is written, `我喜欢喝___`,
// and sees what the model predicts for the blank — CBOW's reading: h from the context words,
// p(w | h) from the output layer, the context's own words left out. The worker cuts the context
// into words as it cut the corpus.

import { renderScored } from '../panels.js';
import { el } from './format.js';

/** @typedef {import('../../core/protocol.js').Prediction} Prediction */
/** @typedef {import('../../core/i18n.js').Translate} Translate */

/** The blank in a context: two or more underscores, or a full-width ＿. */
const BLANK = /_{2,}|＿+/;

/**
 * The context around the blank, the blank itself made a space (`我喜欢喝___` → `我喜欢喝 `), or
 * null if there is no blank.
 * @param {string} text @returns {string | null}
 */
export function contextOf(text) {
  if (!BLANK.test(text)) return null;
  return text.replace(new RegExp(BLANK.source, 'g'), ' ');
}

/**
 * @param {HTMLOListElement} list @param {HTMLElement} note @param {string} text
 * @param {Prediction | null} prediction @param {Translate} t
 */
export function renderBlank(list, note, text, prediction, t) {
  const context = contextOf(text);
  if (context === null) {
    renderScored(list, [], t('blank.needBlank'));
    note.textContent = '';
    return;
  }
  renderScored(list, prediction?.list ?? [], prediction && prediction.list.length === 0 ? t('blank.noContext') : null);
  note.replaceChildren();
  if (prediction && prediction.unknown.length > 0) {
    note.append(el('span', t('blank.unknown', { words: prediction.unknown.join(' ') })));
  }
}
