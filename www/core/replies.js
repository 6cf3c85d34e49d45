// Requests to a worker that wait for its answer: each is numbered, its promise kept until the
// reply with that number arrives (or the worker is gone, and every one still waiting fails).
// Used by both of the page's workers (client.js for training, plot-canvas.js for the plot).

export class Replies {
  constructor() {
    this.next = 1;
    /** @type {Map<number, {resolve: (v: any) => void, reject: (e: Error) => void}>} */
    this.waiting = new Map();
  }

  /**
   * Number a request, send it, and wait for its reply.
   * @param {(id: number) => void} send  posts the request with its number
   * @returns {Promise<any>}
   */
  ask(send) {
    const id = this.next++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      send(id);
    });
  }

  /** The reply to request `id`: its value, or the worker's error. @param {number} id @param {{ok: true, value: any} | {ok: false, error: string}} reply */
  settle(id, reply) {
    const p = this.waiting.get(id);
    this.waiting.delete(id);
    if (reply.ok) p?.resolve(reply.value);
    else p?.reject(new Error(reply.error));
  }

  /** The worker is gone: every request still waiting fails with `why`. @param {string} why */
  failAll(why) {
    for (const p of this.waiting.values()) p.reject(new Error(why));
    this.waiting.clear();
  }
}
