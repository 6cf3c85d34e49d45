// The threaded build (www/pkg-threads/) under Node, started as the browser starts it
// (threaded.mjs): a Lab with `threads` = 2 trains its workers side by side on two threads.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startThreaded } from './threaded.mjs';
import single, { newLab } from './wasm.mjs';

/** @type {Awaited<ReturnType<typeof startThreaded>>} */
let started;
/** @type {typeof import('../../www/pkg-threads/word2vec_lab.js')} */
let threaded;

before(async () => {
  started = await startThreaded(1);
  threaded = started.core;
});

after(() => started.stop());

test('the threaded build has threads and a shared memory; the default build has neither', () => {
  assert.equal(threaded.hasThreads(), true);
  assert.equal(single.hasThreads(), false);
  assert.equal(single.poolThreads(), 1);
  const [, memory] = threaded.moduleAndMemory();
  assert.ok(memory.buffer instanceof SharedArrayBuffer);
});

test('one thread gives the same vectors in both builds', () => {
  const p = /** @type {import('../../www/core/protocol.js').Preset} */ (single.preset('eat-drink', 1));
  const a = newLab(p.text, p.settings);
  const b = newLab(p.text, p.settings, threaded);
  while (!a.train(997).done);
  while (!b.train(997).done);
  assert.deepEqual(b.vectors(), a.vectors());
});

test('two threads train the whole corpus and still learn: man : king :: woman → queen', () => {
  const p = /** @type {import('../../www/core/protocol.js').Preset} */ (single.preset('royal', 1));
  const lab = newLab(p.text, { ...p.settings, threads: 2 }, threaded);
  /** @type {import('../../www/core/protocol.js').Progress} */
  let progress;
  let rounds = 0;
  do {
    progress = lab.train(5000);
    rounds++;
  } while (!progress.done);
  assert.equal(progress.wordsDone, progress.totalWords);
  assert.ok(rounds > 2);
  const answers = lab.analogy('man', 'king', 'woman', 5, 'add').map((/** @type {{word: string}} */ s) => s.word);
  assert.ok(answers.includes('queen'), `top 5: ${answers}`);
});

test('a refused thread count names the field', () => {
  const p = /** @type {import('../../www/core/protocol.js').Preset} */ (single.preset('tutorial', 1));
  assert.throws(() => newLab(p.text, { ...p.settings, threads: 0 }, threaded), /threads/);
});
