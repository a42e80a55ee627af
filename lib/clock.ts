/** The source of "now". Injected everywhere so tests, evals and seeds can pin time. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export function fixedClock(at: Date | string): Clock {
  const instant = typeof at === "string" ? new Date(at) : at;
  if (Number.isNaN(instant.getTime())) throw new Error(`fixedClock: invalid instant ${String(at)}`);
  return { now: () => new Date(instant.getTime()) };
}
