// One training step, inside the network (tutorial §2–5), from a real traced step of the model:
// the one-hot inputs, the rows of W they select, h, then the output layer — every softmax
// probability, or the positive and k negative words with σ before and after the update, or the
// Huffman path's decisions — the loss −log p, and the rows of W and W′ the step changed (the
// largest changes first).

import { morph } from '../morph.js';
import { bar, el, num, table, vec } from './format.js';

/** Rows of W′ listed as changed before the rest fold into “n more rows”. */
const CHANGED_ROWS_SHOWN = 8;

/** @typedef {import('../../core/protocol.js').Trace} Trace */
/** @typedef {import('../../core/protocol.js').TracedSample} TracedSample */
/** @typedef {import('../../core/i18n.js').Translate} Translate */

/**
 * @param {HTMLElement} root
 * @param {Trace | null} trace
 * @param {number} index  which sample of the position (skip-gram has 2c)
 * @param {string[]} words
 * @param {'softmax' | 'negative' | 'hierarchical'} output
 * @param {Translate} t
 */
export function renderStep(root, trace, index, words, output, t) {
  const s = trace?.samples[Math.min(index, trace.samples.length - 1)];
  if (!trace || !s) {
    morph(root, [el('p', t(trace ? 'step.noSample' : 'teach.noTrace'), 'help')]);
    return;
  }
  const name = (/** @type {number} */ id) => words[id] ?? `#${id}`;
  const node = (/** @type {number} */ row) => (output === 'hierarchical' ? t('step.node', { n: row }) : name(row));
  const parts = [];

  // Notes that only a position with several samples (skip-gram) needs are there but hidden for
  // one sample, so that every step has the same elements: the next step only changes their text
  // (morph), where a note appearing at the top made every table after it new.
  const several = trace.samples.length > 1;
  parts.push(note(several ? t('step.which', { i: index + 1, n: trace.samples.length, target: name(s.target) }) : ''));

  // 1–2. One-hot inputs and the rows of W they pick out.
  const inRows = new Map(trace.input.map((r) => [r.row, r]));
  parts.push(el('h4', t('step.inputs')));
  parts.push(table([t('step.word'), t('step.onehot'), t('step.row')], s.inputs.map((w) => [
    name(w),
    words.length <= 12 ? words.map((_, j) => (j === w ? '1' : '0')).join('') : t('step.onehotAt', { k: w }),
    vec(inRows.get(w)?.before ?? []),
  ]), 'cells'));

  // 3. h.
  parts.push(el('p', `h = ${vec(s.h)}${s.inputs.length > 1 ? `  ${t('step.mean', { n: s.inputs.length })}` : ''}`, 'formula'));

  // 4. The output layer.
  if (output === 'softmax') {
    const target = s.decisions.find((d) => d.label === 1);
    parts.push(el('h4', t('step.softmax')));
    const sum = s.decisions.reduce((a, d) => a + d.probability, 0);
    const max = Math.max(...s.decisions.map((d) => Math.max(d.probability, d.probabilityAfter)));
    const shown = [...s.decisions].sort((a, b) => b.probability - a.probability).slice(0, 30);
    if (target && !shown.includes(target)) shown.push(target);
    parts.push(table([t('step.word'), 'u = v′·h', 'p', t('step.after')], shown.map((d) => [
      d.label === 1 ? `${name(d.row)} ✓` : name(d.row),
      num(d.score),
      bar(d.probability / max, num(d.probability), d.label === 1 ? 'target' : ''),
      num(d.probabilityAfter),
    ]), 'cells decisions'));
    parts.push(el('p', t('step.sum', { sum: num(sum), n: s.decisions.length }), 'help sum'));
  } else if (output === 'negative') {
    parts.push(el('h4', t('step.negative', { k: s.decisions.length - 1 })));
    parts.push(table([t('step.word'), t('step.label'), 'u = v′·h', 'σ(u)', t('step.after')], s.decisions.map((d) => [
      name(d.row),
      d.label === 1 ? t('step.positive') : t('step.noise'),
      num(d.score),
      bar(d.probability, num(d.probability), d.label === 1 ? 'target' : 'noise'),
      num(d.probabilityAfter),
    ]), 'cells decisions'));
  } else {
    parts.push(el('h4', t('step.path', { n: s.decisions.length, word: name(s.target) })));
    parts.push(table([t('step.nodeColumn'), t('step.branch'), 'u = v′·h', t('step.pBranch'), t('step.after')], s.decisions.map((d) => {
      // Label 1 means the path goes the σ(u) way (code bit 0), label 0 the 1 − σ(u) way.
      const p = d.label === 1 ? d.probability : 1 - d.probability;
      const after = d.label === 1 ? d.probabilityAfter : 1 - d.probabilityAfter;
      return [node(d.row), d.label === 1 ? t('step.left') : t('step.right'), num(d.score), bar(p, num(p), 'target'), num(after)];
    }), 'cells decisions'));
  }
  parts.push(el('p', t('step.loss', { loss: num(s.loss), alpha: s.alpha.toPrecision(3) }), 'formula loss'));

  // 5. What the step changed.
  parts.push(el('h4', t('step.changed')));
  parts.push(note(several ? t('step.wholePosition') : ''));
  const norm = (/** @type {number[]} */ a, /** @type {number[]} */ b) => Math.sqrt(a.reduce((acc, x, k) => acc + (b[k] - x) ** 2, 0));
  /** @param {string} matrix @param {string} label @param {{before: number[], after: number[]}} r */
  const change = (matrix, label, r) => [matrix, label, vec(r.after.map((x, k) => x - r.before[k])), num(norm(r.before, r.after))];
  // The input rows, then the output rows that moved, the largest change first; past the first
  // CHANGED_ROWS_SHOWN the rest fold away (a skip-gram position over a deep Huffman tree moves dozens).
  const moved = trace.output.map((r) => ({ r, size: norm(r.before, r.after) })).filter((m) => m.size > 0)
    .sort((a, b) => b.size - a.size || a.r.row - b.r.row).map((m) => m.r);
  const head = [t('step.matrix'), t('step.row'), 'Δ', '‖Δ‖'];
  parts.push(table(head, [
    ...trace.input.map((r) => change('W', name(r.row), r)),
    ...moved.slice(0, CHANGED_ROWS_SHOWN).map((r) => change('W′', node(r.row), r)),
  ], 'cells changes'));
  if (moved.length > CHANGED_ROWS_SHOWN) {
    const more = el('details', undefined, 'more-changes');
    more.append(
      el('summary', t('step.moreChanged', { n: moved.length - CHANGED_ROWS_SHOWN })),
      table(head, moved.slice(CHANGED_ROWS_SHOWN).map((r) => change('W′', node(r.row), r)), 'cells changes'),
    );
    parts.push(more);
  }
  morph(root, parts);
}

/** A help note, hidden when it has nothing to say. @param {string} text */
function note(text) {
  const p = el('p', text, 'help');
  p.hidden = text === '';
  return p;
}
