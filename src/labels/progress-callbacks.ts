/** How a labels operation reports progress: plain callbacks, so any front end can draw it. */
export interface ProgressCallbacks {
  /** Rows (labels, translation units) processed since the last call. */
  onRows?: (n: number) => void;
  /** The operation entered a new phase, e.g. "reading memory". */
  onPhase?: (name: string) => void;
}
