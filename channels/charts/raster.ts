/**
 * An opaque RGB pixel buffer to draw charts into: filled rectangles, and anti-aliased polylines
 * (solid or dashed) drawn by coverage, so a thick line reads smoothly once a chat app scales the
 * image down. No canvas package: everything here is plain arithmetic on a Uint8Array.
 */

export interface Rgb {
  readonly r: number;
  readonly g: number;
  readonly b: number;
}

export interface Point {
  readonly x: number;
  readonly y: number;
}

export interface Stroke {
  readonly color: Rgb;
  readonly widthPx: number;
  /** [dash, gap] lengths along the line, in pixels; null for a solid line. */
  readonly dashPx: readonly [number, number] | null;
}

/** "#2563eb" → {r, g, b}. */
export function rgb(hex: string): Rgb {
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!match) throw new Error(`not a #rrggbb colour: ${hex}`);
  return { r: parseInt(match[1]!, 16), g: parseInt(match[2]!, 16), b: parseInt(match[3]!, 16) };
}

export const BYTES_PER_PIXEL = 3;

export class Raster {
  readonly pixels: Uint8Array;

  constructor(
    readonly width: number,
    readonly height: number,
    background: Rgb,
  ) {
    if (!Number.isInteger(width) || !Number.isInteger(height) || width <= 0 || height <= 0) throw new Error(`invalid raster size ${width}×${height}`);
    this.pixels = new Uint8Array(width * height * BYTES_PER_PIXEL);
    this.fillRect(0, 0, width, height, background);
  }

  /** The colour at a pixel (tests and callers that check what was drawn). */
  pixel(x: number, y: number): Rgb {
    const at = (y * this.width + x) * BYTES_PER_PIXEL;
    return { r: this.pixels[at]!, g: this.pixels[at + 1]!, b: this.pixels[at + 2]! };
  }

  /** Mixes `color` over the pixel with `alpha` in [0, 1]; pixels outside the raster are ignored. */
  blend(x: number, y: number, color: Rgb, alpha: number): void {
    if (x < 0 || y < 0 || x >= this.width || y >= this.height || alpha <= 0) return;
    const at = (y * this.width + x) * BYTES_PER_PIXEL;
    const a = Math.min(1, alpha);
    const pixels = this.pixels;
    pixels[at] = Math.round(pixels[at]! + (color.r - pixels[at]!) * a);
    pixels[at + 1] = Math.round(pixels[at + 1]! + (color.g - pixels[at + 1]!) * a);
    pixels[at + 2] = Math.round(pixels[at + 2]! + (color.b - pixels[at + 2]!) * a);
  }

  /** An axis-aligned rectangle of whole pixels, clipped to the raster. */
  fillRect(x: number, y: number, width: number, height: number, color: Rgb): void {
    const x0 = Math.max(0, Math.round(x));
    const y0 = Math.max(0, Math.round(y));
    const x1 = Math.min(this.width, Math.round(x + width));
    const y1 = Math.min(this.height, Math.round(y + height));
    for (let row = y0; row < y1; row++) {
      for (let col = x0; col < x1; col++) {
        const at = (row * this.width + col) * BYTES_PER_PIXEL;
        this.pixels[at] = color.r;
        this.pixels[at + 1] = color.g;
        this.pixels[at + 2] = color.b;
      }
    }
  }

  /**
   * A polyline of the given width with round joins and caps. Each pixel's coverage is the largest
   * over all segments (so joints are not painted twice) and is blended once at the end; a dash
   * pattern follows the length along the whole line, not each segment.
   */
  strokePolyline(points: readonly Point[], stroke: Stroke): void {
    if (points.length === 0) return;
    const half = stroke.widthPx / 2;
    const reach = half + 1;
    const coverage = new Map<number, number>();
    const path = points.length === 1 ? [points[0]!, points[0]!] : points;
    let travelled = 0;
    for (let index = 1; index < path.length; index++) {
      const from = path[index - 1]!;
      const to = path[index]!;
      const dx = to.x - from.x;
      const dy = to.y - from.y;
      const lengthSq = dx * dx + dy * dy;
      const length = Math.sqrt(lengthSq);
      const x0 = Math.max(0, Math.floor(Math.min(from.x, to.x) - reach));
      const x1 = Math.min(this.width - 1, Math.ceil(Math.max(from.x, to.x) + reach));
      const y0 = Math.max(0, Math.floor(Math.min(from.y, to.y) - reach));
      const y1 = Math.min(this.height - 1, Math.ceil(Math.max(from.y, to.y) + reach));
      for (let y = y0; y <= y1; y++) {
        for (let x = x0; x <= x1; x++) {
          // Distance from the pixel's centre to the segment, and how far along the segment it falls.
          const px = x + 0.5 - from.x;
          const py = y + 0.5 - from.y;
          const t = lengthSq === 0 ? 0 : Math.max(0, Math.min(1, (px * dx + py * dy) / lengthSq));
          const distance = Math.hypot(px - t * dx, py - t * dy);
          let cover = Math.max(0, Math.min(1, half + 0.5 - distance));
          if (cover > 0 && stroke.dashPx !== null && !inDash(travelled + t * length, stroke.dashPx)) cover = 0;
          if (cover <= 0) continue;
          const key = y * this.width + x;
          if (cover > (coverage.get(key) ?? 0)) coverage.set(key, cover);
        }
      }
      travelled += length;
    }
    for (const [key, cover] of coverage) this.blend(key % this.width, Math.floor(key / this.width), stroke.color, cover);
  }

  /** A filled disc (markers for lone points between gaps). */
  fillCircle(center: Point, radiusPx: number, color: Rgb): void {
    this.strokePolyline([center], { color, widthPx: radiusPx * 2, dashPx: null });
  }
}

function inDash(along: number, [dash, gap]: readonly [number, number]): boolean {
  return along % (dash + gap) < dash;
}
