// CSV as spreadsheets and pandas read it (RFC 4180): a field holding a comma, a quote or a line
// break is quoted, its quotes doubled. The plot's coordinates ("Export CSV") and the training
// history's (worker/history-views.js) are written here.

/** A CSV field, quoted when it holds a comma, a quote or a line break. @param {string} s */
export function csvField(s) {
  return /[",\n\r]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

/**
 * The projected coordinates as the plot shows them: a header `word,x,y`, then one row per word in
 * vocabulary order; a word not laid out (NaN) has empty coordinates.
 * @param {readonly string[]} words @param {Float32Array} coords  |V| × 2, x and y of each word in turn
 * @returns {string}
 */
export function coordinatesCsv(words, coords) {
  const number = (/** @type {number} */ x) => (Number.isNaN(x) ? '' : String(x));
  const lines = ['word,x,y'];
  words.forEach((w, i) => lines.push(`${csvField(w)},${number(coords[2 * i])},${number(coords[2 * i + 1])}`));
  return `${lines.join('\n')}\n`;
}
