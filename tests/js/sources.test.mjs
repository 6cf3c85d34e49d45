// Reading a file in pieces (www/worker/sources.js): whole lines for the trainer, one buffer for
// vectors, and the reports of bytes read.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readBytes, readLines, readPieces } from '../../www/worker/sources.js';

const quiet = { now: () => 0, report: () => {} };

/** A Blob whose stream yields `pieces` one by one, as a large file's would. @param {Uint8Array[]} pieces */
function inPieces(pieces) {
  const size = pieces.reduce((a, p) => a + p.length, 0);
  return /** @type {Blob} */ (/** @type {unknown} */ ({
    size,
    stream: () => new ReadableStream({
      start(c) {
        for (const p of pieces) c.enqueue(p);
        c.close();
      },
    }),
  }));
}

test('a text arrives in whole lines, a character split between pieces whole too', async () => {
  const bytes = new TextEncoder().encode('深度 学习\n改变 了\n世界');
  // Cut inside 学 (three bytes) and inside the second line.
  const file = inPieces([bytes.subarray(0, 8), bytes.subarray(8, 16), bytes.subarray(16)]);
  /** @type {string[]} */
  const got = [];
  const replaced = await readLines(file, (lines) => got.push(lines), quiet);
  assert.equal(replaced, false);
  assert.ok(got.slice(0, -1).every((l) => l.endsWith('\n')), JSON.stringify(got));
  assert.equal(got.join(''), '深度 学习\n改变 了\n世界');
  assert.equal(got.at(-1), '世界', 'the last line, without a newline, comes last and whole');
});

test('a malformed byte is replaced and said so', async () => {
  const replaced = await readLines(inPieces([new Uint8Array([0x61, 0xff, 0x0a])]), () => {}, quiet);
  assert.equal(replaced, true);
});

test('a vector file is read into one buffer, with reports of the bytes read', async () => {
  let clock = 0;
  /** @type {[number, number][]} */
  const reports = [];
  const pieces = [new Uint8Array([1, 2]), new Uint8Array([3]), new Uint8Array([4, 5, 6])];
  const bytes = await readBytes(inPieces(pieces), { now: () => (clock += 60), report: (b, total) => reports.push([b, total]) });
  assert.deepEqual([...bytes], [1, 2, 3, 4, 5, 6]);
  // Reports at most every 100 ms: the clock moves 60 ms at each look (one to check, one more to
  // report), so the second piece, 60 ms after the first report, is not reported.
  assert.deepEqual(reports, [[2, 6], [6, 6]]);
  let taken = 0;
  await readPieces(inPieces(pieces), (p) => (taken += p.length), quiet);
  assert.equal(taken, 6);
});
