import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cssColour, pixelOf, pointRgb, rasterSquares } from '../../www/views/plot/colours.js';
import { placeLabels } from '../../www/views/plot/labels.js';
import { fitView, pick, toData, toScreen, withAnalogyTarget, zoomAt } from '../../www/views/plot/view.js';
import { parsePairs } from '../../www/views/panels.js';

test('the fitted view puts every point inside the box', () => {
  const coords = Float32Array.from([-1, -2, 3, 0.5, 0, 4]);
  const v = fitView(coords, 400, 300);
  for (let i = 0; i < 3; i++) {
    const [x, y] = toScreen(v, coords[2 * i], coords[2 * i + 1]);
    assert.ok(x >= 0 && x <= 400 && y >= 0 && y <= 300, `${x}, ${y}`);
  }
  // Up in the data is up on screen.
  assert.ok(toScreen(v, 0, 4)[1] < toScreen(v, 0, -2)[1]);
  const [dx, dy] = toData(v, ...toScreen(v, 3, 0.5));
  assert.ok(Math.abs(dx - 3) < 1e-9 && Math.abs(dy - 0.5) < 1e-9);
});

test('zooming keeps the point under the cursor in place', () => {
  const v = { scale: 50, x: 100, y: 80 };
  const before = toData(v, 130, 70);
  const after = toData(zoomAt(v, 1.7, 130, 70), 130, 70);
  assert.ok(Math.abs(before[0] - after[0]) < 1e-9 && Math.abs(before[1] - after[1]) < 1e-9);
});

test('pick finds the nearest point within the radius', () => {
  const v = { scale: 10, x: 0, y: 100 };
  const coords = Float32Array.from([1, 1, 5, 5, 1.2, 1]);
  assert.equal(pick(coords, v, 12.5, 90, 5), 2);
  assert.equal(pick(coords, v, 300, 300, 5), -1);
});

test('placed labels never overlap and the most important comes first', () => {
  const n = 300;
  const pos = Array.from({ length: n }, (_, i) => /** @type {[number, number]} */ ([20 + ((i * 37) % 200), 20 + ((i * 53) % 150)]));
  const placed = placeLabels([], n, pos.map((p) => p[0]), pos.map((p) => p[1]), () => 30, 260, 190, 1000);
  assert.equal(placed[0], 0);
  const boxes = placed.map((i) => ({ x0: pos[i][0] + 5, x1: pos[i][0] + 35, y0: pos[i][1] - 8, y1: pos[i][1] + 6 }));
  for (let a = 0; a < boxes.length; a++) {
    for (let b = a + 1; b < boxes.length; b++) {
      const A = boxes[a];
      const B = boxes[b];
      const overlap = A.x0 < B.x1 && B.x0 < A.x1 && A.y0 < B.y1 && B.y0 < A.y1;
      assert.ok(!overlap, `labels ${placed[a]} and ${placed[b]} overlap`);
    }
  }
  assert.ok(placed.length > 10 && placed.length < n);
});

test('the words in `first` are labelled before the frequent ones', () => {
  // Three points at the same spot: only one label fits, and it is the selected word's.
  const xs = [50, 50, 50];
  const ys = [50, 50, 50];
  assert.deepEqual(placeLabels([2], 3, xs, ys, () => 30, 200, 100, 10), [2]);
  assert.deepEqual(placeLabels([], 3, xs, ys, () => 30, 200, 100, 10), [0]);
});

test('squares go straight into the pixel buffer, clipped, the most frequent word on top', () => {
  const w = 8;
  const h = 6;
  const pixels = new Uint32Array(w * h);
  const red = pixelOf(0xff0000);
  const blue = pixelOf(0x0000ff);
  // Byte order R, G, B, A in memory.
  assert.deepEqual([...new Uint8Array(Uint32Array.of(red).buffer)], [255, 0, 0, 255]);
  // Point 0 (red) at (2, 2), point 1 (blue) overlapping it at (3, 3), point 2 off the left edge
  // and point 3 NaN: both skipped or clipped without error.
  rasterSquares(pixels, w, h, Float32Array.of(2, 3, -0.5, NaN), Float32Array.of(2, 3, 1, 1), Uint32Array.of(red, blue, blue, blue), 2);
  const at = (/** @type {number} */ x, /** @type {number} */ y) => pixels[y * w + x];
  assert.equal(at(1, 1), red);
  assert.equal(at(2, 2), red, 'point 0 is drawn last, over point 1');
  assert.equal(at(3, 3), blue);
  assert.ok(at(0, 0) === blue && at(0, 1) === blue, 'the clipped square keeps its column inside');
  assert.equal(at(1, 0), 0);
  assert.equal(pixels.filter((p) => p !== 0).length, 4 + 3 + 2);
});

