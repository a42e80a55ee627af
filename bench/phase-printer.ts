import type { Progress } from "../lib/progress.ts";

export interface PhaseTiming {
  readonly label: string;
  readonly seconds: number;
  readonly done: number;
}

/** A Progress that prints each phase with its duration and rate when it ends, and records it. */
export function phasePrinter(out: (line: string) => void, timings: PhaseTiming[] = []): Progress {
  let label = "";
  let unit = "";
  let done = 0;
  let startedAt = 0;
  return {
    start(nextLabel, _total, nextUnit = "rows") {
      label = nextLabel;
      unit = nextUnit;
      done = 0;
      startedAt = performance.now();
    },
    advance(n) {
      done += n;
    },
    finish() {
      const seconds = (performance.now() - startedAt) / 1000;
      timings.push({ label, seconds, done });
      const rate = seconds > 0 ? Math.round(done / seconds).toLocaleString("en") : "-";
      out(`  ${label.padEnd(24)} ${seconds.toFixed(1).padStart(7)} s  ${done.toLocaleString("en").padStart(10)} ${unit} (${rate}/s)`);
    },
  };
}
