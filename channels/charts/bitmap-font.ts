/**
 * A 5×7 bitmap font for chart text: printable ASCII, the accented letters Spanish and Portuguese
 * use (á é í ó ú ñ ç ã õ â ê ô à ü ¿ ¡ and capitals) and the € £ ¥ signs money axes may show.
 * Anything else draws as "?". Each glyph sits in a 5×10 cell: two rows above the letter for the
 * accents of capitals, seven rows for the letter, one row below for descenders and the cedilla.
 */
import type { Raster, Rgb } from "./raster.ts";

/** Rows per cell and where the letter's seven rows start in it. */
export const CELL_ROWS = 10;
const BODY_TOP = 2;
const GLYPH_WIDTH = 5;
/** Columns a character advances by: the glyph and one blank column. */
const ADVANCE = GLYPH_WIDTH + 1;

/**
 * Seven rows per glyph, top first, each two hex digits of a 5-bit row (0x10 = leftmost pixel); g j
 * p q y have an eighth row, their descender. The shapes follow the classic HD44780 character ROM.
 */
const GLYPHS: Readonly<Record<string, string>> = {
  " ": "00000000000000", "!": "04040404000004", '"': "0A0A0A00000000", "#": "0A0A1F0A1F0A0A",
  $: "040F140E051E04", "%": "18190204081303", "&": "0C12140815120D", "'": "0C040800000000",
  "(": "02040808080402", ")": "08040202020408", "*": "0004150E150400", "+": "0004041F040400",
  ",": "000000000C0408", "-": "0000001F000000", ".": "00000000000C0C", "/": "00010204081000",
  "0": "0E11131519110E", "1": "040C040404040E", "2": "0E11010204081F", "3": "1F02040201110E",
  "4": "02060A121F0202", "5": "1F101E0101110E", "6": "0608101E11110E", "7": "1F010204080808",
  "8": "0E11110E11110E", "9": "0E11110F01020C", ":": "000C0C000C0C00", ";": "000C0C000C0408",
  "<": "02040810080402", "=": "00001F001F0000", ">": "08040201020408", "?": "0E110102040004",
  "@": "0E11010D15150E", A: "0E1111111F1111", B: "1E11111E11111E", C: "0E11101010110E",
  D: "1C12111111121C", E: "1F10101E10101F", F: "1F10101E101010", G: "0E11101711110F",
  H: "1111111F111111", I: "0E04040404040E", J: "0702020202120C", K: "11121418141211",
  L: "1010101010101F", M: "111B1515111111", N: "11111915131111", O: "0E11111111110E",
  P: "1E11111E101010", Q: "0E11111115120D", R: "1E11111E141211", S: "0F10100E01011E",
  T: "1F040404040404", U: "1111111111110E", V: "11111111110A04", W: "1111111515150A",
  X: "11110A040A1111", Y: "1111110A040404", Z: "1F01020408101F", "[": "0E08080808080E",
  "\\": "00100804020100", "]": "0E02020202020E", "^": "040A1100000000", _: "0000000000001F",
  "`": "08040200000000", a: "00000E010F110F", b: "1010161911111E", c: "00000E1010110E",
  d: "01010D1311110F", e: "00000E111F100E", f: "0609081C080808", g: "00000F11110F010E",
  h: "10101619111111", i: "04000C0404040E", j: "020006020202120C", k: "10101214181412",
  l: "0C04040404040E", m: "00001A15151111", n: "00001619111111", o: "00000E1111110E",
  p: "00001E11111E1010", q: "00000D13110F0101", r: "00001619101010", s: "00000E100E011E",
  t: "08081C08080906", u: "0000111111130D", v: "00001111110A04", w: "0000111115150A",
  x: "0000110A040A11", y: "00001111110F010E", z: "00001F0204081F", "{": "02040408040402",
  "|": "04040404040404", "}": "08040402040408", "~": "00081502000000",
  "€": "06091C081C0906", "£": "0609081C08081F", "¥": "110A1F041F0404",
  "¡": "04000004040404", ı: "00000C0404040E", "¿": "0400040810110E",
};

/** Accent marks as two 5-bit rows. */
const ACCENTS = { acute: [0x02, 0x04], grave: [0x08, 0x04], circumflex: [0x04, 0x0a], tilde: [0x0d, 0x16], diaeresis: [0x00, 0x0a] } as const;
type Accent = keyof typeof ACCENTS;

