/** What every scorer returns, and the dimensions a turn is scored on. */
export const DIMENSIONS = ["routing", "tool", "args", "values", "language", "kind"] as const;
export type Dimension = (typeof DIMENSIONS)[number];

export type Score =
  | { readonly status: "pass" }
  | { readonly status: "fail"; readonly detail: string }
  /** Not scored for this case (nothing expected, or the expectation could not be computed). */
  | { readonly status: "skip"; readonly reason: string };

export const pass: Score = { status: "pass" };
export const fail = (detail: string): Score => ({ status: "fail", detail });
export const skip = (reason: string): Score => ({ status: "skip", reason });

/** Lower case, accents dropped, spaces collapsed: how names are compared. */
export function fold(text: string): string {
  return text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().replace(/\s+/g, " ").trim();
}

export function short(value: unknown, max = 160): string {
  const text = typeof value === "string" ? value : JSON.stringify(value) ?? String(value);
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
