import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SHORTCUTS, shortcutFor } from '../../www/app/shortcuts.js';

const key = (/** @type {string} */ k, mods = {}) => ({ key: k, ctrlKey: false, altKey: false, metaKey: false, ...mods });
const free = { typing: false, onButton: false };

test('keys map to their actions, not while typing or with modifiers', () => {
  assert.equal(shortcutFor(key(' '), free), 'trainPause');
  assert.equal(shortcutFor(key('S'), free), 'step');
  assert.equal(shortcutFor(key('r'), free), 'reset');
  assert.equal(shortcutFor(key('/'), free), 'query');
  assert.equal(shortcutFor(key('?'), free), 'help');
  assert.equal(shortcutFor(key('M'), free), 'present');
  assert.equal(shortcutFor(key('Escape'), free), 'endPresent');
  assert.equal(shortcutFor(key('x'), free), null);
  assert.equal(shortcutFor(key('s'), { typing: true, onButton: false }), null);
  assert.equal(shortcutFor(key('r', { ctrlKey: true }), free), null, 'Ctrl+R reloads');
  assert.equal(shortcutFor(key(' '), { typing: false, onButton: true }), null, 'Space presses the focused button');
  assert.equal(new Set(SHORTCUTS.map((s) => s.key)).size, SHORTCUTS.length);
});
