/**
 * Pricing orders, read before anything else: undoing an applied change ("deshacer 4F2K"), proposing
 * a listed suggestion ("aplicá la 2", "apply K7QD") and proposing a price change ("baja la remera
 * básica a 399", "set Basic Tee to $24.99", "sube X un 10%", "and make it 379"). A proposal is only
 * a proposal: a person approves it on a channel. With no product to change we ask, never guess;
 * budget, campaign and stock orders are left to readChangeRequest (refused).
 */
import { CODE_ALPHABET, CODE_LENGTH } from "../../../../engines/approvals/proposal-codes.ts";
import { currencyMinorDigits } from "../../../../lib/money.ts";
import { priceSuggestionsSchema } from "../../../../tools/commerce-ops/pricing-contracts.ts";
import type { ToolName } from "../../../../tools/tool-names.ts";
import type { WorkspaceContext } from "../../../shared/workspace-context.ts";
import type { Args } from "./args.ts";
import { toolArgs } from "./build-args.ts";
import { nearestNames } from "./members.ts";
import { fold } from "./normalize.ts";
import { findPhrases, type Phrase, type PhraseMatch } from "./phrases.ts";
import { readAmounts, type Amount } from "./price-amounts.ts";
import type { Reading } from "./reading.ts";
import { DICTIONARY } from "./spelling.ts";
import type { Intent, PreviousCall } from "./types.ts";
import { CHANGE_OBJECTS, GREETING, THANKS } from "./vocabulary/intents.ts";
import { FUNCTION_WORDS } from "./vocabulary/languages.ts";
import {
  APPLY_VERBS,
  BACK_REFERENCES,
  BY_WORDS,
  CLITIC_PRICE_VERBS,
  ORDINALS,
  PRICE_FILLER,
  PRICE_LEADS,
  PRICE_VERBS,
  SUGGESTION_WORDS,
  TO_WORDS,
  UNDO_VERBS,
  type PriceDirection,
} from "./vocabulary/pricing.ts";

const CODE = new RegExp(`^[${CODE_ALPHABET}]{${CODE_LENGTH}}$`);
/** How many lead words ("ok", "y", "por favor", "can you") may open an order. */
const MAX_LEAD_WORDS = 4;
const TIME_UNITS = new Set(["dia", "dias", "day", "days", "semana", "semanas", "week", "weeks", "mes", "meses", "month", "months", "hora", "horas", "hour", "hours"]);
const COURTESY = new Set(["gracias", "thanks", "thank", "you", "obrigado", "obrigada", "porfa", "pf", "pls", "please", "favor", "por", "valeu", "thx", "ty"]);

/** The phrase of a table that starts at `at`, longest first. */
function phraseAt<T>(words: readonly string[], table: readonly Phrase<T>[], at: number): PhraseMatch<T> | undefined {
  for (const phrase of table) {
    if (phrase.words.every((word, k) => words[at + k] === word)) return { value: phrase.value, start: at, end: at + phrase.words.length };
  }
  return undefined;
}

/** Where the order itself starts, after polite leads and greetings; null when they run on too long. */
function orderStart(words: readonly string[]): number | null {
  let at = 0;
  while (at < words.length) {
    const lead = phraseAt(words, PRICE_LEADS, at) ?? phraseAt(words, GREETING, at) ?? phraseAt(words, THANKS, at);
    if (lead === undefined) return at;
    at = lead.end;
    if (at > MAX_LEAD_WORDS) return null;
  }
  return null;
}

const shouting = (reading: Reading): boolean => {
  const letters = reading.text.replace(/[^\p{L}]/gu, "");
  return letters.length > 0 && letters === letters.toUpperCase() && letters !== letters.toLowerCase();
};

/**
 * A proposal code at word `index` (upper case): four characters of the code alphabet with a letter
 * (not a price like "2499"), and a digit, capitals, or not a word we know ("K7QD", "MNPQ", "mnpq";
 * not "esta", "para").
 */
