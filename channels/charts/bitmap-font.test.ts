import { describe, expect, it } from "vitest";
import { CELL_ROWS, drawText, drawableText, fitText, hasGlyph, textWidth } from "./bitmap-font.ts";
import { Raster, rgb } from "./raster.ts";

const WHITE = rgb("#ffffff");
const INK = rgb("#000000");

/** The inked pixels of one character drawn at scale 1, as rows of "#" and ".". */
function picture(char: string): string[] {
  const raster = new Raster(5, CELL_ROWS, WHITE);
  drawText(raster, char, 0, 0, 1, INK);
  return Array.from({ length: CELL_ROWS }, (_, y) => Array.from({ length: 5 }, (_, x) => (raster.pixel(x, y).r === 0 ? "#" : ".")).join(""));
}

describe("chart bitmap font", () => {
  it("covers printable ASCII and the letters Spanish and Portuguese use", () => {
    for (let code = 32; code <= 126; code++) expect(hasGlyph(String.fromCharCode(code)), String.fromCharCode(code)).toBe(true);
    for (const char of "áéíóúñçãõâêôàüÁÉÍÓÚÑÇÃÕÂÊÔÀÜ¿¡€") expect(hasGlyph(char), char).toBe(true);
  });

  it("draws unknown characters as '?' and Intl's spaces and dashes as look-alikes", () => {
    expect(drawableText("▲ 12\u00a0%")).toBe("? 12 %");
    expect(drawableText("1–7 nov")).toBe("1-7 nov");
    expect(picture("▲")).toEqual(picture("?"));
  });

  it("puts accents above the letter: capitals in the rows over the cell, lower case in the letter's own", () => {
    expect(picture("É").slice(0, 2)).toEqual(["...#.", "..#.."]);
    expect(picture("É").slice(2)).toEqual(picture("E").slice(2));
    expect(picture("ñ").slice(0, 4)).toEqual([".....", ".....", ".##.#", "#.##."]);
    expect(picture("ç")[CELL_ROWS - 1]).toBe("..#..");
  });

  it("measures and fits text", () => {
    expect(textWidth("abc", 2)).toBe((3 * 6 - 1) * 2);
    expect(textWidth("", 2)).toBe(0);
    const fitted = fitText("Ventas netas por semana", 2, 100);
    expect(fitted.endsWith("...")).toBe(true);
    expect(textWidth(fitted, 2)).toBeLessThanOrEqual(100);
    expect(fitText("Ventas", 2, 100)).toBe("Ventas");
  });
});
