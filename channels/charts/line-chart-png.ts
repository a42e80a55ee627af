/**
 * A trend as a PNG for channels that can show an image (Slack, WhatsApp, email): 800×400, white,
 * the title on top, a legend when there is more than one line, y gridlines at nice compact ticks,
 * x labels thinned so they never overlap, and up to three lines — the first solid and prominent,
 * the others lighter and dashed. A null value breaks its line. Pure TypeScript and deterministic:
 * the same spec always gives the same bytes.
 */
import type { ChartSpec } from "../outbound/outbound-message.ts";
import { axisDomain, niceTicks, tickLabels } from "./axis-ticks.ts";
import { drawText, fitText, textHeight, textWidth } from "./bitmap-font.ts";
import { encodePng } from "./png-encoder.ts";
import { Raster, rgb, type Point, type Stroke } from "./raster.ts";

export const CHART_WIDTH = 800;
export const CHART_HEIGHT = 400;

const MARGIN = 20;
const TITLE_SCALE = 3;
const TEXT_SCALE = 2;
/** Where a cell's letter body is centred, in font rows (accent rows above it, see bitmap-font.ts). */
const BODY_CENTRE_ROWS = 5.5;
const LABEL_GAP = 12;

const COLORS = {
  background: rgb("#ffffff"),
  title: rgb("#111827"),
  text: rgb("#4b5563"),
  grid: rgb("#e5e7eb"),
  baseline: rgb("#9ca3af"),
} as const;

/** Line styles by position: the main series, then comparisons. */
export const SERIES_STROKES: readonly Stroke[] = [
  { color: rgb("#2563eb"), widthPx: 3.5, dashPx: null },
  { color: rgb("#9ca3af"), widthPx: 2.5, dashPx: [10, 6] },
  { color: rgb("#f59e0b"), widthPx: 2.5, dashPx: [4, 5] },
];

interface PlotArea {
  readonly left: number;
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
}

/** Text whose letters are vertically centred on y. */
function drawCentredText(raster: Raster, text: string, x: number, y: number): void {
  drawText(raster, text, x, y - BODY_CENTRE_ROWS * TEXT_SCALE, TEXT_SCALE, COLORS.text);
}

function drawLegend(raster: Raster, spec: ChartSpec, top: number): void {
  const swatchPx = 28;
  const available = (CHART_WIDTH - 2 * MARGIN) / spec.series.length - swatchPx - 3 * LABEL_GAP;
  let x = MARGIN;
  const y = top + BODY_CENTRE_ROWS * TEXT_SCALE;
  spec.series.forEach((series, index) => {
    const stroke = SERIES_STROKES[index] ?? SERIES_STROKES[0]!;
    raster.strokePolyline([{ x, y }, { x: x + swatchPx, y }], stroke);
    const name = fitText(series.name, TEXT_SCALE, available);
    drawCentredText(raster, name, x + swatchPx + 8, y);
    x += swatchPx + 8 + textWidth(name, TEXT_SCALE) + 3 * LABEL_GAP;
  });
}

function drawYAxis(raster: Raster, plot: PlotArea, values: readonly number[], labels: readonly string[], toY: (value: number) => number): void {
  values.forEach((value, index) => {
    const y = Math.round(toY(value));
    // The zero line, or the bottom one when the axis does not reach zero, is the baseline.
    const baseline = values.includes(0) ? value === 0 : index === 0;
    raster.fillRect(plot.left, y, plot.right - plot.left, 1, baseline ? COLORS.baseline : COLORS.grid);
    const label = labels[index] ?? "";
    drawCentredText(raster, label, plot.left - LABEL_GAP - textWidth(label, TEXT_SCALE), y);
  });
}

