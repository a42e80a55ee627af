import { z } from "zod";

const LOG_LEVELS = ["debug", "info", "warn", "error", "silent"] as const;

/** Booleans from the environment: 1/true/yes/on and 0/false/no/off, case-insensitive. */
const envBoolean = z
  .string()
  .trim()
  .toLowerCase()
  .transform((value, ctx) => {
    if (["1", "true", "yes", "on"].includes(value)) return true;
    if (["0", "false", "no", "off", ""].includes(value)) return false;
    ctx.addIssue({ code: "custom", message: `expected a boolean (1/0, true/false), got "${value}"` });
    return z.NEVER;
  });

const postgresUrl = z
  .string()
  .trim()
  .refine((value) => /^postgres(ql)?:\/\//.test(value), "must start with postgres:// or postgresql://");

/**
 * Every environment variable the product reads, with its default. The README's configuration
 * table mirrors this schema; a test keeps the two in step.
 */
export const envSchema = z.object({
  DATABASE_URL: postgresUrl
    .optional()
    .describe("PostgreSQL (with pgvector) connection string. Unset: the embedded PGlite database under BIZOS_DATA_DIR."),
  DATABASE_POOL_MAX: z.coerce
    .number()
    .int()
    .min(1)
    .max(200)
    .default(10)
    .describe("Largest number of PostgreSQL connections in the pool (PGlite always uses one)."),
  BIZOS_DATA_DIR: z
    .string()
    .trim()
    .min(1)
    .default(".data")
    .describe("Where local state lives: the embedded database and the generated encryption key."),
  ENCRYPTION_KEY: z
    .string()
    .trim()
    .optional()
    .describe(
      "32-byte key (base64 or 64 hex characters) that encrypts connector credentials at rest (AES-256-GCM). Unset: one is generated once into BIZOS_DATA_DIR/encryption.key.",
    ),
  LOG_LEVEL: z.enum(LOG_LEVELS).default("info").describe("Least severe log level written: debug, info, warn, error or silent."),
  LOG_FORMAT: z.enum(["pretty", "json"]).default("pretty").describe("Log lines as readable text or as JSON (one object a line)."),
  TEST_POSTGRES_URL: postgresUrl
    .default("postgres://postgres@127.0.0.1:5432/postgres")
    .describe("Tests only: an administrative PostgreSQL connection used to create a fresh database per test."),
  REQUIRE_POSTGRES_TESTS: envBoolean
    .default(false)
    .describe("Tests only: fail (instead of skipping with a reason) when PostgreSQL with pgvector is unreachable. CI sets it."),
});

export type Env = z.infer<typeof envSchema>;
export type LogLevel = (typeof LOG_LEVELS)[number];
