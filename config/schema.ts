import { z } from "zod";
import { channelEnvShape, resolveChannelSettings } from "./channels-schema.ts";
import { envBoolean, httpUrl } from "./env-values.ts";

const LOG_LEVELS = ["debug", "info", "warn", "error", "silent"] as const;

const apiKey = z.string().trim().min(1, "must not be blank");

/** The model providers: "offline" is the built-in model that needs no network. */
export const MODEL_PROVIDERS = ["offline", "openai", "anthropic"] as const;
export type ModelProvider = (typeof MODEL_PROVIDERS)[number];

/** The jobs a model does; each can be pointed at its own provider and model. */
export const MODEL_TASKS = ["router", "analytics", "marketing", "commerce", "writer"] as const;
export type ModelTask = (typeof MODEL_TASKS)[number];

/** The model each provider uses when a task names the provider but no model. */
export const DEFAULT_MODEL_NAMES: Readonly<Record<Exclude<ModelProvider, "offline">, string>> = {
  openai: "gpt-4.1-mini",
  anthropic: "claude-sonnet-5-5",
};

/** The variable that overrides each task's model. */
export const MODEL_TASK_VARIABLES = {
  router: "BIZOS_MODEL_ROUTER",
  analytics: "BIZOS_MODEL_ANALYTICS",
  marketing: "BIZOS_MODEL_MARKETING",
  commerce: "BIZOS_MODEL_COMMERCE",
  writer: "BIZOS_MODEL_WRITER",
} as const satisfies Record<ModelTask, string>;

export interface ModelChoice {
  readonly provider: ModelProvider;
  /** Null: the provider's default model (DEFAULT_MODEL_NAMES); always null for offline. */
  readonly model: string | null;
}

/** "offline", "openai", "openai:gpt-4.1", "anthropic" or "anthropic:claude-opus-5-5". */
const modelChoice = z
  .string()
  .trim()
  .transform((value, ctx): ModelChoice => {
    const match = /^([a-z]+)(?::(.*))?$/i.exec(value);
    const provider = match?.[1]?.toLowerCase();
    const model = match?.[2]?.trim();
    if (provider === "offline" && model === undefined) return { provider, model: null };
    if ((provider === "openai" || provider === "anthropic") && (model === undefined || /^[\w.:/@-]+$/.test(model))) {
      return { provider, model: model ?? null };
    }
    ctx.addIssue({
      code: "custom",
      message: `expected "offline", "openai[:model]" or "anthropic[:model]", got "${value}"`,
    });
    return z.NEVER;
  });

const taskModelDescription = (job: string) =>
  `Model for ${job}: offline, openai[:model] or anthropic[:model] (a bare provider uses its default model: openai ${DEFAULT_MODEL_NAMES.openai}, anthropic ${DEFAULT_MODEL_NAMES.anthropic}). Unset: BIZOS_MODEL.`;

