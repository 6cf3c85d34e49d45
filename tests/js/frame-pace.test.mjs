// The plot's frame pacing (www/views/plot/frame-pace.js) on a fake screen refreshing at 60 Hz and
// at 120 Hz: a glide that asks for every frame is drawn 40 times a second, on the refreshes.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FRAME_MS, pacedFrames } from '../../www/views/plot/frame-pace.js';

/**
 * Run a glide that asks for the next frame after each one it draws, for `ms` on a screen of
 * `hz`; returns the times of the frames drawn.
 * @param {number} hz @param {number} ms
 */
function glide(hz, ms) {
  /** @type {((now: number) => void)[]} */
  let waiting = [];
  const request = pacedFrames((cb) => waiting.push(cb));
  /** @type {number[]} */
  const drawn = [];
  const draw = (/** @type {number} */ now) => {
    drawn.push(now);
    request(draw);
  };
  request(draw);
  for (let i = 0; (i * 1000) / hz < ms; i++) {
    const now = (i * 1000) / hz;
    const run = waiting;
    waiting = [];
    for (const cb of run) cb(now);
  }
  return drawn;
}

test('at 60 Hz, two refreshes in three are drawn: 40 frames a second', () => {
  const drawn = glide(60, 3000);
  assert.ok(Math.abs(drawn.length / 3 - 1000 / FRAME_MS) <= 1, `${drawn.length} frames in 3 s`);
  for (let i = 1; i < drawn.length; i++) assert.ok(drawn[i] - drawn[i - 1] >= 16, `frames ${drawn[i] - drawn[i - 1]} ms apart`);
});

test('at 120 Hz, still 40 frames a second, none closer than a refresh short of FRAME_MS', () => {
  const drawn = glide(120, 3000);
  assert.ok(Math.abs(drawn.length / 3 - 1000 / FRAME_MS) <= 1, `${drawn.length} frames in 3 s`);
  for (let i = 1; i < drawn.length; i++) assert.ok(drawn[i] - drawn[i - 1] >= FRAME_MS - 8.4, `frames ${drawn[i] - drawn[i - 1]} ms apart`);
});

test('after a pause the first frame is drawn at once', () => {
  /** @type {((now: number) => void)[]} */
  const waiting = [];
  const request = pacedFrames((cb) => waiting.push(cb));
  /** @type {number[]} */
  const drawn = [];
  request((now) => drawn.push(now));
  waiting.shift()?.(1000);
  request((now) => drawn.push(now));
  waiting.shift()?.(5000);
  assert.deepEqual(drawn, [1000, 5000]);
});
