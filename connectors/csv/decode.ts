/**
 * Reading the file: its hash, encoding and delimiter (one cheap pass over the raw bytes), then
 * streaming its records through the tokenizer as many times as the parser needs. Nothing here
 * holds the whole file in memory.
 */
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { TextDecoder } from "node:util";
import { CsvError } from "./errors.ts";
import { CsvTokenizer, type RecordHandler } from "./tokenizer.ts";

export const ENCODINGS = ["utf-8", "windows-1252"] as const;
export type Encoding = (typeof ENCODINGS)[number];
export const DELIMITERS = [",", ";", "\t"] as const;
export type Delimiter = (typeof DELIMITERS)[number];

export interface FileFacts {
  /** Hex SHA-256 of the raw bytes: the identity of an import. */
  readonly sha256: string;
  readonly bytes: number;
  readonly encoding: Encoding;
  readonly bom: boolean;
  readonly delimiter: Delimiter;
}

const CHUNK_BYTES = 1 << 20;
const SAMPLE_BYTES = 1 << 16;
const SAMPLE_RECORDS = 50;

async function* chunks(file: string): AsyncGenerator<Buffer> {
  const stream = createReadStream(file, { highWaterMark: CHUNK_BYTES });
  try {
    for await (const chunk of stream) {
      if (!Buffer.isBuffer(chunk)) throw new Error("expected binary chunks from the file stream");
      yield chunk;
    }
  } catch (error) {
    if (error instanceof Error && "code" in error) {
      if (error.code === "ENOENT") throw new CsvError(file, "file not found");
      if (error.code === "EISDIR") throw new CsvError(file, "this is a directory, not a file");
      if (error.code === "EACCES") throw new CsvError(file, "permission denied");
    }
    throw error;
  }
}

/**
 * Hash, encoding and delimiter. Encoding "auto": a UTF-8 BOM means UTF-8; bytes that are valid
 * UTF-8 throughout mean UTF-8; anything else is taken as Windows-1252 (what Excel writes on
 * Windows in the Americas, and a superset of Latin-1 for every printable character).
 */
export async function inspectFile(file: string, encoding: Encoding | "auto"): Promise<FileFacts> {
  const hash = createHash("sha256");
  const validator = new TextDecoder("utf-8", { fatal: true });
  let validUtf8 = true;
  let bytes = 0;
  const sampleParts: Buffer[] = [];
  let sampled = 0;
  for await (const chunk of chunks(file)) {
    hash.update(chunk);
    bytes += chunk.length;
    if (sampled < SAMPLE_BYTES) {
      sampleParts.push(chunk.subarray(0, SAMPLE_BYTES - sampled));
      sampled += Math.min(chunk.length, SAMPLE_BYTES - sampled);
    }
    if (validUtf8) validUtf8 = decodes(validator, chunk);
  }
  if (validUtf8) validUtf8 = decodes(validator, undefined);
  if (bytes === 0) throw new CsvError(file, "the file is empty");
  const sample = Buffer.concat(sampleParts);
  const bom = sample.length >= 3 && sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf;
  const chosen: Encoding = encoding !== "auto" ? encoding : bom || validUtf8 ? "utf-8" : "windows-1252";
  const text = new TextDecoder(chosen).decode(sample);
  return { sha256: hash.digest("hex"), bytes, encoding: chosen, bom, delimiter: sniffDelimiter(text, sampled >= bytes) };
}

function decodes(decoder: TextDecoder, chunk: Buffer | undefined): boolean {
  try {
    if (chunk) decoder.decode(chunk, { stream: true });
    else decoder.decode();
    return true;
  } catch {
    return false;
  }
}

/**
 * The delimiter that splits the first records into the most columns, consistently with the
 * header. Decimal-comma files use ";" precisely so that "," inside numbers does not split, and the
 * consistency test sees that: "," gives a different count on every line, ";" the same.
 */
export function sniffDelimiter(sample: string, complete: boolean): Delimiter {
  let best: Delimiter = ",";
  let bestScore = -1;
  for (const delimiter of DELIMITERS) {
    const counts: number[] = [];
    const tokenizer = new CsvTokenizer(delimiter, (fields) => {
      if (counts.length < SAMPLE_RECORDS) counts.push(fields.length);
    });
    tokenizer.push(sample);
    if (complete) {
      try {
        tokenizer.end();
      } catch {
        // An unterminated quote in the sample is reported properly by the real pass.
      }
    }
    const header = counts[0] ?? 1;
    if (header < 2) continue;
    const consistent = counts.filter((count) => count === header).length / counts.length;
    // Consistency first; among equally consistent candidates, more columns wins.
    const score = consistent * 1000 + Math.min(header, 999);
    if (score > bestScore) {
      best = delimiter;
      bestScore = score;
    }
  }
  return best;
}

/** Streams every record of the file (header included) to onRecord, decoding on the way. */
export async function readRecords(file: string, encoding: Encoding, delimiter: Delimiter, onRecord: RecordHandler): Promise<void> {
  // TextDecoder drops a leading UTF-8 BOM by itself (ignoreBOM defaults to false).
  const decoder = new TextDecoder(encoding);
  const tokenizer = new CsvTokenizer(delimiter, onRecord);
  for await (const chunk of chunks(file)) tokenizer.push(decoder.decode(chunk, { stream: true }));
  tokenizer.push(decoder.decode());
  tokenizer.end();
}
