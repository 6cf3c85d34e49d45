// End-to-end: what a teacher or a student does, in Debian's chromium, on the built site served
// from a sub-path. Needs `npm run build` first (`npm test` does it).

import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { clickAWord, items, openDemo, status, useDemo, waitForState } from './harness.mjs';

const demo = useDemo();

/** Open the page and wait for the first preset to be loaded. @param {string} [query] */
async function open(query = '') {
  const opened = await openDemo(demo.context(), demo.url() + query);
  await opened.page.waitForFunction(() => /\d/.test(document.getElementById('corpus-stats')?.textContent ?? ''));
  return opened;
}

/** @param {import('playwright-core').Page} page */
async function progressValue(page) {
  return Number(await page.locator('#progress').getAttribute('value'));
}

describe('first visit', () => {
  test('shows the tutorial ready, paints fast, and asks nothing of the network', async () => {
    const { page, offsite, errors } = await open();
    assert.equal(await page.getByRole('combobox', { name: 'Preset' }).inputValue(), 'tutorial');
    assert.equal((await page.getByRole('textbox', { name: 'Corpus' }).inputValue()).trim(), '深度 学习 改变 了 世界');
    assert.equal(await status(page).getAttribute('data-state'), 'idle');
    assert.equal(await page.getByRole('spinbutton', { name: 'Window' }).inputValue(), '2');
    assert.equal(await page.getByRole('spinbutton', { name: 'Dimensions' }).inputValue(), '3');
    assert.equal(await page.getByRole('combobox', { name: 'Output layer' }).inputValue(), 'softmax');
    const fcp = await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Infinity);
    console.log(`first contentful paint: ${fcp.toFixed(0)} ms`);
    assert.ok(fcp < 1000, `first paint after ${fcp} ms`);
    assert.deepEqual(offsite, []);
    assert.deepEqual(errors, []);
    await page.close();
  });

  test('Chinese text renders with real glyphs (a CJK font is installed)', async () => {
    const { page } = await open();
    // Without a font for them, every ideograph is the same empty box: draw 深, 度 and an
    // unassigned code point in the page's own font and compare the pixels.
    const glyphs = await page.evaluate(() => {
      const family = getComputedStyle(document.body).fontFamily;
      const draw = (/** @type {string} */ ch) => {
        const canvas = document.createElement('canvas');
        canvas.width = 48;
        canvas.height = 48;
        const ctx = /** @type {CanvasRenderingContext2D} */ (canvas.getContext('2d'));
        ctx.font = `32px ${family}`;
        ctx.fillText(ch, 4, 38);
        return Array.from(ctx.getImageData(0, 0, 48, 48).data).join(',');
      };
      const [shen, du, none] = ['深', '度', '\u{10FFFD}'].map(draw);
      return { differ: shen !== du, notBoxes: shen !== none && du !== none };
    });
    assert.ok(glyphs.differ, '深 and 度 are drawn alike: no font with Chinese glyphs');
    assert.ok(glyphs.notBoxes, '深 or 度 is drawn as an unknown character');
    await page.close();
  });

  test('one click on Train shows a result within a second', async () => {
    const { page } = await open();
    const clicked = Date.now();
    await page.getByRole('button', { name: 'Train' }).click();
    // The tutorial trains in slow motion (1,000 words a second): a third of it within a second.
    await page.waitForFunction(() => Number(document.getElementById('progress')?.getAttribute('value')) > 30, null, { timeout: 1000 });
    console.log(`one click: a third of the tutorial trained after ${Date.now() - clicked} ms`);
    assert.ok((await progressValue(page)) > 30, 'training has advanced');
    assert.match(await status(page).innerText(), /%|Done/);
    const neighbours = await items(page, 'Nearest neighbours');
    assert.equal(neighbours.length, 4);
    assert.match(neighbours[0], /^\S+ -?\d\.\d{3}$/);
    await page.close();
  });
});

