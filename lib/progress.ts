/**
 * Progress of long work (seeding, importing). Library code reports; the CLI draws a bar.
 * Implementations must be cheap to call often.
 */
export interface Progress {
  /** Starts a phase; total is null when unknown. */
  start(label: string, total: number | null, unit?: string): void;
  /** Records that n more units are done in the current phase. */
  advance(n: number): void;
  /** Ends the current phase. */
  finish(): void;
}

export const silentProgress: Progress = { start: () => undefined, advance: () => undefined, finish: () => undefined };
