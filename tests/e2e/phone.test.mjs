// On a phone and from the keyboard: the page fits a 390-pixel screen, a tap on a word selects it,
// two fingers pinch the plot; the keyboard shortcuts train, pause, switch projection and open
// their own list.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { launch, openDemo, pickPreset, serve, started, useDemo, waitForState } from './harness.mjs';

const demo = useDemo();

/** The SVG "Export SVG" downloads. @param {import('playwright-core').Page} page */
async function pictureOf(page) {
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export SVG' }).click();
  return readFileSync(/** @type {string} */ (await (await download).path()), 'utf8');
}

/**
 * Where the plot drew each labelled word (from the exported SVG: a label is at the point + (5, −1)),
 * and how far each is from the nearest other point.
 * @param {import('playwright-core').Page} page
 * @returns {Promise<Map<string, [number, number, number]>>} word → [x, y, distance to the nearest other point]
 */
async function labelled(page) {
  const svg = await pictureOf(page);
  const points = [...svg.matchAll(/<circle cx="([\d.-]+)" cy="([\d.-]+)" r="3.5"\/>/g)].map((m) => [Number(m[1]), Number(m[2])]);
  const out = new Map();
  for (const m of svg.matchAll(/<text x="([\d.-]+)" y="([\d.-]+)"[^>]*>([^<]+)<\/text>/g)) {
    const [x, y] = [Number(m[1]) - 5, Number(m[2]) + 1];
    const others = points.map(([px, py]) => Math.hypot(px - x, py - y)).filter((d) => d > 0.5);
    out.set(m[3], [x, y, Math.min(...others)]);
  }
  return out;
}

test('a phone: the page fits the screen, a tap selects a word, a pinch zooms', async () => {
  const server = await serve();
  const phone = await launch({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, deviceScaleFactor: 2 });
  try {
    const { page, errors } = await openDemo(phone.context, server.url);
    await page.waitForFunction(() => /\d/.test(document.getElementById('corpus-stats')?.textContent ?? ''));
    // The tutorial's five words, spread out: one finger picks one of them.
    await started(page);
    await page.getByRole('button', { name: 'Train' }).tap();
    await waitForState(page, 'done', 20000);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `the page is ${overflow} px wider than the screen`);
    // Tap a word: it becomes the query. (The plot's box is measured after the export button,
    // below it, has been pressed and scrolled to.)
    const before = await labelled(page);
    // The labelled word furthest from any other point (words with the same contexts sit close).
    const selected = await page.getByRole('textbox', { name: 'Query word' }).inputValue();
    const [word, [x, y]] = [...before].filter(([w]) => w !== selected).sort((a, b) => b[1][2] - a[1][2])[0];
    await page.locator('#plot').evaluate((el) => el.scrollIntoView({ block: 'center', behavior: 'instant' }));
    const box = /** @type {{x: number, y: number, width: number, height: number}} */ (await page.locator('#plot').boundingBox());
    assert.ok(box.width <= 390 && box.width > 300, `plot ${box.width} px wide`);
    // The picture starts inside the canvas's border.
    const border = await page.locator('#plot').evaluate((el) => el.clientLeft);
    await page.touchscreen.tap(box.x + border + x, box.y + border + y);
    await page.waitForFunction((w) => /** @type {HTMLInputElement} */ (document.getElementById('query')).value === w, word);
    const beforeSvg = await pictureOf(page);

    // Pinch out around the plot's centre: distances on screen double.
    await page.locator('#plot').evaluate((el) => el.scrollIntoView({ block: 'center', behavior: 'instant' }));
    const pinched = /** @type {{x: number, y: number, width: number, height: number}} */ (await page.locator('#plot').boundingBox());
    const cdp = await phone.context.newCDPSession(page);
    const [cx, cy] = [pinched.x + pinched.width / 2, pinched.y + pinched.height / 2];
    const touch = async (/** @type {'touchStart' | 'touchMove' | 'touchEnd'} */ type, /** @type {number} */ spread) =>
      cdp.send('Input.dispatchTouchEvent', { type, touchPoints: type === 'touchEnd' ? [] : [{ x: cx - spread, y: cy, id: 1 }, { x: cx + spread, y: cy, id: 2 }] });
    await touch('touchStart', 40);
    for (const spread of [50, 60, 70, 80]) await touch('touchMove', spread);
    await touch('touchEnd', 0);
    // The selected word's ring and the analogy's b − a + c circle are always drawn: twice as far apart.
    const after = await pictureOf(page);
    const d = (/** @type {string} */ svg) => {
      const at = (/** @type {string} */ r) => {
        const m = svg.match(new RegExp(`<circle cx="([\\d.-]+)" cy="([\\d.-]+)" r="${r}"`));
        return m ? [Number(m[1]), Number(m[2])] : [NaN, NaN];
      };
      const [p, q] = [at('8.5'), at('7')];
      return Math.hypot(p[0] - q[0], p[1] - q[1]);
    };
    const ratio = d(after) / d(beforeSvg);
    assert.ok(Math.abs(ratio - 2) < 0.15, `zoomed ×${ratio.toFixed(2)}`);
    assert.deepEqual(errors, []);
  } finally {
    await phone.close();
    await server.close();
  }
});

