// UTF-8 decoding that says whether anything had to be replaced.
//
// A file that is not UTF-8 (a PDF, a Word document, text in GBK) still loads: invalid bytes
// become U+FFFD, as the core's `decode_lossy` does, and the page warns that the text was not
// clean. The decoder is strict until the first invalid byte, then lenient for the rest (a
// character cut between two pieces at that moment is lost as well: the text is damaged anyway).

export class Utf8Stream {
  constructor() {
    this.strict = new TextDecoder('utf-8', { fatal: true });
    /** @type {TextDecoder | null} */
    this.lenient = null;
    /** Whether any bytes so far were not UTF-8. */
    this.replaced = false;
  }

  /**
   * Decode the next piece (`stream`: more pieces follow) or, with no bytes, flush.
   * @param {Uint8Array} [bytes] @param {boolean} [stream]
   */
  decode(bytes, stream = false) {
    if (this.lenient === null) {
      try {
        return this.strict.decode(bytes, { stream });
      } catch {
        this.replaced = true;
        this.lenient = new TextDecoder('utf-8');
      }
    }
    return this.lenient.decode(bytes, { stream });
  }
}