const postgresUrl = z
  .string()
  .trim()
  .refine((value) => /^postgres(ql)?:\/\//.test(value), "must start with postgres:// or postgresql://");

/**
 * Every environment variable the product reads, with its default. The README's configuration
 * table mirrors this schema; a test keeps the two in step.
 */
const envShape = z.object({
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
  OPENAI_API_KEY: apiKey.optional().describe("OpenAI API key. Needed by every task that uses openai; with BIZOS_MODEL=auto it picks OpenAI when no Anthropic key is set."),
  OPENAI_BASE_URL: httpUrl
    .optional()
    .describe("Base URL of the OpenAI API (ending in /v1) for a proxy, gateway or test server. Unset: https://api.openai.com/v1."),
  ANTHROPIC_API_KEY: apiKey.optional().describe("Anthropic API key. Needed by every task that uses anthropic; with BIZOS_MODEL=auto it is preferred when set."),
  ANTHROPIC_BASE_URL: httpUrl
    .optional()
    .describe("Base URL of the Anthropic API (without /v1) for a proxy, gateway or test server. Unset: https://api.anthropic.com."),
  BIZOS_MODEL: z
    .enum(["auto", "offline", "openai", "anthropic"])
    .default("auto")
    .describe(
      "Default provider for every task: auto (anthropic if ANTHROPIC_API_KEY is set, else openai if OPENAI_API_KEY is set, else offline), offline, openai or anthropic.",
    ),
  BIZOS_MODEL_ROUTER: modelChoice.optional().describe(taskModelDescription("the router, which picks the agent or answers greetings and help")),
  BIZOS_MODEL_ANALYTICS: modelChoice.optional().describe(taskModelDescription("the analytics agent")),
  BIZOS_MODEL_MARKETING: modelChoice.optional().describe(taskModelDescription("the marketing agent")),
  BIZOS_MODEL_COMMERCE: modelChoice.optional().describe(taskModelDescription("the commerce operations agent")),
  BIZOS_MODEL_WRITER: modelChoice.optional().describe(taskModelDescription("the writer task")),
  TEST_POSTGRES_URL: postgresUrl
    .default("postgres://postgres@127.0.0.1:5432/postgres")
    .describe("Tests only: an administrative PostgreSQL connection used to create a fresh database per test."),
  REQUIRE_POSTGRES_TESTS: envBoolean
    .default(false)
    .describe("Tests only: fail (instead of skipping with a reason) when PostgreSQL with pgvector is unreachable. CI sets it."),
  ...channelEnvShape,
});

export type Env = z.infer<typeof envShape>;

/** The environment schema, with the cross-variable check that every provider a task uses has its key. */
export const envSchema = envShape.superRefine((env, ctx) => {
  for (const problem of resolveModelSettings(env).problems) ctx.addIssue({ code: "custom", path: [problem.variable], message: problem.message });
  for (const problem of resolveChannelSettings(env, env.BIZOS_DATA_DIR).problems) ctx.addIssue({ code: "custom", path: [problem.variable], message: problem.message });
});

/** The model behind one task: null model for offline. */
export interface TaskModelSettings {
  readonly provider: ModelProvider;
  readonly model: string | null;
}

export interface ProviderEndpoint {
  readonly apiKey: string | null;
  /** Null: the provider's public API. */
  readonly baseURL: string | null;
}

/** Which provider and model each task uses, and how to reach the providers. */
export interface ModelSettings {
  /** BIZOS_MODEL with "auto" resolved. */
  readonly defaultProvider: ModelProvider;
  readonly tasks: Readonly<Record<ModelTask, TaskModelSettings>>;
  readonly openai: ProviderEndpoint;
  readonly anthropic: ProviderEndpoint;
}

/** Resolves the model variables, and names each variable that picks a provider whose key is unset. */
export function resolveModelSettings(env: Env): { readonly settings: ModelSettings; readonly problems: readonly ModelSettingsProblem[] } {
  const keys = { openai: env.OPENAI_API_KEY ?? null, anthropic: env.ANTHROPIC_API_KEY ?? null } as const;
  const defaultProvider: ModelProvider =
    env.BIZOS_MODEL !== "auto" ? env.BIZOS_MODEL : keys.anthropic ? "anthropic" : keys.openai ? "openai" : "offline";
  /** Tasks that lack a key, by the variable that chose the provider. */
  const missing = new Map<string, { provider: "openai" | "anthropic"; tasks: ModelTask[] }>();
  const pick = (task: ModelTask): TaskModelSettings => {
    const variable = MODEL_TASK_VARIABLES[task];
    const choice = env[variable] ?? { provider: defaultProvider, model: null };
    const provider = choice.provider;
    if (provider === "offline") return { provider, model: null };
    if (keys[provider] === null) {
      const from = env[variable] ? variable : "BIZOS_MODEL";
      const entry = missing.get(from) ?? { provider, tasks: [] };
      entry.tasks.push(task);
      missing.set(from, entry);
    }
    return { provider, model: choice.model ?? DEFAULT_MODEL_NAMES[provider] };
  };
  const settings: ModelSettings = {
    defaultProvider,
    tasks: { router: pick("router"), analytics: pick("analytics"), marketing: pick("marketing"), commerce: pick("commerce"), writer: pick("writer") },
    openai: { apiKey: keys.openai, baseURL: env.OPENAI_BASE_URL ?? null },
    anthropic: { apiKey: keys.anthropic, baseURL: env.ANTHROPIC_BASE_URL ?? null },
  };
  const problems = [...missing].map(([variable, { provider, tasks }]) => ({
    variable,
    message: `${tasks.length > 1 ? "the tasks" : "the task"} ${tasks.join(", ")} ${tasks.length > 1 ? "use" : "uses"} ${provider}, but ${keyVariableOf(provider)} is not set (set it, or choose another provider)`,
  }));
  return { settings, problems };
}

export interface ModelSettingsProblem {
  readonly variable: string;
  readonly message: string;
}

function keyVariableOf(provider: "openai" | "anthropic"): "OPENAI_API_KEY" | "ANTHROPIC_API_KEY" {
  switch (provider) {
    case "openai":
      return "OPENAI_API_KEY";
    case "anthropic":
      return "ANTHROPIC_API_KEY";
  }
}
export type LogLevel = (typeof LOG_LEVELS)[number];
