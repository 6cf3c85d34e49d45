// Projections beyond PCA through the worker's session (real wasm, both modules): t-SNE and UMAP
// are seeded (the same seed, the same picture), lay out at most LAYOUT_POINTS words, and custom
// axes refuse unknown words by name; `align` turns a picture back onto the last one.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { LAYOUT_POINTS } from '../../www/core/protocol.js';
import { align, seededRandom } from '../../www/worker/layouts.js';
import { Session } from '../../www/worker/session.js';
import wasm from './wasm.mjs';
import explore from './wasm-explore.mjs';

/** @typedef {import('../../www/core/protocol.js').Snapshot} Snapshot */

function session() {
  /** @type {Snapshot[]} */
  const snaps = [];
  const s = new Session(wasm, (m) => {
    if (m.type === 'snapshot') snaps.push(m.snapshot);
  }, { schedule: () => {}, explore: async () => explore });
  return { s, last: () => /** @type {Snapshot} */ (snaps.at(-1)) };
}

const royal = /** @type {import('../../www/core/protocol.js').Preset} */ (wasm.preset('royal', 1));

test('align undoes a rotation and a mirror', () => {
  const shape = new Float32Array([0, 0, 3, 0, 3, 1, 0, 2, 1, 5]);
  for (const [angle, mirror] of /** @type {[number, boolean][]} */ ([[0.7, false], [-2.1, true]])) {
    const moved = new Float32Array(shape.length);
    for (let i = 0; i < 5; i++) {
      const [x, y] = [shape[2 * i], (mirror ? -1 : 1) * shape[2 * i + 1]];
      moved[2 * i] = 10 + Math.cos(angle) * x - Math.sin(angle) * y;
      moved[2 * i + 1] = -4 + Math.sin(angle) * x + Math.cos(angle) * y;
    }
    const back = align(shape, moved);
    // Same shape as the original, at the moved picture's centre.
    const d = (/** @type {Float32Array} */ a, /** @type {number} */ i, /** @type {number} */ j) => Math.hypot(a[2 * i] - a[2 * j], a[2 * i + 1] - a[2 * j + 1]);
    for (let i = 1; i < 5; i++) {
      const before = [shape[2 * i] - shape[0], shape[2 * i + 1] - shape[1]];
      const after = [back[2 * i] - back[0], back[2 * i + 1] - back[1]];
      assert.ok(Math.hypot(before[0] - after[0], before[1] - after[1]) < 1e-4, `angle ${angle}, point ${i}`);
      assert.ok(Math.abs(d(back, 0, i) - d(shape, 0, i)) < 1e-4);
    }
  }
  const a = seededRandom(3);
  const b = seededRandom(3);
  assert.deepEqual([a(), a(), a()], [b(), b(), b()]);
});

test('t-SNE and UMAP: the same seed gives the same picture; switching back gives PCA', async () => {
  /** @param {import('../../www/core/protocol.js').Projection} projection */
  const picture = async (projection) => {
    const { s, last } = session();
    await s.load(royal.text, royal.settings);
    await s.setProjection(projection);
    return last();
  };
  for (const projection of /** @type {import('../../www/core/protocol.js').Projection[]} */ ([{ kind: 'tsne', perplexity: 8 }, { kind: 'umap', neighbours: 10 }])) {
    const a = await picture(projection);
    const b = await picture(projection);
    assert.equal(a.projection, projection.kind);
    assert.deepEqual(a.explained, []);
    assert.ok(a.coords.every(Number.isFinite), `${projection.kind}: every word placed`);
    assert.deepEqual(Array.from(a.coords), Array.from(b.coords), `${projection.kind}: same seed, same picture`);
  }
  const { s, last } = session();
  await s.load(royal.text, royal.settings);
  const pca = Array.from(last().coords);
  await s.setProjection({ kind: 'tsne', perplexity: 8 });
  await s.setProjection({ kind: 'pca' });
  assert.equal(last().projection, 'pca');
  // The same picture (PCA carries on from its last axes, so up to rounding).
  assert.ok(Array.from(last().coords).every((x, i) => Math.abs(x - pca[i]) < 1e-3));
});

test('t-SNE lays out the most frequent words; the rest are not placed', async () => {
  const words = LAYOUT_POINTS + 200;
  const text = Array.from({ length: 3 * words }, (_, i) => `w${(i * 7919) % words} w${(i * 104729) % words} w${i % words}`).join('\n');
  const { s, last } = session();
  await s.load(text, { ...royal.settings, dim: 8, minCount: 1 });
  await s.setProjection({ kind: 'tsne', perplexity: 5 });
  const c = last().coords;
  assert.equal(c.length, 2 * words);
  assert.ok(c.subarray(0, 2 * LAYOUT_POINTS).every(Number.isFinite));
  assert.ok(c.subarray(2 * LAYOUT_POINTS).every(Number.isNaN));
});

test('custom axes: words along their directions; an unknown word is refused and PCA stays', async () => {
  const { s, last } = session();
  await s.load(royal.text, royal.settings);
  await assert.rejects(s.setProjection({ kind: 'axes', words: ['man', 'dragon', 'man', 'king'] }), { message: "'dragon' is not in the vocabulary" });
  assert.equal(last().projection, 'pca');
  await s.setProjection({ kind: 'axes', words: ['man', 'woman', 'man', 'king'] });
  assert.equal(last().projection, 'axes');
  // A new corpus without those words: the next picture says why and falls back to PCA.
  await s.load('the cat sat on the mat\nthe dog sat on the log\n', { ...royal.settings, minCount: 1 });
  assert.equal(last().projection, 'pca');
  assert.match(last().projectionError ?? '', /'man' is not in the vocabulary/);
});
