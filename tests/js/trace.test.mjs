// The trace API (Lab.traceStep) on the tutorial's sentence, checked by hand: h, the softmax
// probabilities, the loss and the weight changes are recomputed here from the rows the trace
// reports, with the formulas of tutorial §2.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import wasm, { newLab } from './wasm.mjs';

const close = (/** @type {number} */ a, /** @type {number} */ b, eps = 1e-5) => Math.abs(a - b) <= eps * Math.max(1, Math.abs(b));

/** The tutorial preset (CBOW, full softmax, N = 3, window 2), traced until centre 改变. */
function traceAtChange() {
  const p = /** @type {import('../../www/core/protocol.js').Preset} */ (wasm.preset('tutorial', 1));
  const lab = newLab(p.text, p.settings);
  const words = lab.words();
  const before = lab.vectors();
  for (;;) {
    const t = lab.traceStep();
    if (words[t.centre] === '改变') return { lab, words, t, before, settings: p.settings };
  }
}

test('CBOW at 改变: the four context words, h their mean, five probabilities, the loss', () => {
  const { words, t } = traceAtChange();
  assert.deepEqual(t.sentence.map((/** @type {number} */ w) => words[w]), ['深度', '学习', '改变', '了', '世界']);
  assert.equal(t.centreIndex, 2);
  assert.equal(t.window, 2);
  assert.deepEqual(t.contextIndices, [0, 1, 3, 4]);
  assert.equal(t.samples.length, 1);
  const s = t.samples[0];
  assert.deepEqual(s.inputs.map((/** @type {number} */ w) => words[w]), ['深度', '学习', '了', '世界']);

  // h = (1/2c) Σ rows of W, from the rows as they were before the step.
  /** @type {Map<number, number[]>} */
  const rowsBefore = new Map(t.input.map((/** @type {any} */ r) => [r.row, r.before]));
  for (let k = 0; k < 3; k++) {
    const mean = s.inputs.reduce((/** @type {number} */ acc, /** @type {number} */ w) => acc + (rowsBefore.get(w)?.[k] ?? NaN), 0) / 4;
    assert.ok(close(s.h[k], mean), `h[${k}] = ${s.h[k]}, mean ${mean}`);
  }
  // u_j = v'_j · h, p = softmax(u), E = −log p(改变).
  /** @type {Map<number, number[]>} */
  const outBefore = new Map(t.output.map((/** @type {any} */ r) => [r.row, r.before]));
  const u = s.decisions.map((/** @type {any} */ d) => (outBefore.get(d.row) ?? []).reduce((a, x, k) => a + x * s.h[k], 0));
  const z = u.reduce((/** @type {number} */ a, /** @type {number} */ x) => a + Math.exp(x), 0);
  assert.equal(s.decisions.length, 5);
  s.decisions.forEach((/** @type {any} */ d, /** @type {number} */ j) => {
    assert.ok(close(d.score, u[j]), `u_${j}`);
    assert.ok(close(d.probability, Math.exp(u[j]) / z), `p_${j}`);
  });
  const sum = s.decisions.reduce((/** @type {number} */ a, /** @type {any} */ d) => a + d.probability, 0);
  assert.ok(close(sum, 1));
  const target = s.decisions.find((/** @type {any} */ d) => d.label === 1);
  assert.equal(target.row, t.centre);
  assert.ok(close(s.loss, -Math.log(target.probability)));
  // After the step the target is more likely.
  assert.ok(target.probabilityAfter > target.probability);
});

test('the step changes W′ by α(t − p)h and each context row of W by the same Σ α(t − p)v′', () => {
  const { t } = traceAtChange();
  const s = t.samples[0];
  /** @type {number[]} */
  const grad = [0, 0, 0];
  for (const d of s.decisions) {
    const g = s.alpha * (d.label - d.probability);
    const out = t.output.find((/** @type {any} */ r) => r.row === d.row);
    for (let k = 0; k < 3; k++) {
      grad[k] += g * out.before[k];
      assert.ok(close(out.after[k], out.before[k] + g * s.h[k], 1e-4), `W′[${d.row}][${k}]`);
    }
  }
  for (const r of t.input) {
    for (let k = 0; k < 3; k++) assert.ok(close(r.after[k], r.before[k] + grad[k], 1e-4), `W[${r.row}][${k}]`);
  }
});

test('the reported changes are exactly the model\'s: every other weight is untouched', () => {
  const { lab } = traceAtChange();
  const before = lab.vectors();
  const beforeOut = lab.outputHead(lab.words().length);
  const t = lab.traceStep();
  const after = lab.vectors();
  const afterOut = lab.outputHead(lab.words().length);
  const dim = lab.dim();
  /** @param {Float32Array} b @param {Float32Array} a @param {any[]} rows */
  const check = (b, a, rows) => {
    for (let r = 0; r < b.length / dim; r++) {
      const change = rows.find((x) => x.row === r);
      for (let k = 0; k < dim; k++) {
        assert.equal(a[r * dim + k], change ? change.after[k] : b[r * dim + k]);
        if (change) assert.equal(b[r * dim + k], change.before[k]);
      }
    }
  };
  check(before, after, t.input);
  check(beforeOut, afterOut, t.output);
});

test('noise distribution and Huffman tree from the vocabulary', () => {
  const p = /** @type {import('../../www/core/protocol.js').Preset} */ (wasm.preset('eat-drink', 1));
  const lab = newLab(p.text, p.settings);
  const counts = lab.counts();
  const q = lab.noiseDistribution(0.75);
  const z = Array.from(counts).reduce((a, c) => a + c ** 0.75, 0);
  counts.forEach((c, i) => assert.ok(close(q[i], c ** 0.75 / z, 1e-9)));
  const uniform = lab.noiseDistribution(0);
  assert.ok(close(uniform[0], 1 / counts.length, 1e-12));
  const tree = lab.huffmanTree();
  const n = counts.length;
  assert.equal(tree.parents.length, 2 * n - 1);
  assert.equal(tree.parents.filter((/** @type {number | null} */ x) => x === null).length, 1);
  assert.ok(tree.meanCodeLength <= tree.log2Vocab + 1 && tree.meanCodeLength > 1);
});