describe('presets and training', () => {
  test('royal: queen is the top answer to man : king :: woman within 10 s of pressing Train', async () => {
    const { page } = await open();
    await page.getByRole('combobox', { name: 'Preset' }).selectOption('royal');
    await page.waitForFunction(() => document.getElementById('corpus-stats')?.textContent?.includes('36,000'));
    await page.getByRole('spinbutton', { name: 'Seed' }).fill('7');
    await page.getByRole('textbox', { name: 'Analogy A' }).fill('man');
    await page.getByRole('textbox', { name: 'Analogy B' }).fill('king');
    await page.getByRole('textbox', { name: 'Analogy C' }).fill('woman');
    const t0 = Date.now();
    await page.getByRole('button', { name: 'Train' }).click();
    await waitForState(page, 'done', 10000);
    await page.waitForFunction(() => document.querySelector('#analogy li')?.textContent?.startsWith('queen'), null, { timeout: 10000 - (Date.now() - t0) });
    console.log(`royal: queen on top ${Date.now() - t0} ms after Train`);
    const answers = await items(page, 'Analogy results');
    assert.equal(answers.length, 5);
    assert.match(answers[0], /^queen 0\.\d{3}$/);
    assert.match(await status(page).innerText(), /Done/);
    await page.close();
  });

  test('every preset loads and trains', async () => {
    const { page, errors } = await open();
    const presets = await page.getByRole('combobox', { name: 'Preset' }).locator('option:not([hidden])').evaluateAll((os) => os.map((o) => /** @type {HTMLOptionElement} */ (o).value));
    assert.deepEqual(presets, ['tutorial', 'eat-drink', 'transformer', 'royal', 'zh-classics', 'polysemy']);
    for (const name of presets.slice(1)) {
      await page.getByRole('combobox', { name: 'Preset' }).selectOption(name);
      await page.waitForFunction((n) => document.querySelector('#preset') instanceof HTMLSelectElement && /** @type {HTMLSelectElement} */ (document.querySelector('#preset')).value === n && /\d/.test(document.getElementById('corpus-stats')?.textContent ?? ''), name);
      await waitForState(page, 'idle');
      await page.getByRole('button', { name: 'Train' }).click();
      await waitForState(page, 'done', 30000);
      assert.ok((await items(page, 'Nearest neighbours')).length > 0, name);
    }
    assert.deepEqual(errors, []);
    await page.close();
  });

  test('pause, step, resume and reset', async () => {
    const { page } = await open();
    await page.getByRole('combobox', { name: 'Preset' }).selectOption('zh-classics');
    await page.waitForFunction(() => document.getElementById('corpus-stats')?.textContent?.includes('40,000'));
    // Slow enough to catch it in the middle.
    await page.getByRole('slider', { name: 'Speed' }).fill('3');
    await page.getByRole('button', { name: 'Train' }).click();
    await waitForState(page, 'training');
    await page.waitForFunction(() => Number(document.getElementById('progress')?.getAttribute('value')) > 0);
    await page.getByRole('button', { name: 'Pause' }).click();
    await waitForState(page, 'paused');
    const paused = await status(page).innerText();
    assert.match(paused, /Paused at \d+%/);
    const words = async () => page.evaluate(() => Number(document.getElementById('status')?.textContent?.match(/(\d+)%/)?.[1] ?? -1));
    const stats = async () => page.locator('#stat-epoch').innerText();
    await page.waitForTimeout(400);
    assert.equal(await status(page).innerText(), paused, 'nothing moves while paused');

    // Step: one chunk (a new snapshot redraws the plot), still paused.
    const frames = await page.evaluate(() => Number(document.getElementById('plot')?.dataset.frames));
    await page.getByRole('button', { name: 'Step' }).click();
    await page.waitForFunction((f) => Number(document.getElementById('plot')?.dataset.frames) > f, frames);
    assert.equal(await status(page).getAttribute('data-state'), 'paused');
    assert.ok((await words()) >= 0 && (await stats()).includes('/'));

    // Resume at full speed to the end.
    await page.getByRole('slider', { name: 'Speed' }).fill('6');
    await page.getByRole('button', { name: 'Train' }).click();
    await waitForState(page, 'done', 20000);
    assert.equal(await progressValue(page), 100);

    await page.getByRole('button', { name: 'Reset' }).click();
    await waitForState(page, 'idle');
    await page.waitForFunction(() => Number(document.getElementById('progress')?.getAttribute('value')) === 0);
    await page.close();
  });
});

