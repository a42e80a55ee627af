import { lineFacts, orderFacts } from "../facts/commerce-sources.ts";
import { adFacts, webFacts } from "../facts/daily-sources.ts";
import type { FactName } from "../facts/measures.ts";
import { mrrFacts } from "../facts/mrr-source.ts";
import type { FactSource } from "../facts/types.ts";

/** The source of every fact. */
export const FACT_SOURCES: Readonly<Record<FactName, FactSource>> = {
  orders: orderFacts,
  lines: lineFacts,
  ads: adFacts,
  web: webFacts,
  mrr: mrrFacts,
};