test('label sprites: a block copied whole inside the buffer, clipped at its edges', async () => {
  const { blit } = await import('../../www/views/plot/label-sprites.js');
  // A 4 × 2 source: pixel values 1..8, row by row.
  const src = Uint32Array.from({ length: 8 }, (_, i) => i + 1);
  const w = 5;
  const h = 3;
  const at = (/** @type {Uint32Array} */ d, /** @type {number} */ x, /** @type {number} */ y) => d[y * w + x];
  const inside = new Uint32Array(w * h);
  blit(inside, w, h, src, 4, 1, 0, 3, 2, 1, 1);
  assert.deepEqual([at(inside, 1, 1), at(inside, 2, 1), at(inside, 3, 1), at(inside, 1, 2), at(inside, 3, 2)], [2, 3, 4, 6, 8]);
  assert.equal(inside.filter((p) => p !== 0).length, 6);
  // Past the top-left and the right edges: only what lands inside is written.
  const clipped = new Uint32Array(w * h);
  blit(clipped, w, h, src, 4, 0, 0, 4, 2, -1, -1);
  assert.deepEqual([...clipped.subarray(0, 3)], [6, 7, 8]);
  assert.equal(clipped.filter((p) => p !== 0).length, 3);
  const right = new Uint32Array(w * h);
  blit(right, w, h, src, 4, 0, 0, 4, 2, 3, 2);
  assert.deepEqual([at(right, 3, 2), at(right, 4, 2)], [1, 2]);
  assert.equal(right.filter((p) => p !== 0).length, 2);
});

test('colours: clusters use the palette, frequency runs from light to dark', () => {
  const counts = Uint32Array.from([100, 10, 1]);
  const byCluster = pointRgb(counts, Uint32Array.from([0, 1, 0]), 'cluster');
  assert.equal(byCluster[0], byCluster[2]);
  assert.notEqual(byCluster[0], byCluster[1]);
  const byFreq = Array.from(pointRgb(counts, null, 'frequency'), cssColour);
  assert.equal(byFreq[0], 'rgb(194, 65, 12)');
  assert.equal(byFreq[2], 'rgb(122, 166, 214)');
});

test('the analogy target is b − a + c', () => {
  const coords = Float32Array.from([0, 0, 1, 0, 0, 1]);
  const out = withAnalogyTarget(coords, { a: 0, b: 1, c: 2, d: -1 });
  assert.deepEqual(Array.from(out.slice(6)), [1, 1]);
});

test('the analogy\'s figure: two arrows to b and to b − a + c, the dashed sides, a ring at the target', async () => {
  const { analogyFigure, arrowHead } = await import('../../www/views/plot/analogy.js');
  const sx = [0, 10, 0, 12];
  const sy = [0, 0, 10, 9];
  const f = analogyFigure({ a: 0, b: 1, c: 2, d: 3 }, sx, sy);
  assert.deepEqual(f?.target, [10, 10]);
  assert.deepEqual(f?.arrows, [[0, 0, 10, 0], [0, 10, 10, 10]]);
  assert.deepEqual(f?.dashed, [[0, 0, 0, 10], [10, 0, 10, 10], [10, 10, 12, 9]]);
  assert.equal(analogyFigure({ a: 0, b: 1, c: 2, d: -1 }, sx, sy)?.dashed.length, 2, 'no answer, no line to it');
  assert.equal(analogyFigure({ a: 0, b: 7, c: 2, d: -1 }, sx, sy), null, 'a word not among the points');
  // The head of a rightward arrow: the tip, and two barbs behind it, one above and one below.
  const [p, tip, q] = arrowHead([0, 0, 10, 0]);
  assert.deepEqual(tip, [10, 0]);
  assert.ok(p[0] < 10 && q[0] < 10 && Math.abs(p[1] + q[1]) < 1e-9 && p[1] !== 0);
  assert.ok(Math.abs(Math.hypot(10 - p[0], p[1]) - 9) < 1e-9, 'barbs 9 px long');
});

