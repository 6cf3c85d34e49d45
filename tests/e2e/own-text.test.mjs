// The user's own text on the first try (issue 15), as a newcomer does it: paste a text over the
// first preset with the real clipboard (Ctrl+V) and press Train once. English prose, Chinese
// written without spaces, the lesson's own sentence typed, a 3 MB book; a reload right after
// typing; a click right after a setting change. Own-text settings come with a note and Undo; the
// estimate warns of slow motion; the segmenter's dictionary is fetched only when Chinese is cut.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { copy, items, openDemo, paste, pasteCopied, settled, started, status, useDemo, waitForState, watchLongTasks } from './harness.mjs';

const demo = useDemo();

/** A fixed pseudo-random generator, so every run pastes the same text. */
function random() {
  let s = 20261201;
  return () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
}

/** @template T @param {() => number} r @param {readonly T[]} list @returns {T} */
const pick = (r, list) => list[Math.floor(r() * list.length)];

const DRINKS = ['coffee', 'tea', 'milk', 'juice', 'water', 'lemonade', 'cocoa', 'cider'];
const FOODS = ['bread', 'rice', 'soup', 'cake', 'pasta', 'salad', 'cheese', 'apples'];

/** 1,500 lines of English (about 15,000 tokens) in which drinks and foods keep their own company. */
function english() {
  const r = random();
  const who = ['she', 'he', 'they', 'we', 'my sister', 'the teacher', 'our neighbour', 'the children'];
  const when = ['in the morning', 'at noon', 'in the evening', 'after school', 'on sunday', 'before bed'];
  const lines = [];
  for (let i = 0; i < 1500; i++) {
    if (i % 2 === 0) {
      lines.push(`${pick(r, who)} drank a hot cup of ${pick(r, DRINKS)} ${pick(r, when)}.`);
    } else {
      lines.push(`${pick(r, who)} ate a plate of ${pick(r, FOODS)} with a fork ${pick(r, when)}.`);
    }
  }
  return `${lines.join('\n')}\n`;
}

const ZH_DRINKS = ['红茶', '绿茶', '果汁', '可乐', '豆浆', '酸奶', '橙汁', '奶茶'];
const ZH_FOODS = ['米饭', '面条', '面包', '苹果', '包子', '馒头', '蛋糕', '米粥'];

/** 1,200 lines of Chinese as people write it (no spaces): 我每天早上喜欢喝红茶。… */
function chinese() {
  const r = random();
  const who = ['我', '他', '她', '我们', '孩子们', '老师', '妈妈', '朋友'];
  const when = ['每天早上', '中午', '晚上', '周末', '下课以后', '睡觉以前'];
  const lines = [];
  for (let i = 0; i < 1200; i++) {
    lines.push(i % 2 === 0
      ? `${pick(r, who)}${pick(r, when)}喜欢喝一杯${pick(r, ZH_DRINKS)}。`
      : `${pick(r, who)}${pick(r, when)}常常吃一碗${pick(r, ZH_FOODS)}。`);
  }
  return `${lines.join('\n')}\n`;
}

/**
 * Open the demo, grant the clipboard, and wait for the tutorial.
 * @param {string} [query]
 */
async function open(query = '') {
  const context = demo.context();
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(demo.url()).origin });
  const opened = await openDemo(context, demo.url() + query);
  await started(opened.page);
  return opened;
}

/** The first words of the nearest neighbours of `word`. @param {import('playwright-core').Page} page @param {string} word */
async function neighboursOf(page, word) {
  await page.getByRole('textbox', { name: 'Query word' }).fill(word);
  await page.waitForFunction(() => document.querySelectorAll('#neighbours li').length === 10);
  return (await items(page, 'Nearest neighbours')).map((s) => s.split(' ')[0]);
}

