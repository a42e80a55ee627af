/** Makes a switch over a union exhaustive: the compiler rejects a missing case, and a bad runtime value throws. */
export function assertNever(value: never, what = "value"): never {
  throw new Error(`Unexpected ${what}: ${JSON.stringify(value)}`);
}
