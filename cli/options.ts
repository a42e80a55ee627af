import { InputError } from "../lib/input-error.ts";

/** Commander option parser for a whole number within bounds; "1_000_000" and "1,000,000" are accepted. */
export function integerOption(name: string, min: number, max: number) {
  return (raw: string): number => {
    const cleaned = raw.replace(/[_,]/g, "");
    const value = Number(cleaned);
    if (!/^-?\d+$/.test(cleaned) || !Number.isSafeInteger(value) || value < min || value > max) {
      throw new InputError(`--${name} must be a whole number from ${min.toLocaleString("en")} to ${max.toLocaleString("en")}, got "${raw}"`);
    }
    return value;
  };
}

/** Commander option parser for a calendar date 'YYYY-MM-DD'. */
export function dateOption(name: string) {
  return (raw: string): string => {
    const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(raw);
    const date = match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : undefined;
    if (!match || !date || date.toISOString().slice(0, 10) !== raw) throw new InputError(`--${name} must be a date like 2026-11-21, got "${raw}"`);
    return raw;
  };
}

/** Commander option parser for one of a fixed set of values. */
export function choiceOption<T extends string>(name: string, choices: readonly T[]) {
  return (raw: string): T => {
    const found = choices.find((choice) => choice === raw.toLowerCase());
    if (!found) throw new InputError(`--${name} must be one of ${choices.join(", ")}, got "${raw}"`);
    return found;
  };
}

/** Commander option parser for an instant (ISO 8601, with or without a zone; a bare date is its UTC midnight). */
export function instantOption(name: string) {
  return (raw: string): Date => {
    const instant = new Date(raw);
    if (!/^\d{4}-\d{2}-\d{2}/.test(raw) || Number.isNaN(instant.getTime())) throw new InputError(`--${name} must be an ISO instant like 2026-11-21T09:00:00-06:00, got "${raw}"`);
    return instant;
  };
}

/** Commander collector for repeated --header "Name: value" options (a feed's headers). */
export function parseHeaderOption(raw: string, previous: Readonly<Record<string, string>> = {}): Record<string, string> {
  const colon = raw.indexOf(":");
  const name = colon === -1 ? "" : raw.slice(0, colon).trim();
  if (colon === -1 || name.length === 0) throw new InputError(`--header must look like "Name: value" (e.g. "Authorization: Bearer abc123"), got "${raw}"`);
  return { ...previous, [name]: raw.slice(colon + 1).trim() };
}
