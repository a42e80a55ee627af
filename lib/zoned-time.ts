/**
 * Wall-clock time in an IANA time zone ↔ UTC instants, with Intl only (no tz database of our own).
 * Formatters are cached per zone: constructing Intl.DateTimeFormat is the expensive part.
 */

export interface WallTime {
  readonly year: number;
  readonly month: number; // 1–12
  readonly day: number;
  readonly hour?: number;
  readonly minute?: number;
  readonly second?: number;
  readonly millisecond?: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let cached = formatters.get(timeZone);
  if (!cached) {
    cached = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    formatters.set(timeZone, cached);
  }
  return cached;
}

/** True when the runtime knows this IANA zone name. */
export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The zone's offset from UTC in minutes at the given instant (east positive: UTC−6 → −360). */
export function offsetMinutesAt(instantMs: number, timeZone: string): number {
  const parts = formatter(timeZone).formatToParts(new Date(instantMs));
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((part) => part.type === type)?.value);
  const asUtc = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"), get("second"));
  const wholeSeconds = Math.floor(instantMs / 1000) * 1000;
  return Math.round((asUtc - wholeSeconds) / 60000);
}

/**
 * The UTC instant of a wall-clock time in a zone. A time skipped by a DST jump is moved forward by
 * the gap; a repeated time resolves to its first (earlier) occurrence.
 */
export function zonedTimeToUtc(wall: WallTime, timeZone: string): Date {
  const naive = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour ?? 0, wall.minute ?? 0, wall.second ?? 0, wall.millisecond ?? 0);
  const firstGuess = naive - offsetMinutesAt(naive, timeZone) * 60000;
  const offsetAtGuess = offsetMinutesAt(firstGuess, timeZone);
  let instant = naive - offsetAtGuess * 60000;
  const offsetAtInstant = offsetMinutesAt(instant, timeZone);
  if (offsetAtInstant !== offsetAtGuess) instant = naive - Math.min(offsetAtInstant, offsetAtGuess) * 60000;
  // Repeated hour: prefer the earlier instant when it maps to the same wall time.
  const earlier = instant - 3600000;
  if (offsetMinutesAt(earlier, timeZone) !== offsetMinutesAt(instant, timeZone)) {
    const wallOfEarlier = earlier + offsetMinutesAt(earlier, timeZone) * 60000;
    if (wallOfEarlier === naive) instant = earlier;
  }
  return new Date(instant);
}

/** The local calendar date ('YYYY-MM-DD') of an instant in a zone. */
export function localDate(instant: Date, timeZone: string): string {
  const parts = formatter(timeZone).formatToParts(instant);
  const get = (type: Intl.DateTimeFormatPartTypes) => parts.find((part) => part.type === type)?.value ?? "";
  return `${get("year")}-${get("month")}-${get("day")}`;
}
