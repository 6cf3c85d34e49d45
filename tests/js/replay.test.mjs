// The training history as the page holds it (www/app/replay.js): the slider's mapping, replay,
// the loss curve's epochs, and the frame fetcher that never queues frames behind each other.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { epochMeans, frameFetcher, indexFor, initialHistory, momentFraction, nearestMoment, nextReplay, showingPast, sliderValue } from '../../www/app/replay.js';

test('the slider: its last position is now, which follows training', () => {
  const h = initialHistory();
  assert.equal(sliderValue(h, 10), 9);
  assert.equal(sliderValue({ ...h, index: 3 }, 10), 3);
  assert.equal(indexFor(9, 10), null);
  assert.equal(indexFor(0, 10), 0);
  assert.equal(showingPast({ ...h, index: 3 }), false, 'no frame yet');
  const frame = /** @type {any} */ ({ index: 2 });
  assert.equal(showingPast({ ...h, index: 3, frame }), true, 'the last frame stays until the next arrives');
  assert.equal(showingPast({ ...h, frame }), false);
});

test('moments by fraction, replay, and each epoch\'s mean loss', () => {
  const list = [0, 10, 40, 90, 100].map((wordsDone) => ({ wordsDone, epoch: 0, loss: null }));
  assert.equal(nearestMoment(list, 100, 0.5), 2);
  assert.equal(nearestMoment(list, 100, 1), 4);
  assert.equal(momentFraction({ moments: list, totalWords: 100, epochs: 1, rows: 1, vocab: 1, planned: 5, bytes: 0 }, 2), 0.4);
  assert.equal(nextReplay(null, 5), 0);
  assert.equal(nextReplay(2, 5), 3);
  assert.equal(nextReplay(3, 5), null, 'the last moment is now');
  const curve = [{ x: 0.2, loss: 4 }, { x: 0.5, loss: 2 }, { x: 0.7, loss: 1 }, { x: 0.9, loss: 1 }];
  assert.deepEqual(epochMeans(curve, 2), [
    { epoch: 1, from: 0, to: 0.5, mean: 3 },
    { epoch: 2, from: 0.5, to: 0.9, mean: 1 },
  ]);
});

test('the frame fetcher asks one frame at a time and then only the newest position', async () => {
  /** @type {number[]} */
  const asked = [];
  /** @type {number[]} */
  const delivered = [];
  /** @type {(() => void)[]} */
  const pending = [];
  let wanted = /** @type {number | null} */ (1);
  const fetch = (/** @type {number} */ index) => {
    asked.push(index);
    return new Promise((done) => pending.push(() => done(/** @type {any} */ ({ index }))));
  };
  const ask = frameFetcher(fetch, () => wanted, (f) => delivered.push(f.index));
  const first = ask();
  wanted = 2;
  ask();
  wanted = 3;
  const last = ask();
  assert.deepEqual(asked, [1], 'one request in flight');
  pending.shift()?.();
  await new Promise((r) => setTimeout(r, 0));
  assert.deepEqual(asked, [1, 3], 'then only the newest position');
  pending.shift()?.();
  await Promise.all([first, last]);
  assert.deepEqual(delivered, [1, 3]);
  wanted = null;
  await ask();
  assert.deepEqual(asked, [1, 3], 'nothing asked for the present');
});