function codeAt(reading: Reading, index: number): string | null {
  const token = reading.tokens[index];
  if (token === undefined) return null;
  const upper = token.cased.toUpperCase();
  if (!CODE.test(upper) || !/[A-Z]/.test(upper)) return null;
  if (/\d/.test(upper) || (token.cased === upper && !shouting(reading))) return upper;
  const known = DICTIONARY.has(token.norm) || FUNCTION_WORDS.has(token.norm) || reading.members.used[index] === true;
  return known ? null : upper;
}

function toolIntent(tool: ToolName, args: Args, followUp: boolean): Intent {
  return { kind: "tool", agent: "commerce_ops", tool, args: toolArgs(tool, args), followUp };
}

function productsNamed(reading: Reading, from: number): string[] {
  const named = reading.members.matches.filter((match) => match.member.kind === "product" && !match.excluded && Math.min(...match.positions) >= from);
  return [...new Set(named.map((match) => match.member.value))];
}

/** "deshacer 4F2K" → undo_price_change; "deshacer el último cambio" (no code) → the applied changes to pick from. */
function readUndo(reading: Reading, start: number): Intent | null {
  const verb = phraseAt(reading.words, UNDO_VERBS, start);
  if (verb === undefined) return null;
  for (let at = verb.end; at < Math.min(reading.words.length, verb.end + 5); at++) {
    const code = codeAt(reading, at);
    if (code !== null) return toolIntent("undo_price_change", { code }, false);
  }
  return toolIntent("price_changes", { status: "applied", products: productsNamed(reading, 0) }, false);
}

/** The arguments of the thread's latest price_suggestions list, or null. */
function lastSuggestions(previous: readonly PreviousCall[]): Args | null {
  const call = [...previous].reverse().find((candidate) => candidate.tool === "price_suggestions");
  if (call === undefined) return null;
  const parsed = priceSuggestionsSchema.safeParse(call.args);
  return parsed.success ? parsed.data : null;
}

const SUGGESTION_LEADS = SUGGESTION_WORDS.filter((phrase) => phrase.words[0]?.startsWith("sug") === true);

/**
 * "aplicá la sugerencia 3", "do #3", "aplique a sugestão 1", "apply K7QD": a listed suggestion, by
 * rank or code. Right after a list, a bare pick ("la 2", "the 3rd") is one too.
 */
function readApply(reading: Reading, start: number, previous: readonly PreviousCall[]): Intent | null {
  const words = reading.words;
  const verb = phraseAt(words, APPLY_VERBS, start) ?? phraseAt(words, SUGGESTION_LEADS, start);
  // Right after the list, or after proposals picked from it ("y la 4").
  const afterList = [...previous].reverse().find((call) => call.tool !== "propose_price_change")?.tool === "price_suggestions";
  if (verb === undefined && !afterList) return null;
  const list = lastSuggestions(previous);
  let named = verb?.value.startsWith("sug") === true;
  const from = verb?.end ?? start;
  for (let at = from; at < Math.min(words.length, from + 6); at++) {
    const word = words[at] ?? "";
    const suggestion = phraseAt(words, SUGGESTION_WORDS, at);
    // Without a verb, only a code that cannot be a word ("K7QD" right after the list).
    const code = codeAt(reading, at);
    if (code !== null && (verb !== undefined || /\d/.test(code))) return toolIntent("propose_price_change", { suggestion: code }, false);
    const ordinal = phraseAt(words, ORDINALS, at);
    const rank = ordinal?.value ?? (/^\d{1,2}$/.test(word) ? Number(word) : null);
    if (rank !== null) {
      const end = ordinal?.end ?? at + 1;
      const rest = words.slice(end).filter((rest) => !PRICE_FILLER.has(rest) && !COURTESY.has(rest) && phraseAt([rest], SUGGESTION_WORDS, 0) === undefined);
      if (rest.length > 0 || TIME_UNITS.has(words[end] ?? "") || rank < 1 || rank > 50 || (!named && list === null)) return null;
      return toolIntent("propose_price_change", { rank, from: list }, list !== null);
    }
    if (suggestion !== undefined) {
      named = true;
      at = suggestion.end - 1;
      continue;
    }
    if (!FUNCTION_WORDS.has(word) && !PRICE_FILLER.has(word)) return null;
  }
  return null;
}

