import { describe, expect, it } from "vitest";
import { createReplyTokens, findReplyToken, replyAddress } from "./reply-token.ts";

const key = Buffer.from("0123456789abcdef0123456789abcdef", "utf8");
const tokens = createReplyTokens(key);

describe("reply tokens", () => {
  it("round-trips conversation ids, small and large", () => {
    for (const id of [1, 42, 31, 32, 1_000_000, 2 ** 31 - 1, Number.MAX_SAFE_INTEGER]) {
      expect(tokens.verify(tokens.sign(id))).toBe(id);
    }
  });

  it("is compact and made of lower-case letters and digits only", () => {
    const token = tokens.sign(123_456);
    expect(token).toMatch(/^[a-z0-9]+$/);
    expect(token.length).toBeLessThanOrEqual(20);
    expect(tokens.sign(123_456)).toBe(token);
  });

  it("verifies whatever case a mail system gives it back in", () => {
    const token = tokens.sign(77);
    expect(tokens.verify(token.toUpperCase())).toBe(77);
    expect(tokens.verify(` ${token.slice(0, 5).toUpperCase()}${token.slice(5)} `)).toBe(77);
  });

  it("rejects a tampered tag, a swapped id, another key's token and garbage", () => {
    const token = tokens.sign(42);
    const last = token.at(-1) === "0" ? "1" : "0";
    expect(tokens.verify(`${token.slice(0, -1)}${last}`)).toBeNull();
    // Another conversation's id with this conversation's tag.
    expect(tokens.verify(`${(43).toString(32)}${token.slice(-16)}`)).toBeNull();
    // A leading zero spells the same id differently: refused rather than accepted twice.
    expect(tokens.verify(`0${token}`)).toBeNull();
    expect(createReplyTokens(Buffer.alloc(32, 7)).verify(token)).toBeNull();
    for (const garbage of ["", "abc", token.slice(-16), "zz" + token.slice(-16), `${token}!`, "x".repeat(200)]) {
      expect(tokens.verify(garbage)).toBeNull();
    }
  });

  it("refuses short keys and ids that are not positive integers", () => {
    expect(() => createReplyTokens(Buffer.alloc(8))).toThrow(/at least 16 bytes/);
    expect(() => tokens.sign(0)).toThrow();
    expect(() => tokens.sign(1.5)).toThrow();
  });
});

describe("reply addresses", () => {
  it("keeps the mailbox's local part and domain around the token", () => {
    expect(replyAddress("bot@x.com", "1a2b")).toBe("bot+1a2b@x.com");
    expect(replyAddress("reply@mail.tienda.mx", "9z")).toBe("reply+9z@mail.tienda.mx");
  });

  it("finds the token in any recipient header, case-insensitively", () => {
    const token = tokens.sign(42);
    const found = findReplyToken(["Ana <ana@tienda.mx>", `"Bizos" <BOT+${token.toUpperCase()}@X.COM>, otro@y.com`], "bot@x.com");
    expect(found).toBe(token);
    expect(tokens.verify(found!)).toBe(42);
    expect(findReplyToken(["ana@tienda.mx", `bot+${token}@x.com`], "bot@x.com")).toBe(token);
  });

  it("ignores addresses at other mailboxes and plain mail to the mailbox", () => {
    const token = tokens.sign(42);
    expect(findReplyToken([`bot+${token}@other.com`, `robot+${token}@x.com`, `notbot+${token}@x.com`], "bot@x.com")).toBeNull();
    expect(findReplyToken(["bot@x.com", "Bizos <bot@x.com>"], "bot@x.com")).toBeNull();
    expect(findReplyToken([`bot+${token}@x.com.evil.io`], "bot@x.com")).toBeNull();
  });
});
