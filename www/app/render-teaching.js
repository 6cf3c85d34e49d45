// Renders the teaching views (views/teach/) from the page state, each only when what it shows
// has changed. render.js decides when (paced while training; out of sight, snapshots skipped).

import { $, setFlag } from './dom.js';
import { pathWord } from './state.js';
import { renderBlank } from '../views/teach/blank.js';
import { renderHuffman } from '../views/teach/huffman.js';
import { renderLesson } from '../views/teach/lesson-card.js';
import { renderNoise } from '../views/teach/noise.js';
import { renderSamples } from '../views/teach/samples.js';
import { renderStep } from '../views/teach/step.js';
import { renderWeights } from '../views/teach/weights.js';

/** @typedef {import('./state.js').AppState} AppState */
/** @typedef {import('../core/i18n.js').Translate} Translate */

/**
 * @param {AppState} st @param {AppState | null} prev @param {Translate} t
 */
export function renderTeaching(st, prev, t) {
  const lang = !prev || st.lang !== prev.lang;
  const words = st.vocab?.words ?? [];
  const architecture = st.raw.architecture === 'skipgram' ? 'skipgram' : 'cbow';
  const output = st.raw.output === 'softmax' || st.raw.output === 'hierarchical' ? st.raw.output : 'negative';
  if (lang || st.lessonStep !== prev.lessonStep) {
    renderLesson({
      title: $('lesson-title'),
      text: $('lesson-text'),
      start: /** @type {HTMLButtonElement} */ ($('lesson-start')),
      prev: /** @type {HTMLButtonElement} */ ($('lesson-prev')),
      next: /** @type {HTMLButtonElement} */ ($('lesson-next')),
    }, st.lessonStep, t);
  }
  const traceChanged = lang || st.trace !== prev.trace || st.vocab !== prev.vocab;
  if (traceChanged) {
    renderSamples($('samples-view'), st.trace, words, architecture, t);
    // Which moment of training the views show (words trained so far): tests wait on it.
    $('samples-view').dataset.wordsDone = st.trace ? String(st.trace.progress.wordsDone) : '';
  }
  if (traceChanged || st.traceSample !== prev.traceSample) {
    renderStep($('step-view'), st.trace, st.traceSample, words, output, t);
    setFlag($('prev-pair'), 'hidden', (st.trace?.samples.length ?? 0) < 2);
    setFlag(/** @type {HTMLButtonElement} */ ($('prev-pair')), 'disabled', st.traceSample === 0);
  }
  if (lang || st.running !== prev.running) {
    $('run-steps').setAttribute('aria-pressed', String(st.running));
  }
  if (lang || st.noise !== prev.noise || st.shownPower !== prev.shownPower || st.drawn !== prev.drawn || st.vocab !== prev.vocab) {
    $('noise-power-value').textContent = st.shownPower.toFixed(2);
    if (st.vocab) renderNoise($('noise-view'), { words, counts: st.vocab.counts, noise: st.noise, power: st.shownPower, drawn: st.drawn }, t);
  }
  const word = pathWord(st);
  if (lang || st.tree !== prev.tree || word !== pathWord(prev)) renderHuffman($('huffman-view'), st.tree, words, word, t);
  const weights = st.snapshot?.weights ?? null;
  if (lang || weights !== (prev.snapshot?.weights ?? null)) {
    renderWeights($('weights-view'), weights, words, output, t);
    $('weights-view').dataset.wordsDone = weights && st.snapshot ? String(st.snapshot.progress.wordsDone) : '';
  }
  if (lang || st.prediction !== prev.prediction || st.blank !== prev.blank) {
    renderBlank(/** @type {HTMLOListElement} */ ($('blank-results')), $('blank-note'), st.blank, st.prediction, t);
  }
}
