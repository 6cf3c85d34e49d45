// The page's updates while training: every change at once, except new snapshots, which are
// rendered at most every PANELS_EVERY_MS, always the latest; and a lag keeps two parts apart.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PANELS_EVERY_MS, paced, snapshotOnly } from '../../www/app/pacing.js';
import { initialState } from '../../www/app/state.js';

/** A fake clock whose timers run when `advance` passes them. */
function fakeClock() {
  let t = 0;
  /** @type {{at: number, fn: () => void, id: number}[]} */
  let timers = [];
  let ids = 0;
  return {
    now: () => t,
    setTimeout: (/** @type {() => void} */ fn, /** @type {number} */ ms) => {
      const id = ++ids;
      timers.push({ at: t + ms, fn, id });
      return id;
    },
    clearTimeout: (/** @type {unknown} */ id) => {
      timers = timers.filter((x) => x.id !== id);
    },
    /** @param {number} ms */
    advance(ms) {
      const end = t + ms;
      for (;;) {
        const next = timers.filter((x) => x.at <= end).sort((a, b) => a.at - b.at)[0];
        if (!next) break;
        timers = timers.filter((x) => x !== next);
        t = next.at;
        next.fn();
      }
      t = end;
    },
  };
}

/** A page part under test: the states it drew, and a way to change the state. */
function setup(lag = 0) {
  const clock = fakeClock();
  /** @type {import('../../www/app/state.js').AppState} */
  let st = { ...initialState('', ['en']), run: 'idle' };
  /** @type {number[]} */
  const drawn = [];
  /** @type {number[]} when each was drawn */
  const times = [];
  const part = paced(() => st, (s) => {
    drawn.push(/** @type {any} */ (s.snapshot)?.version ?? -1);
    times.push(clock.now());
  }, lag, clock);
  const change = (/** @type {Partial<import('../../www/app/state.js').AppState>} */ patch) => {
    st = { ...st, ...patch };
    part(st);
  };
  const snapshot = (/** @type {number} */ version) => change({ snapshot: /** @type {any} */ ({ version }), answers: null });
  return { clock, change, snapshot, drawn, times };
}

test('snapshotOnly: a new snapshot while training, and nothing else', () => {
  const a = { ...initialState('', ['en']), run: /** @type {const} */ ('training') };
  assert.ok(snapshotOnly({ ...a, snapshot: /** @type {any} */ ({ version: 1 }), lossCurve: [] }, a));
  assert.ok(snapshotOnly({ ...a, prediction: { list: [], unknown: [] } }, a), "the blank's prediction for a new snapshot");
  assert.ok(!snapshotOnly({ ...a, query: 'king' }, a), 'a query typed');
  assert.ok(!snapshotOnly({ ...a, blank: '我 喜欢 ___' }, a), 'a blank typed');
  assert.ok(!snapshotOnly({ ...a, run: 'done' }, a), 'training ended');
  const idle = { ...a, run: /** @type {const} */ ('idle') };
  assert.ok(!snapshotOnly({ ...idle, snapshot: /** @type {any} */ ({ version: 1 }) }, idle), 'not training');
});

test('while training, snapshots are drawn at most every PANELS_EVERY_MS, the latest one', () => {
  const { clock, change, snapshot, drawn } = setup();
  change({ run: 'training' });
  assert.deepEqual(drawn, [-1], 'the change to training at once');
  // Ten snapshots a second for a second.
  for (let v = 1; v <= 10; v++) {
    clock.advance(100);
    snapshot(v);
  }
  clock.advance(PANELS_EVERY_MS);
  // At 250, 500, 750, 1000 ms: each time the snapshot of that moment (or, by timer, the latest).
  assert.ok(drawn.length >= 4 && drawn.length <= 6, `drawn ${drawn}`);
  assert.equal(drawn.at(-1), 10, 'the last snapshot is drawn');
  assert.deepEqual([...drawn].sort((a, b) => a - b), drawn, 'in order');
});

test('any other change is drawn at once, also while training', () => {
  const { clock, change, snapshot, drawn } = setup();
  change({ run: 'training' });
  clock.advance(10);
  snapshot(1);
  assert.equal(drawn.length, 1, 'the snapshot waits');
  change({ query: 'king' });
  assert.deepEqual(drawn, [-1, 1], 'the query at once, with the snapshot that came before it');
  change({ run: 'done' });
  assert.equal(drawn.length, 3, 'the end of training at once');
  clock.advance(1000);
  assert.equal(drawn.length, 3, 'nothing left pending');
});

test('a lag keeps a part half a period after the others', () => {
  const a = setup(0);
  const b = setup(PANELS_EVERY_MS / 2);
  for (const s of [a, b]) {
    s.change({ run: 'training' });
    // A snapshot every 10 ms for a second.
    for (let v = 1; v <= 100; v++) {
      s.clock.advance(10);
      s.snapshot(v);
    }
  }
  const paced = (/** @type {number[]} */ t) => t.slice(1);
  assert.deepEqual(paced(a.times).slice(0, 3), [PANELS_EVERY_MS, 2 * PANELS_EVERY_MS, 3 * PANELS_EVERY_MS]);
  assert.deepEqual(paced(b.times).slice(0, 3), [1.5 * PANELS_EVERY_MS, 2.5 * PANELS_EVERY_MS, 3.5 * PANELS_EVERY_MS]);
});
