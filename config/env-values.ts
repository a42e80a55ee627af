/** The value shapes environment variables share: booleans and URLs. */
import { z } from "zod";

/** Booleans from the environment: 1/true/yes/on and 0/false/no/off, case-insensitive. */
export const envBoolean = z
  .string()
  .trim()
  .toLowerCase()
  .transform((value, ctx) => {
    if (["1", "true", "yes", "on"].includes(value)) return true;
    if (["0", "false", "no", "off", ""].includes(value)) return false;
    ctx.addIssue({ code: "custom", message: `expected a boolean (1/0, true/false), got "${value}"` });
    return z.NEVER;
  });

export const httpUrl = z
  .string()
  .trim()
  .refine((value) => /^https?:\/\/[^\s]+$/.test(value) && URL.canParse(value), "must be an http:// or https:// URL");
