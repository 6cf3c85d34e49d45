import assert from 'node:assert/strict';
import { test } from 'node:test';
import { addLoss, initialState, MAX_LOSS_POINTS, plotData } from '../../www/app/state.js';

/** @typedef {import('../../www/protocol.js').Snapshot} Snapshot */

/** A snapshot with just what the functions under test read. @returns {Snapshot} */
function snapshot(/** @type {number} */ done, /** @type {number | null} */ loss, coords = new Float32Array(6)) {
  return /** @type {any} */ ({ progress: { wordsDone: done, totalWords: 100 }, loss, coords, clusters: null });
}

test('a fresh page takes language and preset from the URL', () => {
  const st = initialState('?lang=zh&preset=royal', ['en']);
  assert.equal(st.lang, 'zh');
  assert.equal(st.preset, 'royal');
  assert.equal(initialState('', ['en']).preset, 'tutorial');
  assert.equal(st.run, 'loading');
});

test('the loss curve grows by snapshots with a loss and stays short', () => {
  let curve = addLoss([], snapshot(10, 2.5));
  assert.deepEqual(curve, [{ x: 0.1, loss: 2.5 }]);
  assert.equal(addLoss(curve, snapshot(20, null)), curve);
  for (let i = 0; i < 5 * MAX_LOSS_POINTS; i++) curve = addLoss(curve, snapshot(i / 50, 1 + 1 / (i + 1)));
  assert.ok(curve.length <= MAX_LOSS_POINTS);
  assert.equal(curve.at(-1)?.loss, 1 + 1 / (5 * MAX_LOSS_POINTS));
  for (let i = 1; i < curve.length; i++) assert.ok(curve[i].x >= curve[i - 1].x);
});

test('plot data: selection, highlighted neighbours and the analogy by id', () => {
  const st = initialState('', ['en']);
  const words = ['man', 'king', 'woman', 'queen'];
  const base = {
    ...st,
    vocab: { words, counts: Uint32Array.from([4, 3, 2, 1]), corpusTokens: 10, dim: 2 },
    query: 'king',
    analogy: /** @type {[string, string, string]} */ (['man', 'king', 'woman']),
    answers: {
      neighbours: { word: 'king', list: [{ word: 'queen', score: 0.9 }], error: null, suggestions: [] },
      pairs: [],
      analogy: { list: [{ word: 'queen', score: 0.8 }], error: null },
    },
  };
  assert.equal(plotData({ ...base, snapshot: snapshot(0, null, new Float32Array(6)) }), null, 'coords of another vocabulary');
  const data = plotData({ ...base, snapshot: snapshot(0, null, new Float32Array(8)) });
  assert.ok(data);
  assert.equal(data.selected, 1);
  assert.deepEqual(data.analogy, { a: 0, b: 1, c: 2, d: 3 });
  assert.deepEqual([...data.highlighted].sort(), [0, 1, 2, 3]);
  const unknown = plotData({ ...base, query: 'dragon', analogy: ['man', 'dragon', 'woman'], snapshot: snapshot(0, null, new Float32Array(8)) });
  assert.equal(unknown?.selected, -1);
  assert.equal(unknown?.analogy, null);
});