/** Accented letters as a base letter and a mark; "ı" is the dotless i the accented i's are built on. */
const ACCENTED: Readonly<Record<string, readonly [string, Accent]>> = {
  á: ["a", "acute"], é: ["e", "acute"], í: ["ı", "acute"], ó: ["o", "acute"], ú: ["u", "acute"],
  à: ["a", "grave"], è: ["e", "grave"], ì: ["ı", "grave"], ò: ["o", "grave"], ù: ["u", "grave"],
  â: ["a", "circumflex"], ê: ["e", "circumflex"], î: ["ı", "circumflex"], ô: ["o", "circumflex"], û: ["u", "circumflex"],
  ã: ["a", "tilde"], õ: ["o", "tilde"], ñ: ["n", "tilde"],
  ä: ["a", "diaeresis"], ë: ["e", "diaeresis"], ï: ["ı", "diaeresis"], ö: ["o", "diaeresis"], ü: ["u", "diaeresis"],
  Á: ["A", "acute"], É: ["E", "acute"], Í: ["I", "acute"], Ó: ["O", "acute"], Ú: ["U", "acute"],
  À: ["A", "grave"], È: ["E", "grave"], Ì: ["I", "grave"], Ò: ["O", "grave"], Ù: ["U", "grave"],
  Â: ["A", "circumflex"], Ê: ["E", "circumflex"], Î: ["I", "circumflex"], Ô: ["O", "circumflex"], Û: ["U", "circumflex"],
  Ã: ["A", "tilde"], Õ: ["O", "tilde"], Ñ: ["N", "tilde"],
  Ä: ["A", "diaeresis"], Ë: ["E", "diaeresis"], Ï: ["I", "diaeresis"], Ö: ["O", "diaeresis"], Ü: ["U", "diaeresis"],
};

/** Characters drawn as a look-alike the font has (Intl's spaces, dashes in date ranges, typographic quotes). */
const LOOK_ALIKES: Readonly<Record<string, string>> = {
  "\u00a0": " ", "\u202f": " ", "\u2009": " ", "\u2013": "-", "\u2014": "-", "\u2212": "-",
  "\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u00d7": "x", "\u2026": "...",
};

function rowsOf(hex: string): number[] {
  return Array.from({ length: hex.length / 2 }, (_, index) => parseInt(hex.slice(index * 2, index * 2 + 2), 16));
}

function composed(base: string, accent: Accent): number[] {
  const mark = ACCENTS[accent];
  const cell = new Array<number>(CELL_ROWS).fill(0);
  // Lower case letters leave their first two rows blank: the mark goes there. Capitals fill all
  // seven rows, so their mark goes in the cell's two rows above the letter.
  rowsOf(GLYPHS[base] ?? "").forEach((row, index) => (cell[BODY_TOP + index] = row));
  const markTop = base !== base.toUpperCase() ? BODY_TOP : 0;
  cell[markTop] = mark[0];
  cell[markTop + 1] = mark[1];
  return cell;
}

function cellOf(hex: string): number[] {
  const cell = new Array<number>(CELL_ROWS).fill(0);
  rowsOf(hex).forEach((row, index) => (cell[BODY_TOP + index] = row));
  return cell;
}

function buildCells(): ReadonlyMap<string, readonly number[]> {
  const cells = new Map<string, readonly number[]>();
  for (const [char, hex] of Object.entries(GLYPHS)) cells.set(char, cellOf(hex));
  for (const [char, [base, accent]] of Object.entries(ACCENTED)) cells.set(char, composed(base, accent));
  // The cedilla hangs in the row below the letter.
  for (const [char, base] of [["ç", "c"], ["Ç", "C"]] as const) cells.set(char, [...cellOf(GLYPHS[base]!).slice(0, CELL_ROWS - 1), 0x04]);
  return cells;
}

const CELLS = buildCells();
const UNKNOWN = CELLS.get("?")!;

/** The text as the font will draw it: look-alikes substituted, unknown characters as "?". */
export function drawableText(text: string): string {
  return Array.from(text, (char) => LOOK_ALIKES[char] ?? (CELLS.has(char) ? char : "?")).join("");
}

/** Whether the font has its own glyph for a character (not a look-alike or "?"). */
export function hasGlyph(char: string): boolean {
  return CELLS.has(char);
}

/** Width in pixels of the text at a scale (each font pixel drawn as scale × scale). */
export function textWidth(text: string, scale: number): number {
  const length = Array.from(drawableText(text)).length;
  return length === 0 ? 0 : (length * ADVANCE - 1) * scale;
}

export function textHeight(scale: number): number {
  return CELL_ROWS * scale;
}

/** Draws text with its cell's top-left corner at (x, y). */
export function drawText(raster: Raster, text: string, x: number, y: number, scale: number, color: Rgb): void {
  let left = Math.round(x);
  const top = Math.round(y);
  for (const char of drawableText(text)) {
    const cell = CELLS.get(char) ?? UNKNOWN;
    cell.forEach((row, rowIndex) => {
      for (let column = 0; column < GLYPH_WIDTH; column++) {
        if ((row >> (GLYPH_WIDTH - 1 - column)) & 1) raster.fillRect(left + column * scale, top + rowIndex * scale, scale, scale, color);
      }
    });
    left += ADVANCE * scale;
  }
}

/** The longest prefix of the text that fits in maxWidthPx, with "..." when it had to be cut. */
export function fitText(text: string, scale: number, maxWidthPx: number): string {
  const chars = Array.from(drawableText(text));
  if (textWidth(chars.join(""), scale) <= maxWidthPx) return chars.join("");
  while (chars.length > 0 && textWidth(`${chars.join("")}...`, scale) > maxWidthPx) chars.pop();
  return `${chars.join("").trimEnd()}...`;
}
