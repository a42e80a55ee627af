/**
 * Arguments of the commerce-ops tools (inventory, reorder, competitor prices, price suggestions and
 * the price-change log) and the numbers some tools read from the words: a lead time ("el proveedor
 * tarda 20 días") and a budget share ("30%").
 */
import type { Args } from "./args.ts";
import { findPhrases } from "./phrases.ts";
import type { Reading } from "./reading.ts";
import { PRICE_CHANGE_STATUS, type PriceChangeStatus } from "./vocabulary/pricing.ts";

export const DAY_WORDS = new Set(["day", "days", "dia", "dias"]);
export const WEEK_WORDS = new Set(["week", "weeks", "semana", "semanas"]);
export const LEAD_WORDS = new Set(["lead", "tarda", "tardan", "demora", "demoran", "takes", "take", "entrega", "entregan", "leva", "levam", "plazo", "prazo", "reposicion", "delivery"]);

/** "lead time de 20 días", "el proveedor tarda 2 semanas", "demora 15 dias". */
export function leadTimeDays(words: readonly string[]): number | undefined {
  for (let i = 0; i < words.length; i++) {
    if (!LEAD_WORDS.has(words[i] ?? "")) continue;
    for (let j = i + 1; j < Math.min(words.length - 1, i + 5); j++) {
      const word = words[j] ?? "";
      if (!/^\d{1,3}$/.test(word)) continue;
      const unit = words[j + 1] ?? "";
      if (DAY_WORDS.has(unit)) return Math.min(180, Math.max(1, Number(word)));
      if (WEEK_WORDS.has(unit)) return Math.min(180, Math.max(1, Number(word) * 7));
    }
  }
  return undefined;
}

/** "30%", "30 %", "30 por ciento", "30 percent". */
export function shiftPercent(words: readonly string[]): number | undefined {
  for (let i = 0; i < words.length; i++) {
    const word = words[i] ?? "";
    const inline = /^(\d{1,3})%$/.exec(word);
    if (inline) return Number(inline[1]);
    if (/^\d{1,3}$/.test(word) && (words[i + 1] === "%" || words[i + 1] === "percent" || ((words[i + 1] === "por") && (words[i + 2] === "ciento" || words[i + 2] === "cento")))) return Number(word);
  }
  return undefined;
}

function members(reading: Reading, kind: "product" | "category" | "competitor"): string[] {
  return reading.members.matches.filter((match) => match.member.kind === kind && !match.excluded).map((match) => match.member.value);
}

function list(base: Args | null, key: string): string[] {
  const value = base?.[key];
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === "string") : [];
}

function text(base: Args | null, key: string): string | null {
  const value = base?.[key];
  return typeof value === "string" ? value : null;
}

function count(base: Args | null, key: string): number | null {
  const value = base?.[key];
  return typeof value === "number" ? value : null;
}

type CommerceTool = "inventory_status" | "reorder_suggestions" | "competitor_prices" | "price_suggestions" | "price_changes";
type SuggestionView = "all" | "overpriced" | "underpriced";

/** "where are we overpriced?" → overpriced, "room to raise" → underpriced; both or neither → all (or the thread's view). */
export function suggestionView(reading: Reading, base: Args | null): SuggestionView {
  const over = reading.cues.has("overpriced") || reading.cues.has("expensive");
  const under = reading.cues.has("underpriced") || reading.cues.has("cheap");
  if (over !== under) return over ? "overpriced" : "underpriced";
  if (over || reading.cues.has("pricing")) return "all";
  const previous = text(base, "view");
  return previous === "overpriced" || previous === "underpriced" ? previous : "all";
}

/** "pendientes" → pending, "aplicadas" → applied, "historial" or several → all; with no word, approvals are pending and a plain "price changes" is all. */
export function priceChangeStatus(reading: Reading, base: Args | null): PriceChangeStatus {
  const said = new Set(findPhrases(reading.words, PRICE_CHANGE_STATUS, reading.words.map(() => false), false).map((match) => match.value));
  if (said.size > 1) return "all";
  const only = [...said][0];
  if (only !== undefined) return only;
  if (reading.cues.has("approvals")) return "pending";
  const previous = text(base, "status");
  return base !== null && (previous === "pending" || previous === "applied") ? previous : "all";
}

function inventoryView(reading: Reading, base: Args | null): "stockout_risk" | "days_of_stock" | "overstock" {
  if (reading.cues.has("overstock")) return "overstock";
  if (reading.cues.has("days_of_stock")) return "days_of_stock";
  if (reading.cues.has("inventory") || base === null) return "stockout_risk";
  const previous = text(base, "view");
  return previous === "overstock" || previous === "days_of_stock" ? previous : "stockout_risk";
}

/** Arguments of a commerce-ops tool; `range` is already text, `leadTime` read from the words. */
export function commerceArgs(tool: CommerceTool, reading: Reading, base: Args | null, range: string | undefined, leadTime: number | undefined): Args {
  const products = members(reading, "product");
  const categories = members(reading, "category");
  const common = {
    products: products.length > 0 ? products : list(base, "products"),
    category: categories[0] ?? text(base, "category"),
    top: Math.min(50, Math.max(1, reading.top ?? count(base, "top") ?? 10)),
  };
  switch (tool) {
    case "inventory_status": {
      const horizon = reading.horizonDays ?? count(base, "horizonDays");
      return { view: inventoryView(reading, base), ...(horizon === null ? {} : { horizonDays: Math.min(120, Math.max(1, horizon)) }), ...common };
    }
    case "reorder_suggestions": {
      const lead = leadTime ?? count(base, "leadTimeDays");
      return { ...common, leadTimeDays: lead };
    }
    case "competitor_prices": {
      const competitors = members(reading, "competitor");
      const undercut = reading.cues.has("undercut") || (base !== null && text(base, "view") === "undercut" && !reading.cues.has("competitor"));
      return { view: undercut ? "undercut" : "compare", ...(range === undefined ? {} : { range }), ...common, competitors: competitors.length > 0 ? competitors : list(base, "competitors") };
    }
    case "price_suggestions":
      return { view: suggestionView(reading, base), ...common };
    case "price_changes":
      return { status: priceChangeStatus(reading, base), products: common.products, top: common.top };
  }
}
