// The worker's session under Node: real wasm, a fake clock and a hand-run scheduler.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Session, STEP_WORDS } from '../../www/worker/session.js';
import { REST_SHARE } from '../../www/worker/rests.js';
import { MAX_SNAPSHOTS_PER_SECOND } from '../../www/core/protocol.js';
import wasm from './wasm.mjs';

/** @typedef {import('../../www/core/protocol.js').WorkerMessage} WorkerMessage */
/** @typedef {import('../../www/core/protocol.js').Snapshot} Snapshot */

/** @param {{cores?: number}} [machine]  the machine's cores (default: eight) */
function harness({ cores = 8 } = {}) {
  let clock = 0;
  /** @type {number[]} every delay asked of the scheduler */
  const waits = [];
  /** @type {{fn: () => void, at: number}[]} */
  const queue = [];
  /** @type {WorkerMessage[]} */
  const posted = [];
  /** @type {Transferable[][]} */
  const transfers = [];
  // Training costs fake time in proportion to the words trained (a million words a second).
  class CorpusLoader extends wasm.CorpusLoader {
    finish() {
      const lab = super.finish();
      const train = lab.train.bind(lab);
      lab.train = (/** @type {number} */ words) => {
        clock += words / 1000;
        return train(words);
      };
      return lab;
    }
  }
  const session = new Session({ CorpusLoader }, (m, t) => {
    posted.push(m);
    transfers.push(t ?? []);
  }, {
    // Every call to the clock advances it a little, as real work would.
    now: () => (clock += 0.5),
    schedule: (fn, ms) => {
      waits.push(ms);
      queue.push({ fn, at: clock + ms });
    },
    cores,
  });
  return {
    session,
    waits,
    clock: () => clock,
    posted,
    transfers,
    /** Run scheduled slices until none is left or `limit` have run. */
    drain(limit = 100000) {
      let n = 0;
      while (queue.length > 0 && n++ < limit) {
        const next = queue.shift();
        if (!next) break;
        clock = Math.max(clock, next.at);
        next.fn();
      }
      return n;
    },
    snapshots: () => /** @type {Snapshot[]} */ (posted.filter((m) => m.type === 'snapshot').map((m) => /** @type {any} */ (m).snapshot)),
    states: () => posted.filter((m) => m.type === 'state').map((m) => /** @type {any} */ (m).state),
  };
}

const royal = /** @type {import('../../www/core/protocol.js').Preset} */ (wasm.preset('royal', 1));

test('load posts the untrained picture; train runs in slices to done', async () => {
  const h = harness();
  const vocab = await h.session.load(royal.text, royal.settings);
  assert.equal(vocab.words.length, vocab.counts.length);
  assert.equal(vocab.corpusTokens, 36000);
  assert.deepEqual(h.states(), ['idle']);
  const first = h.snapshots()[0];
  assert.equal(first.version, 0);
  assert.equal(first.coords.length, vocab.words.length * 2);
  assert.equal(first.progress.wordsDone, 0);
  // The arrays travel as transfers, not copies.
  assert.ok(h.transfers.some((t) => t.includes(first.coords.buffer)));

  h.session.setQueries({ word: 'king', k: 5, pairs: [['king', 'queen'], ['king', 'dragon']], analogy: ['man', 'king', 'woman'], analogyK: 3 });
  assert.equal(h.session.train(), 'training');
  const slices = h.drain();
  assert.ok(slices > 5, `${slices} slices`);
  assert.deepEqual(h.states(), ['idle', 'training', 'done']);
  const snaps = h.snapshots();
  const last = snaps[snaps.length - 1];
  assert.ok(last.progress.done);
  assert.equal(last.progress.wordsDone, last.progress.totalWords);
  assert.equal(last.answers.analogy.list[0].word, 'queen');
  assert.equal(last.answers.neighbours.list.length, 5);
  assert.equal(last.answers.pairs[1].score, null);
  assert.match(last.answers.pairs[1].error ?? '', /dragon/);
  // Versions increase, and progress never goes back.
  for (let i = 1; i < snaps.length; i++) {
    assert.equal(snaps[i].version, snaps[i - 1].version + 1);
    assert.ok(snaps[i].progress.wordsDone >= snaps[i - 1].progress.wordsDone);
  }
  assert.ok(snaps.some((s) => s.loss !== null));
});

test('snapshots are at most MAX_SNAPSHOTS_PER_SECOND a second of (fake) time', async () => {
  const h = harness();
  await h.session.load(royal.text, royal.settings);
  h.session.train();
  h.drain();
  const snaps = h.snapshots().length;
  // Each slice takes >= 12 ms of the fake clock; the last snapshot is always sent.
  const elapsed = /** @type {number} */ (h.session.now());
  assert.ok(snaps <= (elapsed / 1000) * MAX_SNAPSHOTS_PER_SECOND + 3, `${snaps} snapshots in ${elapsed} ms`);
  assert.ok(snaps >= 3, `${snaps} snapshots in ${elapsed} ms`);
});

