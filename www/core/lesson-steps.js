// The guided lesson: the tutorial's sections as steps. Each step loads a preset, sets what it
// needs, runs the model (train to the end, or trace one sample) and points at the view to look
// at; its title and text are i18n keys `lesson.N.title` / `lesson.N.text`. Pure data.

/**
 * @typedef {object} LessonStep
 * @property {string} preset
 * @property {Record<string, string>} [settings]  form values to change after the preset
 * @property {'train' | 'trace'} run
 * @property {string} view       id of the element to bring into view
 * @property {'frequency' | 'cluster'} [colour]
 * @property {string} [query]
 */

/** @type {LessonStep[]} */
export const STEPS = [
  { preset: 'eat-drink', run: 'train', view: 'plot', colour: 'cluster' },
  { preset: 'tutorial', run: 'trace', view: 'step-view', colour: 'frequency' },
  { preset: 'tutorial', settings: { architecture: 'skipgram', alpha: '0.025' }, run: 'trace', view: 'samples-view' },
  { preset: 'eat-drink', run: 'trace', view: 'noise-view' },
  { preset: 'eat-drink', settings: { output: 'hierarchical' }, run: 'trace', view: 'huffman-view' },
  { preset: 'royal', run: 'train', view: 'analogy', colour: 'frequency' },
  { preset: 'eat-drink', run: 'train', view: 'pairs-body' },
  { preset: 'polysemy', run: 'train', view: 'neighbours', query: '苹果' },
];
