import { describe, expect, it } from "vitest";
import { splitText, WHATSAPP_TEXT_LIMIT } from "./split-text.ts";

/** A small seeded generator (mulberry32) so every run checks the same varied texts. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SYLLABLES = ["ven", "tas", "pe", "di", "dos", "ção", "ñu", "*net*", "sales", "12.5%", "MX$1,193", "😀"];

function randomText(next: () => number): string {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const word = () => Array.from({ length: 1 + Math.floor(next() * 4) }, () => pick(SYLLABLES)).join("");
  const sentence = () => {
    const words = Array.from({ length: 2 + Math.floor(next() * 18) }, word).join(" ");
    return `${words}${pick([".", "!", "?", ":", ""])}`;
  };
  const paragraphs = Array.from({ length: 1 + Math.floor(next() * 12) }, () =>
    Array.from({ length: 1 + Math.floor(next() * 6) }, sentence).join(pick([" ", " ", "\n", "  "])),
  );
  return paragraphs.join(pick(["\n\n", "\n", "\n\n\n"]));
}

const words = (text: string) => text.split(/\s+/).filter(Boolean);

describe("splitText", () => {
  it("keeps a message within the limit whole, trimmed", () => {
    expect(splitText("  Hola, *Ana*.\n\nVentas: MX$1,200.  ")).toEqual(["Hola, *Ana*.\n\nVentas: MX$1,200."]);
    expect(splitText("x".repeat(WHATSAPP_TEXT_LIMIT))).toHaveLength(1);
    expect(splitText(" \n ")).toEqual([]);
  });

  it("on varied texts, keeps every part within the limit and every word, in order", () => {
    const next = random(20261125);
    for (let run = 0; run < 300; run += 1) {
      const text = randomText(next);
      const limit = [40, 80, 200, 500, 1024][run % 5]!;
      const parts = splitText(text, limit);
      for (const part of parts) {
        expect(part.length).toBeLessThanOrEqual(limit);
        expect(part).toBe(part.trim());
        expect(part.length).toBeGreaterThan(0);
      }
      expect(words(parts.join(" "))).toEqual(words(text));
    }
  });

  it("cuts after sentences when they leave each part at least half full", () => {
    const sentence = "Net sales grew 12% against the previous week.";
    const text = Array.from({ length: 200 }, (_, i) => `${sentence.slice(0, -1)} ${i}.`).join(" ");
    const parts = splitText(text);
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) {
      expect(part.length).toBeLessThanOrEqual(WHATSAPP_TEXT_LIMIT);
      expect(part).toMatch(/^Net sales.*\d\.$/s);
    }
    // Cut at the last sentence that fits: a part is short by less than one sentence.
    for (const part of parts.slice(0, -1)) expect(part.length).toBeGreaterThan(WHATSAPP_TEXT_LIMIT - sentence.length - 5);
  });

  it("falls back to a line break, then a space, when no sentence ends late enough", () => {
    const lines = "- one item line\n- two item line\n- three item line";
    expect(splitText(lines, 20)).toEqual(["- one item line", "- two item line", "- three item line"]);
    expect(splitText("alpha beta gamma delta epsilon", 12)).toEqual(["alpha beta", "gamma delta", "epsilon"]);
  });

  it("prefers a late line break to an early sentence end", () => {
    const text = "Hi. Your report is ready\nand it covers the whole month";
    expect(splitText(text, 30)).toEqual(["Hi. Your report is ready", "and it covers the whole month"]);
  });

  it("cuts a word only when it alone is longer than the limit, never inside an emoji", () => {
    const long = "a".repeat(25);
    expect(splitText(`see ${long} now`, 10)).toEqual(["see", "aaaaaaaaaa", "aaaaaaaaaa", "aaaaa now"]);
    const emoji = "😀".repeat(10);
    const parts = splitText(emoji, 5);
    expect(parts.join("")).toBe(emoji);
    for (const part of parts) {
      expect(part.length).toBeLessThanOrEqual(5);
      expect(part).toMatch(/^(?:😀)+$/u);
    }
  });

  it("refuses a limit that cannot hold a character", () => {
    expect(() => splitText("text", 1)).toThrow(RangeError);
  });
});