test('pairs: one per line, separated by spaces, commas or slashes', () => {
  assert.deepEqual(parsePairs('猫 狗\n猫,汽车\n\n北京 / 上海\nalone'), [['猫', '狗'], ['猫', '汽车'], ['北京', '上海']]);
});

test('the SVG of the plot: points by colour, rings, arrows, and words as escaped text', async () => {
  const { plotSvg, escapeXml } = await import('../../www/views/plot/plot-svg.js');
  const words = ['king', 'queen', '<img src=x onerror=alert(1)>', 'a&b', 'nul\u0000'];
  const svg = plotSvg({
    width: 200, height: 100, words,
    sx: new Float32Array([10, 20, 30, 40, 500]), sy: new Float32Array([10, 20, 30, 40, 50]),
    rgb: new Uint32Array([0xff0000, 0xff0000, 0x00ff00, 0x0000ff, 0x0000ff]),
    labels: [0, 2, 3], selected: 0, highlighted: new Set([1]), analogy: { a: 0, b: 1, c: 2, d: 3 },
  });
  assert.ok(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg" width="200" height="100"'));
  assert.equal((svg.match(/<circle cx="[\d.]+" cy="[\d.]+" r="3.5"\/>/g) ?? []).length, 4, 'the point outside the box is left out');
  assert.equal((svg.match(/<g fill="#/g) ?? []).length, 4, 'one group per colour (three), and the labels');
  assert.ok(svg.includes('<text x="35" y="29">&lt;img src=x onerror=alert(1)&gt;</text>'));
  assert.ok(svg.includes('>a&amp;b</text>'));
  assert.ok(!svg.includes('<img'));
  assert.ok(svg.includes('r="8.5"'), 'the selected word is ringed');
  assert.equal((svg.match(/<line /g) ?? []).length, 5, 'a → b, c → b − a + c, two dashed sides, to d');
  assert.equal((svg.match(/<polyline points=/g) ?? []).length, 2, 'the two arrows\' heads, as on the canvas');
  assert.equal(escapeXml('nul\u0000'), 'nul\ufffd');
});

test('a pinch zooms by the fingers\' distance and keeps the point between them under them', async () => {
  const { pinchView } = await import('../../www/views/plot/view.js');
  const start = { scale: 100, x: 200, y: 150 };
  // Fingers at (100, 100) and (200, 100) spread to (50, 120) and (250, 120): twice as far, moved down 20.
  const v = pinchView(start, [100, 100], [200, 100], [50, 120], [250, 120]);
  assert.equal(v.scale, 200);
  // The data point that was at the first midpoint (150, 100) is now at the new midpoint (150, 120).
  const dataX = (150 - start.x) / start.scale;
  const dataY = (start.y - 100) / start.scale;
  assert.ok(Math.abs(dataX * v.scale + v.x - 150) < 1e-9);
  assert.ok(Math.abs(v.y - dataY * v.scale - 120) < 1e-9);
});

test('fitView and placeLabels skip points a projection did not place (NaN)', async () => {
  const { fitView } = await import('../../www/views/plot/view.js');
  const { placeLabels } = await import('../../www/views/plot/labels.js');
  const coords = new Float32Array([0, 0, 1, 1, NaN, NaN]);
  const v = fitView(coords, 400, 300);
  assert.ok(Number.isFinite(v.scale) && Number.isFinite(v.x) && Number.isFinite(v.y));
  const xs = new Float32Array([100, 200, NaN]);
  const ys = new Float32Array([100, 200, NaN]);
  assert.deepEqual(placeLabels([2], 3, xs, ys, () => 30, 400, 300, 10), [0, 1]);
});
