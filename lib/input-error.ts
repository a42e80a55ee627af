import type { z } from "zod";

/** Bad input from a person (CLI flags, a file, a chat message): the message says what to fix. */
export class InputError extends Error {
  override readonly name = "InputError";
}

/** Parses input with a zod schema, throwing an InputError whose message lists each problem on a line. */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown, what: string): z.output<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const lines = parsed.error.issues.map((issue) => {
    const where = issue.path.length > 0 ? `${issue.path.join(".")}: ` : "";
    return `  ${where}${issue.message}`;
  });
  throw new InputError(`Invalid ${what}:\n${lines.join("\n")}`);
}
