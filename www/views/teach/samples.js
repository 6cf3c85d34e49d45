// The sliding window (tutorial §2–3): the sentence being trained, its centre word and window, the
// tokens subsampling dropped, and the samples this position yields — one CBOW sample
// (context → centre) or 2c skip-gram pairs (centre → each context word).

import { morph } from '../morph.js';
import { el } from './format.js';

/** @typedef {import('../../core/protocol.js').Trace} Trace */
/** @typedef {import('../../core/i18n.js').Translate} Translate */

/**
 * @param {HTMLElement} root
 * @param {Trace | null} trace
 * @param {string[]} words
 * @param {'cbow' | 'skipgram'} architecture
 * @param {Translate} t
 */
export function renderSamples(root, trace, words, architecture, t) {
  if (!trace) {
    morph(root, [el('p', t('teach.noTrace'), 'help')]);
    return;
  }
  const context = new Set(trace.contextIndices);
  const tokens = el('p', undefined, 'tokens');
  trace.sentence.forEach((w, i) => {
    let cls = 'token';
    if (i === trace.centreIndex) cls += ' is-centre';
    else if (context.has(i)) cls += ' is-context';
    if (!trace.kept[i]) cls += ' is-dropped';
    const chip = el('span', words[w], cls);
    if (!trace.kept[i]) chip.title = t('samples.dropped');
    tokens.append(chip, ' ');
  });
  const legend = el('p', t('samples.legend', { c: trace.window }), 'help');
  const list = el('ol', undefined, 'samples');
  const name = (/** @type {number} */ id) => words[id];
  if (architecture === 'cbow') {
    const s = trace.samples[0];
    if (s) list.append(el('li', `({${s.inputs.map(name).join(', ')}} → ${name(s.target)})`));
  } else {
    for (const s of trace.samples) list.append(el('li', `(${name(s.inputs[0])} → ${name(s.target)})`));
  }
  const count = el('p', t(architecture === 'cbow' ? 'samples.cbow' : 'samples.skipgram', { n: trace.samples.length }), 'help');
  morph(root, [tokens, legend, count, list]);
}
