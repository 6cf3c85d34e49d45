// The time slicing's decisions (www/worker/pacer.js), with times passed in as a fake clock would.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CHUNK_MS, Pacer, SLICE_MS } from '../../www/worker/pacer.js';

test('a full-speed chunk is sized to take CHUNK_MS, changing by at most 2× at a time', () => {
  const p = new Pacer();
  const first = p.chunk;
  p.tookMs(0, 1);
  assert.equal(p.chunk, 2 * first, 'a chunk too fast to time doubles');
  p.tookMs(CHUNK_MS / 1.5, 1);
  assert.equal(p.chunk, Math.round(2 * first * 1.5), 'a little fast: grown by what it lacked');
  const before = p.chunk;
  p.tookMs(100 * CHUNK_MS, 1);
  assert.equal(p.chunk, Math.round(before / 2), 'far too slow: halved, no more');
  for (let i = 0; i < 40; i++) p.tookMs(1000, 1);
  assert.equal(p.chunk, 16, 'never below 16 words');
  for (let i = 0; i < 40; i++) p.tookMs(0, 1);
  assert.equal(p.chunk, 1 << 20, 'never above 2^20 words');
  p.restart();
  assert.equal(p.chunk, first, 'a new model starts from the first size');
});

test('with several threads a chunk is sized to fill the whole slice', () => {
  const p = new Pacer();
  const first = p.chunk;
  p.tookMs(SLICE_MS / 2, 2);
  assert.equal(p.chunk, 2 * first);
  p.tookMs(SLICE_MS, 2);
  assert.equal(p.chunk, 2 * first, 'a slice-long chunk is the right size');
});

test('a set speed trains the words whose time has come, a tenth of a second banked at most', () => {
  const p = new Pacer();
  p.resume(1000);
  assert.equal(p.slice(1250), 250);
  assert.equal(p.wordsDue(125, 20), 2, '125 ms at 20 words/s: two words now');
  assert.equal(p.untilNextWord(20), 25, 'half a word owed: the next is due in 25 ms');
  assert.equal(p.wordsDue(25, 20), 1);
  assert.equal(p.wordsDue(10_000, 100), 11, 'ten seconds away owe only a tenth of a second (and one)');
  assert.equal(p.untilNextWord(1_000_000), 4, 'slices at least 4 ms apart');
  p.wordsDue(50, 10);
  p.forgive();
  assert.equal(p.untilNextWord(10), 100, 'after a change of speed nothing is owed');
});
