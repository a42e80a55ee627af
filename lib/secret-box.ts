import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";

/**
 * Authenticated encryption of small secrets (connector credentials) with AES-256-GCM.
 * Sealed form: "v1.<iv>.<tag>.<ciphertext>", each part base64url. A fresh 96-bit IV per seal;
 * the associated data binds a ciphertext to its owner (workspace and connector), so a sealed
 * value copied to another row does not open.
 */
const VERSION = "v1";
const IV_BYTES = 12;

export class SecretBoxError extends Error {
  override readonly name = "SecretBoxError";
}

export interface SecretBox {
  seal(plaintext: string, associatedData: string): string;
  open(sealed: string, associatedData: string): string;
}

export function createSecretBox(key: Buffer): SecretBox {
  if (key.length !== 32) throw new SecretBoxError(`AES-256-GCM needs a 32-byte key, got ${key.length} bytes`);
  return {
    seal(plaintext, associatedData) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv("aes-256-gcm", key, iv);
      cipher.setAAD(Buffer.from(associatedData, "utf8"));
      const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
      const tag = cipher.getAuthTag();
      return [VERSION, iv.toString("base64url"), tag.toString("base64url"), ciphertext.toString("base64url")].join(".");
    },
    open(sealed, associatedData) {
      const [version, iv, tag, ciphertext, ...rest] = sealed.split(".");
      if (version !== VERSION || !iv || !tag || ciphertext === undefined || rest.length > 0) {
        throw new SecretBoxError("sealed secret is malformed or of an unknown version");
      }
      try {
        const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"));
        decipher.setAAD(Buffer.from(associatedData, "utf8"));
        decipher.setAuthTag(Buffer.from(tag, "base64url"));
        return Buffer.concat([decipher.update(Buffer.from(ciphertext, "base64url")), decipher.final()]).toString("utf8");
      } catch {
        throw new SecretBoxError("sealed secret does not open with this key (wrong key, wrong owner or tampered)");
      }
    },
  };
}