test('on a small machine training rests REST_SHARE of the time, on a large one not at all', async () => {
  for (const cores of [2, 8]) {
    const h = harness({ cores });
    await h.session.load(royal.text, royal.settings);
    h.waits.length = 0;
    const t0 = h.clock();
    h.session.train();
    h.drain();
    const rested = h.waits.reduce((a, b) => a + b, 0);
    const share = rested / (h.clock() - t0);
    if (cores === 8) assert.equal(rested, 0);
    else assert.ok(Math.abs(share - REST_SHARE) < 0.03, `rested ${share} of the time`);
  }
});

test('pause stops between slices, step trains one chunk, train resumes', async () => {
  const h = harness();
  await h.session.load(royal.text, royal.settings);
  h.session.train();
  h.drain(3);
  assert.equal(h.session.pause(), 'paused');
  const at = h.session.requireLab().progress().wordsDone;
  h.drain();
  assert.equal(h.session.requireLab().progress().wordsDone, at, 'no training while paused');
  assert.equal(h.session.step(), 'paused');
  assert.equal(h.session.requireLab().progress().wordsDone, at + STEP_WORDS);
  // In slow motion a step is a single word.
  h.session.setSpeed(1);
  h.session.step();
  assert.equal(h.session.requireLab().progress().wordsDone, at + STEP_WORDS + 1);
  h.session.setSpeed(null);
  assert.equal(h.session.train(), 'training');
  h.drain();
  assert.equal(h.session.state, 'done');
});

test('slow motion trains the words whose time has come', async () => {
  const h = harness();
  await h.session.load(royal.text, royal.settings);
  h.session.setSpeed(100);
  h.session.train();
  h.drain(40);
  const done = h.session.requireLab().progress().wordsDone;
  const elapsed = /** @type {number} */ (h.session.now());
  // About 100 words per second of fake time, never a burst.
  assert.ok(done > 0 && done <= (elapsed / 1000) * 100 + 12, `${done} words in ${elapsed} ms`);
});

test('reset gives the same starting picture; a bad corpus is an error with a message', async () => {
  const h = harness();
  await h.session.load(royal.text, royal.settings);
  const start = Array.from(h.snapshots()[0].coords);
  h.session.train();
  h.drain();
  await h.session.reset();
  const again = h.snapshots().at(-1);
  assert.deepEqual(Array.from(again?.coords ?? []), start);
  assert.equal(h.session.state, 'idle');

  await assert.rejects(h.session.load('   \n  ', royal.settings), /nothing to train on/);
  assert.equal(h.session.state, 'error');
  assert.throws(() => h.session.train(), /nothing is loaded/);
});

test('trace: one position, paused, with a snapshot; unknown words get spellings', async () => {
  const h = harness();
  const tutorial = /** @type {import('../../www/core/protocol.js').Preset} */ (wasm.preset('tutorial', 1));
  await h.session.load(tutorial.text, tutorial.settings);
  h.session.train();
  const t = h.session.trace();
  assert.ok(t);
  assert.equal(h.session.state, 'paused');
  assert.equal(t.samples.length, 1);
  assert.equal(t.progress.wordsDone, h.snapshots().at(-1)?.progress.wordsDone);
  h.session.setQueries({ word: '深层', k: 3, pairs: [], analogy: null, analogyK: 3 });
  const answers = h.session.answers();
  assert.match(answers.neighbours.error ?? '', /深层/);
  assert.equal(answers.neighbours.suggestions[0], '深度');
  // Tracing to the end: the last trace finishes training.
  let last = t;
  for (let i = 0; i < 2000 && h.session.runState() !== 'done'; i++) last = h.session.trace() ?? last;
  assert.equal(h.session.state, 'done');
  assert.ok(last.progress.done);
  assert.equal(h.session.trace(), null);
});

test('a file streamed in pieces gives exactly the model its text gives', async () => {
  const text = royal.text.repeat(3);
  const a = harness();
  const fromText = await a.session.load(text, royal.settings);
  const b = harness();
  const file = new Blob([text]);
  assert.ok(file.size > 3 * 65536, 'large enough to arrive in several pieces');
  const fromFile = await b.session.loadFile(file, royal.settings);
  assert.deepEqual(fromFile.words, fromText.words);
  assert.deepEqual(Array.from(fromFile.counts), Array.from(fromText.counts));
  assert.deepEqual(Array.from(b.snapshots()[0].coords), Array.from(a.snapshots()[0].coords));
  assert.ok(b.posted.some((m) => m.type === 'loading'));
  // Reset reads the file again.
  const again = await b.session.reset();
  assert.deepEqual(again.words, fromText.words);
});
