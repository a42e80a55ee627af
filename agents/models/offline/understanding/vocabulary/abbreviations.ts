/**
 * Everyday shorthand owners type ("avg order value", "rev", "qty") and contracted time words
 * ("desse mês", "nesta semana"), each replaced by one word the vocabulary already knows.
 */

/** Abbreviation → the word it stands for (folded). */
export const ABBREVIATIONS: ReadonlyMap<string, string> = new Map([
  ["avg", "average"],
  ["prom", "promedio"],
  ["rev", "revenue"],
  ["revs", "revenue"],
  ["conv", "conversion"],
  ["convs", "conversions"],
  ["qty", "units"],
  ["cust", "customers"],
  ["custs", "customers"],
  ["ords", "orders"],
  ["txns", "transactions"],
  ["imps", "impressions"],
  ["impr", "impressions"],
  ["mkt", "marketing"],
  ["mktg", "marketing"],
  ["vc", "voce"],
  ["vcs", "voces"],
  ["blz", "beleza"],
  ["tb", "tambem"],
  ["tbm", "tambem"],
]);

/** Portuguese/Spanish contractions of a preposition and a demonstrative, before time words. */
export const TIME_CONTRACTIONS: ReadonlyMap<string, string> = new Map([
  ["desse", "esse"],
  ["dessa", "essa"],
  ["deste", "este"],
  ["desta", "esta"],
  ["nesse", "esse"],
  ["nessa", "essa"],
  ["neste", "este"],
  ["nesta", "esta"],
]);
