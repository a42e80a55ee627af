/**
 * In-process periodic ticks (`every` without Redis): each runs once at start and then every
 * everyMs, one run at a time (a slow tick is not stacked), and close() waits for runs in flight.
 */
import type { Logger } from "../../lib/logger.ts";
import { singleFlight, type SingleFlight } from "../../lib/single-flight.ts";

interface Tick {
  readonly everyMs: number;
  readonly flight: SingleFlight;
  timer: NodeJS.Timeout | undefined;
}

export interface TickTimers {
  add(name: string, everyMs: number, fn: () => Promise<void>): void;
  start(): void;
  /** Stops the timers; resolves when no tick is running (at once when force). */
  stop(force: boolean): Promise<void>;
}

export function checkTick(name: string, everyMs: number): void {
  if (!/^[A-Za-z0-9][A-Za-z0-9_.-]{0,99}$/.test(name)) throw new Error(`tick "${name}" must be letters, digits, '-', '_' or '.'`);
  if (!Number.isInteger(everyMs) || everyMs < 1) throw new Error(`tick ${name}: everyMs must be a whole number ≥ 1`);
}

export function createTickTimers(logger: Logger, keepAlive: boolean): TickTimers {
  const ticks = new Map<string, Tick>();
  let started = false;

  function arm(tick: Tick): void {
    void tick.flight.run();
    tick.timer = setInterval(() => void tick.flight.run(), tick.everyMs);
    if (!keepAlive) tick.timer.unref();
  }

  return {
    add(name, everyMs, fn) {
      checkTick(name, everyMs);
      if (ticks.has(name)) throw new Error(`tick "${name}" is registered twice`);
      const tick: Tick = { everyMs, flight: singleFlight(fn, (error) => logger.error("tick failed", { tick: name, error })), timer: undefined };
      ticks.set(name, tick);
      if (started) arm(tick);
    },
    start() {
      if (started) return;
      started = true;
      for (const tick of ticks.values()) arm(tick);
    },
    async stop(force) {
      started = false;
      for (const tick of ticks.values()) {
        clearInterval(tick.timer);
        tick.timer = undefined;
      }
      if (!force) await Promise.all([...ticks.values()].map((tick) => tick.flight.settled()));
    },
  };
}
