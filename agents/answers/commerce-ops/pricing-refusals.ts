/**
 * Why a price change or undo was refused, in the asker's language. The tools explain a guardrail in
 * error.message (English, for the model); this reads the limit it names (floor, ceiling, MAP, daily
 * cap, cool-down, a pending proposal, nothing to undo) and the figures it states, and says it again
 * per language. A message it does not recognise is quoted as is. The same reading turns the
 * proposal's warnings ("close to the price floor of $420.00") into words.
 *
 * Figures are read as the tools write them: money in major units with a currency sign or code and no
 * thousands separators ("$420.00", "MXN 1200"), percents as "10%", times as "until 2026-11-22 14:30"
 * (workspace-local wall time; an ISO instant with Z or an offset is converted to local time).
 */
import { assertNever } from "../../../lib/assert-never.ts";
import { currencyMinorDigits } from "../../../lib/money.ts";
import { TEAM_RULE_WARNING } from "../../../tools/commerce-ops/pricing-data.ts";
import type { ToolError } from "../../../tools/tool-outcome.ts";
import { localParts } from "../format/dates.ts";
import { money } from "../format/numbers.ts";
import { listInWords } from "../format/phrases.ts";
import { composeToolError } from "../tool-error.ts";
import type { AnswerContext, ComposedPart } from "../types.ts";
import { points, untilWall } from "./pricing-words.ts";

interface Wall {
  readonly date: string;
  readonly hour: number | null;
  readonly minute: number;
}

/** What a guardrail message says, as far as it can be read. */
export type RuleMessage =
  | { readonly kind: "floor" | "ceiling" | "map"; readonly priceCents: number | null }
  | { readonly kind: "daily_cap"; readonly capPoints: number | null; readonly priceCents: number | null }
  | { readonly kind: "cool_down"; readonly until: Wall | null }
  | { readonly kind: "pending"; readonly code: string | null }
  | { readonly kind: "unchanged" | "not_undoable" | "other" };

