// Keyboard shortcuts: the page's main actions without the mouse, for a teacher at the front of
// the room. Never while typing (a text field, a number field, a menu), never with Ctrl, Alt or
// ⌘ (the browser's own shortcuts). `shortcutFor` is pure and unit-tested; main.js runs the action.

/** @typedef {'trainPause' | 'step' | 'reset' | 'fit' | 'query' | 'projection' | 'present' | 'endPresent' | 'help'} Shortcut */

/** Every shortcut with the key shown in the help (i18n key `key.<action>` describes it). */
export const SHORTCUTS = /** @type {const} */ ([
  { key: ' ', shown: 'Space', action: 'trainPause' },
  { key: 's', shown: 'S', action: 'step' },
  { key: 'r', shown: 'R', action: 'reset' },
  { key: 'f', shown: 'F', action: 'fit' },
  { key: '/', shown: '/', action: 'query' },
  { key: 'p', shown: 'P', action: 'projection' },
  { key: 'm', shown: 'M', action: 'present' },
  { key: 'escape', shown: 'Esc', action: 'endPresent' },
  { key: '?', shown: '?', action: 'help' },
]);

/**
 * The shortcut a key press means, or null.
 * @param {{key: string, ctrlKey: boolean, altKey: boolean, metaKey: boolean}} e
 * @param {{typing: boolean, onButton: boolean}} where  typing: focus is in a field; onButton:
 *   on a button (whose own Space must still press it)
 * @returns {Shortcut | null}
 */
export function shortcutFor(e, where) {
  if (e.ctrlKey || e.altKey || e.metaKey || where.typing) return null;
  if (e.key === ' ' && where.onButton) return null;
  return SHORTCUTS.find((s) => s.key === e.key.toLowerCase() || (s.key === '?' && e.key === '?'))?.action ?? null;
}
