/**
 * remember_fact: keeps a fact the person states ("we never discount the Classic line", "nuestro costo
 * del SKU 123 subió a 210") for the whole workspace, with who said it, where and when; the statement
 * is classified (a no-discount policy, a cost, a decision, a note) and linked to the catalog products,
 * campaigns, competitors or people it names (memory/facts). Stating it again stores nothing new.
 */
import { keepFact } from "../../memory/facts/remember-fact.ts";
import type { ToolFactory } from "../tool-contract.ts";
import { toolData } from "../tool-outcome.ts";
import type { rememberFactSchema } from "./contracts.ts";
import { factView } from "./fact-view.ts";
import type { RememberData } from "./memory-data.ts";

const TOOL = "remember_fact";

export const createRememberFactTool: ToolFactory<typeof rememberFactSchema, RememberData> = (deps) => async (args) => {
  const { db, workspace, clock, embedder, actor } = deps;
  const at = clock.now();
  const { fact, created } = await keepFact(db, embedder, { workspaceId: workspace.id, statement: args.statement, memberId: actor.memberId, channel: actor.channel, at, currency: workspace.currency });
  if (created) deps.logger.info("fact remembered", { workspace: workspace.slug, fact: fact.id, claim: fact.claim.kind });
  return toolData(TOOL, { fact: factView(fact, actor.memberId), created }, []);
};
