// The link's fragment: written from the state, read back to the same values; a user's text
// packed and unpacked; hostile or damaged fragments give nothing wrong.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { initialState } from '../../www/app/state.js';
import { MAX_PACKED, packText, readFragment, shareFragment, unpackText } from '../../www/app/share.js';
import { SPEEDS } from '../../www/core/settings.js';

/** @type {import('../../www/core/protocol.js').Settings} */
const SETTINGS = {
  architecture: 'skipgram', output: 'negative', cbowContext: 'mean', dim: 30, window: 3, dynamicWindow: true,
  negative: 5, noisePower: 0.75, epochs: 5, alpha: 0.025, alphaFloor: 0.0001, minCount: 1, sample: 0.001, seed: 7, threads: 1,
  lowercase: true, stripPunctuation: false, chinese: 'words',
};

test('a fragment reads back to the settings, queries and view it was written from', () => {
  const st = {
    ...initialState('', ['en']),
    preset: 'royal', query: 'king & queen', pairsText: 'king queen\nman woman', analogy: /** @type {[string, string, string]} */ (['man', 'king', 'woman']),
    colourBy: /** @type {const} */ ('cluster'), speedLevel: 4, lang: /** @type {const} */ ('zh'), run: /** @type {const} */ ('done'),
    projection: /** @type {import('../../www/core/protocol.js').Projection} */ ({ kind: 'axes', words: ['man', 'woman', 'man', 'king'] }),
    userWords: '咖啡\n红茶',
  };
  const fragment = shareFragment(st, SETTINGS, null);
  assert.match(fragment, /^preset=royal&architecture=skipgram&/);
  const back = readFragment(`#${fragment}`, SPEEDS.length);
  assert.deepEqual(back, {
    preset: 'royal', text: null, settings: SETTINGS, userWords: '咖啡\n红茶', query: 'king & queen', pairsText: 'king queen\nman woman',
    analogy: ['man', 'king', 'woman'], colourBy: 'cluster', projection: { kind: 'axes', words: ['man', 'woman', 'man', 'king'] }, speedLevel: 4, lang: 'zh', train: true,
  });
  const tsne = readFragment(shareFragment({ ...st, projection: { kind: 'tsne', perplexity: 7 } }, SETTINGS, null), SPEEDS.length);
  assert.deepEqual(tsne?.projection, { kind: 'tsne', perplexity: 7 });
  // Not trained yet: the link does not train either; an invalid form leaves the settings out.
  const idle = readFragment(shareFragment({ ...st, run: 'idle' }, null, null), SPEEDS.length);
  assert.equal(idle?.train, false);
  assert.deepEqual(idle?.settings, {});
});

test('a user\'s text travels packed; one too large for a link does not', async () => {
  const text = '深度 学习 改变 了 世界\n'.repeat(500) + 'the end <script>alert(1)</script>\n';
  const packed = await packText(text);
  assert.ok(packed && /^[A-Za-z0-9_-]+$/.test(packed) && packed.length < text.length / 10, `${packed?.length} characters`);
  assert.equal(await unpackText(packed), text);
  const st = { ...initialState('', ['en']), preset: 'custom' };
  assert.equal(readFragment(shareFragment(st, SETTINGS, packed), SPEEDS.length)?.text, packed);
  // Random text does not compress: past MAX_PACKED it stays out of the link.
  let s = 1;
  const noise = Array.from({ length: MAX_PACKED * 2 }, () => String.fromCharCode(0x4e00 + ((s = (s * 1103515245 + 12345) % 2147483648) % 20000))).join('');
  assert.equal(await packText(noise), null);
  assert.equal(readFragment(shareFragment(st, SETTINGS, null), SPEEDS.length)?.text, null);
  await assert.rejects(unpackText('not-deflate'));
});

test('hostile fragments: wrong types and choices are left out, nothing else is read', () => {
  assert.equal(readFragment('', SPEEDS.length), null);
  assert.equal(readFragment('#q=king', SPEEDS.length), null);
  assert.equal(readFragment('#preset=<script>', SPEEDS.length), null);
  const r = readFragment('#preset=royal&dim=abc&window=&architecture=transformer&lowercase=yes&seed=1e309&speed=99&colour=red&lang=fr&analogy=a,b&text=xyz&__proto__=1', SPEEDS.length);
  assert.deepEqual(r?.settings, {});
  assert.equal(r?.speedLevel, null);
  assert.equal(r?.colourBy, null);
  assert.equal(r?.projection, null);
  assert.deepEqual(readFragment('#preset=royal&proj=umap&neighbours=1000', SPEEDS.length)?.projection, { kind: 'umap', neighbours: 15 });
  assert.equal(r?.lang, null);
  assert.deepEqual(r?.analogy, ['', '', '']);
  assert.equal(r?.text, null, 'a text only comes with the custom preset');
  // Out-of-range numbers are read (the settings form refuses them with their range).
  assert.deepEqual(readFragment('#preset=royal&dim=1000000&epochs=-1', SPEEDS.length)?.settings, { dim: 1000000, epochs: -1 });
});
