/**
 * Which column feeds which field of the generic format. Explicit --map entries win; the remaining
 * fields are auto-detected from header synonyms; two decisions need the values too (is "Discount" a
 * rate or an amount, is "Estado" a status or a state), so they are settled after a first pass
 * over the rows.
 */
import { CsvError, ColumnMapError } from "./errors.ts";
import { AUTO_MAPPING_ORDER, FIELD_SYNONYMS, GENERIC_FIELD_NAMES, dimensionKey, isGenericField, normalizeHeader, type GenericField } from "./fields.ts";
import { looksLikeRate } from "./numbers.ts";
import { statusFromText } from "./statuses.ts";

export interface Dimension {
  readonly key: string;
  readonly header: string;
  readonly index: number;
}

export interface MappingPlan {
  readonly headers: readonly string[];
  readonly columns: ReadonlyMap<GenericField, number>;
  readonly explicit: ReadonlySet<GenericField>;
  readonly dims: readonly Dimension[];
}

export interface ResolvedMapping {
  readonly headers: readonly string[];
  readonly columns: ReadonlyMap<GenericField, number>;
  readonly dims: readonly Dimension[];
}

/** Pairs of which one field is used: mapping one explicitly keeps auto-mapping off the other. */
const PARTNERS: Partial<Record<GenericField, GenericField>> = { discount: "discount_rate", discount_rate: "discount", cost: "profit", profit: "cost" };

/** Levenshtein distance, for "did you mean" suggestions. */
function distance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

export function didYouMean(word: string, candidates: readonly string[]): string {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const d = distance(word.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best !== undefined && bestDistance <= Math.max(2, Math.floor(best.length / 3)) ? ` Did you mean "${best}"?` : "";
}

/** Splits "a,b" on commas outside double quotes; quotes around an item or a part are removed. */
function splitQuoted(text: string): string[] {
  const parts: string[] = [];
  let current = "";
  let quoted = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    else if (char === "," && !quoted) {
      parts.push(current);
      current = "";
    } else current += char;
  }
  if (quoted) throw new ColumnMapError(`Unbalanced quotes in "${text}".`);
  parts.push(current);
  return parts.map((part) => part.trim()).filter((part) => part.length > 0);
}

/**
 * Parses "order_id=Order ID,date=Order Date" (--map). Column names with commas go in double
 * quotes: `product_name="Name, long"`. Unknown field names are errors with a suggestion.
 */
export function parseColumnMap(text: string): Record<string, string> {
  const map: Record<string, string> = {};
  for (const part of splitQuoted(text)) {
    const eq = part.indexOf("=");
    if (eq === -1) throw new ColumnMapError(`"${part}" is not field=column (e.g. order_id=Order ID).`);
    const field = part.slice(0, eq).trim();
    const column = part.slice(eq + 1).trim();
    if (!isGenericField(field)) {
      throw new ColumnMapError(`Unknown field "${field}".${didYouMean(field, GENERIC_FIELD_NAMES)} Known fields: ${GENERIC_FIELD_NAMES.join(", ")}.`);
    }
    if (column.length === 0) throw new ColumnMapError(`No column given for field "${field}".`);
    if (field in map) throw new ColumnMapError(`Field "${field}" is mapped twice.`);
    map[field] = column;
  }
  return map;
}

/** Parses a comma-separated list of column names (--dims), with the same quoting as parseColumnMap. */
export function parseColumnList(text: string): string[] {
  return splitQuoted(text);
}

/** The column index for a header as a person typed it: exact, else ignoring case, accents and punctuation. */
function findHeader(headers: readonly string[], name: string): number | undefined {
  const exact = headers.indexOf(name);
  if (exact !== -1) return exact;
  const wanted = normalizeHeader(name);
  const loose = headers.findIndex((header) => normalizeHeader(header) === wanted);
  return loose === -1 ? undefined : loose;
}

function noSuchColumn(file: string, what: string, name: string, headers: readonly string[]): CsvError {
  return new CsvError(file, `${what}: there is no column "${name}".${didYouMean(name, headers)} Columns in the file: ${headers.map((h) => `"${h}"`).join(", ")}`);
}

