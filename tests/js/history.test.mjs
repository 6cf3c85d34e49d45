// The training history: its plan (when, how many rows, within the memory budget), what a session
// records, and that every moment answers as the live model answered at that moment.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { HISTORY_BUDGET_BYTES, HISTORY_MIN_ROWS, HISTORY_SNAPSHOTS, History, historyPlan } from '../../www/worker/history.js';
import { Session } from '../../www/worker/session.js';
import wasm from './wasm.mjs';
import explore from './wasm-explore.mjs';

test('the plan: a hundred moments, denser at the start, all rows of a small vocabulary', () => {
  const { rows, marks } = historyPlan(500, 50, 1_000_000);
  assert.equal(rows, 500);
  assert.equal(marks.length, HISTORY_SNAPSHOTS + 1);
  assert.equal(marks[0], 0);
  assert.equal(marks.at(-1), 1_000_000);
  for (let i = 1; i < marks.length; i++) assert.ok(marks[i] > marks[i - 1]);
  // Denser at the start: the first tenth of the moments covers less than a tenth of the words.
  assert.ok(marks[10] < 100_000 / 2, `${marks[10]}`);
  // A tiny training has fewer distinct moments, never two at the same word.
  const tiny = historyPlan(10, 5, 30);
  assert.deepEqual(tiny.marks, [...new Set(tiny.marks)]);
  assert.equal(tiny.marks.at(-1), 30);
});

test('the plan stays within the memory budget: rows first, then fewer moments', () => {
  // 20,000 words × 100 dimensions: as many of the most frequent words as fit 101 moments.
  const big = historyPlan(20_000, 100, 10_000_000);
  assert.equal(big.marks.length, HISTORY_SNAPSHOTS + 1);
  assert.ok(big.rows >= HISTORY_MIN_ROWS && big.rows < 20_000, `${big.rows}`);
  assert.ok(big.rows * 100 * 4 * big.marks.length <= HISTORY_BUDGET_BYTES);
  // 300 dimensions: 2,000 rows kept, so fewer moments.
  const wide = historyPlan(50_000, 300, 10_000_000);
  assert.equal(wide.rows, HISTORY_MIN_ROWS);
  assert.ok(wide.marks.length < HISTORY_SNAPSHOTS + 1 && wide.marks.length > 10);
  assert.ok(wide.rows * 300 * 4 * wide.marks.length <= HISTORY_BUDGET_BYTES);
});

test('a record keeps the loss since the previous moment and knows what is due', () => {
  const h = new History(['a', 'b', 'c'], 2, { totalWords: 100, epochs: 1 }, { rows: 2, marks: [0, 10, 100] });
  assert.equal(h.wordsText, 'a\nb');
  assert.ok(h.due(0, false));
  h.record(0, 0, new Float32Array(4));
  assert.equal(h.moments[0].loss, null);
  assert.equal(h.wordsToNext(0), 10);
  assert.ok(!h.due(5, false));
  h.addLoss(2, 1);
  h.addLoss(4, 3);
  assert.ok(h.due(12, false), 'a moment passed is due');
  h.record(12, 0, new Float32Array(4));
  assert.equal(h.moments[1].loss, 3.5);
  assert.ok(!h.due(12, false));
  assert.ok(h.due(50, true), 'the end of training is always kept');
  assert.equal(h.bytes(), 2 * 16);
  assert.equal(h.wordsToNext(100), Infinity);
});

/** A session on fake time, recording what the live model answered at every moment. */
function harness() {
  let clock = 0;
  /** @type {{fn: () => void}[]} */
  const queue = [];
  const session = new Session(wasm, () => {}, {
    now: () => (clock += 0.5),
    schedule: (fn) => queue.push({ fn }),
    cores: 8,
    explore: async () => explore,
  });
  /** @type {Map<number, import('../../www/core/protocol.js').Answers>} words trained → live answers */
  const live = new Map();
  const record = session.recorder.record.bind(session.recorder);
  session.recorder.record = (lab, p) => {
    record(lab, p);
    live.set(p.wordsDone, session.answers());
  };
  return { session, live, drain: () => { while (queue.length > 0) queue.shift()?.fn(); } };
}

const royal = /** @type {import('../../www/core/protocol.js').Preset} */ (wasm.preset('royal', 1));
const queries = { word: 'king', k: 5, pairs: /** @type {[string, string][]} */ ([['king', 'queen']]), analogy: /** @type {[string, string, string]} */ (['man', 'king', 'woman']), analogyK: 3 };

