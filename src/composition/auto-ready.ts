/** When a Composition appends function-auto-ready as its last pipeline step (reference §4.3, §8.17). */
export enum AutoReady {
  /** Add it when it matters: another function step may produce resources, or a composed kind has no `Ready` condition. */
  AUTO = 'auto',
  /** Always add it. */
  ON = 'on',
  /** Never add it. */
  OFF = 'off',
}
