/**
 * Reads an 8-bit, non-interlaced RGB or RGBA PNG back into pixels, checking what a viewer would:
 * the signature, every chunk's CRC-32 (node:zlib's, not the encoder's own), the IHDR fields, and
 * that the inflated IDAT data is exactly one filter byte plus one row of pixels per scanline. Tests
 * use it to look at the charts they render; it is not a general PNG reader.
 */
import { crc32, inflateSync } from "node:zlib";
import { PNG_SIGNATURE } from "./png-encoder.ts";

export interface PngChunk {
  readonly type: string;
  readonly data: Buffer;
}

export interface DecodedPng {
  readonly width: number;
  readonly height: number;
  readonly bitDepth: number;
  readonly colorType: number;
  readonly bytesPerPixel: number;
  readonly chunks: readonly PngChunk[];
  /** Unfiltered pixel bytes, rows top to bottom. */
  readonly pixels: Uint8Array;
}

/** The chunks of a PNG file, in order; throws on a bad signature, truncation or a CRC mismatch. */
export function readChunks(file: Buffer): PngChunk[] {
  if (!file.subarray(0, 8).equals(PNG_SIGNATURE)) throw new Error("not a PNG: bad signature");
  const chunks: PngChunk[] = [];
  let at = 8;
  while (at < file.length) {
    if (at + 12 > file.length) throw new Error("truncated chunk header");
    const length = file.readUInt32BE(at);
    const typeAndData = file.subarray(at + 4, at + 8 + length);
    if (typeAndData.length !== 4 + length || at + 12 + length > file.length) throw new Error("truncated chunk");
    const expected = file.readUInt32BE(at + 8 + length);
    const type = typeAndData.subarray(0, 4).toString("ascii");
    if (crc32(typeAndData) !== expected) throw new Error(`CRC mismatch in ${type}`);
    chunks.push({ type, data: Buffer.from(typeAndData.subarray(4)) });
    at += 12 + length;
  }
  return chunks;
}

function paeth(left: number, up: number, upLeft: number): number {
  const estimate = left + up - upLeft;
  const toLeft = Math.abs(estimate - left);
  const toUp = Math.abs(estimate - up);
  const toUpLeft = Math.abs(estimate - upLeft);
  return toLeft <= toUp && toLeft <= toUpLeft ? left : toUp <= toUpLeft ? up : upLeft;
}

function unfilter(raw: Buffer, width: number, height: number, bytesPerPixel: number): Uint8Array {
  const stride = width * bytesPerPixel;
  const pixels = new Uint8Array(height * stride);
  for (let y = 0; y < height; y++) {
    const type = raw[y * (stride + 1)]!;
    if (type > 4) throw new Error(`invalid filter type ${type} on row ${y}`);
    for (let i = 0; i < stride; i++) {
      const value = raw[y * (stride + 1) + 1 + i]!;
      const left = i >= bytesPerPixel ? pixels[y * stride + i - bytesPerPixel]! : 0;
      const up = y > 0 ? pixels[(y - 1) * stride + i]! : 0;
      const upLeft = y > 0 && i >= bytesPerPixel ? pixels[(y - 1) * stride + i - bytesPerPixel]! : 0;
      const predictor = [0, left, up, (left + up) >> 1, paeth(left, up, upLeft)][type]!;
      pixels[y * stride + i] = (value + predictor) & 0xff;
    }
  }
  return pixels;
}

export function decodePng(file: Buffer): DecodedPng {
  const chunks = readChunks(file);
  const header = chunks[0];
  if (header?.type !== "IHDR" || header.data.length !== 13) throw new Error("the first chunk is not a 13-byte IHDR");
  if (chunks.at(-1)?.type !== "IEND") throw new Error("the last chunk is not IEND");
  const width = header.data.readUInt32BE(0);
  const height = header.data.readUInt32BE(4);
  const bitDepth = header.data[8]!;
  const colorType = header.data[9]!;
  if (bitDepth !== 8 || (colorType !== 2 && colorType !== 6) || header.data[12] !== 0) throw new Error("only 8-bit non-interlaced RGB/RGBA is read here");
  const bytesPerPixel = colorType === 6 ? 4 : 3;
  const raw = inflateSync(Buffer.concat(chunks.filter((chunk) => chunk.type === "IDAT").map((chunk) => chunk.data)));
  if (raw.length !== height * (1 + width * bytesPerPixel)) throw new Error(`IDAT inflates to ${raw.length} bytes, expected ${height * (1 + width * bytesPerPixel)}`);
  return { width, height, bitDepth, colorType, bytesPerPixel, chunks, pixels: unfilter(raw, width, height, bytesPerPixel) };
}