const MONEY = /(?:\$|\b[A-Z]{3}\s?)\s?(\d+(?:\.\d+)?)(?![\d%])/;
const PERCENT = /(\d+(?:\.\d+)?)\s?%/;
const UNTIL = /until (\d{4}-\d{2}-\d{2})(?:[ T](\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?/;
const CODE = /\b(?=[A-Z0-9]*\d)(?=[A-Z0-9]*[A-Z])[A-Z0-9]{4,8}\b/;

/** The first money amount after `from` in minor units, or null. */
function amountAfter(message: string, from: number, currency: string): number | null {
  const match = MONEY.exec(message.slice(from));
  return match?.[1] === undefined ? null : Math.round(Number(match[1]) * 10 ** currencyMinorDigits(currency));
}

function wallOf(message: string, context: AnswerContext): Wall | null {
  const match = UNTIL.exec(message);
  if (!match?.[1]) return null;
  const [, date, hour, minute, zone] = match;
  if (hour === undefined || minute === undefined) return { date, hour: null, minute: 0 };
  if (zone === undefined) return { date, hour: Number(hour), minute: Number(minute) };
  const instant = `${date}T${hour}:${minute}:00${zone}`;
  if (Number.isNaN(Date.parse(instant))) return null;
  return localParts(instant, context.timeZone);
}

export function readRuleMessage(message: string, context: AnswerContext): RuleMessage {
  const keyword = (pattern: RegExp) => pattern.exec(message)?.index ?? -1;
  if (keyword(/cool[- ]?down/i) >= 0) return { kind: "cool_down", until: wallOf(message, context) };
  if (keyword(/\bpending\b/i) >= 0) return { kind: "pending", code: CODE.exec(message)?.[0] ?? null };
  const map = Math.max(keyword(/\bMAP\b/), keyword(/minimum advertised/i));
  if (map >= 0) return { kind: "map", priceCents: amountAfter(message, map, context.currency) };
  const floor = keyword(/\bfloor\b/i);
  if (floor >= 0) return { kind: "floor", priceCents: amountAfter(message, floor, context.currency) };
  const ceiling = keyword(/\bceiling\b/i);
  if (ceiling >= 0) return { kind: "ceiling", priceCents: amountAfter(message, ceiling, context.currency) };
  const daily = keyword(/\bdaily\b|\bper day\b|\ba day\b/i);
  if (daily >= 0) {
    const cap = PERCENT.exec(message)?.[1];
    return { kind: "daily_cap", capPoints: cap === undefined ? null : Number(cap), priceCents: amountAfter(message, daily, context.currency) };
  }
  if (/already (?:at|is) the current|already the current|same as the current/i.test(message)) return { kind: "unchanged" };
  if (/\bundo|\bundone\b|rolled back|not applied/i.test(message)) return { kind: "not_undoable" };
  return { kind: "other" };
}

/** Why, after "No puedo proponer ese precio: ". */
function reasonWords(rule: RuleMessage, message: string, context: AnswerContext): string {
  const language = context.language;
  switch (rule.kind) {
    case "floor": {
      const p = rule.priceCents === null ? "" : ` (${money(rule.priceCents, context)})`;
      return { en: `it is below this product's price floor${p}.`, es: `queda por debajo del precio mínimo permitido para este producto${p}.`, pt: `fica abaixo do preço mínimo permitido para este produto${p}.` }[language];
    }
    case "ceiling": {
      const p = rule.priceCents === null ? "" : ` (${money(rule.priceCents, context)})`;
      return { en: `it is above this product's price ceiling${p}.`, es: `queda por encima del precio máximo permitido para este producto${p}.`, pt: `fica acima do preço máximo permitido para este produto${p}.` }[language];
    }
    case "map": {
      const p = rule.priceCents === null ? "" : ` (${money(rule.priceCents, context)})`;
      return { en: `it is below the minimum advertised price (MAP) the brand requires${p}.`, es: `queda por debajo del precio mínimo anunciado (MAP) que exige la marca${p}.`, pt: `fica abaixo do preço mínimo anunciado (MAP) exigido pela marca${p}.` }[language];
    }
    case "daily_cap": {
      const cap = rule.capPoints === null ? "" : { en: ` of ${points(rule.capPoints, context)}`, es: ` (${points(rule.capPoints, context)})`, pt: ` (${points(rule.capPoints, context)})` }[language];
      const today = rule.priceCents === null ? "" : { en: `; today it can go as far as ${money(rule.priceCents, context)}`, es: `; hoy puede llegar como máximo a ${money(rule.priceCents, context)}`, pt: `; hoje pode chegar no máximo a ${money(rule.priceCents, context)}` }[language];
      return { en: `it moves the price more than the daily change cap${cap}${today}.`, es: `cambia el precio más que el tope de cambio diario${cap}${today}.`, pt: `muda o preço mais que o limite de mudança diária${cap}${today}.` }[language];
    }
    case "cool_down": {
      const end = rule.until === null ? "" : ` ${untilWall(rule.until.date, rule.until.hour, rule.until.minute, context)}`;
      return { en: `this product's price changed recently and is in its cool-down period${end}.`, es: `el precio de este producto cambió hace poco y está en período de espera${end}.`, pt: `o preço deste produto mudou há pouco e está em período de espera${end}.` }[language];
    }
    case "pending": {
      const code = rule.code === null ? "" : ` (${rule.code})`;
      return { en: `there is already a pending proposal for this product${code}; it has to be approved or rejected first.`, es: `ya hay una propuesta pendiente para este producto${code}; primero hay que aprobarla o rechazarla.`, pt: `já há uma proposta pendente para este produto${code}; primeiro é preciso aprová-la ou recusá-la.` }[language];
    }
    case "unchanged":
      return { en: "that is already the current price.", es: "ese ya es el precio actual.", pt: "esse já é o preço atual." }[language];
    case "not_undoable":
      return { en: "only applied changes can be undone, and that one isn't applied (or was already undone).", es: "solo se pueden deshacer cambios ya aplicados, y ese no lo está (o ya se deshizo).", pt: "só dá para desfazer mudanças já aplicadas, e essa não está (ou já foi desfeita)." }[language];
    case "other": {
      const quoted = message.trim().replace(/\.$/, "");
      return { en: `${quoted}.`, es: `no cumple las reglas de precios de la tienda (detalle: «${quoted}»).`, pt: `não cumpre as regras de preço da loja (detalhe: «${quoted}»).` }[language];
    }
    default:
      return assertNever(rule, "rule message");
  }
}

/** A proposal warning in words: "cerca del precio mínimo ($420)"; an unrecognised one as written. */
export function ruleWarning(message: string, context: AnswerContext): string {
  const language = context.language;
  if (message.startsWith(TEAM_RULE_WARNING)) {
    const fact = message.slice(TEAM_RULE_WARNING.length);
    return { en: `the team asked me to keep in mind ${fact}`, es: `el equipo me pidió recordar ${fact}`, pt: `a equipe me pediu para lembrar ${fact}` }[language];
  }
  const rule = readRuleMessage(message, context);
  const price = "priceCents" in rule && rule.priceCents !== null ? ` (${money(rule.priceCents, context)})` : "";
  switch (rule.kind) {
    case "floor":
      return { en: `close to the price floor${price}`, es: `cerca del precio mínimo${price}`, pt: `perto do preço mínimo${price}` }[language];
    case "ceiling":
      return { en: `close to the price ceiling${price}`, es: `cerca del precio máximo${price}`, pt: `perto do preço máximo${price}` }[language];
    case "map":
      return { en: `close to the minimum advertised price, MAP${price}`, es: `cerca del precio mínimo anunciado, MAP${price}`, pt: `perto do preço mínimo anunciado, MAP${price}` }[language];
    case "daily_cap": {
      const cap = rule.capPoints === null ? "" : ` (${points(rule.capPoints, context)})`;
      return { en: `close to the daily change cap${cap}`, es: `cerca del tope de cambio diario${cap}`, pt: `perto do limite de mudança diária${cap}` }[language];
    }
    case "cool_down":
    case "pending":
    case "unchanged":
    case "not_undoable":
    case "other":
      return message;
    default:
      return assertNever(rule, "rule message");
  }
}

/** A refused propose_price_change or undo_price_change: the limit explained, or who may do it. */
export function proposalFailure(error: ToolError, kind: "change" | "undo", code: string | null, context: AnswerContext): ComposedPart {
  const language = context.language;
  const offered = composeToolError(error, context).suggestion;
  switch (error.code) {
    case "invalid_request": {
      const rule = readRuleMessage(error.message, context);
      const head = kind === "undo" ? { en: "I can't undo that change:", es: "No puedo deshacer ese cambio:", pt: "Não posso desfazer essa mudança:" }[language] : { en: "I can't propose that price:", es: "No puedo proponer ese precio:", pt: "Não posso propor esse preço:" }[language];
      const allowed = kind === "change" && "priceCents" in rule && rule.priceCents !== null ? money(rule.priceCents, context) : null;
      const instead = allowed === null ? null : { en: `Want me to propose ${allowed} instead?`, es: `¿Quieres que proponga ${allowed}?`, pt: `Quer que eu proponha ${allowed}?` }[language];
      return { text: `${head} ${reasonWords(rule, error.message, context)}`, suggestion: offered ?? instead };
    }
    case "forbidden": {
      const names = error.suggestions ?? [];
      const who = names.length === 0 ? { en: "An owner or admin can do it.", es: "Un dueño o administrador puede hacerlo.", pt: "Um dono ou administrador pode fazer isso." }[language] : { en: `${listInWords(names, language, "or")} can do it.`, es: `Puede hacerlo ${listInWords(names, language, "or")}.`, pt: `${listInWords(names, language, "or")} pode fazer isso.` }[language];
      return { text: `${{ en: "Your role can't propose or undo price changes.", es: "Tu rol no permite proponer ni deshacer cambios de precio.", pt: "Seu papel não permite propor nem desfazer mudanças de preço." }[language]} ${who}`, suggestion: null };
    }
    case "not_found": {
      const text =
        kind === "undo"
          ? code === null
            ? { en: "I couldn't find that price change.", es: "No encontré ese cambio de precio.", pt: "Não encontrei essa mudança de preço." }[language]
            : { en: `I couldn't find a price change with code ${code}.`, es: `No encontré un cambio de precio con el código ${code}.`, pt: `Não encontrei uma mudança de preço com o código ${code}.` }[language]
          : { en: "I couldn't find that product or suggestion.", es: "No encontré ese producto ni esa sugerencia.", pt: "Não encontrei esse produto nem essa sugestão." }[language];
      return { text, suggestion: offered };
    }
    case "ambiguous":
    case "no_data":
    case "needs_approval":
      return composeToolError(error, context);
    default:
      return assertNever(error.code, "tool error code");
  }
}
