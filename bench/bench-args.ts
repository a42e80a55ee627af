/**
 * The flags every benchmark reads the same way: which database (--dialect) and positive counts
 * (--workspaces, --messages…), refused with a message naming the flag.
 */
import type { Dialect } from "../db/connection.ts";

export function dialectFlag(value: string): Dialect {
  if (value !== "postgres" && value !== "pglite") throw new Error(`--dialect must be postgres or pglite, got ${value}`);
  return value;
}

export function positiveFlag(name: string, value: string): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < 1) throw new Error(`--${name} must be a positive integer, got ${value}`);
  return n;
}
