// Export and import through the worker's session, under Node with both real wasm modules: a
// trained model written as word2vec text or binary and read back gives the same bits, the same
// neighbours and, written again, the same bytes; GloVe and fastText files are read; bad files are
// refused with their line or byte and leave the session in `error`.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { IMPORTED, Session } from '../../www/worker/session.js';
import wasm from './wasm.mjs';
import explore from './wasm-explore.mjs';

/** @typedef {import('../../www/core/protocol.js').WorkerMessage} WorkerMessage */
/** @typedef {import('../../www/core/protocol.js').Snapshot} Snapshot */

function session() {
  /** @type {WorkerMessage[]} */
  const posted = [];
  /** @type {(() => void)[]} */
  const queue = [];
  const s = new Session(wasm, (m) => posted.push(m), {
    schedule: (fn) => queue.push(fn),
    explore: async () => explore,
  });
  const drain = () => {
    while (queue.length > 0) queue.shift()?.();
  };
  const last = () => /** @type {Snapshot} */ (/** @type {any} */ (posted.filter((m) => m.type === 'snapshot').at(-1)).snapshot);
  const states = () => posted.filter((m) => m.type === 'state').map((m) => /** @type {any} */ (m).state);
  return { s, drain, last, states, posted };
}

const royal = /** @type {import('../../www/core/protocol.js').Preset} */ (wasm.preset('royal', 1));
const QUERIES = { word: 'king', k: 8, pairs: /** @type {[string, string][]} */ ([['king', 'queen']]), analogy: /** @type {[string, string, string]} */ (['man', 'king', 'woman']), analogyK: 3 };

/** @param {Float32Array} a */
const bits = (a) => Array.from(new Uint32Array(a.buffer, a.byteOffset, a.length));

test('a trained model exported as text or binary imports back bit for bit, with the same answers', async () => {
  const trained = session();
  await trained.s.load(royal.text, royal.settings);
  trained.s.setQueries(QUERIES);
  trained.s.train();
  trained.drain();
  const lab = trained.s.requireLab();
  const answers = trained.s.answers();
  assert.equal(answers.analogy.list[0].word, 'queen');
  for (const format of /** @type {const} */ (['text', 'binary'])) {
    const bytes = /** @type {Uint8Array<ArrayBuffer>} */ (await trained.s.exportVectors(format));
    const again = session();
    const vocab = await again.s.importVectors(new Blob([bytes]), `royal.${format}`);
    assert.deepEqual(vocab.words, lab.words());
    assert.equal(vocab.dim, lab.dim());
    assert.equal(vocab.imported, `royal.${format}`);
    assert.ok(vocab.counts.every((c) => c === 0));
    assert.deepEqual(bits(/** @type {any} */ (again.s.imported).vectors()), bits(lab.vectors()), `${format}: same bits`);
    assert.deepEqual(again.states(), ['done']);
    assert.deepEqual(again.s.setQueries(QUERIES), answers, `${format}: same answers`);
    assert.deepEqual(await again.s.exportVectors(format), bytes, `${format}: written again, the same bytes`);
    // The picture: one point per word, nothing trained, done.
    const snap = again.last();
    assert.equal(snap.coords.length, 2 * vocab.words.length);
    assert.ok(snap.progress.done);
    assert.equal(snap.weights, null);
    // Imported vectors cannot be trained, and say why.
    assert.throws(() => again.s.train(), { message: IMPORTED });
  }
});

test('the Projector files: one row of numbers per word, one word per line', async () => {
  const { s } = session();
  await s.load(royal.text, royal.settings);
  const words = s.requireLab().words();
  const vectors = new TextDecoder().decode(await s.exportVectors('vectors.tsv')).trimEnd().split('\n');
  const metadata = new TextDecoder().decode(await s.exportVectors('metadata.tsv')).trimEnd().split('\n');
  assert.deepEqual(metadata, words);
  assert.equal(vectors.length, words.length);
  assert.ok(vectors.every((row) => row.split('\t').length === royal.settings.dim && row.split('\t').every((x) => Number.isFinite(Number(x)))));
});

test('GloVe (no header) and fastText .vec files are read', async () => {
  const glove = session();
  const g = await glove.s.importVectors(new Blob(['the 0.1 0.2 0.3\nof -1 2e-3 4\nand 1 1 1\n']), 'glove.txt');
  assert.deepEqual(g.words, ['the', 'of', 'and']);
  assert.equal(g.dim, 3);
  const fast = session();
  const f = await fast.s.importVectors(new Blob(['2 2\n深度 0.5 -0.5 \n学习 1 2 \n']), 'cc.zh.vec');
  assert.deepEqual(f.words, ['深度', '学习']);
  fast.s.setQueries({ ...QUERIES, word: '深度', pairs: [['深度', '学习']] });
  assert.equal(fast.s.answers().neighbours.list[0].word, '学习');
});

test('bad vector files are refused with their line or byte, and the session says so', async () => {
  /** @type {[string, RegExp][]} */
  const cases = [
    ['2 3\na 1 2 3\nb 1 2\n', /^line 3: 'b' has 2 values, expected 3/],
    ['1 2\na NaN 2\n', /^line 2: value 1 of 'a' is NaN/],
    ['2 2\na 1 2\na 3 4\n', /^line 3: duplicate word 'a'/],
    ['x y\n\u0000\u0001\u0002', /bad header/],
    ['', /the file is empty/],
    ['100001 300\n', /^line 1: 100001 words × 300 dimensions is more than the 30000000 numbers/],
  ];
  for (const [text, message] of cases) {
    const h = session();
    await assert.rejects(h.s.importVectors(new Blob([text]), 'bad.txt'), { message });
    assert.deepEqual(h.states(), ['error']);
    const error = /** @type {any} */ (h.posted.find((m) => m.type === 'state')).error;
    assert.match(error, message);
  }
  // A truncated binary file names the byte where its last record starts.
  const { s } = session();
  await s.load(royal.text, royal.settings);
  const bytes = /** @type {Uint8Array<ArrayBuffer>} */ (await s.exportVectors('binary'));
  const h = session();
  await assert.rejects(h.s.importVectors(new Blob([bytes.subarray(0, bytes.length - 7)]), 'cut.bin'), { message: /^byte \d+: '.+' \(word \d+ of \d+\) needs \d+ bytes.*truncated/ });
});