test('first visit, English pasted over the tutorial: own-text settings, one press of Train, drinks near drinks', async () => {
  const { page, errors } = await open();
  await paste(page, english());
  // The page switched to settings for this text, and says so.
  const note = page.locator('#own-note');
  await note.waitFor({ state: 'visible' });
  // About 16,000 tokens: enough epochs to see 300,000 words, words seen twice, 50 dimensions.
  const tokens = Number((await note.innerText()).match(/about ([\d,]+) words/)?.[1].replace(/,/g, ''));
  assert.ok(tokens > 14000 && tokens < 19000, `${tokens} tokens`);
  const epochs = Math.ceil(300000 / tokens);
  assert.equal(await page.getByRole('spinbutton', { name: 'Epochs' }).inputValue(), String(epochs));
  assert.match(await note.innerText(), new RegExp(`Skip-gram, Negative sampling, 50 dimensions, ${epochs} epochs, min count 2, Chinese text: as written`));
  assert.equal(await page.getByRole('combobox', { name: 'Output layer' }).inputValue(), 'negative');
  assert.equal(await page.getByRole('spinbutton', { name: 'Dimensions' }).inputValue(), '50');
  assert.equal(await page.getByRole('combobox', { name: 'Chinese text' }).inputValue(), 'spaces');
  assert.equal(await page.getByRole('slider', { name: 'Speed' }).inputValue(), '6', 'full speed');
  const clicked = Date.now();
  await page.getByRole('button', { name: 'Train' }).click();
  await waitForState(page, 'done', 30000);
  const seconds = (Date.now() - clicked) / 1000;
  console.log(`English, 15,000 tokens: trained in ${seconds.toFixed(1)} s after one click`);
  const near = await neighboursOf(page, 'coffee');
  console.log(`coffee: ${near.slice(0, 5)}`);
  assert.ok(near.slice(0, 3).every((w) => DRINKS.includes(w)), `neighbours of coffee: ${near}`);
  // The address says what was trained, at most half a second after.
  await page.waitForFunction(() => location.hash.includes('train=1') && location.hash.includes('preset=custom'), null, { timeout: 600 });
  assert.deepEqual(errors, []);
  await page.close();
});

test('Undo puts the preset\'s settings back; slow motion that would take long says so, Full speed fixes it', async () => {
  const { page } = await open();
  await paste(page, english());
  await page.locator('#own-note').waitFor({ state: 'visible' });
  await page.getByRole('button', { name: 'Undo' }).click();
  await page.locator('#own-note').waitFor({ state: 'hidden' });
  await settled(page);
  assert.equal(await page.getByRole('spinbutton', { name: 'Dimensions' }).inputValue(), '3');
  assert.equal(await page.getByRole('combobox', { name: 'Output layer' }).inputValue(), 'softmax');
  // The tutorial's 300 epochs at 1,000 words a second over 15,000 tokens: over an hour.
  await page.waitForFunction(() => /Slow motion: this takes (\d+ min|[\d.]+ h)/.test(document.getElementById('estimate')?.textContent ?? ''));
  await page.getByRole('button', { name: 'Full speed' }).click();
  assert.equal(await page.getByRole('slider', { name: 'Speed' }).inputValue(), '6');
  assert.ok(await page.getByRole('button', { name: 'Full speed' }).isHidden());
  await page.close();
});

test('Chinese without spaces is cut into words: the dictionary arrives only then, drinks near drinks', async () => {
  const { page, errors } = await open();
  /** @type {string[]} */
  const fetched = [];
  page.on('request', (r) => {
    if (/jieba-dict|word2vec_lab_bg/.test(r.url())) fetched.push(r.url());
  });
  const dictionary = () => fetched.filter((u) => u.includes('jieba-dict'));
  // English and the presets never fetch it.
  await page.getByRole('combobox', { name: 'Preset' }).selectOption('eat-drink');
  await settled(page);
  assert.deepEqual(dictionary(), []);
  await paste(page, chinese());
  await page.locator('#own-note').waitFor({ state: 'visible' });
  await settled(page, 60000);
  assert.equal(dictionary().length, 1, 'the dictionary, once');
  assert.equal(await page.getByRole('combobox', { name: 'Chinese text' }).inputValue(), 'words');
  const clicked = Date.now();
  await page.getByRole('button', { name: 'Train' }).click();
  await waitForState(page, 'done', 30000);
  console.log(`Chinese, 1,200 lines: trained in ${((Date.now() - clicked) / 1000).toFixed(1)} s after one click`);
  const near = await neighboursOf(page, '红茶');
  console.log(`红茶: ${near.slice(0, 5)}`);
  assert.ok(near.slice(0, 3).every((w) => ZH_DRINKS.includes(w)), `neighbours of 红茶: ${near}`);
  // Fill in the blank, written as Chinese is written.
  await page.getByRole('textbox', { name: 'Context with a blank' }).fill('我每天早上喜欢喝一杯___');
  await page.waitForFunction(() => document.querySelectorAll('#blank-results li').length === 10);
  const offered = (await items(page, 'Fill in the blank')).map((s) => s.split(' ')[0]);
  const blank = offered.slice(0, 3);
  assert.ok(ZH_DRINKS.includes(blank[0]) && !blank.some((w) => ZH_FOODS.includes(w)), `the blank: ${blank}`);
  // Words of the context (我 每天 早上 喜欢 …) are not offered for the gap.
  assert.ok(!offered.some((w) => ['我', '每天', '早上', '喜欢'].includes(w)), `the blank offered ${offered}`);
  // jieba's dictionary has the collocation 喝一杯; a teacher's dictionary word 一杯 cuts it out.
  await page.getByRole('textbox', { name: 'Query word' }).fill('一杯');
  await page.waitForFunction(() => /not in the vocabulary/.test(document.getElementById('neighbours')?.dataset.message ?? ''));
  await page.getByRole('textbox', { name: 'Dictionary words' }).fill('一杯');
  await settled(page, 60000);
  await page.getByRole('button', { name: 'Train' }).click();
  await waitForState(page, 'done', 30000);
  assert.equal((await neighboursOf(page, '一杯')).length, 10);
  assert.equal(dictionary().length, 1, 'still fetched once');
  assert.deepEqual(errors, []);
  await page.close();
});

