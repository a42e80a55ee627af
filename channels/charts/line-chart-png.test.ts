import { inflateSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import type { ChartSpec } from "../outbound/outbound-message.ts";
import { CHART_HEIGHT, CHART_WIDTH, SERIES_STROKES, renderLineChartPng } from "./line-chart-png.ts";
import { decodePng, readChunks, type DecodedPng } from "./png-decoder.ts";
import { PNG_SIGNATURE } from "./png-encoder.ts";
import type { Rgb } from "./raster.ts";

const WEEKS = ["31 ago", "7 sep", "14 sep", "21 sep", "28 sep", "5 oct", "12 oct", "19 oct", "26 oct"];

function spec(overrides: Partial<ChartSpec> = {}): ChartSpec {
  return {
    title: "Ventas netas por semana",
    labels: WEEKS,
    series: [{ name: "Ventas netas", values: [100_000, 150_000, 200_000, 250_000, 300_000, 350_000, 400_000, 450_000, 500_000] }],
    unit: "money",
    currency: "MXN",
    locale: "es-MX",
    ...overrides,
  };
}

const MAIN = SERIES_STROKES[0]!.color;
const COMPARISON = SERIES_STROKES[1]!.color;

function isColor(png: DecodedPng, x: number, y: number, color: Rgb): boolean {
  const at = (y * png.width + x) * png.bytesPerPixel;
  return png.pixels[at] === color.r && png.pixels[at + 1] === color.g && png.pixels[at + 2] === color.b;
}

/** The mean row of the pixels of exactly this colour in a column, or null when there are none. */
function rowOf(png: DecodedPng, x: number, color: Rgb): number | null {
  const rows = Array.from({ length: png.height }, (_, y) => y).filter((y) => isColor(png, x, y, color));
  return rows.length === 0 ? null : rows.reduce((sum, y) => sum + y, 0) / rows.length;
}

function columnsWith(png: DecodedPng, color: Rgb): number[] {
  return Array.from({ length: png.width }, (_, x) => x).filter((x) => rowOf(png, x, color) !== null);
}

describe("renderLineChartPng", () => {
  it("writes a valid PNG: signature, IHDR, checked CRCs and IDAT of one filtered row per scanline", () => {
    const file = renderLineChartPng(spec());
    expect(file.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
    const chunks = readChunks(file);
    expect(chunks.map((chunk) => chunk.type)).toEqual(["IHDR", "IDAT", "IEND"]);
    const header = chunks[0]!.data;
    expect([header.readUInt32BE(0), header.readUInt32BE(4), header[8], header[9], header[10], header[11], header[12]]).toEqual([CHART_WIDTH, CHART_HEIGHT, 8, 2, 0, 0, 0]);
    expect(inflateSync(chunks[1]!.data).length).toBe(CHART_HEIGHT * (1 + CHART_WIDTH * 3));
    expect(chunks[2]!.data.length).toBe(0);

    // A flipped byte anywhere in a chunk breaks its CRC.
    const corrupt = Buffer.from(file);
    corrupt[40] = corrupt[40]! ^ 0xff;
    expect(() => readChunks(corrupt)).toThrow(/CRC mismatch/);
  });

  it("draws a rising series higher on the right than on the left, inside the image", () => {
    const png = decodePng(renderLineChartPng(spec()));
    const columns = columnsWith(png, MAIN);
    expect(columns.length).toBeGreaterThan(CHART_WIDTH / 2);
    const left = rowOf(png, columns[5]!, MAIN)!;
    const right = rowOf(png, columns.at(-6)!, MAIN)!;
    // Smaller y is higher up.
    expect(right).toBeLessThan(left - CHART_HEIGHT / 3);

    const falling = decodePng(renderLineChartPng(spec({ series: [{ name: "Ventas netas", values: [...spec().series[0]!.values].reverse() }] })));
    const fallingColumns = columnsWith(falling, MAIN);
    expect(rowOf(falling, fallingColumns.at(-6)!, MAIN)!).toBeGreaterThan(rowOf(falling, fallingColumns[5]!, MAIN)! + CHART_HEIGHT / 3);
  });

  it("draws the comparison in its own colour and breaks a line at a null", () => {
    const values = [300_000, 320_000, 340_000, 360_000, null, 400_000, 420_000, 440_000, 460_000];
    const chart = (main: readonly (number | null)[]) =>
      decodePng(renderLineChartPng(spec({ series: [{ name: "Ventas netas", values: [...main] }, { name: "Período anterior", values: values.map((value) => (value === null ? 200_000 : value - 150_000)) }] })));
    const widestGap = (png: DecodedPng) => {
      const columns = columnsWith(png, MAIN).filter((x) => x > CHART_WIDTH / 4);
      return Math.max(...columns.slice(1).map((x, index) => x - columns[index]!));
    };
    const broken = chart(values);
    expect(columnsWith(broken, COMPARISON).length).toBeGreaterThan(CHART_WIDTH / 2);
    // A run of columns without the main colour where the null is; none once the value is known.
    expect(widestGap(broken)).toBeGreaterThan(80);
    expect(widestGap(chart(values.map((value) => value ?? 380_000)))).toBeLessThan(5);
  });

  it("renders a flat series, a single value, a gap-only series and long titles without failing", () => {
    for (const chart of [
      spec({ series: [{ name: "Pedidos", values: WEEKS.map(() => 12) }], unit: "count", currency: null }),
      spec({ series: [{ name: "Pedidos", values: WEEKS.map((_, index) => (index === 3 ? 7 : null)) }], unit: "count", currency: null }),
      spec({ series: [{ name: "Pedidos", values: WEEKS.map(() => null) }] }),
      spec({ series: [{ name: "Zero", values: WEEKS.map(() => 0) }], unit: "ratio", currency: null }),
      spec({ title: "Ventas netas por semana en los últimos dos años con comparación contra el año anterior ¿qué pasó?", labels: ["a", "b"], series: [{ name: "x", values: [1, 2] }] }),
    ]) {
      const png = decodePng(renderLineChartPng(chart));
      expect([png.width, png.height]).toEqual([CHART_WIDTH, CHART_HEIGHT]);
    }
    const lone = decodePng(renderLineChartPng(spec({ series: [{ name: "Pedidos", values: WEEKS.map((_, index) => (index === 3 ? 7 : null)) }], unit: "count", currency: null })));
    // A lone point between gaps still shows, as a dot.
    expect(columnsWith(lone, MAIN).length).toBeGreaterThan(2);
  });

  it("is deterministic: the same spec gives the same bytes", () => {
    const chart = spec({ series: [{ name: "Ventas netas", values: [1.5, null, 3.25, 2, 8, 1, 0, 4, 5] }, { name: "Anterior", values: [2, 2, 2, 2, 2, 2, 2, 2, 2] }] });
    expect(renderLineChartPng(chart).equals(renderLineChartPng(chart))).toBe(true);
    expect(renderLineChartPng(chart).equals(renderLineChartPng({ ...chart, title: "Otro título" }))).toBe(false);
  });
});
