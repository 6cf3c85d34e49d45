// What every end-to-end test needs: the built site (dist/) served from a sub-path by a tiny
// static server (proving relative asset URLs), Debian's chromium driven by playwright-core, and a
// page that records every request (the demo must work offline: nothing may leave localhost).

import { createServer } from 'node:http';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';
import { after, before } from 'node:test';
import { chromium } from 'playwright-core';
import { ISOLATION_HEADERS } from '../../vite.config.js';

export const DIST = resolve(import.meta.dirname, '..', '..', 'dist');
/** The sub-path the site is served from. */
export const BASE = '/demos/word2vec/';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Serve dist/ at BASE on a free port, cross-origin isolated (as `npm start` serves it, so the
 * threaded build runs) unless `isolated` is false (a plain static host: the one-thread build).
 * @returns {Promise<{url: string, close: () => Promise<void>}>}
 */
export function serve({ isolated = true } = {}) {
  const headers = isolated ? ISOLATION_HEADERS : {};
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    if (!path.startsWith(BASE)) {
      res.writeHead(404).end('outside the sub-path');
      return;
    }
    let file = normalize(join(DIST, path.slice(BASE.length)));
    if (!file.startsWith(DIST)) {
      res.writeHead(403).end();
      return;
    }
    try {
      if (statSync(file).isDirectory()) file = join(file, 'index.html');
      const body = readFileSync(file);
      res.writeHead(200, { ...headers, 'content-type': /** @type {Record<string, string>} */ (TYPES)[extname(file)] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  return new Promise((ok) => {
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      ok({ url: `http://127.0.0.1:${port}${BASE}`, close: () => new Promise((done) => server.close(() => done())) });
    });
  });
}

/**
 * `W2V_CPU_THROTTLE=4` runs every page with Chromium's CPU slowed down four times (CDP
 * `Emulation.setCPUThrottlingRate`), as on a slower laptop: the suite must pass at any speed.
 */
export const CPU_THROTTLE = Number(process.env.W2V_CPU_THROTTLE ?? 1);

/**
 * Slow the page's CPU down by CPU_THROTTLE (nothing when it is 1).
 * @param {import('playwright-core').BrowserContext} context @param {import('playwright-core').Page} page
 */
async function throttle(context, page) {
  if (CPU_THROTTLE === 1) return;
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_THROTTLE });
}

/**
 * Debian chromium, headless, with a fresh profile: a desktop window unless `device` says
 * otherwise (a phone: its viewport, touch, mobile). Every page it opens runs at CPU_THROTTLE.
 * @param {{viewport?: {width: number, height: number}, hasTouch?: boolean, isMobile?: boolean, deviceScaleFactor?: number}} [device]
 */
