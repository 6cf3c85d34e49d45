// Is the machine ours? CPU that other processes and the hypervisor take during a measurement.
//
// The fluency bars (no main-thread task over 50 ms, 30+ frames a second) are bars on the page, and
// a window is a measurement of the page only if the machine was not busy with other work at the
// time. Measured here on the 2-core test VM: with one busy loop of another process beside the
// page, training ran at 55,000 words/s instead of 110,000 and main-thread tasks of 5 ms of CPU
// took 52–69 ms of wall time, waiting for a core (the renderer's main thread runs at nice 0, the
// same as any other process, while the plot's worker and the compositors run at nice −8). A CI run
// on that machine once showed the same signature (49,216 words/s, tasks of 57–112 ms).
//
// `foreignLoad()` starts a meter; calling what it returns gives the cores, on average since the
// start, that went to processes other than the browser (chromium) and this test's node processes, and
// to the hypervisor (steal). Linux only: elsewhere (no /proc) it reports null. `quietWindow()`
// measures a window of training with it (performance.test.mjs, teaching.test.mjs).

import { readdirSync, readFileSync } from 'node:fs';
import { clearLongTasks } from './harness.mjs';

/** Clock ticks a second (USER_HZ, 100 on every Linux this runs on). */
const TICKS = 100;
/** Processes that are the browser under test (by name); this test's own node processes are ours by pid. */
const BROWSER = new Set(['chromium', 'chrome']);
const TEST = new Set([String(process.pid), String(process.ppid)]);

/** Busy and steal ticks of the whole machine, from the first line of /proc/stat. */
function machineTicks() {
  const f = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
  // user nice system idle iowait irq softirq steal …
  const [user, nice, system, , , irq, softirq, steal] = f;
  return { busy: user + nice + system + irq + softirq, steal };
}

/** CPU ticks used so far by the processes that are ours. */
function ourTicks() {
  let sum = 0;
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    let stat;
    try {
      stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    } catch {
      continue; // it exited
    }
    const comm = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
    if (!BROWSER.has(comm) && !TEST.has(pid)) continue;
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    sum += Number(f[11]) + Number(f[12]); // utime, stime
  }
  return sum;
}

/**
 * Start a meter of the load that is not ours.
 * @returns {() => {foreign: number, steal: number} | null} cores since the start
 */
export function foreignLoad() {
  let m0;
  try {
    m0 = machineTicks();
  } catch {
    return () => null;
  }
  const o0 = ourTicks();
  const t0 = Date.now();
  return () => {
    const m1 = machineTicks();
    const o1 = ourTicks();
    const seconds = (Date.now() - t0) / 1000;
    const cores = (/** @type {number} */ ticks) => Math.max(0, ticks / TICKS / seconds);
    return { foreign: cores(m1.busy - m0.busy - (o1 - o0)), steal: cores(m1.steal - m0.steal) };
  };
}

/** A window in which other processes and the hypervisor took more than this (cores) measured the machine, not the page. */
const BUSY_CORES = 0.2;
/** Windows tried before the last one counts, busy or not. */
const WINDOWS = 3;

/**
 * Measure `ms` of training with `measure`, in a window in which the machine was the page's: if
 * other processes (or the hypervisor's steal) took more than BUSY_CORES during a window, say so
 * and measure a new window, up to WINDOWS; the last window counts whatever the load. The first
 * window's long tasks are all those since watching began (Train's click included); a new window
 * collects them afresh.
 * @template T
 * @param {import('playwright-core').Page} page @param {number} ms
 * @param {(wait: () => Promise<void>) => Promise<T>} measure  calls `wait` once, around which it measures
 * @returns {Promise<T>}
 */
export async function quietWindow(page, ms, measure) {
  for (let i = 1; ; i++) {
    if (i > 1) await clearLongTasks(page);
    const load = foreignLoad();
    const m = await measure(() => page.waitForTimeout(ms));
    const l = load();
    const busy = l !== null && l.foreign + l.steal > BUSY_CORES;
    if (l !== null) console.log(`window ${i}: other processes ${l.foreign.toFixed(2)} cores, steal ${l.steal.toFixed(2)} cores${busy ? ' (busy)' : ''}`);
    if (!busy || i === WINDOWS) return m;
  }
}
