import { mkdtempSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { resolveEncryptionKey } from "./encryption-key.ts";
import { ConfigError, DEFAULT_MODEL_NAMES, envSchema, loadConfig } from "./index.ts";

describe("config", () => {
  it("defaults to the embedded PGlite database under the data dir", () => {
    const config = loadConfig({ BIZOS_DATA_DIR: "/tmp/bizos-x" });
    expect(config.database).toEqual({ kind: "pglite", dataDir: "/tmp/bizos-x/pglite" });
    expect(config.env.LOG_LEVEL).toBe("info");
    expect(Object.isFrozen(config) && Object.isFrozen(config.env)).toBe(true);
  });

  it("uses PostgreSQL when DATABASE_URL is set, and treats an empty variable as unset", () => {
    expect(loadConfig({ DATABASE_URL: "postgres://u@h:5432/db", DATABASE_POOL_MAX: "3" }).database).toEqual({
      kind: "postgres",
      url: "postgres://u@h:5432/db",
      poolMax: 3,
    });
    expect(loadConfig({ DATABASE_URL: "" }).database.kind).toBe("pglite");
  });

  it("fails fast naming every bad variable", () => {
    const attempt = () => loadConfig({ DATABASE_URL: "mysql://x", LOG_LEVEL: "loud", DATABASE_POOL_MAX: "0" });
    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow(/DATABASE_URL[\s\S]*DATABASE_POOL_MAX[\s\S]*LOG_LEVEL|DATABASE_URL/);
    try {
      attempt();
    } catch (error) {
      const message = (error as Error).message;
      for (const name of ["DATABASE_URL", "LOG_LEVEL", "DATABASE_POOL_MAX"]) expect(message).toContain(name);
    }
  });

  it("picks the model provider per task: auto prefers Anthropic, then OpenAI, then offline", () => {
    const offline = loadConfig({}).models;
    expect(offline.defaultProvider).toBe("offline");
    expect(offline.tasks.router).toEqual({ provider: "offline", model: null });
    expect(Object.isFrozen(offline.tasks.router)).toBe(true);

    const openai = loadConfig({ OPENAI_API_KEY: "sk-test", OPENAI_BASE_URL: "http://127.0.0.1:9/v1" }).models;
    expect(openai.defaultProvider).toBe("openai");
    expect(openai.tasks.analytics).toEqual({ provider: "openai", model: DEFAULT_MODEL_NAMES.openai });
    expect(openai.openai).toEqual({ apiKey: "sk-test", baseURL: "http://127.0.0.1:9/v1" });
    expect(openai.anthropic).toEqual({ apiKey: null, baseURL: null });

    const both = loadConfig({
      OPENAI_API_KEY: "sk-test",
      ANTHROPIC_API_KEY: "ak-test",
      BIZOS_MODEL_ROUTER: "openai:gpt-4.1-nano",
      BIZOS_MODEL_WRITER: "offline",
      BIZOS_MODEL_COMMERCE: "Anthropic:claude-haiku-5-5",
    }).models;
    expect(both.defaultProvider).toBe("anthropic");
    expect(both.tasks).toEqual({
      router: { provider: "openai", model: "gpt-4.1-nano" },
      analytics: { provider: "anthropic", model: DEFAULT_MODEL_NAMES.anthropic },
      marketing: { provider: "anthropic", model: DEFAULT_MODEL_NAMES.anthropic },
      commerce: { provider: "anthropic", model: "claude-haiku-5-5" },
      writer: { provider: "offline", model: null },
    });
    expect(loadConfig({ ANTHROPIC_API_KEY: "ak-test", BIZOS_MODEL: "offline" }).models.tasks.marketing.provider).toBe("offline");
  });

  it("fails fast when a task asks for a provider without its key, or names a provider it does not know", () => {
    expect(() => loadConfig({ BIZOS_MODEL: "openai" })).toThrow(/BIZOS_MODEL: the tasks router, analytics, marketing, commerce, writer use openai, but OPENAI_API_KEY is not set/);
    expect(() => loadConfig({ OPENAI_API_KEY: "sk-test", BIZOS_MODEL_ANALYTICS: "anthropic:claude-opus-5-5" })).toThrow(
      /BIZOS_MODEL_ANALYTICS: the task analytics uses anthropic, but ANTHROPIC_API_KEY is not set/,
    );
    expect(() => loadConfig({ BIZOS_MODEL_ROUTER: "gemini" })).toThrow(/BIZOS_MODEL_ROUTER: expected "offline", "openai\[:model\]"/);
    expect(() => loadConfig({ BIZOS_MODEL_ROUTER: "offline:tiny" })).toThrow(ConfigError);
    expect(() => loadConfig({ BIZOS_MODEL_ROUTER: "openai:" })).toThrow(ConfigError);
    expect(() => loadConfig({ OPENAI_BASE_URL: "localhost:8080" })).toThrow(/OPENAI_BASE_URL: must be an http/);
  });

  it("documents every variable in the README configuration table", () => {
    const readme = readFileSync(path.join(import.meta.dirname, "..", "README.md"), "utf8");
    for (const name of Object.keys(envSchema.shape)) expect(readme).toContain(`\`${name}\``);
  });

  it("generates an encryption key once into the data dir when none is configured", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "bizos-key-"));
    const config = loadConfig({ BIZOS_DATA_DIR: dir });
    const first = resolveEncryptionKey(config);
    const second = resolveEncryptionKey(config);
    expect(first.source).toBe("generated");
    expect(second.source).toBe("file");
    expect(second.key.equals(first.key)).toBe(true);
    expect(statSync(path.join(dir, "encryption.key")).mode & 0o777).toBe(0o600);
    const hex = "ab".repeat(32);
    expect(resolveEncryptionKey(loadConfig({ BIZOS_DATA_DIR: dir, ENCRYPTION_KEY: hex })).key.toString("hex")).toBe(hex);
    expect(() => resolveEncryptionKey(loadConfig({ ENCRYPTION_KEY: "c2hvcnQ=" }))).toThrow(/32 bytes/);
  });
});
