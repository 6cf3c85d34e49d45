// Reading a session's words from a file without holding a large one twice: the file streamed
// piece by piece with `loading` reports (bytes read of the total, at most ten a second), decoded
// and handed on in whole lines (the trainer's loader takes lines; a partial last line waits for
// the next piece), or read into one buffer for the explorer module (a vector file).

import { Utf8Stream } from '../core/decode.js';

/** Reports of bytes read come at most this often (ms). */
const REPORT_EVERY_MS = 100;

/**
 * How a reading tells its progress: a clock and where the reports go.
 * @typedef {{now: () => number, report: (bytes: number, total: number) => void}} Reporting
 */

/**
 * Read `file` piece by piece.
 * @param {Blob} file @param {(piece: Uint8Array) => void} take @param {Reporting} reporting
 */
export async function readPieces(file, take, { now, report }) {
  const reader = file.stream().getReader();
  let bytes = 0;
  let reported = -Infinity;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.length;
    take(value);
    if (now() - reported > REPORT_EVERY_MS) {
      reported = now();
      report(bytes, file.size);
    }
  }
}

/**
 * Read a text file as UTF-8 in whole lines (the last one whole too, newline or not). Resolves
 * to whether a malformed byte was replaced by U+FFFD.
 * @param {Blob} file @param {(lines: string) => void} take @param {Reporting} reporting
 * @returns {Promise<boolean>}
 */
export async function readLines(file, take, reporting) {
  const decoder = new Utf8Stream();
  let carry = '';
  await readPieces(file, (piece) => {
    const text = carry + decoder.decode(piece, true);
    const cut = text.lastIndexOf('\n') + 1;
    if (cut > 0) take(text.slice(0, cut));
    carry = text.slice(cut);
  }, reporting);
  take(carry + decoder.decode());
  return decoder.replaced;
}

/**
 * Read a whole file into one buffer (of its size: a file that grows meanwhile is cut there).
 * @param {Blob} file @param {Reporting} reporting @returns {Promise<Uint8Array>}
 */
export async function readBytes(file, reporting) {
  const bytes = new Uint8Array(file.size);
  let at = 0;
  await readPieces(file, (piece) => {
    bytes.set(piece.subarray(0, Math.max(0, bytes.length - at)), at);
    at += piece.length;
  }, reporting);
  return bytes.subarray(0, Math.min(at, bytes.length));
}
