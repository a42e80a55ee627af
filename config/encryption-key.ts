import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync, existsSync } from "node:fs";
import path from "node:path";
import { ConfigError, type AppConfig } from "./index.ts";

const KEY_BYTES = 32;

/** Decodes a 32-byte key written as 64 hex characters or as base64. */
export function decodeEncryptionKey(text: string, origin: string): Buffer {
  const trimmed = text.trim();
  const key = /^[0-9a-fA-F]{64}$/.test(trimmed) ? Buffer.from(trimmed, "hex") : Buffer.from(trimmed, "base64");
  if (key.length !== KEY_BYTES) {
    throw new ConfigError(`${origin} must be ${KEY_BYTES} bytes (64 hex characters or base64); it decodes to ${key.length} bytes.`);
  }
  return key;
}

/**
 * The key that encrypts connector credentials: ENCRYPTION_KEY when set, otherwise a key generated
 * once into <data dir>/encryption.key (mode 0600) so a local install works with no setup.
 */
export function resolveEncryptionKey(config: AppConfig): { key: Buffer; source: "env" | "file" | "generated" } {
  if (config.env.ENCRYPTION_KEY) return { key: decodeEncryptionKey(config.env.ENCRYPTION_KEY, "ENCRYPTION_KEY"), source: "env" };
  const file = path.join(config.dataDir, "encryption.key");
  if (existsSync(file)) return { key: decodeEncryptionKey(readFileSync(file, "utf8"), file), source: "file" };
  const key = randomBytes(KEY_BYTES);
  mkdirSync(config.dataDir, { recursive: true });
  writeFileSync(file, `${key.toString("base64")}\n`, { mode: 0o600, flag: "wx" });
  return { key, source: "generated" };
}
