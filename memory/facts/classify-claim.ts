/**
 * What a remembered statement claims, read offline in English, Spanish and Portuguese (accents and
 * case folded), so pricing and the agents can act on it without a model:
 *
 * - no_discount: a negation shortly before a discount word in the same clause ("we never discount
 *   the Classic line", "no hacemos descuentos en la línea Classic", "nunca damos desconto na linha
 *   Classic", "don't put X on sale"), or "full price only";
 * - cost: a cost word and an amount ("our cost for SKU 123 went up to 210", "o custo do SKU 123
 *   subiu para R$ 210,50"), the amount read in the workspace's currency (cost-amount.ts);
 * - decision: "we decided / agreed", "let's", "from now on", "decidimos", "vamos a", "combinamos"…;
 * - note: anything else worth keeping.
 *
 * The most specific claim wins: "we decided never to discount Classic" is a no_discount.
 */
import { readCostAmount } from "./cost-amount.ts";
import type { FactClaim } from "./types.ts";

/** Tokens a negation may be followed by a discount word within. */
const NEGATION_REACH = 6;

const NEGATIONS = new Set(["never", "not", "cannot", "nunca", "jamas", "jamais", "nao", "sin", "sem", "nem", "ni", "stop", "stopped", "quit"]);
/** Words between a negation and a discount word that turn it into something else ("don't forget the discount"). */
const BREAKERS = new Set(["forget", "forgot", "olvides", "olvidar", "olvidemos", "esqueca", "esquecer", "esquecam", "miss", "only", "just", "solo", "so", "apenas", "sino", "but", "pero"]);
/**
 * Portuguese "no" is "in the" ("no sábado teremos desconto"), not a negation (that is "não"): a
 * statement with Portuguese words does not count it.
 */
const PORTUGUESE = new Set(["nao", "desconto", "descontos", "linha", "custo", "custos", "preco", "precos", "promocao", "promocoes", "liquidacao", "colecao", "tambem", "voce", "voces", "um", "uma", "em", "muito", "agora", "hoje", "amanha", "entao", "sao", "estao", "nosso", "nossa", "nossos", "nossas", "pra", "pro", "fazemos", "isso", "essa", "esse", "teremos"]);
const DISCOUNT_WORD = /^(?:discount\w*|markdowns?|descuentos?|descont\w*|desconto\w*|rebaj\w*|remarc\w*|promo|promos|promotions?|promocion\w*|promocao|promocoes|ofertas?|liquidac\w*|clearance)$/;
/** "sale" is a discount only as "on sale", "in a sale", "any sale"… ("sales were good" is not). */
const SALE_LEAD = new Set(["on", "in", "a", "any", "the", "no", "em", "en"]);
const FULL_PRICE = /\b(?:full price only|only (?:at )?full price|always (?:at )?full price|(?:siempre|solo) (?:a |al )?precio (?:completo|lleno|normal)|(?:sempre|so) (?:a |ao |no )?preco (?:cheio|normal|completo))\b/;

const COST_WORDS = new Set(["cost", "costs", "cogs", "costo", "costos", "coste", "costes", "custo", "custos", "cuesta", "cuestan", "custa", "custam", "pagamos"]);
const COST_PHRASE = /\b(?:we pay|we are paying|supplier charges|unit price from the supplier|nos cobra|nos cobran|precio de compra|preco de compra)\b/;

const DECISION = new RegExp(
  [
    // English (contractions expanded: "let's" → "let us", "we'll" → "we will")
    String.raw`\bwe (?:have )?(?:decided|agreed|chose|settled)\b`,
    String.raw`\b(?:decided|agreed) (?:to|that|on)\b`,
    String.raw`\blet us\b`,
    String.raw`\bwe (?:will|are going to|re going to)\b`,
    String.raw`\b(?:from now on|going forward|starting (?:today|tomorrow|monday|next))\b`,
    String.raw`\b(?:decision|the plan is)\b`,
    // Spanish
    String.raw`\b(?:decidimos|decidi|decidio|hemos decidido|acordamos|quedamos en|elegimos|queda decidido|vamos a)\b`,
    String.raw`\b(?:a partir de (?:ahora|hoy|manana)|de ahora en adelante|desde ahora|decision)\b`,
    // Portuguese
    String.raw`\b(?:resolvemos|combinamos|ficou decidido|ficou combinado|escolhemos|decidiu|decisao)\b`,
    String.raw`\bvamos [a-z]+(?:ar|er|ir)\b`,
    String.raw`\b(?:a partir de (?:agora|hoje|amanha)|daqui (?:pra|para) frente|de agora em diante)\b`,
  ].join("|"),
);

/** Lower case, accents dropped, English contractions spelled out, clauses split at punctuation. */
function clauses(statement: string): string[][] {
  const text = statement
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[’‘`]/g, "'")
    .replace(/\blet's\b/g, "let us")
    .replace(/n't\b/g, " not")
    .replace(/'ll\b/g, " will")
    .replace(/'re\b/g, " are")
    .replace(/'/g, "");
  return text.split(/[.;:!?,()\n]+|\s-\s/).map((clause) => clause.match(/[a-z0-9]+/g) ?? []);
}

function isDiscountAt(tokens: readonly string[], index: number): boolean {
  const token = tokens[index] ?? "";
  if (DISCOUNT_WORD.test(token)) return true;
  if ((token === "mark" || token === "marked" || token === "marking") && tokens[index + 1] === "down") return true;
  return (token === "sale" || token === "sales") && SALE_LEAD.has(tokens[index - 1] ?? "");
}

/** "dejamos de", "paramos de", "parar de": stopping is a negation of what follows. */
function isNegationAt(tokens: readonly string[], index: number, portuguese: boolean): boolean {
  const token = tokens[index] ?? "";
  if (token === "no") return !portuguese;
  if (NEGATIONS.has(token)) return true;
  return tokens[index + 1] === "de" && /^(?:dej|par)(?:ar|amos|a|e|en|em|ou|o)$/.test(token) && token !== "para";
}

function deniesDiscount(tokens: readonly string[], portuguese: boolean): boolean {
  for (let i = 0; i < tokens.length; i++) {
    if (!isNegationAt(tokens, i, portuguese)) continue;
    for (let j = i + 1; j < tokens.length && j <= i + NEGATION_REACH; j++) {
      if (BREAKERS.has(tokens[j] ?? "")) break;
      if (isDiscountAt(tokens, j)) return true;
    }
  }
  return false;
}

/** What the statement claims; currency is the workspace's (ISO 4217), the one a cost is in. */
export function classifyClaim(statement: string, currency: string): FactClaim {
  const parts = clauses(statement);
  const joined = ` ${parts.map((tokens) => tokens.join(" ")).join(" , ")} `;
  const portuguese = parts.some((tokens) => tokens.some((token) => PORTUGUESE.has(token)));
  if (parts.some((tokens) => deniesDiscount(tokens, portuguese)) || FULL_PRICE.test(joined)) return { kind: "no_discount" };
  if (parts.some((tokens) => tokens.some((token) => COST_WORDS.has(token))) || COST_PHRASE.test(joined)) {
    const costCents = readCostAmount(statement, currency);
    if (costCents !== null) return { kind: "cost", costCents, currency };
  }
  if (DECISION.test(joined)) return { kind: "decision" };
  return { kind: "note" };
}
