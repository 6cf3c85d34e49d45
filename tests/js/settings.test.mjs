import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkField, checkSettings, FIELDS, LIMITS, rawFromSettings } from '../../www/core/settings.js';
import explore from './wasm-explore.mjs';
import wasm, { newLab } from './wasm.mjs';

const field = (/** @type {string} */ name) => {
  const f = FIELDS.find((x) => x.name === name);
  assert.ok(f, name);
  return f;
};

test('the limits the page checks are the limits the Rust core enforces', () => {
  assert.deepEqual({ ...LIMITS }, { ...explore.limits() });
});

test('fields refuse what the core would refuse, with a reason', () => {
  assert.deepEqual(checkField(field('dim'), '3'), { ok: true, value: 3 });
  assert.deepEqual(checkField(field('dim'), '0'), { ok: false, error: { key: 'err.range', params: { min: 1, max: 1000 } } });
  assert.equal(/** @type {any} */ (checkField(field('dim'), '2.5')).error.key, 'err.integer');
  assert.equal(/** @type {any} */ (checkField(field('dim'), '')).error.key, 'err.empty');
  assert.equal(/** @type {any} */ (checkField(field('alpha'), 'fast')).error.key, 'err.number');
  assert.deepEqual(checkField(field('alpha'), '0.025'), { ok: true, value: 0.025 });
  assert.equal(/** @type {any} */ (checkField(field('architecture'), 'rnn')).error.key, 'err.choice');
  assert.deepEqual(checkField(field('chinese'), 'words'), { ok: true, value: 'words' });
  assert.equal(/** @type {any} */ (checkField(field('chinese'), 'jieba')).error.key, 'err.choice');
});

test('the page and the core agree on every boundary value', () => {
  const p = /** @type {import('../../www/core/protocol.js').Preset} */ (wasm.preset('eat-drink', 1));
  for (const f of FIELDS) {
    if (f.kind !== 'int' && f.kind !== 'float') continue;
    const { min, max } = LIMITS[f.name];
    const step = f.kind === 'int' ? 1 : 1e-9;
    for (const v of [min, max, min - step, max + step, min + step, max - step]) {
      /** @type {boolean} */
      const page = checkField(f, String(v)).ok;
      let core = true;
      try {
        newLab('a b a', { ...p.settings, [f.name]: v }).free();
      } catch (e) {
        // A setting the core refuses is reported as "invalid <field>: …" (or "invalid settings" when
        // the number does not fit the type); anything else (nothing left to train on) is not about
        // the value's range.
        core = !String(e).includes('invalid');
      }
      // The page keeps seeds to 32 bits (exact in JSON and URLs); the core takes any u64.
      if (f.name === 'seed' && v > max) continue;
      assert.equal(page, core, `${f.name} = ${v}: page ${page ? 'accepts' : 'refuses'}, core ${core ? 'accepts' : 'refuses'}`);
    }
  }
});

test('checkSettings returns settings only when every field passes', () => {
  const p = /** @type {import('../../www/core/protocol.js').Preset} */ (wasm.preset('royal', 1));
  const raw = rawFromSettings(p.settings);
  assert.deepEqual(checkSettings(raw, p.settings), { settings: p.settings, errors: {} });
  const bad = checkSettings({ ...raw, window: '0', seed: 'x' }, p.settings);
  assert.equal(bad.settings, null);
  assert.deepEqual(Object.keys(bad.errors).sort(), ['seed', 'window']);
});
