// The plot's coordinates as CSV (www/core/csv.js): one row per word, fields quoted as RFC 4180
// says, a word not laid out left empty.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { coordinatesCsv, csvField } from '../../www/core/csv.js';

test('a field with a comma, a quote or a line break is quoted, its quotes doubled', () => {
  assert.equal(csvField('king'), 'king');
  assert.equal(csvField('深度'), '深度');
  assert.equal(csvField('a,b'), '"a,b"');
  assert.equal(csvField('say "hi"'), '"say ""hi"""');
  assert.equal(csvField('two\nlines'), '"two\nlines"');
});

test('one row per word in order, x and y as numbers, NaN as empty', () => {
  const csv = coordinatesCsv(['king', 'a,b', '学习'], new Float32Array([0.5, -1, 2, 0.25, NaN, NaN]));
  assert.equal(csv, 'word,x,y\nking,0.5,-1\n"a,b",2,0.25\n学习,,\n');
});