/** The one product the thread's last call was about ("bájala a 399" after a question on it), or null. */
function threadProduct(previous: PreviousCall | undefined): string | null {
  if (previous === undefined) return null;
  const args = previous.args;
  if (typeof args["product"] === "string") return args["product"];
  const products = args["products"];
  if (Array.isArray(products) && products.length === 1 && typeof products[0] === "string") return products[0];
  const filters = args["filters"];
  if (!Array.isArray(filters)) return null;
  const values = filters.flatMap((filter: unknown) => {
    if (typeof filter !== "object" || filter === null) return [];
    const record = filter as Readonly<Record<string, unknown>>;
    return record["dimension"] === "product" && record["operator"] === "in" && Array.isArray(record["values"]) ? record["values"].filter((value): value is string => typeof value === "string") : [];
  });
  return values.length === 1 ? (values[0] ?? null) : null;
}

/** The amount that sets the price: a percentage first, then one after "a"/"to"/"pra", else the last; numbers inside names skipped. */
function pickAmount(reading: Reading): Amount | null {
  const nameNumbers = new Set(reading.tokens.filter((_, index) => reading.members.used[index] === true).map((token) => token.norm));
  const amounts = readAmounts(reading.text).filter((amount) => !nameNumbers.has(amount.digits) && amount.value > 0);
  return amounts.find((amount) => amount.percent) ?? amounts.find((amount) => amount.before !== null && TO_WORDS.has(amount.before)) ?? amounts.at(-1) ?? null;
}

type Change = { readonly priceCents: number } | { readonly changePct: number };

/** The new price or the relative change; null for a relative amount of money ("bajala en 500") or no amount. */
function changeOf(amount: Amount | null, direction: PriceDirection, currency: string): Change | null {
  if (amount === null) return null;
  if (amount.percent) {
    const size = Math.abs(amount.value);
    const pct = direction === "lower" ? -size : direction === "raise" ? size : (amount.sign ?? 1) * size;
    return pct >= -90 && pct <= 500 && pct !== 0 ? { changePct: Math.round(pct * 100) / 100 } : null;
  }
  const relative = amount.before === "by" || (amount.before !== null && BY_WORDS.has(amount.before) && direction !== "set");
  if (relative) return null;
  const priceCents = Math.round(amount.value * 10 ** currencyMinorDigits(currency));
  return priceCents >= 1 ? { priceCents } : null;
}

/** Words after the verb that name something we do not know ("baja la pollera plisada a 399"). */
function unknownTerm(reading: Reading, from: number): string | null {
  const term: string[] = [];
  for (let at = from; at < reading.words.length; at++) {
    const word = reading.words[at] ?? "";
    const plain = PRICE_FILLER.has(word) || FUNCTION_WORDS.has(word) || DICTIONARY.has(word) || /\d/.test(word) || reading.members.used[at] === true || word.length < 3;
    if (plain) {
      if (term.length > 0) break;
      continue;
    }
    term.push(reading.tokens[at]?.norm ?? word);
  }
  return term.length > 0 ? term.join(" ") : null;
}

/**
 * One SKU of the product when the message names its option ("shampoo liso 250ml", "jeans slim 32",
 * "mochila negro": the last segment of a SKU), else the product: variants can have different prices.
 */
function variantOf(context: WorkspaceContext, product: string, reading: Reading, amount: Amount | null): string {
  const skus = context.lexicon.products.find((candidate) => candidate.title === product)?.skus ?? [];
  if (skus.length < 2) return product;
  const words = reading.tokens.map((token, index) => (reading.members.used[index] === true ? "" : token.norm));
  const said = new Set([...words, ...words.slice(1).map((word, index) => `${words[index] ?? ""}${word}`)].filter((word) => word.length >= 2 && !FUNCTION_WORDS.has(word) && word !== amount?.digits));
  const named = skus.filter((sku) => said.has(fold(sku.split("-").at(-1) ?? "")));
  return named.length === 1 ? (named[0] ?? product) : product;
}