test('深度学习改变了世界 typed into the box is trained and traced as 深度 学习 改变 了 世界', async () => {
  const { page, errors } = await open();
  const box = page.getByRole('textbox', { name: 'Corpus' });
  await box.focus();
  await page.keyboard.press('Control+A');
  await page.keyboard.type('深度学习改变了世界');
  await page.locator('#own-note').waitFor({ state: 'visible' });
  // Next sample at once: it traces the model the typed text makes.
  await page.getByRole('button', { name: 'Next sample' }).click();
  await page.waitForFunction(() => document.querySelector('#samples-view .is-centre') !== null, null, { timeout: 60000 });
  const tokens = await page.locator('#samples-view .token').allInnerTexts();
  assert.deepEqual(tokens, ['深度', '学习', '改变', '了', '世界']);
  assert.match(await page.locator('#corpus-stats').innerText(), /^5 tokens · 5 distinct words/);
  await page.getByRole('button', { name: 'Train' }).click();
  await waitForState(page, 'done', 30000);
  assert.deepEqual(errors, []);
  await page.close();
});

test('a click at once after setting changes is not lost', async () => {
  const { page } = await open();
  await page.getByRole('combobox', { name: 'Output layer' }).selectOption('negative');
  await page.getByRole('spinbutton', { name: 'Dimensions' }).fill('4');
  await page.getByRole('spinbutton', { name: 'Window' }).fill('1');
  await page.getByRole('button', { name: 'Next sample' }).click();
  const step = page.getByRole('region', { name: 'Training step' });
  await step.locator('table.decisions').waitFor();
  // Negative sampling with window 1: the first position 深度 has one context word, 学习.
  assert.match(await page.getByRole('region', { name: 'Samples' }).innerText(), /\(\{学习\} → 深度\)/);
  assert.equal(await page.locator('#weights-view table.heatmap').first().locator('tr').first().locator('td').count(), 4);
  await page.close();
});

test('a 3 MB paste: no main-thread task over 250 ms, streamed like a file; text typed just before a reload survives it', async () => {
  const { page, errors } = await open();
  const book = english().repeat(40);
  assert.ok(book.length > 3_000_000, `${book.length} characters`);
  await copy(page, book);
  const longTasks = await watchLongTasks(page);
  await pasteCopied(page);
  const box = page.getByRole('textbox', { name: 'Corpus' });
  await page.waitForFunction(() => / MB, read in the worker/.test(document.getElementById('corpus-stats')?.textContent ?? ''), null, { timeout: 60000 });
  await settled(page, 60000);
  const tasks = await longTasks();
  console.log(`3 MB paste: main-thread long tasks ${JSON.stringify(tasks.map(Math.round))}`);
  assert.ok(tasks.every((d) => d <= 250), `main-thread tasks of ${tasks} ms`);
  assert.match(await page.locator('#corpus-stats').innerText(), /pasted text\.txt \(3\.\d MB, read in the worker/);
  const shown = await box.inputValue();
  assert.ok(shown.length < 25000 && shown.endsWith('…'), `the box holds ${shown.length} characters`);
  assert.equal(await status(page).getAttribute('data-state'), 'idle');

  // Typed 0.3 s before a reload: still there after it.
  await page.getByRole('combobox', { name: 'Preset' }).selectOption('royal');
  await settled(page);
  await box.focus();
  await page.keyboard.press('Control+A');
  await page.keyboard.type('the cat sat on the mat', { delay: 20 });
  await page.waitForTimeout(300);
  await page.reload();
  await started(page);
  assert.equal(await box.inputValue(), 'the cat sat on the mat');
  assert.deepEqual(errors, []);
  await page.close();
});
