import { mkdtempSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { resolveEncryptionKey } from "./encryption-key.ts";
import { ConfigError, envSchema, loadConfig } from "./index.ts";

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
