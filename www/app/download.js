// Saving bytes as a file: the browser's download of an object URL, started by a click on a
// temporary link (no server round trip; allowed by the page's Content-Security-Policy).

/**
 * @param {Blob | Uint8Array<ArrayBuffer> | string} bytes @param {string} name  the file name offered
 * @param {string} [type]
 */
export function download(bytes, name, type = 'application/octet-stream') {
  const url = URL.createObjectURL(new Blob([bytes], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  // The download has started from the URL; free it once the click has been handled.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/**
 * A file name from what is shown: the preset, "my-text", or the imported file's name without its
 * extension; only letters, digits, '-' and '_' (so it is a safe name on every system).
 * @param {string} what
 */
export function fileStem(what) {
  const stem = what.replace(/\.[^.]*$/, '').replace(/[^\p{L}\p{N}_-]+/gu, '-').replace(/^-+|-+$/g, '');
  return stem === '' ? 'word2vec' : stem;
}
