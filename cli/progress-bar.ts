import type { Progress } from "../lib/progress.ts";

export interface ProgressBarOptions {
  readonly stream: NodeJS.WriteStream;
  /** Milliseconds between redraws (TTY) or between log lines (pipes, CI logs). */
  readonly intervalMs?: number;
  readonly now?: () => number;
}

const WIDTH = 24;

/**
 * Draws progress on stderr: a redrawn bar with rate and ETA on a terminal, or a line every few
 * seconds when stderr is a pipe (CI logs), so long seeds and imports never look stuck.
 */
export function createProgressBar(options: ProgressBarOptions): Progress {
  const now = options.now ?? (() => performance.now());
  const interactive = options.stream.isTTY === true;
  const intervalMs = options.intervalMs ?? (interactive ? 100 : 5000);
  let label = "";
  let unit = "rows";
  let total: number | null = null;
  let done = 0;
  let startedAt = 0;
  let lastDraw = 0;
  let active = false;

  const render = (final: boolean): string => {
    const elapsedS = Math.max((now() - startedAt) / 1000, 1e-3);
    const rate = done / elapsedS;
    const count = total === null ? fmt(done) : `${fmt(done)}/${fmt(total)}`;
    const rateText = `${fmt(Math.round(rate))} ${unit}/s`;
    if (total === null || total === 0) return `${label}: ${count} ${unit}  ${rateText}  ${elapsedS.toFixed(1)}s`;
    const ratio = Math.min(done / total, 1);
    const filled = Math.round(ratio * WIDTH);
    const bar = `[${"#".repeat(filled)}${"-".repeat(WIDTH - filled)}]`;
    const tail = final ? `${elapsedS.toFixed(1)}s` : `ETA ${formatSeconds(rate > 0 ? (total - done) / rate : Infinity)}`;
    return `${label} ${bar} ${(ratio * 100).toFixed(0).padStart(3)}% ${count} ${unit}  ${rateText}  ${tail}`;
  };

  const draw = (final = false) => {
    const line = render(final);
    if (interactive) options.stream.write(`\r\x1b[2K${line}${final ? "\n" : ""}`);
    else options.stream.write(`${line}\n`);
    lastDraw = now();
  };

  return {
    start(nextLabel, nextTotal, nextUnit = "rows") {
      if (active) draw(true);
      label = nextLabel;
      total = nextTotal;
      unit = nextUnit;
      done = 0;
      startedAt = now();
      lastDraw = interactive ? 0 : startedAt;
      active = true;
    },
    advance(n) {
      done += n;
      if (now() - lastDraw >= intervalMs) draw();
    },
    finish() {
      if (!active) return;
      draw(true);
      active = false;
    },
  };
}

function fmt(n: number): string {
  return n.toLocaleString("en-US");
}

function formatSeconds(seconds: number): string {
  if (!Number.isFinite(seconds)) return "?";
  if (seconds < 60) return `${Math.ceil(seconds)}s`;
  const minutes = Math.floor(seconds / 60);
  return `${minutes}m${String(Math.ceil(seconds % 60)).padStart(2, "0")}s`;
}