/** Explicit entries, then synonyms for the rest, then the requested dimensions. */
export function planMapping(file: string, headers: readonly string[], map: Readonly<Record<string, string>>, dimNames: readonly string[]): MappingPlan {
  const columns = new Map<GenericField, number>();
  const explicit = new Set<GenericField>();
  for (const [field, header] of Object.entries(map)) {
    if (!isGenericField(field)) {
      throw new CsvError(file, `unknown field "${field}" in the column map.${didYouMean(field, GENERIC_FIELD_NAMES)} Known fields: ${GENERIC_FIELD_NAMES.join(", ")}`);
    }
    const index = findHeader(headers, header);
    if (index === undefined) throw noSuchColumn(file, `map ${field}`, header, headers);
    columns.set(field, index);
    explicit.add(field);
  }
  for (const field of explicit) {
    const partner = PARTNERS[field];
    if (partner && explicit.has(partner)) throw new CsvError(file, `map either ${field} or ${partner}, not both`);
  }
  const used = new Set(columns.values());
  const normalized = headers.map(normalizeHeader);
  for (const field of AUTO_MAPPING_ORDER) {
    if (columns.has(field)) continue;
    const partner = PARTNERS[field];
    if (partner && explicit.has(partner)) continue;
    for (const synonym of FIELD_SYNONYMS[field]) {
      const index = normalized.findIndex((header, i) => header === synonym && !used.has(i));
      if (index !== -1) {
        columns.set(field, index);
        used.add(index);
        break;
      }
    }
  }
  // Both of a pair found by synonyms ("Discount" and "Discount %"); an explicit one keeps the
  // synonyms off its partner, so both here means both automatic. Amount and direct cost are exact: keep those.
  if (columns.has("discount") && columns.has("discount_rate")) columns.delete("discount_rate");
  if (columns.has("cost") && columns.has("profit")) columns.delete("profit");

  const dims: Dimension[] = [];
  const keys = new Set<string>();
  for (const name of dimNames) {
    const index = findHeader(headers, name);
    if (index === undefined) throw noSuchColumn(file, "dims", name, headers);
    const header = headers[index] ?? name;
    const key = dimensionKey(header) || `column_${index + 1}`;
    if (keys.has(key)) continue;
    keys.add(key);
    dims.push({ key, header, index });
  }
  return { headers, columns, explicit, dims };
}

/** Values seen in the first pass that settle the two value-dependent auto-mapping decisions. */
export class MappingEvidence {
  private readonly discountIndex: number | undefined;
  private readonly estadoIndex: number | undefined;
  private discountValues = 0;
  private discountAllRates = true;
  private estadoAllStatuses = true;

  constructor(plan: MappingPlan) {
    this.discountIndex = plan.explicit.has("discount") ? undefined : plan.columns.get("discount");
    const status = plan.explicit.has("status") ? undefined : plan.columns.get("status");
    this.estadoIndex = status !== undefined && normalizeHeader(plan.headers[status] ?? "") === "estado" ? status : undefined;
  }

  observe(fields: readonly string[]): void {
    if (this.discountIndex !== undefined && this.discountAllRates) {
      const value = fields[this.discountIndex] ?? "";
      if (value.trim() !== "") {
        this.discountValues++;
        if (!looksLikeRate(value)) this.discountAllRates = false;
      }
    }
    if (this.estadoIndex !== undefined && this.estadoAllStatuses) {
      const value = fields[this.estadoIndex] ?? "";
      if (value.trim() !== "" && statusFromText(value) === undefined) this.estadoAllStatuses = false;
    }
  }

  apply(plan: MappingPlan): Map<GenericField, number> {
    const columns = new Map(plan.columns);
    if (this.discountIndex !== undefined && this.discountValues > 0 && this.discountAllRates) {
      columns.delete("discount");
      columns.set("discount_rate", this.discountIndex);
    }
    if (this.estadoIndex !== undefined && !this.estadoAllStatuses) {
      columns.delete("status");
      if (!columns.has("state")) columns.set("state", this.estadoIndex);
    }
    return columns;
  }
}

/** Field → header, for people (the CLI prints the mapping it used). */
export function describeMapping(headers: readonly string[], columns: ReadonlyMap<GenericField, number>): Record<string, string> {
  const described: Record<string, string> = {};
  for (const field of GENERIC_FIELD_NAMES) {
    const index = columns.get(field);
    if (index !== undefined) described[field] = headers[index] ?? `#${index + 1}`;
  }
  return described;
}

/** Applies the value evidence and checks that the required fields have columns. */
export function resolveMapping(file: string, plan: MappingPlan, evidence: MappingEvidence): ResolvedMapping {
  const columns = evidence.apply(plan);
  const missing: string[] = [];
  for (const field of ["order_id", "date", "quantity"] as const) if (!columns.has(field)) missing.push(field);
  if (!columns.has("product_id") && !columns.has("product_name")) missing.push("product_id or product_name");
  if (!columns.has("amount") && !columns.has("unit_price")) missing.push("amount or unit_price");
  if (missing.length > 0) {
    const mapped = Object.entries(describeMapping(plan.headers, columns)).map(([field, header]) => `${field}=${header}`);
    throw new CsvError(
      file,
      `no column found for ${missing.join("; ")}. Columns in the file: ${plan.headers.map((h) => `"${h}"`).join(", ")}. ` +
        `Mapping found: ${mapped.length > 0 ? mapped.join(", ") : "(none)"}. Name the columns with --map, e.g. --map "${missing[0]?.split(" ")[0] ?? "order_id"}=<column>"`,
    );
  }
  return { headers: plan.headers, columns, dims: plan.dims };
}
