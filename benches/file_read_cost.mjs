// What reading a corpus file in JavaScript costs next to the core's own work, for the README's
// reason that the worker reads files in JavaScript (not in Rust through web-sys's FileReaderSync).
//
// The worker streams a file (www/worker/sources.js `readLines`): bytes are decoded to text in
// JavaScript (Utf8Stream), and wasm-bindgen writes each text into the module's memory as UTF-8
// again (`CorpusLoader.push`), where the core tokenises it and counts words. Reading in Rust
// would skip the decode and the re-encoding: this prints how much of the whole those two are.
//
//   npm run build && node benches/file_read_cost.mjs [megabytes=40]

import { Utf8Stream } from '../www/core/decode.js';
import wasm from '../tests/js/wasm.mjs';

const megabytes = Number(process.argv[2] ?? 40);
// A corpus of English-like and Chinese lines, as a teacher's book would be.
const line = 'the king spoke to the queen in the royal court and the people listened 国王 对 王后 说话\n';
const bytes = new TextEncoder().encode(line.repeat(Math.ceil((megabytes * 1e6) / new TextEncoder().encode(line).length)));
const PIECE = 1 << 20;
const base = JSON.parse(JSON.stringify(wasm.preset('royal', 1).settings));

const time = (/** @type {() => void} */ f) => {
  const t0 = performance.now();
  f();
  return performance.now() - t0;
};
/** @type {{decode: number, encode: number, push: number, finish: number, train: number, tokens: number, epochs: number}[]} */
const runs = [];
for (let r = 0; r < 3; r++) {
  /** @type {string[]} */
  const texts = [];
  const decode = time(() => {
    const d = new Utf8Stream();
    for (let at = 0; at < bytes.length; at += PIECE) texts.push(d.decode(bytes.subarray(at, at + PIECE), true));
    texts.push(d.decode());
  });
  const encoder = new TextEncoder();
  const scratch = new Uint8Array(PIECE * 3);
  const encode = time(() => {
    for (const t of texts) encoder.encodeInto(t, scratch);
  });
  const loader = new wasm.CorpusLoader(base);
  const push = time(() => {
    for (const t of texts) loader.push(t);
  });
  /** @type {import('../www/pkg/word2vec_lab.js').Lab | null} */
  let lab = null;
  const finish = time(() => {
    lab = loader.finish();
  });
  // Training's rate on the same corpus, for scale: one million words.
  const l = /** @type {import('../www/pkg/word2vec_lab.js').Lab} */ (/** @type {unknown} */ (lab));
  const train = time(() => l.train(1_000_000));
  runs.push({ decode, encode, push, finish, train, tokens: l.corpusTokens(), epochs: base.epochs });
  l.free();
}
const best = (/** @type {'decode' | 'encode' | 'push' | 'finish' | 'train'} */ k) => Math.min(...runs.map((r) => r[k]));
const total = best('decode') + best('push') + best('finish');
console.log(`${(bytes.length / 1e6).toFixed(0)} MB, best of 3 (ms): decode in JS ${best('decode').toFixed(0)}, re-encode (part of push) ${best('encode').toFixed(0)}, push (encode + tokenise + count) ${best('push').toFixed(0)}, finish (vocabulary, model) ${best('finish').toFixed(0)}`);
console.log(`decode + re-encode: ${(((best('decode') + best('encode')) / total) * 100).toFixed(1)}% of loading the file`);
const epochMs = (best('train') / 1e6) * runs[0].tokens;
console.log(`training it: ${(epochMs / 1000).toFixed(1)} s an epoch (${runs[0].tokens.toLocaleString('en')} tokens at ${(1e6 / best('train')).toFixed(0)}k words/s); decode + re-encode are ${(((best('decode') + best('encode')) / (epochMs * runs[0].epochs)) * 100).toFixed(2)}% of loading and ${runs[0].epochs} epochs`);