/** "baja la remera básica a 399", "set Basic Tee to $24.99", "sube X un 10%", "bájala a 399" after a turn on one product. */
function readPriceOrder(reading: Reading, start: number, context: WorkspaceContext, previous: readonly PreviousCall[]): Intent | null {
  const words = reading.words;
  const verb = phraseAt(words, PRICE_VERBS, start);
  if (verb === undefined) return null;
  const after = words.map((word, index) => (index < verb.end ? "" : word));
  const object = findPhrases(after, CHANGE_OBJECTS, [...reading.members.used], false)[0]?.value;
  if (object !== undefined && object !== "price") return null;
  const named = reading.members.matches.filter((match) => !match.excluded && Math.min(...match.positions) >= verb.end);
  if (named.some((match) => match.member.kind === "campaign" || match.member.kind === "platform")) return null;
  const products = productsNamed(reading, verb.end);
  const category = named.find((match) => match.member.kind === "category")?.member.value ?? null;
  const amount = pickAmount(reading);
  // "bájala", "make it", "lower ours": the verb points back at the thread's product.
  const pointsBack = phraseAt(words, CLITIC_PRICE_VERBS, start) !== undefined || phraseAt(words, BACK_REFERENCES, verb.end) !== undefined;
  const fromThread = threadProduct(previous.at(-1));
  // A bare amount is a price when it reads as one: "a 399", "$24.99", "10%", or the verb points at the thread's product.
  const priceLike = amount !== null && (amount.percent || amount.money || (amount.before !== null && TO_WORDS.has(amount.before)));
  const isOrder = object === "price" || products.length > 0 || category !== null || pointsBack || (amount !== null && (fromThread !== null || priceLike));
  if (!isOrder) return null;

  const problem = reading.members.problem;
  if (problem !== null) return { kind: "clarify", reason: problem.reason, options: problem.options, term: problem.term };
  if (products.length > 1) return { kind: "clarify", reason: "ambiguous_member", options: products, term: null };
  const change = changeOf(amount, verb.value, context.workspace.currency);
  const inCategory = category === null ? [] : context.lexicon.products.filter((candidate) => candidate.category === category).map((candidate) => candidate.title);
  // "a camiseta" where Camisetas holds one product: that product.
  let product = products[0] ?? (inCategory.length === 1 ? (inCategory[0] ?? null) : null);
  if (product === null && category !== null) {
    // A whole category is not one proposal: its suggestions, or which of its products.
    if (change === null) return toolIntent("price_suggestions", { category, view: verb.value === "lower" ? "overpriced" : verb.value === "raise" ? "underpriced" : "all" }, false);
    return { kind: "clarify", reason: "ambiguous_member", options: inCategory.slice(0, 6), term: category };
  }
  let followUp = false;
  if (product === null) {
    const term = unknownTerm(reading, verb.end);
    if (term !== null && !pointsBack) return { kind: "clarify", reason: "unknown_member", options: nearestNames(context.lexicon, "product", term), term };
    if (fromThread === null) return { kind: "clarify", reason: "price_product", options: [], term: null };
    product = fromThread;
    followUp = true;
  }
  // No new price ("sube el precio de las zapatillas", "lower ours to match them"): what the rules suggest for it.
  if (change === null) return toolIntent("price_suggestions", { products: [product] }, followUp);
  return toolIntent("propose_price_change", { product: variantOf(context, product, reading, amount), ...change }, followUp);
}

/** A pricing order, or null when the message is something else. */
export function readPriceIntent(reading: Reading, context: WorkspaceContext, previous: readonly PreviousCall[]): Intent | null {
  const start = orderStart(reading.words);
  if (start === null) return null;
  return readUndo(reading, start) ?? readApply(reading, start, previous) ?? readPriceOrder(reading, start, context, previous);
}
