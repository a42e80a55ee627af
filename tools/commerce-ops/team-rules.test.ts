/**
 * Facts the team asked to keep steer the pricing tools, on the demo store: once "nunca hacemos
 * descuentos en la línea Jeans" is kept, price suggestions no longer lower any product of the line
 * (they are listed as held back by a team rule, increases stay), and a cut a person asks for on one
 * is still proposed (people decide) with the fact quoted as a warning. Forgetting the fact brings the
 * suggestions back.
 */
import { expect, it } from "vitest";
import { findWorkspaceBySlug } from "../../db/repositories/workspaces.ts";
import { seedDemo } from "../../demo/index.ts";
import { OWNER_ACCESS } from "../../engines/access/roles.ts";
import { listOnlyApprovalSink } from "../../engines/approvals/approval-requests.ts";
import { fixedClock } from "../../lib/clock.ts";
import { silentLogger } from "../../lib/logger.ts";
import { LexicalEmbedder } from "../../memory/embeddings/lexical-embedder.ts";
import { forgetFact } from "../../memory/facts/forget-fact.ts";
import { rememberFact } from "../../memory/facts/remember-fact.ts";
import { describeDatabase } from "../../test/database.ts";
import type { ToolDeps } from "../tool-contract.ts";
import type { ToolOutcome } from "../tool-outcome.ts";
import { proposePriceChangeSchema, priceSuggestionsSchema } from "./pricing-contracts.ts";
import { createPriceSuggestionsTool } from "./price-suggestions.ts";
import { createProposePriceChangeTool } from "./propose-price-change.ts";

const END = "2026-11-21";
const NOW = new Date(`${END}T18:00:00Z`);
const isJeans = (title: string) => /\bjeans\b/i.test(title);

function data<T>(outcome: ToolOutcome<T>): T {
  if (!outcome.ok) throw new Error(`tool failed: ${JSON.stringify(outcome.error)}`);
  return outcome.data;
}

describeDatabase("pricing tools and the team's facts", ({ db }) => {
  it("hold back cuts on a line the team never discounts, and warn on one a person asks for", { timeout: 240_000 }, async () => {
    await seedDemo(db(), { orders: 2000, seed: 7, end: END });
    const workspace = (await findWorkspaceBySlug(db(), "demo"))!;
    const embedder = new LexicalEmbedder();
    const deps: ToolDeps = { db: db(), workspace, access: OWNER_ACCESS, actor: { memberId: null, channel: "cli" }, approvals: listOnlyApprovalSink(db()), clock: fixedClock(NOW), logger: silentLogger, embedder };
    const suggest = createPriceSuggestionsTool(deps);
    const all = priceSuggestionsSchema.parse({ top: 50 });

    const before = data(await suggest(all));
    const cuts = before.suggestions.filter((s) => s.direction === "down" && isJeans(s.title));
    expect(cuts.length).toBeGreaterThan(0);

    const fact = await rememberFact(db(), embedder, { workspaceId: workspace.id, statement: "nunca hacemos descuentos en la línea Jeans", memberId: null, channel: "cli", at: NOW, currency: workspace.currency });
    expect(fact.claim).toEqual({ kind: "no_discount" });

    const after = data(await suggest(all));
    expect(after.suggestions.filter((s) => s.direction === "down" && isJeans(s.title))).toEqual([]);
    expect(after.suggestions.map((s) => s.rank)).toEqual(after.suggestions.map((_, index) => index + 1));
    const held = after.skipped.filter((item) => item.reason === "team_rule").map((item) => item.title);
    expect(held).toEqual(expect.arrayContaining([cuts[0]!.title]));
    // Raising a price of the line is not a discount: those suggestions stay.
    const raises = before.suggestions.filter((s) => s.direction === "up" && isJeans(s.title)).map((s) => s.code);
    expect(after.suggestions.filter((s) => s.direction === "up" && isJeans(s.title)).map((s) => s.code)).toEqual(raises);

    const cut = cuts[0]!;
    const proposed = data(await createProposePriceChangeTool(deps)(proposePriceChangeSchema.parse({ product: cut.sku ?? cut.title, priceCents: cut.suggestedPriceCents })));
    expect(proposed.proposal.proposedPriceCents).toBe(cut.suggestedPriceCents);
    expect(proposed.warnings).toEqual(["Team rule: “nunca hacemos descuentos en la línea Jeans” (2026-11-21)"]);

    await forgetFact(db(), workspace.id, fact.id);
    const again = data(await suggest(all));
    expect(again.skipped.filter((item) => item.reason === "team_rule")).toEqual([]);
  });
});