export async function launch(device = {}) {
  const profile = mkdtempSync(join(tmpdir(), 'w2v-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
    viewport: { width: 1400, height: 900 },
    locale: 'en-US',
    ...device,
  });
  context.on('page', (page) => {
    throttle(context, page).catch(() => {});
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * For a test file: serve the site and start chromium before its tests, stop both after.
 * Returns getters, valid once the tests run.
 */
export function useDemo(/** @type {{isolated?: boolean}} */ options = {}) {
  /** @type {Awaited<ReturnType<typeof serve>> | undefined} */
  let server;
  /** @type {Awaited<ReturnType<typeof launch>> | undefined} */
  let browser;
  before(async () => {
    server = await serve(options);
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });
  const started = () => {
    if (!server || !browser) throw new Error('the demo is not started');
    return { server, browser };
  };
  return {
    url: () => started().server.url,
    context: () => started().browser.context,
  };
}

/**
 * Open the demo as a first visit and wait until the tutorial is loaded and idle. Records
 * requests that leave the server and page errors, so a test can assert there were none.
 *
 * The tests share one browser profile, and the page keeps the user's work across visits
 * (www/app/saved.js): each new tab starts by forgetting what earlier tests left, once, so that
 * its own reloads still find what it saved (tests/e2e/robustness.test.mjs reloads).
 * @param {import('playwright-core').BrowserContext} context @param {string} url
 */
export async function openDemo(context, url) {
  const page = await context.newPage();
  await page.addInitScript(() => {
    if (window.name === 'w2v-test-tab') return;
    window.name = 'w2v-test-tab';
    localStorage.clear();
    indexedDB.deleteDatabase('word2vec-lab');
  });
  /** @type {string[]} */
  const offsite = [];
  /** @type {string[]} */
  const errors = [];
  const origin = new URL(url).origin;
  page.on('request', (r) => {
    if (!r.url().startsWith(origin) && !r.url().startsWith('data:') && !r.url().startsWith('blob:')) offsite.push(r.url());
  });
  await throttle(context, page);
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  await page.goto(url);
  return { page, offsite, errors };
}

/**
 * Put `text` in the corpus box as a user does: the real clipboard (the context must grant
 * clipboard-read and clipboard-write), select all, Ctrl+V; an empty text is a select-all and
 * Delete. Not `fill()`: filling a large text is itself a multi-second task in Chromium's editor.
 * @param {import('playwright-core').Page} page @param {string} text
 */
export async function paste(page, text) {
  if (text !== '') await copy(page, text);
  await pasteCopied(page, text === '' ? 'Delete' : 'Control+V');
}

/** Put `text` on the clipboard. @param {import('playwright-core').Page} page @param {string} text */
export async function copy(page, text) {
  await page.evaluate((t) => navigator.clipboard.writeText(t), text);
}

/**
 * Select all of the corpus box and paste what the clipboard holds over it (or press `key`).
 * @param {import('playwright-core').Page} page @param {string} [key]
 */
export async function pasteCopied(page, key = 'Control+V') {
  await page.getByRole('textbox', { name: 'Corpus' }).focus();
  await page.keyboard.press('Control+A');
  await page.keyboard.press(key);
}

/**
 * Hover across the main plot until the tooltip names a word, then click there; the word clicked
 * ('' if the pointer found none).
 * @param {import('playwright-core').Page} page @returns {Promise<string>}
 */
export async function clickAWord(page) {
  const box = await page.getByRole('region', { name: 'Embedding projection' }).locator('canvas').boundingBox();
  if (!box) return '';
  for (let y = 20; y < box.height - 20; y += 6) {
    for (let x = 20; x < box.width - 20; x += 6) {
      await page.mouse.move(box.x + x, box.y + y);
      if (await page.locator('#tooltip').isVisible()) {
        const word = (await page.locator('#tooltip').innerText()).split(' · ')[0];
        await page.mouse.click(box.x + x, box.y + y);
        return word;
      }
    }
  }
  return '';
}

/**
 * Wait until the page has loaded its first corpus (the corpus line shows its counts).
 * @param {import('playwright-core').Page} page
 */
export async function started(page) {
  await page.waitForFunction(() => /\d/.test(document.getElementById('corpus-stats')?.textContent ?? ''));
}

/**
 * Choose a preset as a user does, once the page has loaded its first one (a choice made while
 * the page is still starting would be overtaken by it), and wait for its corpus.
 * @param {import('playwright-core').Page} page @param {string} name
 * @param {string} tokens  the corpus's token count as the page shows it, e.g. '36,000'
 */
export async function pickPreset(page, name, tokens) {
  await started(page);
  await page.getByRole('combobox', { name: 'Preset' }).selectOption(name);
  await page.waitForFunction((t) => document.getElementById('corpus-stats')?.textContent?.includes(`${t} tokens`), tokens);
}

/**
 * Wait until the page has applied every change of corpus or settings (the form's debounce, then
 * the worker): the demo is no longer aria-busy.
 * @param {import('playwright-core').Page} page @param {number} [timeout]
 */
export async function settled(page, timeout = 30000) {
  await page.waitForFunction(() => document.querySelector('main')?.getAttribute('aria-busy') === 'false', null, { timeout });
}

/** @param {import('playwright-core').Page} page */
export function status(page) {
  return page.getByRole('status');
}

/**
 * Wait until the status's data-state is `state`; if it does not come, the error says what the
 * page showed instead (state, status line, progress, whether a change is being applied, corpus
 * line, the focused element and any field marked invalid: a Train click with an invalid field
 * focuses it and does not train).
 * @param {import('playwright-core').Page} page @param {string} state @param {number} [timeout]
 */
export async function waitForState(page, state, timeout = 15000) {
  try {
    await page.waitForFunction((s) => document.querySelector('[role="status"]')?.getAttribute('data-state') === s, state, { timeout });
  } catch (e) {
    const shown = await page
      .evaluate(() => ({
        state: document.querySelector('[role="status"]')?.getAttribute('data-state'),
        status: document.querySelector('[role="status"]')?.textContent?.trim(),
        progress: document.getElementById('progress')?.getAttribute('value'),
        busy: document.querySelector('main')?.getAttribute('aria-busy'),
        corpus: document.getElementById('corpus-stats')?.textContent?.trim(),
        focused: document.activeElement?.id,
        invalid: [...document.querySelectorAll('[aria-invalid="true"]')].map((e) => e.id),
      }))
      .catch(() => 'nothing (the page is gone)');
    throw new Error(`waiting for state ${state}: ${/** @type {Error} */ (e).message}; the page shows ${JSON.stringify(shown)}`);
  }
}

/**
 * The `word score` items of a results region.
 * @param {import('playwright-core').Page} page @param {string} region
 */
export async function items(page, region) {
  return page.getByRole('region', { name: region }).getByRole('listitem').allInnerTexts();
}

/**
 * A corpus file with `words` distinct words (w0, w1, …) whose counts fall off like Zipf's law,
 * in `lines` sentences of 10–12 words from a fixed generator, plus every word five times so that
 * word2vec's min count 5 (the page's own-text setting for a large text) keeps them all. Returns
 * the file's path.
 * @param {number} words @param {number} lines
 */
export function zipfCorpus(words, lines) {
  let s = 12345;
  const rand = () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
  const out = [];
  for (let l = 0; l < lines; l++) {
    out.push(Array.from({ length: 10 + (l % 3) }, () => `w${Math.floor(words * rand() ** 2)}`).join(' '));
  }
  for (let w = 0; w < words; w++) out.push(`w${w} w${w} w${w} w${w} w${w}`);
  const file = join(tmpdir(), `w2v-e2e-${words}.txt`);
  writeFileSync(file, out.join('\n'));
  return file;
}

/**
 * Where the 3,000-word teaching bar starts (tests/e2e/teaching.test.mjs, and the benches that look
 * into it): a file of 3,000 distinct words loaded, hierarchical softmax, and epochs enough that no
 * machine finishes within a measurement (the most allowed), every change applied.
 * @param {import('playwright-core').Page} page
 */
export async function loadTeachingBar(page) {
  await page.locator('#file').setInputFiles(zipfCorpus(3000, 4000));
  await page.waitForFunction(() => document.getElementById('corpus-stats')?.textContent?.includes('3,000 distinct words'));
  await page.getByRole('combobox', { name: 'Output layer' }).selectOption('hierarchical');
  await page.getByRole('spinbutton', { name: 'Epochs' }).fill('1000');
  await settled(page);
}

/**
 * Record the page's main-thread long tasks from now on. The observer is proven first: an 80 ms
 * busy task on purpose must be seen (then it is forgotten). Returns a reader of the durations.
 * @param {import('playwright-core').Page} page
 */
export async function watchLongTasks(page) {
  await page.evaluate(() => {
    const w = /** @type {any} */ (window);
    w.__longTasks = [];
    w.__longTaskSpans = [];
    // One observer a page: a second watch replaces the first (else each task is counted twice).
    w.__longTaskObserver?.disconnect();
    w.__longTaskObserver = new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        w.__longTasks.push(e.duration);
        w.__longTaskSpans.push([Math.round(e.startTime), Math.round(e.duration)]);
      }
    });
    w.__longTaskObserver.observe({ type: 'longtask' });
    setTimeout(() => {
      const end = performance.now() + 80;
      while (performance.now() < end);
    }, 0);
  });
  await page.waitForFunction(() => /** @type {any} */ (window).__longTasks.length > 0);
  await clearLongTasks(page);
  return () => page.evaluate(() => /** @type {number[]} */ (/** @type {any} */ (window).__longTasks));
}

/**
 * When the long tasks collected so far started and how long they took ([start, duration] in ms of
 * the page's clock, `performance.now()`): for a failure's message, beside the times of the actions.
 * @param {import('playwright-core').Page} page
 */
export function longTaskSpans(page) {
  return page.evaluate(() => /** @type {[number, number][]} */ (/** @type {any} */ (window).__longTaskSpans));
}

/** Forget the long tasks collected so far (watchLongTasks keeps watching). @param {import('playwright-core').Page} page */
export async function clearLongTasks(page) {
  await page.evaluate(() => {
    /** @type {any} */ (window).__longTasks = [];
    /** @type {any} */ (window).__longTaskSpans = [];
  });
}
