// The plot's frame rate: at most one frame every FRAME_MS, on the screen's own frames.
//
// A glide between two snapshots (plot.js) asks for a frame at every screen refresh; at 60 Hz
// that is a frame every 16.7 ms, each drawn by the plot's worker and then composited (in
// software where there is no GPU). On a 2-core machine that drawing competes with training and
// with the page's own tasks. At one frame every 25 ms (40 a second, two refreshes in three at
// 60 Hz) the motion reads the same and the drawing and compositing cost a third less. A frame
// is drawn when its refresh comes at most half a refresh (HALF_REFRESH_MS) before it is due,
// so that the pace holds on the screen's own beat instead of drifting by a whole refresh.

/** The shortest time between two drawn frames. */
export const FRAME_MS = 25;
/** Half a refresh at 60 Hz: a refresh this close before a frame is due draws it. */
const HALF_REFRESH_MS = 8;

/**
 * A `requestFrame` that draws at most once every FRAME_MS: `raf` is the screen's
 * requestAnimationFrame (the page's or a worker's).
 * @param {(cb: (now: number) => void) => unknown} raf
 * @returns {(draw: (now: number) => void) => void}
 */
export function pacedFrames(raf) {
  let due = -Infinity;
  return (draw) => {
    /** @param {number} now */
    const at = (now) => {
      if (now < due - HALF_REFRESH_MS) {
        raf(at);
        return;
      }
      // On the beat while frames follow each other; from now after a pause.
      due = (now - due > FRAME_MS ? now : due) + FRAME_MS;
      draw(now);
    };
    raf(at);
  };
}
