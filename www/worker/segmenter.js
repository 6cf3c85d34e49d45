// Chinese word segmentation in the worker: the segmenter's wasm module (www/pkg-segment/, the
// crate's `segment` feature, src/bindings/wasm_segment.rs) and jieba's dictionary, fetched the first time
// a text is cut into words and kept for the worker's life. Neither is in what every visit loads:
// the module is about 200 KB gzipped, the dictionary 1.7 MB (scripts/build.mjs derives it from
// jieba-rs's dict.txt).
//
// The dictionary is a gzipped file; a server that sends it with `Content-Encoding: gzip` has the
// browser unpack it already, so it is unpacked here only if it still starts with gzip's magic
// bytes.

import segmentUrl from '../pkg-segment/word2vec_lab_bg.wasm?url';
import dictionaryUrl from '../pkg-segment/jieba-dict.txt.gz?url';

/**
 * What the session uses of a segmenter.
 * @typedef {object} Segmenter
 * @property {(text: string) => string} segmentText  each line's words separated by spaces
 * @property {(words: string) => void} setUserWords  one a line, always cut out whole
 */

/** @param {Uint8Array<ArrayBuffer>} bytes */
async function gunzip(bytes) {
  if (bytes[0] !== 0x1f || bytes[1] !== 0x8b) return new TextDecoder().decode(bytes);
  const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'));
  return new Response(stream).text();
}

/** @type {Promise<Segmenter> | null} */
let loading = null;

/** The segmenter (module and dictionary), loaded once. @returns {Promise<Segmenter>} */
export function loadSegmenter() {
  loading ??= (async () => {
    const [m, response] = await Promise.all([import('../pkg-segment/word2vec_lab.js'), fetch(dictionaryUrl)]);
    if (!response.ok) throw new Error(`the Chinese dictionary could not be fetched (${response.status})`);
    await m.default({ module_or_path: segmentUrl });
    return new m.Segmenter(await gunzip(new Uint8Array(await response.arrayBuffer())));
  })();
  // A failed fetch may succeed later (the network came back): try again next time.
  loading.catch(() => {
    loading = null;
  });
  return loading;
}