test('keyboard shortcuts: Space trains and pauses, P switches projection, ? lists them', async () => {
  const { page, errors } = await openDemo(demo.context(), demo.url());
  await page.waitForFunction(() => /\d/.test(document.getElementById('corpus-stats')?.textContent ?? ''));
  await pickPreset(page, 'royal', '36,000');
  await page.getByRole('slider', { name: 'Speed' }).fill('2');
  await page.locator('h1').click();
  await page.keyboard.press('?');
  assert.ok(await page.getByRole('region', { name: 'Keyboard shortcuts' }).isVisible());
  assert.match(await page.locator('#shortcuts-list').innerText(), /Space\s+train \/ pause/);
  await page.keyboard.press(' ');
  await waitForState(page, 'training');
  await page.keyboard.press(' ');
  await waitForState(page, 'paused');
  await page.keyboard.press('p');
  await page.waitForFunction(() => /** @type {HTMLSelectElement} */ (document.getElementById('projection')).value === 'tsne');
  await page.getByRole('textbox', { name: 'Query word' }).fill('');
  await page.locator('h1').click();
  await page.keyboard.press('/');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'query');
  // Typing in the field is typing, not shortcuts.
  await page.keyboard.type('sp r');
  assert.equal(await page.getByRole('textbox', { name: 'Query word' }).inputValue(), 'sp r');
  assert.equal(await page.locator('#projection').inputValue(), 'tsne');
  assert.deepEqual(errors, []);
  await page.close();
});

test('present mode: the plot and the answers alone, in large type; M and Esc switch it, Space still trains', async () => {
  const { page, errors } = await openDemo(demo.context(), demo.url());
  await page.waitForFunction(() => /\d/.test(document.getElementById('corpus-stats')?.textContent ?? ''));
  await pickPreset(page, 'royal', '36,000');
  const size = () => page.locator('#neighbours').evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
  const plotHeight = () => page.locator('#plot').evaluate((e) => e.getBoundingClientRect().height);
  const [small, short] = [await size(), await plotHeight()];
  const button = page.getByRole('button', { name: 'Present' });
  await button.click();
  assert.equal(await button.getAttribute('aria-pressed'), 'true');
  for (const hidden of [page.getByRole('textbox', { name: 'Corpus' }), page.getByRole('region', { name: 'Lesson' }), page.getByRole('button', { name: 'Export SVG' })]) {
    assert.equal(await hidden.isVisible(), false);
  }
  for (const shown of ['Embedding projection', 'Nearest neighbours', 'Analogy results']) {
    assert.ok(await page.getByRole('region', { name: shown }).isVisible(), shown);
  }
  assert.ok((await size()) >= small * 1.5, `answers in large type: ${await size()} px against ${small}`);
  assert.ok((await plotHeight()) > short, 'the plot takes the room');
  // The keyboard still drives training.
  await page.locator('h1').click();
  await page.keyboard.press(' ');
  await waitForState(page, 'done', 20000);
  await page.waitForFunction(() => document.querySelectorAll('#analogy li').length > 0);
  assert.match(await page.locator('#analogy li').first().innerText(), /^queen/);
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => !document.body.classList.contains('presenting'));
  assert.equal(await button.getAttribute('aria-pressed'), 'false');
  assert.ok(await page.getByRole('textbox', { name: 'Corpus' }).isVisible());
  await page.keyboard.press('m');
  await page.waitForFunction(() => document.body.classList.contains('presenting'));
  await page.keyboard.press('m');
  await page.waitForFunction(() => !document.body.classList.contains('presenting'));
  assert.deepEqual(errors, []);
  await page.close();
});
