// The threaded build (www/pkg-threads/) under Node, as the browser runs it: the module is
// instantiated on a shared memory, helper threads (here worker_threads, there Web Workers)
// instantiate it on the same memory and join the pool with servePool(), and a Lab with
// `threads` = 2 trains its workers side by side.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { after, before, test } from 'node:test';
import { Worker } from 'node:worker_threads';
import * as threaded from '../../www/pkg-threads/word2vec_lab.js';
import single from './wasm.mjs';

const PKG = resolve(import.meta.dirname, '../../www/pkg-threads');
/** @type {Worker[]} */
const helpers = [];

before(async () => {
  threaded.initSync({ module: readFileSync(resolve(PKG, 'word2vec_lab_bg.wasm')) });
  const [module, memory] = threaded.moduleAndMemory();
  const glue = JSON.stringify(resolve(PKG, 'word2vec_lab.js'));
  const helper = new Worker(
    `const { workerData } = require('node:worker_threads');
     import(${glue}).then((m) => { m.initSync({ module: workerData.module, memory: workerData.memory }); m.servePool(); });`,
    { eval: true, workerData: { module, memory } },
  );
  helpers.push(helper);
  const t0 = Date.now();
  while (threaded.poolThreads() < 2) {
    if (Date.now() - t0 > 10000) throw new Error('the helper did not join the pool');
    await new Promise((ok) => setTimeout(ok, 10));
  }
});

after(() => Promise.all(helpers.map((h) => h.terminate())));

test('the threaded build has threads and a shared memory; the default build has neither', () => {
  assert.equal(threaded.hasThreads(), true);
  assert.equal(single.hasThreads(), false);
  assert.equal(single.poolThreads(), 1);
  const [, memory] = threaded.moduleAndMemory();
  assert.ok(memory.buffer instanceof SharedArrayBuffer);
});

test('one thread gives the same vectors in both builds', () => {
  const p = /** @type {import('../../www/protocol.js').Preset} */ (single.preset('eat-drink', 1));
  const a = new single.Lab(p.text, p.settings);
  const b = new threaded.Lab(p.text, p.settings);
  while (!a.train(997).done);
  while (!b.train(997).done);
  assert.deepEqual(b.vectors(), a.vectors());
});

test('two threads train the whole corpus and still learn: man : king :: woman → queen', () => {
  const p = /** @type {import('../../www/protocol.js').Preset} */ (single.preset('royal', 1));
  const lab = new threaded.Lab(p.text, { ...p.settings, threads: 2 });
  /** @type {import('../../www/protocol.js').Progress} */
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
  const p = /** @type {import('../../www/protocol.js').Preset} */ (single.preset('tutorial', 1));
  assert.throws(() => new threaded.Lab(p.text, { ...p.settings, threads: 0 }), /threads/);
});
