// What survives a reload (www/app/saved.js), the UTF-8 decoder that flags replaced bytes
// (www/core/decode.js) and which errors count as a worker crash (www/core/errors.js): pure parts, under Node.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { restoredWork, savedWork } from '../../www/app/saved.js';
import { initialState } from '../../www/app/state.js';
import { Utf8Stream } from '../../www/core/decode.js';
import { isFatal } from '../../www/core/errors.js';

test('saved work reads back, and anything else is refused field by field', () => {
  const st = { ...initialState('?lang=zh', ['en']), preset: 'custom', raw: { dim: '20', dynamicWindow: false }, query: '猫', speedLevel: 3 };
  const work = JSON.parse(JSON.stringify(savedWork({ ...st, userWords: '咖啡' }, '#preset=custom')));
  assert.deepEqual(restoredWork(work, 7), work);
  assert.equal(work.userWords, '咖啡');
  assert.equal(work.fragment, '#preset=custom');
  assert.equal(restoredWork(work, 3), null, 'a speed level that no longer exists');
  /** @type {[string, unknown][]} */
  const cases = [['version', 2], ['lang', 'fr'], ['raw', { dim: 20 }], ['analogy', ['a', 'b']], ['colourBy', 'red'], ['query', null], ['base', []], ['userWords', 3], ['fragment', null]];
  for (const [field, bad] of cases) {
    assert.equal(restoredWork({ ...work, [field]: bad }, 7), null, `${field}: ${JSON.stringify(bad)}`);
  }
  for (const junk of [null, 'text', 42, [], {}]) assert.equal(restoredWork(junk, 7), null);
});

test('work saved before "Chinese text" existed reads back with its split switch as a choice', () => {
  const st = { ...initialState('', ['en']), preset: 'custom' };
  const { userWords: _u, fragment: _f, ...old } = savedWork(st, '');
  const base = { minCount: 2, splitCjk: true };
  const back = restoredWork(JSON.parse(JSON.stringify({ ...old, base, raw: { dim: '20', splitCjk: false } })), 7);
  assert.ok(back);
  assert.deepEqual(back.base, { minCount: 2, chinese: 'characters' });
  assert.deepEqual(back.raw, { dim: '20', chinese: 'spaces' });
  assert.equal(back.userWords, '');
  assert.equal(back.fragment, '');
});

test('a link\'s language wins over the saved one, which wins over the browser\'s', () => {
  const work = savedWork({ ...initialState('', ['en']), lang: 'zh', preset: 'royal' }, '');
  assert.equal(initialState('', ['en'], work).lang, 'zh');
  assert.equal(initialState('?lang=en', ['zh'], work).lang, 'en');
  assert.equal(initialState('', ['en'], work).preset, 'royal');
  assert.equal(initialState('?preset=eat-drink', ['en'], work).preset, 'eat-drink');
  assert.equal(initialState('', ['zh-CN'], null).lang, 'zh');
});

test('UTF-8 decoding flags replaced bytes, also when a character is cut between pieces', () => {
  const bytes = new TextEncoder().encode('深度 学习 👩‍👧');
  const whole = new Utf8Stream();
  assert.equal(whole.decode(bytes), '深度 学习 👩‍👧');
  assert.equal(whole.replaced, false);
  // Cut inside 度 (three bytes): still clean when decoded as a stream.
  const pieces = new Utf8Stream();
  const text = pieces.decode(bytes.subarray(0, 4), true) + pieces.decode(bytes.subarray(4), true) + pieces.decode();
  assert.equal(text, '深度 学习 👩‍👧');
  assert.equal(pieces.replaced, false);
  // GBK bytes and a lone continuation byte are not UTF-8.
  const bad = new Utf8Stream();
  const out = bad.decode(Uint8Array.of(0x61, 0x20, 0xc9, 0xee, 0xb6, 0xc8, 0x20, 0x80, 0x62));
  assert.equal(bad.replaced, true);
  assert.ok(out.startsWith('a ') && out.endsWith('b') && out.includes('\ufffd'), out);
});

test('a wasm trap or a memory that cannot grow counts as a crash, other errors do not', async () => {
  // A module whose one function is `unreachable`: what a Rust panic or abort compiles to.
  const bytes = Uint8Array.of(0, 0x61, 0x73, 0x6d, 1, 0, 0, 0, 1, 4, 1, 0x60, 0, 0, 3, 2, 1, 0, 7, 5, 1, 1, 0x66, 0, 0, 0x0a, 5, 1, 3, 0, 0, 0x0b);
  const { instance } = await WebAssembly.instantiate(bytes);
  const trap = (() => {
    try {
      /** @type {() => void} */ (instance.exports.f)();
    } catch (e) {
      return e;
    }
  })();
  assert.ok(trap instanceof WebAssembly.RuntimeError);
  assert.equal(isFatal(trap), true);
  const full = (() => {
    try {
      new WebAssembly.Memory({ initial: 1, maximum: 1 }).grow(1);
    } catch (e) {
      return e;
    }
  })();
  assert.equal(isFatal(full), true, String(full));
  assert.equal(isFatal(new Error("'x' is not in the vocabulary")), false);
  assert.equal(isFatal(new RangeError('Invalid array length')), false);
});