/** Every k-th label, k chosen so that the widest label plus a gap fits between two shown ones. */
function drawXAxis(raster: Raster, plot: PlotArea, labels: readonly string[], toX: (index: number) => number): void {
  const widest = Math.max(...labels.map((label) => textWidth(label, TEXT_SCALE)));
  const spacing = labels.length > 1 ? (plot.right - plot.left) / (labels.length - 1) : plot.right - plot.left;
  const every = Math.max(1, Math.ceil((widest + LABEL_GAP * 2) / spacing));
  const top = plot.bottom + 8;
  labels.forEach((label, index) => {
    if (index % every !== 0) return;
    const width = textWidth(label, TEXT_SCALE);
    const x = Math.min(CHART_WIDTH - MARGIN / 2 - width, Math.max(MARGIN / 2, toX(index) - width / 2));
    drawText(raster, label, x, top, TEXT_SCALE, COLORS.text);
  });
}

/** The runs of consecutive non-null values, as points. */
function segmentsOf(values: readonly (number | null)[], count: number, toX: (index: number) => number, toY: (value: number) => number): Point[][] {
  const runs: Point[][] = [];
  let run: Point[] = [];
  for (let index = 0; index < count; index++) {
    const value = values[index] ?? null;
    if (value === null || !Number.isFinite(value)) {
      if (run.length > 0) runs.push(run);
      run = [];
      continue;
    }
    run.push({ x: toX(index), y: toY(value) });
  }
  if (run.length > 0) runs.push(run);
  return runs;
}

function drawSeries(raster: Raster, spec: ChartSpec, toX: (index: number) => number, toY: (value: number) => number): void {
  // The main series last, so it stays on top where lines cross.
  for (let index = spec.series.length - 1; index >= 0; index--) {
    const stroke = SERIES_STROKES[index] ?? SERIES_STROKES[0]!;
    for (const run of segmentsOf(spec.series[index]!.values, spec.labels.length, toX, toY)) {
      if (run.length === 1) raster.fillCircle(run[0]!, stroke.widthPx, stroke.color);
      else raster.strokePolyline(run, stroke);
    }
  }
}

/** Draws the chart into a raster (renderLineChartPng encodes it; tests read its pixels). */
export function drawLineChart(spec: ChartSpec): Raster {
  const raster = new Raster(CHART_WIDTH, CHART_HEIGHT, COLORS.background);
  drawText(raster, fitText(spec.title, TITLE_SCALE, CHART_WIDTH - 2 * MARGIN), MARGIN, MARGIN - 2 * TITLE_SCALE, TITLE_SCALE, COLORS.title);
  let top = MARGIN + textHeight(TITLE_SCALE);
  if (spec.series.length > 1) {
    drawLegend(raster, spec, top + 4);
    top += 4 + textHeight(TEXT_SCALE);
  }

  const all = spec.series.flatMap((series) => series.values.slice(0, spec.labels.length).filter((value): value is number => value !== null && Number.isFinite(value)));
  const domain = axisDomain(all);
  const ticks = niceTicks(domain.low, domain.high);
  const labels = tickLabels(ticks.values, spec);
  const low = ticks.values[0]!;
  const high = ticks.values[ticks.values.length - 1]!;

  const plot: PlotArea = {
    left: MARGIN + Math.max(...labels.map((label) => textWidth(label, TEXT_SCALE))) + LABEL_GAP,
    top: top + 16,
    right: CHART_WIDTH - MARGIN - 10,
    bottom: CHART_HEIGHT - MARGIN - textHeight(TEXT_SCALE),
  };
  const toY = (value: number) => plot.bottom - ((value - low) / (high - low)) * (plot.bottom - plot.top);
  const last = Math.max(1, spec.labels.length - 1);
  const toX = (index: number) => (spec.labels.length === 1 ? (plot.left + plot.right) / 2 : plot.left + (index / last) * (plot.right - plot.left));

  drawYAxis(raster, plot, ticks.values, labels, toY);
  drawXAxis(raster, plot, spec.labels, toX);
  drawSeries(raster, spec, toX, toY);
  return raster;
}

/** The chart as PNG file bytes (8-bit RGB). */
export function renderLineChartPng(spec: ChartSpec): Buffer {
  const raster = drawLineChart(spec);
  return encodePng(raster.pixels, raster.width, raster.height, 2);
}
