// How the plot looks, written once: the canvas (plot.js, label-sprites.js) and the SVG export
// (plot-svg.js) draw the same points, rings, arrows and labels from these numbers and colours,
// so that an exported picture is the one on screen.

/** A word's point, CSS pixels. */
export const POINT_RADIUS = 3.5;
/** Behind the picture (the PNG and SVG exports; the canvas itself is transparent). */
export const BACKGROUND = '#ffffff';

export const LABEL_PX = 12;
export const LABEL_FAMILY = 'system-ui, "Noto Sans CJK SC", "Microsoft YaHei", sans-serif';
export const LABEL_FONT = `${LABEL_PX}px ${LABEL_FAMILY}`;
/** Label text: the selected, hovered and highlighted words' darker. */
export const LABEL_INK = '#374151';
export const LABEL_INK_STRONG = '#111827';
/** The pale box behind each label on the canvas, so that it reads over the points. */
export const LABEL_BACKING = 'rgba(255, 255, 255, 0.75)';
/** A label's box beside its point, in CSS pixels from the point (left, top, height), and where
 * its text starts in the box (1 px in, vertically centred at 7 px), on the canvas, as sprites
 * and in the SVG. */
export const LABEL_BOX = { left: 4, top: -8, height: 14, textLeft: 1, textMiddle: 7 };

/** Rings: around the neighbours and analogy words, and a wider dark one around the selected word
 * (radius beyond the point's, stroke width), with faint lines from it to its neighbours. */
export const HIGHLIGHT_RING = { colour: '#2563eb', gap: 3, width: 2 };
export const SELECTED_RING = { colour: '#111827', gap: 5, width: 2.5 };
export const NEIGHBOUR_LINE = { colour: 'rgba(37, 99, 235, 0.35)', width: 1 };

/** The analogy's parallelogram: a → b and c → target as arrows, a → c and b → target (and target
 * → d) dashed, a ring where b − a + c lands. */
export const ANALOGY = { colour: '#16a34a', faint: 'rgba(22, 163, 74, 0.6)', width: 2, dash: [5, 4], targetRadius: 7 };

/** A word's trail through training (the history): a line with a dot at each moment, a ring where
 * training started, a larger dot at the moment shown. */
export const TRAIL = { colour: 'rgba(124, 58, 237, 0.75)', width: 1.5, dot: 1.8, startRadius: 4.5, atRadius: 4 };
