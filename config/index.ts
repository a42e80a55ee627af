import path from "node:path";
import { resolveChannelSettings, type ChannelSettings } from "./channels-schema.ts";
import { envSchema, resolveModelSettings, type Env, type ModelSettings } from "./schema.ts";

export type { ChannelSettings, EmailSettings, SlackSettings, WhatsAppCloudSettings, WhatsAppWebSettings } from "./channels-schema.ts";
export type { Env, LogLevel, ModelProvider, ModelSettings, ModelTask, ProviderEndpoint, TaskModelSettings } from "./schema.ts";
export { DEFAULT_MODEL_NAMES, envSchema, MODEL_PROVIDERS, MODEL_TASK_VARIABLES, MODEL_TASKS } from "./schema.ts";

export type DatabaseTarget =
  | { readonly kind: "postgres"; readonly url: string; readonly poolMax: number }
  | { readonly kind: "pglite"; readonly dataDir: string };

export interface AppConfig {
  readonly env: Env;
  readonly dataDir: string;
  readonly database: DatabaseTarget;
  /** Which provider and model each task uses (BIZOS_MODEL*), with the provider keys and base URLs. */
  readonly models: ModelSettings;
  /** The server, each channel (null when off), delivery and per-member limits. */
  readonly channels: ChannelSettings;
}

export class ConfigError extends Error {
  override readonly name = "ConfigError";
}

/** Parses an environment (process.env by default) into a frozen configuration, or throws a ConfigError naming every bad variable. */
export function loadConfig(source: Readonly<Record<string, string | undefined>> = process.env): AppConfig {
  const picked: Record<string, string> = {};
  for (const key of Object.keys(envSchema.shape)) {
    const value = source[key];
    // An empty variable means "unset", as in most shells' `VAR= cmd`.
    if (value !== undefined && value !== "") picked[key] = value;
  }
  const parsed = envSchema.safeParse(picked);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join(".") || "(root)"}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join("\n")}\nSee the configuration table in README.md.`);
  }
  const env = parsed.data;
  const dataDir = path.resolve(env.BIZOS_DATA_DIR);
  const database: DatabaseTarget = env.DATABASE_URL
    ? { kind: "postgres", url: env.DATABASE_URL, poolMax: env.DATABASE_POOL_MAX }
    : { kind: "pglite", dataDir: path.join(dataDir, "pglite") };
  // The schema already refused a task whose provider has no key, so the problems list is empty here.
  const { settings: models } = resolveModelSettings(env);
  const { settings: channels } = resolveChannelSettings(env, dataDir);
  return deepFreeze({ env, dataDir, database, models, channels });
}

let cached: AppConfig | undefined;

/** The process configuration, parsed once on first use. */
export function getConfig(): AppConfig {
  cached ??= loadConfig();
  return cached;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object") {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}
