import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { test } from 'node:test';
import { detectLang, STRINGS, translator } from '../../www/core/i18n.js';
import { FIELDS } from '../../www/core/settings.js';

const placeholders = (/** @type {string} */ s) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

test('every key exists in both languages with the same placeholders', () => {
  assert.deepEqual(Object.keys(STRINGS.zh).sort(), Object.keys(STRINGS.en).sort());
  for (const [key, en] of Object.entries(STRINGS.en)) {
    const zh = /** @type {Record<string, string>} */ (STRINGS.zh)[key];
    assert.deepEqual(placeholders(zh), placeholders(en), key);
    assert.notEqual(zh.trim(), '', key);
  }
});

test('every key the page and the form use is translated', () => {
  const html = readFileSync(resolve(import.meta.dirname, '../../index.html'), 'utf8');
  const used = [...html.matchAll(/data-i18n(?:-label|-placeholder)?="([^"]+)"/g)].map((m) => m[1]);
  for (const f of FIELDS) {
    used.push(f.key, `${f.key}.help`);
    if (f.kind === 'choice') used.push(...f.options.map((o) => `${f.key}.${o}`));
  }
  for (const key of used) assert.ok(key in STRINGS.en, `missing key ${key}`);
});

test('language from the URL first, then the browser, then English', () => {
  assert.equal(detectLang('?lang=zh', ['en-US']), 'zh');
  assert.equal(detectLang('?lang=en', ['zh-CN']), 'en');
  assert.equal(detectLang('?lang=fr', ['zh-TW', 'en']), 'zh');
  assert.equal(detectLang('', ['de-DE', 'en-GB']), 'en');
  assert.equal(detectLang('', []), 'en');
});

test('placeholders are filled', () => {
  assert.equal(translator('en')('err.range', { min: 1, max: 100 }), 'Must be between 1 and 100.');
  assert.equal(translator('zh')('status.training', { percent: 50, epoch: 2, epochs: 5 }), '训练中…… 50% · 第 2/5 轮');
});
