/**
 * One item of a JSON competitor-price feed to an observation. Items are flat objects whose keys are
 * matched like CSV headers (fields.ts: "sku", "title"/"producto"/"produto", "competitor",
 * "price"/"precio"/"preço", "currency", "in_stock"/"inStock"/"available", "observed_at"/"date",
 * "url"; camelCase and snake_case alike). Prices are numbers in major units (19.9) or strings
 * ("19.90", "R$ 79,90"); dates ISO 8601 strings or Unix times (seconds or milliseconds).
 */
import { z } from "zod";
import { parseDateParts, type InstantResolver } from "../csv/dates.ts";
import { parseDecimal, type ExactDecimal } from "../csv/numbers.ts";
import { err, ok, type Result } from "../../lib/result.ts";
import { cleanText, completeObservation, fieldForName, readInStock, type ObservationField } from "./fields.ts";
import type { SourceEntry, SourcePosition } from "./observation.ts";

const itemSchema = z.record(z.string(), z.unknown());

export interface ItemContext {
  readonly position: SourcePosition;
  /** The workspace's currency and its minor digits. */
  readonly currency: string;
  readonly digits: number;
  /** The page's own currency, for items without one. */
  readonly feedCurrency: string | null;
  readonly resolver: InstantResolver;
  /** When an item without a date was observed: the fetch. */
  readonly fetchedAt: Date;
}

interface FieldValue {
  readonly key: string;
  readonly value: unknown;
}

/** A value for a message: strings as they are (or as JSON, to show they are strings where an object was due). */
function preview(value: unknown, asJson = false): string | null {
  if (value === undefined) return null;
  const text = typeof value === "string" && !asJson ? value : JSON.stringify(value);
  return text.length > 80 ? `${text.slice(0, 80)}…` : text;
}

function text(value: unknown): Result<string | null, string> {
  if (value === undefined || value === null) return ok(null);
  if (typeof value === "string") return ok(cleanText(value));
  if (typeof value === "number" && Number.isFinite(value)) return ok(String(value));
  return err("expected text");
}

/** 19.9 → 199 × 10^-1 exactly (numbers as JSON writes them; exponents are not prices). */
function decimalOfNumber(value: number): Result<ExactDecimal, string> {
  const written = String(value);
  if (!Number.isFinite(value) || /e/i.test(written)) return err("not a plain price");
  return parseDecimal(written, ".", false);
}

/** "19.90", "1,234.50", "R$ 79,90": a decimal point unless only a decimal comma reads. */
function decimalOfText(value: string): Result<ExactDecimal, string> {
  const point = parseDecimal(value, ".");
  if (point.ok) return point;
  const comma = parseDecimal(value, ",");
  return comma.ok ? comma : err(`the price is ${point.error}`);
}

function price(value: unknown): Result<ExactDecimal | null, string> {
  if (value === undefined || value === null) return ok(null);
  if (typeof value === "number") return decimalOfNumber(value);
  if (typeof value === "string") return value.trim().length === 0 ? ok(null) : decimalOfText(value);
  return err("the price must be a number or a string");
}

function inStock(value: unknown): Result<boolean, string> {
  if (value === undefined || value === null) return ok(true);
  if (typeof value === "boolean") return ok(value);
  if (value === 1 || value === 0) return ok(value === 1);
  if (typeof value === "string") return readInStock(value);
  return err("not an in-stock value (use true/false, 1/0 or yes/no)");
}

function observedAt(value: unknown, context: ItemContext): Result<Date, string> {
  if (value === undefined || value === null || value === "") return ok(context.fetchedAt);
  if (typeof value === "number" && Number.isFinite(value) && value > 0) {
    // Unix time: seconds until the year 5138, milliseconds after.
    return ok(new Date(value < 1e11 ? value * 1000 : value));
  }
  if (typeof value !== "string") return err("the date must be an ISO 8601 string or a Unix time");
  const parts = parseDateParts(value, "iso");
  if (!parts.ok) return err(parts.error);
  return ok(context.resolver.toDate(parts.value));
}

/** The item's values by field: the first key that names a field wins. */
function byField(item: Record<string, unknown>): Partial<Record<ObservationField, FieldValue>> {
  const fields: Partial<Record<ObservationField, FieldValue>> = {};
  for (const [key, value] of Object.entries(item)) {
    const field = fieldForName(key);
    if (field !== undefined && fields[field] === undefined) fields[field] = { key, value };
  }
  return fields;
}

export function readFeedItem(raw: unknown, context: ItemContext): SourceEntry {
  const { position } = context;
  const parsed = itemSchema.safeParse(raw);
  if (!parsed.success || Array.isArray(raw)) {
    return { kind: "invalid", problem: { position, field: null, value: preview(raw, true), reason: "an item must be a JSON object" } };
  }
  const fields = byField(parsed.data);
  const invalid = (field: ObservationField, reason: string): SourceEntry => ({
    kind: "invalid",
    problem: { position, field: fields[field]?.key ?? field, value: preview(fields[field]?.value), reason },
  });
  const texts: Partial<Record<ObservationField, string | null>> = {};
  for (const field of ["sku", "external_id", "title", "competitor", "currency", "url"] as const) {
    const read = text(fields[field]?.value);
    if (!read.ok) return invalid(field, read.error);
    texts[field] = read.value;
  }
  const amount = price(fields.price?.value);
  if (!amount.ok) return invalid("price", amount.error);
  const stock = inStock(fields.in_stock?.value);
  if (!stock.ok) return invalid("in_stock", stock.error);
  const at = observedAt(fields.observed_at?.value, context);
  if (!at.ok) return invalid("observed_at", at.error);
  const completed = completeObservation(
    {
      position,
      sku: texts.sku ?? null,
      externalId: texts.external_id ?? null,
      title: texts.title ?? null,
      competitor: texts.competitor ?? null,
      price: amount.value,
      currency: texts.currency ?? context.feedCurrency,
      inStock: stock.value,
      observedAt: at.value,
      url: texts.url ?? null,
    },
    context.currency,
    context.digits,
  );
  if (!completed.ok) return invalid(completed.error.field, completed.error.reason);
  return { kind: "observation", observation: completed.value };
}
