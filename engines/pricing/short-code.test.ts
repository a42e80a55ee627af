import { describe, expect, it } from "vitest";
import { SHORT_CODE_ALPHABET, shortCode } from "./short-code.ts";

describe("short codes", () => {
  it("are 4 characters of the alphabet without look-alikes, the same for the same seed", () => {
    expect(SHORT_CODE_ALPHABET).toHaveLength(31);
    expect(SHORT_CODE_ALPHABET).not.toMatch(/[01ILO]/);
    const code = shortCode("7:45900");
    expect(code).toMatch(/^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{4}$/);
    expect(shortCode("7:45900")).toBe(code);
    expect(shortCode("7:45900", 6)).toHaveLength(6);
  });

  it("spread over the alphabet: 2,000 seeds give nearly 2,000 distinct codes and use every symbol", () => {
    const codes = Array.from({ length: 2000 }, (_, i) => shortCode(`variant-${i}`));
    // 31^4 = 923,521 codes: 2,000 seeds collide a couple of times at most (birthday bound ≈ 2.2).
    expect(new Set(codes).size).toBeGreaterThan(1990);
    expect(new Set(codes.join(""))).toEqual(new Set(SHORT_CODE_ALPHABET));
  });
});
