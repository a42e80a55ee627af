import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createSecretBox, SecretBoxError } from "./secret-box.ts";

describe("secret box (AES-256-GCM)", () => {
  const box = createSecretBox(randomBytes(32));

  it("opens what it sealed, and seals the same text differently each time", () => {
    const a = box.seal('{"token":"shpat_123"}', "owner");
    const b = box.seal('{"token":"shpat_123"}', "owner");
    expect(a).not.toEqual(b);
    expect(a).not.toContain("shpat_123");
    expect(box.open(a, "owner")).toBe('{"token":"shpat_123"}');
  });

  it("refuses another key, another owner, and any tampering", () => {
    const sealed = box.seal("secret", "connector:1");
    expect(() => createSecretBox(randomBytes(32)).open(sealed, "connector:1")).toThrow(SecretBoxError);
    expect(() => box.open(sealed, "connector:2")).toThrow(SecretBoxError);
    const parts = sealed.split(".");
    const flipped = Buffer.from(parts[3]!, "base64url");
    flipped[0] = flipped[0]! ^ 1;
    expect(() => box.open([...parts.slice(0, 3), flipped.toString("base64url")].join("."), "connector:1")).toThrow(SecretBoxError);
    expect(() => box.open("not-a-secret", "connector:1")).toThrow(/malformed/);
  });

  it("rejects keys that are not 32 bytes", () => {
    expect(() => createSecretBox(randomBytes(16))).toThrow(/32-byte/);
  });
});
