import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { test } from 'node:test';
import { STRINGS } from '../../www/core/i18n.js';
import wasm from './wasm.mjs';

test('the preset menu lists the presets the core has, each with its label in both languages', () => {
  const html = readFileSync(resolve(import.meta.dirname, '../../index.html'), 'utf8');
  const menu = html.slice(html.indexOf('<select id="preset">'), html.indexOf('</select>', html.indexOf('<select id="preset">')));
  const options = [...menu.matchAll(/<option value="([^"]+)"/g)].map((m) => m[1]).filter((v) => v !== 'custom');
  assert.deepEqual(options, wasm.presetNames());
  for (const name of options) {
    assert.ok(`preset.${name}` in STRINGS.en && `preset.${name}` in STRINGS.zh, name);
  }
});
