// Chinese word segmentation in wasm: the segmenter's module (www/pkg-segment/) with the
// dictionary the build derives from jieba-rs's dict.txt cuts as the native core does
// (src/text/segment.rs tests the same sentences); the worker's session cuts a text and a context to
// fill in with it; own-text settings read Chinese as it is written.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { test } from 'node:test';
import { gunzipSync } from 'node:zlib';
import * as segment from '../../www/pkg-segment/word2vec_lab.js';
import { Session } from '../../www/worker/session.js';
import wasm from './wasm.mjs';

const PKG = resolve(import.meta.dirname, '../../www/pkg-segment');
segment.initSync({ module: readFileSync(resolve(PKG, 'word2vec_lab_bg.wasm')) });
const dictionary = gunzipSync(readFileSync(resolve(PKG, 'jieba-dict.txt.gz'))).toString('utf8');
const segmenter = new segment.Segmenter(dictionary);

test('the derived dictionary keeps every entry of jieba\'s, without tags', () => {
  const lines = dictionary.trimEnd().split('\n');
  assert.equal(lines.length, 349045);
  assert.ok(lines.every((l) => /^\S+ \d+$/.test(l)), 'word count');
});

test('the sentences cut as the native core cuts them', () => {
  assert.deepEqual(segmenter.words('深度学习改变了世界'), ['深度', '学习', '改变', '了', '世界']);
  assert.deepEqual(segmenter.words('我在银行存钱，河的两岸长满了芦苇'), ['我', '在', '银行', '存钱', '，', '河', '的', '两岸', '长满', '了', '芦苇']);
  // 杭研 is in no dictionary: the HMM joins it.
  assert.deepEqual(segmenter.words('他来到了网易杭研大厦'), ['他', '来到', '了', '网易', '杭研', '大厦']);
  assert.deepEqual(segmenter.words('GPT-4在2023年发布了。'), ['GPT-4', '在', '2023', '年', '发布', '了', '。']);
  assert.equal(segmenter.segmentText('深度学习\n\n改变了世界'), '深度 学习\n\n改变 了 世界');
});

test('dictionary words: a user\'s word is cut out of a collocation, and taken back', () => {
  const s = new segment.Segmenter(dictionary);
  assert.deepEqual(s.words('我喜欢喝咖啡'), ['我', '喜欢', '喝咖啡']);
  s.setUserWords('咖啡');
  assert.deepEqual(s.words('我喜欢喝咖啡'), ['我', '喜欢', '喝', '咖啡']);
  s.setUserWords('');
  assert.deepEqual(s.words('我喜欢喝咖啡'), ['我', '喜欢', '喝咖啡']);
  // A word the dictionary lacks is joined, and cut as before once taken back.
  const before = s.words('我喝红茶拿铁');
  s.setUserWords('红茶拿铁');
  assert.deepEqual(s.words('我喝红茶拿铁'), ['我', '喝', '红茶拿铁']);
  s.setUserWords('');
  assert.deepEqual(s.words('我喝红茶拿铁'), before);
  s.free();
});

test('a bad dictionary is refused with its line', () => {
  assert.throws(() => new segment.Segmenter('学习 many\n'), /Chinese dictionary.*line 1/);
  assert.throws(() => new segment.Segmenter('a 1\n'), /no common words/);
});

/** A session whose segmenter is the real one (as worker.js gives it), counting the loads. */
function session() {
  let loads = 0;
  const s = new Session(wasm, () => {}, {
    schedule: () => {},
    segmenter: async () => {
      loads++;
      return segmenter;
    },
  });
  return { s, loads: () => loads };
}

test('the session cuts Chinese into words before training, and contexts to fill in too', async () => {
  const own = { settings: wasm.ownTextSettings('我每天喜欢喝红茶。\n', 30) };
  assert.equal(own.settings.chinese, 'words');
  assert.equal(own.settings.minCount, 1);
  assert.equal(wasm.ownTextSettings('深度 学习 改变 了 世界', 30).chinese, 'spaces');
  assert.equal(wasm.ownTextTokens('深度 学习 改变 了 世界', 30), 5);
  const { s, loads } = session();
  const text = '深度学习改变了世界\n我每天喜欢喝红茶\n他每天喜欢喝豆浆\n'.repeat(20);
  const vocab = await s.load(text, own.settings, '');
  for (const w of ['深度', '学习', '改变', '了', '世界', '红茶', '豆浆', '喜欢']) assert.ok(vocab.words.includes(w), w);
  assert.equal(loads(), 1);
  const p = s.predict('我每天喜欢喝 ', 5);
  assert.deepEqual(p.unknown, []);
  assert.equal(p.list.length, 5);
  // The blank asks for a word the context does not already hold.
  assert.ok(p.list.every((/** @type {{word: string}} */ s) => !['我', '每天', '喜欢', '喝'].includes(s.word)), JSON.stringify(p.list));
  // Reset trains the same words again (the text was cut once).
  const again = await s.reset();
  assert.deepEqual(again.words, vocab.words);
  // As written: no segmenter asked for, the clauses stay whole.
  const asWritten = await s.load(text, { ...own.settings, chinese: 'spaces' }, '');
  assert.ok(asWritten.words.includes('深度学习改变了世界'));
  assert.equal(loads(), 1);
});

test('a dictionary that cannot be fetched is the session\'s error, named', async () => {
  const s = new Session(wasm, () => {}, { schedule: () => {}, segmenter: () => Promise.reject(new Error('the Chinese dictionary could not be fetched (404)')) });
  await assert.rejects(s.load('深度学习', wasm.ownTextSettings('深度学习', 12)), /dictionary could not be fetched \(404\)/);
  assert.equal(s.state, 'error');
});