describe('queries', () => {
  test('neighbours and pairs follow the typed word, live', async () => {
    const { page } = await open();
    await page.getByRole('combobox', { name: 'Preset' }).selectOption('eat-drink');
    await page.waitForFunction(() => /\d/.test(document.getElementById('corpus-stats')?.textContent ?? '') && document.querySelector('#query') instanceof HTMLInputElement && /** @type {HTMLInputElement} */ (document.querySelector('#query')).value === '苹果');
    await page.getByRole('button', { name: 'Train' }).click();
    await waitForState(page, 'done');
    await page.getByRole('textbox', { name: 'Query word' }).fill('咖啡');
    await page.waitForFunction(() => document.querySelector('#neighbours li')?.textContent?.match(/^(\S+) /)?.[1] !== '香蕉');
    const neighbours = await items(page, 'Nearest neighbours');
    assert.equal(neighbours.length, 10);
    const drinks = ['牛奶', '果汁', '可乐', '茶', '水', '啤酒'];
    const top = neighbours.slice(0, 3).map((s) => s.split(' ')[0]);
    assert.ok(top.every((w) => drinks.includes(w)), `neighbours of 咖啡: ${top}`);

    await page.getByRole('textbox', { name: 'Word pairs' }).fill('苹果 香蕉\n苹果 咖啡\n苹果 恐龙');
    await page.waitForFunction(() => document.querySelectorAll('#pairs-body tr').length === 3);
    const rows = await page.locator('#pairs-body tr').allInnerTexts();
    const score = (/** @type {string} */ r) => Number(r.split('\t')[2]);
    assert.ok(score(rows[0]) > score(rows[1]), rows.join(' | '));
    assert.match(rows[2], /恐龙/);

    await page.getByRole('textbox', { name: 'Query word' }).fill('恐龙');
    await page.waitForFunction(() => document.querySelector('#neighbours')?.getAttribute('data-message')?.includes('恐龙'));
    await page.close();
  });

  test('clicking a word on the plot selects it', async () => {
    const { page } = await open('?preset=royal');
    await page.getByRole('button', { name: 'Train' }).click();
    await waitForState(page, 'done');
    const clicked = await clickAWord(page);
    assert.notEqual(clicked, '');
    // The plot answers which word is under the click from its own worker: the query follows.
    await page.waitForFunction((w) => /** @type {HTMLInputElement} */ (document.getElementById('query')).value === w, clicked, { timeout: 5000 }).catch(() => {});
    assert.equal(await page.getByRole('textbox', { name: 'Query word' }).inputValue(), clicked);
    await page.waitForFunction((w) => (document.querySelector('#neighbours li') ?? null) !== null && !document.querySelector('#neighbours')?.textContent?.startsWith(`${w} `), clicked);
    await page.close();
  });
});