test('every moment answers exactly as the live model answered then', async () => {
  const h = harness();
  h.session.setQueries(queries);
  await h.session.load(royal.text, royal.settings);
  h.session.setQueries(queries);
  h.session.train();
  h.drain();
  const history = /** @type {History} */ (h.session.recorder.history);
  assert.equal(history.rows, history.vocab, 'a small vocabulary is kept whole');
  assert.equal(history.moments.at(-1)?.wordsDone, history.totalWords);
  // Training stopped exactly at every planned moment.
  assert.deepEqual(history.moments.map((m) => m.wordsDone), history.marks);
  for (let i = 0; i < history.moments.length; i++) {
    const frame = await h.session.historyFrame(i);
    const m = history.moments[i];
    const then = h.live.get(m.wordsDone);
    // The initial moment was recorded before the queries were set again: compare from the first trained one.
    if (i > 0) assert.deepEqual(frame.answers, then, `moment ${i} (${m.wordsDone} words)`);
    assert.equal(frame.coords.length, history.vocab * 2);
  }
  const start = await h.session.historyFrame(0);
  const end = await h.session.historyFrame(history.moments.length - 1);
  assert.notDeepEqual(start.answers.neighbours.list.map((s) => s.word), end.answers.neighbours.list.map((s) => s.word));
  assert.equal(end.answers.analogy.list[0].word, 'queen');
  assert.notEqual(start.answers.analogy.list[0].word, 'queen');
});

test('the region, the trails on one projection, and the export', async () => {
  const h = harness();
  await h.session.load(royal.text, royal.settings);
  h.session.setQueries(queries);
  h.session.train();
  h.drain();
  const history = /** @type {History} */ (h.session.recorder.history);
  const region = await h.session.historyRegion();
  assert.equal(region.word, 'king');
  assert.deepEqual(region.moments.map((m) => m.fraction), [0, 0.1, 0.25, 0.5, 1]);
  assert.equal(region.moments[4].wordsDone, history.totalWords);
  assert.equal(region.entered.length, 5);
  assert.equal(region.analogy?.expected, 'queen');
  assert.equal(region.analogy?.ranks.at(-1)?.rank, 1);
  assert.equal(region.analogy?.ranks.length, history.moments.length);
  // Trails are on the frames' axes: a trail's points are the word's place in each frame.
  const king = region.trails.find((t) => t.word === 'king');
  assert.ok(king);
  for (const i of [0, Math.floor(history.moments.length / 2), history.moments.length - 1]) {
    const frame = await h.session.historyFrame(i);
    assert.equal(frame.coords[king.id * 2], king.points[i * 2]);
    assert.equal(frame.coords[king.id * 2 + 1], king.points[i * 2 + 1]);
  }
  const json = JSON.parse(await h.session.exportHistory('json'));
  assert.equal(json.moments.length, history.moments.length);
  const lab = h.session.requireLab();
  assert.deepEqual(Float32Array.from(json.moments.at(-1).vectors), lab.inputHead(history.rows), 'the last moment is the vectors now');
  assert.deepEqual(json.words, lab.words());
  const csv = (await h.session.exportHistory('csv')).trim().split('\n');
  assert.equal(csv[0], 'moment,words_trained,epoch,word,x,y');
  assert.equal(csv.length, 1 + history.moments.length * history.rows);
  assert.ok(csv.slice(1).every((line) => line.split(',').length === 6 && line.split(',').slice(4).every((x) => Number.isFinite(Number(x)))));
});

test('Reset and a new corpus start a new history; imported vectors have none', async () => {
  const h = harness();
  await h.session.load(royal.text, royal.settings);
  h.session.train();
  h.drain();
  const trained = /** @type {History} */ (h.session.recorder.history);
  assert.ok(trained.moments.length > 50);
  await h.session.reset();
  assert.notEqual(h.session.recorder.history, trained);
  assert.deepEqual(h.session.recorder.history?.moments.map((m) => m.wordsDone), [0]);
  await h.session.load('a b c a b c a b\n'.repeat(20), royal.settings);
  assert.equal(h.session.recorder.history?.vocab, 3);
  assert.equal(h.session.recorder.history?.moments.length, 1);
});

test('a session told to keep no history (a Compare side) keeps none', async () => {
  const h = harness();
  h.session.recorder.keep = false;
  await h.session.load(royal.text, royal.settings);
  h.session.train();
  h.drain();
  assert.equal(h.session.recorder.history, null);
  assert.throws(() => h.session.historyFrame(0), /no training history/);
});
