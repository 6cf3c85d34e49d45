// What survives a reload (www/app/saved.js) and the UTF-8 decoder that flags replaced bytes
// (www/decode.js): pure parts, under Node.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { restoredWork, savedWork } from '../../www/app/saved.js';
import { initialState } from '../../www/app/state.js';
import { Utf8Stream } from '../../www/decode.js';

test('saved work reads back, and anything else is refused field by field', () => {
  const st = { ...initialState('?lang=zh', ['en']), preset: 'custom', raw: { dim: '20', dynamicWindow: false }, query: '猫', speedLevel: 3 };
  const work = JSON.parse(JSON.stringify(savedWork(st)));
  assert.deepEqual(restoredWork(work, 7), work);
  assert.equal(restoredWork(work, 3), null, 'a speed level that no longer exists');
  /** @type {[string, unknown][]} */
  const cases = [['version', 2], ['lang', 'fr'], ['raw', { dim: 20 }], ['analogy', ['a', 'b']], ['colourBy', 'red'], ['query', null], ['base', []]];
  for (const [field, bad] of cases) {
    assert.equal(restoredWork({ ...work, [field]: bad }, 7), null, `${field}: ${JSON.stringify(bad)}`);
  }
  for (const junk of [null, 'text', 42, [], {}]) assert.equal(restoredWork(junk, 7), null);
});

test('a link\'s language wins over the saved one, which wins over the browser\'s', () => {
  const work = savedWork({ ...initialState('', ['en']), lang: 'zh', preset: 'royal' });
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
