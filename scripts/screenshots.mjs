// Screenshots of the demo in each state, for reading and for the README:
//   node scripts/screenshots.mjs [out-dir]      (needs `npm run build` first)
// Writes idle, training (slow motion), paused, done (royal, analogy drawn), its training history,
// cluster colouring,
// Chinese UI, a refused field and an error, a Chinese text of the user's cut into words, then each
// teaching view; the cluster picture is also
// docs/screenshot.png.

import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { launch, openDemo, serve, waitForState } from '../tests/e2e/harness.mjs';
import { ROOT } from './toolchain.mjs';

const out = process.argv[2] ?? '/tmp/w2v-shots';
mkdirSync(out, { recursive: true });
const server = await serve();
const browser = await launch();
const ready = async (/** @type {import('playwright-core').Page} */ page) => {
  await page.waitForFunction(() => /\d/.test(document.getElementById('corpus-stats')?.textContent ?? ''));
  await page.waitForTimeout(400);
};
const shot = async (/** @type {import('playwright-core').Page} */ page, /** @type {string} */ name) => {
  await page.screenshot({ path: join(out, `${name}.png`) });
  console.log(join(out, `${name}.png`));
};

try {
  const { page } = await openDemo(browser.context, server.url);
  await ready(page);
  await shot(page, '1-idle-tutorial');
  await page.getByRole('button', { name: 'Train' }).click();
  await page.waitForTimeout(700);
  await shot(page, '2-training-tutorial');
  await waitForState(page, 'done');
  await shot(page, '3-done-tutorial');

  await page.getByRole('combobox', { name: 'Preset' }).selectOption('zh-classics');
  await ready(page);
  await page.getByRole('slider', { name: 'Speed' }).fill('4');
  await page.getByRole('button', { name: 'Train' }).click();
  await page.waitForTimeout(1500);
  await page.getByRole('button', { name: 'Pause' }).click();
  await waitForState(page, 'paused');
  await shot(page, '4-paused-zh-classics');
  await page.getByRole('slider', { name: 'Speed' }).fill('6');
  await page.getByRole('button', { name: 'Train' }).click();
  await waitForState(page, 'done');
  await page.getByRole('combobox', { name: 'Colour by' }).selectOption('cluster');
  await page.waitForTimeout(600);
  await shot(page, '5-clusters-zh-classics');
  mkdirSync(join(ROOT, 'docs'), { recursive: true });
  copyFileSync(join(out, '5-clusters-zh-classics.png'), join(ROOT, 'docs', 'screenshot.png'));

  await page.getByRole('combobox', { name: 'Colour by' }).selectOption('frequency');
  await page.getByRole('combobox', { name: 'Preset' }).selectOption('royal');
  await ready(page);
  await page.getByRole('button', { name: 'Train' }).click();
  await waitForState(page, 'done');
  await page.waitForTimeout(600);
  await shot(page, '6-done-royal');
  // The training history: a quarter of the way through, with the trails and the region.
  await page.waitForFunction(() => document.querySelectorAll('#history-body tr').length === 5, null, { timeout: 15000 }).catch(() => {});
  const moments = Number(await page.getByRole('slider', { name: 'Training history', exact: true }).getAttribute('max'));
  await page.getByRole('slider', { name: 'Training history', exact: true }).fill(String(Math.round(moments * 0.4)));
  await page.waitForTimeout(600);
  await shot(page, '6b-history-royal');
  await page.getByRole('region', { name: 'History', exact: true }).scrollIntoViewIfNeeded();
  await shot(page, '6c-history-region-royal');
  await page.getByRole('slider', { name: 'Training history', exact: true }).fill(String(moments));
  // Present mode, as on a projector.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.getByRole('button', { name: 'Present' }).click();
  await page.waitForTimeout(600);
  await shot(page, '6d-present-royal');
  await page.keyboard.press('Escape');

  await page.getByRole('spinbutton', { name: 'Dimensions' }).fill('0');
  await page.getByRole('button', { name: 'Train' }).click();
  await shot(page, '7-refused-field');
  await page.getByRole('spinbutton', { name: 'Dimensions' }).fill('30');
  await page.getByRole('textbox', { name: 'Corpus' }).fill(' ');
  await waitForState(page, 'error');
  await shot(page, '8-error-empty-corpus');
  await page.close();

  const zh = await openDemo(browser.context, `${server.url}?lang=zh&preset=eat-drink`);
  await ready(zh.page);
  await zh.page.getByRole('button', { name: '训练' }).click();
  await waitForState(zh.page, 'done');
  await zh.page.waitForTimeout(600);
  await shot(zh.page, '9-chinese-eat-drink');
  await zh.page.close();

  // A teacher's own text: Chinese as people write it, pasted over the tutorial, in the Chinese UI:
  // the own-text note, the estimate, the words the segmenter cut, a traced sample.
  const own = await openDemo(browser.context, `${server.url}?lang=zh`);
  await ready(own.page);
  const lines = [];
  const drinks = ['红茶', '绿茶', '果汁', '豆浆', '酸奶', '奶茶'];
  const foods = ['米饭', '面条', '面包', '包子', '馒头', '蛋糕'];
  for (let i = 0; i < 600; i++) {
    lines.push(i % 2 === 0 ? `我每天早上喜欢喝${drinks[i % 6]}。` : `她晚上常常吃${foods[i % 6]}。`);
  }
  await own.page.getByRole('textbox', { name: '语料' }).fill(lines.join('\n'));
  await own.page.locator('#own-note').waitFor({ state: 'visible' });
  await own.page.waitForFunction(() => document.querySelector('main')?.getAttribute('aria-busy') === 'false', null, { timeout: 60000 });
  await own.page.getByRole('button', { name: '下一个样本' }).click();
  await own.page.waitForTimeout(600);
  await shot(own.page, '9b-own-chinese-text');
  await own.page.getByRole('button', { name: '训练' }).click();
  await waitForState(own.page, 'done', 30000);
  await own.page.getByRole('textbox', { name: '查询词' }).fill('红茶');
  await own.page.waitForTimeout(600);
  await shot(own.page, '9c-own-chinese-trained');
  await own.page.close();

  // The teaching views: the tutorial's step at 改变, then the lesson and a comparison on eat-drink.
  const teach = await openDemo(browser.context, server.url);
  await ready(teach.page);
  const view = (/** @type {string} */ name, /** @type {string} */ file) => teach.page.getByRole('region', { name }).screenshot({ path: join(out, `${file}.png`) });
  for (let i = 0; i < 3; i++) await teach.page.getByRole('button', { name: 'Next sample' }).click();
  await teach.page.waitForTimeout(400);
  await view('Samples', '10-samples');
  await view('Training step', '11-training-step-softmax');
  await view('Weights', '12-weights');
  await view('Huffman tree', '13-huffman-tree');
  await teach.page.getByRole('combobox', { name: 'Preset' }).selectOption('eat-drink');
  await ready(teach.page);
  await teach.page.getByRole('button', { name: 'Next sample' }).click();
  await teach.page.waitForTimeout(400);
  await view('Training step', '14-training-step-negative');
  await view('Noise distribution', '15-noise');
  await teach.page.getByRole('region', { name: 'Lesson' }).getByRole('button', { name: 'Start the lesson' }).click();
  await waitForState(teach.page, 'done');
  await teach.page.getByRole('textbox', { name: 'Context with a blank' }).fill('喜欢 喝 ___');
  await teach.page.waitForTimeout(600);
  await view('Lesson', '16-lesson');
  await view('Fill in the blank', '17-fill-in-the-blank');
  await teach.page.getByRole('button', { name: 'Start both' }).click();
  await teach.page.waitForTimeout(2500);
  await view('Compare', '18-compare');
  await teach.page.close();
} finally {
  await browser.close();
  await server.close();
}
