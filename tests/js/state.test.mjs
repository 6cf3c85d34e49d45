import assert from 'node:assert/strict';
import { test } from 'node:test';
import { addLoss, compareSide, duration, estimate, initialState, MAX_LOSS_POINTS, ownTextThreads, plotData, rateKey, withSide } from '../../www/app/state.js';
import { contextOf } from '../../www/views/teach/blank.js';

/** @typedef {import('../../www/core/protocol.js').Snapshot} Snapshot */

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

test('the estimate: exact in slow motion, measured at full speed, unknown before a measurement', () => {
  const speeds = [1, 1000, null];
  const progress = { wordsDone: 15000, totalWords: 4515000, epoch: 0, epochs: 300, alpha: 0.025, loss: null, predictions: 0, done: false };
  const snapshot = /** @type {Snapshot} */ (/** @type {unknown} */ ({ progress, wordsPerSecond: 0 }));
  const vocab = { words: ['a', 'b'], counts: new Uint32Array(2), corpusTokens: 15000, dim: 3 };
  const st = { ...initialState('', ['en']), vocab, snapshot, run: /** @type {const} */ ('idle'), raw: { architecture: 'cbow' } };
  // 4.5 million words at 1,000 words a second: 75 minutes.
  assert.deepEqual(estimate({ ...st, speedLevel: 1 }, speeds), { words: 4500000, seconds: 4500, slow: true });
  assert.deepEqual(duration(4500), { key: 'time.minutes', n: '75' });
  // Full speed, nothing measured: the words, no time.
  assert.deepEqual(estimate({ ...st, speedLevel: 2 }, speeds), { words: 4500000, seconds: null, slow: false });
  // Measured now, while training.
  const training = { ...st, speedLevel: 2, run: /** @type {const} */ ('training'), snapshot: /** @type {Snapshot} */ ({ ...snapshot, wordsPerSecond: 300000 }) };
  assert.equal(estimate(training, speeds)?.seconds, 15);
  // Measured in the last full-speed run under the same settings (and only those).
  const known = { ...st, speedLevel: 2, fullSpeedRate: { key: rateKey(st.raw, 2), wordsPerSecond: 450000 } };
  assert.equal(estimate(known, speeds)?.seconds, 10);
  assert.equal(estimate({ ...known, raw: { architecture: 'skipgram' } }, speeds)?.seconds, null);
  // Nothing left to train.
  assert.equal(estimate({ ...st, snapshot: /** @type {Snapshot} */ ({ ...snapshot, progress: { ...progress, done: true } }) }, speeds), null);
  assert.deepEqual(duration(0.2), { key: 'time.seconds', n: '1' });
  assert.deepEqual(duration(7300), { key: 'time.hours', n: '2.0' });
});

test('fill in the blank: the context around the blank, written with or without spaces', () => {
  assert.equal(contextOf('我喜欢喝___'), '我喜欢喝 ');
  assert.equal(contextOf('喜欢 喝 ___ 和 ＿＿'), '喜欢 喝   和  ');
  assert.equal(contextOf('no blank here'), null);
});

test('a text of your own trains on every thread the worker has but one core, kept for the page', () => {
  assert.equal(ownTextThreads(2, 2), 1, 'two cores: one trains, one draws');
  assert.equal(ownTextThreads(4, 4), 3);
  assert.equal(ownTextThreads(8, 16), 8, 'at most what the worker started');
  assert.equal(ownTextThreads(1, 1), 1, 'one core still trains');
  assert.equal(ownTextThreads(1, 8), 1, 'a plain host runs one');
});

test("Compare's sides live in the state: changing one keeps the other as it was", () => {
  assert.deepEqual(initialState('', ['en']).compare, []);
  const sides = [compareSide('architecture = cbow'), compareSide('architecture = skipgram')];
  assert.equal(sides[0].run, 'idle');
  const next = withSide(sides, 1, { run: 'training', words: ['a', 'b'] });
  assert.equal(next[0], sides[0]);
  assert.notEqual(next[1], sides[1]);
  assert.deepEqual([next[1].label, next[1].run, next[1].words], ['architecture = skipgram', 'training', ['a', 'b']]);
  assert.equal(sides[1].run, 'idle', 'the old state is not changed');
});