describe('language, files and bad input', () => {
  test('switching to Chinese relabels the page and goes into the URL', async () => {
    const { page } = await open();
    await page.getByRole('combobox', { name: 'Language' }).selectOption('zh');
    await page.getByRole('button', { name: '训练' }).waitFor();
    assert.match(page.url(), /lang=zh/);
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'zh-CN');
    assert.ok(await page.getByRole('spinbutton', { name: '维度' }).isVisible());
    assert.match(await status(page).innerText(), /准备好了/);
    await page.close();

    const again = await open('?lang=zh');
    await again.page.getByRole('button', { name: '训练' }).waitFor();
    await again.page.close();
  });

  test('a .txt file opened from disk becomes the corpus', async () => {
    const { page } = await open();
    const file = join(tmpdir(), 'w2v-e2e-corpus.txt');
    const lines = [];
    for (let i = 0; i < 300; i++) lines.push(i % 2 ? 'the cat sat on the mat' : 'the dog sat on the rug');
    writeFileSync(file, lines.join('\n'));
    await page.locator('#file').setInputFiles(file);
    await page.waitForFunction(() => document.getElementById('corpus-stats')?.textContent?.startsWith('1,800 tokens'));
    assert.match(await page.getByRole('textbox', { name: 'Corpus' }).inputValue(), /the cat sat on the mat/);
    await page.getByRole('button', { name: 'Train' }).click();
    await waitForState(page, 'done');
    await page.getByRole('textbox', { name: 'Query word' }).fill('cat');
    await page.waitForFunction(() => document.querySelectorAll('#neighbours li').length > 0);
    await page.close();
  });

  test('a bad value is refused at its field and nothing is trained', async () => {
    const { page } = await open();
    const dims = page.getByRole('spinbutton', { name: 'Dimensions' });
    await dims.fill('0');
    assert.equal(await dims.getAttribute('aria-invalid'), 'true');
    assert.match(await page.locator('#setting-dim-error').innerText(), /between 1 and 1000/);
    await page.getByRole('button', { name: 'Train' }).click();
    await page.waitForTimeout(300);
    assert.equal(await status(page).getAttribute('data-state'), 'idle');
    assert.equal(await progressValue(page), 0);
    assert.ok(await dims.evaluate((el) => el === document.activeElement), 'the bad field has the focus');

    await page.getByRole('spinbutton', { name: 'Learning rate' }).fill('0');
    assert.match(await page.locator('#setting-alpha-error').innerText(), /greater than 0/);

    await dims.fill('3');
    await page.getByRole('spinbutton', { name: 'Learning rate' }).fill('0.05');
    assert.equal(await dims.getAttribute('aria-invalid'), 'false');
    await page.close();
  });

  test('an empty corpus is an error the status explains', async () => {
    const { page } = await open();
    await page.getByRole('textbox', { name: 'Corpus' }).fill('   ');
    await waitForState(page, 'error');
    assert.match(await status(page).innerText(), /nothing to train on/);
    await page.getByRole('textbox', { name: 'Corpus' }).fill('a b c a b c');
    await waitForState(page, 'idle');
    await page.close();
  });
});

test('the names the acceptance tests use each match one element (Playwright matches substrings)', async () => {
  const { page } = await open();
  /** @type {[Parameters<import('playwright-core').Page['getByRole']>[0], string][]} */
  const names = [
    ['textbox', 'Corpus'], ['combobox', 'Preset'], ['combobox', 'Architecture'], ['combobox', 'Output layer'],
    ['spinbutton', 'Dimensions'], ['spinbutton', 'Window'], ['spinbutton', 'Negative samples'], ['spinbutton', 'Epochs'],
    ['spinbutton', 'Learning rate'], ['spinbutton', 'Min count'], ['spinbutton', 'Seed'],
    ['button', 'Train'], ['button', 'Pause'], ['button', 'Step'], ['button', 'Reset'], ['status', ''],
    ['textbox', 'Query word'], ['region', 'Nearest neighbours'], ['textbox', 'Analogy A'], ['textbox', 'Analogy B'],
    ['textbox', 'Analogy C'], ['region', 'Analogy results'], ['region', 'Embedding projection'],
    ['region', 'Training step'], ['region', 'Weights'], ['region', 'Noise distribution'], ['region', 'Huffman tree'],
    ['region', 'Samples'], ['region', 'Fill in the blank'], ['region', 'Compare'], ['region', 'Lesson'],
    ['slider', 'Noise power'], ['button', 'Next sample'],
    ['button', 'Export word2vec text'], ['button', 'Export word2vec binary'], ['button', 'Export TSV'],
    ['button', 'Export PNG'], ['button', 'Export SVG'], ['button', 'Export CSV'],
    ['button', 'Present'],
  ];
  assert.equal(await page.getByLabel('Import vectors').count(), 1, 'the file input "Import vectors"');
  for (const [role, name] of names) {
    const count = await (name ? page.getByRole(role, { name }) : page.getByRole(role)).count();
    assert.equal(count, 1, `${role} "${name}": ${count} matches`);
  }
  await page.close();
});
