// What a snapshot reports of training (www/worker/meters.js), and how long training rests for the
// page (www/worker/rests.js): both on a clock the test hands in.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Meters } from '../../www/worker/meters.js';
import { MIN_REST_MS, REST_SHARE, ROOM_CORES, Rests } from '../../www/worker/rests.js';

test('the loss is the mean over predictions since the last snapshot, and starts again', () => {
  const m = new Meters();
  assert.equal(m.takeLoss(), null);
  m.addLoss(2, 1);
  m.addLoss(1, 3);
  assert.equal(m.takeLoss(), (2 + 3) / 4);
  assert.equal(m.takeLoss(), null);
});

test('words per second are measured over the last second only', () => {
  const m = new Meters();
  m.addProgress(0, 0);
  assert.equal(m.wordsPerSecond(), 0);
  // 1,000 words/s for two seconds, then 5,000 words/s for one.
  m.addProgress(1000, 1000);
  m.addProgress(2000, 2000);
  m.addProgress(2500, 4500);
  m.addProgress(3000, 7000);
  assert.equal(m.wordsPerSecond(), 5000);
  m.reset();
  assert.equal(m.wordsPerSecond(), 0);
});

test('rests: REST_SHARE of the time when the page has too few cores, paid from MIN_REST_MS, late wake-ups carried over', () => {
  let now = 0;
  const r = new Rests(() => now);
  assert.equal(r.after(12, ROOM_CORES), 0, 'room enough: no rest');
  // 12 ms slices: a third of that is owed each time, paid once it reaches MIN_REST_MS.
  const owed = (12 * REST_SHARE) / (1 - REST_SHARE);
  assert.equal(r.after(12, 1), owed < MIN_REST_MS ? 0 : owed);
  const rest = r.after(12, 1);
  assert.ok(Math.abs(rest - 2 * owed) < 1e-9 && rest >= MIN_REST_MS, `a rest of ${rest} ms`);
  // The timer woke 20 ms late: that is rest paid ahead, taken off the next ones.
  now += rest + 20;
  r.over(now);
  assert.equal(r.after(12, 1), 0);
  assert.ok(r.owed < 0, `owed ${r.owed}`);
});
