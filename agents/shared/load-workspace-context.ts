/**
 * Builds the workspace context the models read, from the workspace row and its lexicon. The lexicon
 * is cached per workspace for a short while: it changes only when data arrives, and reading it on
 * every turn would cost more than the turn. The facts the team asked to keep are read every turn.
 */
import type { DbOrTrx } from "../../db/database.ts";
import { loadLexiconRows, type LexiconRows } from "../../db/repositories/lexicon.ts";
import type { Workspace } from "../../db/schema/core.ts";
import { listFacts } from "../../memory/facts/fact-queries.ts";
import { factNames } from "../../memory/facts/fact-names.ts";
import type { WorkspaceContext, WorkspaceLexicon } from "./workspace-context.ts";

export const LEXICON_TTL_MS = 5 * 60_000;
/** Kept facts the models are shown, newest first (read every turn: a fact said a minute ago counts). */
export const CONTEXT_FACTS = 20;

function lexiconOf(rows: LexiconRows): WorkspaceLexicon {
  const categories = [...new Set(rows.products.map((product) => product.category).filter((category): category is string => category !== null && category !== ""))].sort();
  const platforms = [...new Set(rows.campaigns.map((campaign) => campaign.platform))].sort();
  return { ...rows, categories, platforms };
}

function weekStartOf(workspace: Workspace): "monday" | "sunday" {
  // Saturday-start weeks are rare; the models are told monday or sunday and the engine uses the real setting.
  return workspace.week_start === "sunday" ? "sunday" : "monday";
}

export interface WorkspaceContextLoader {
  load(db: DbOrTrx, workspace: Workspace, now: Date): Promise<WorkspaceContext>;
  /** Forget a workspace's cached lexicon (after an import or a sync). */
  invalidate(workspaceId: number): void;
}

export function createWorkspaceContextLoader(options: { ttlMs?: number; monotonicNow?: () => number } = {}): WorkspaceContextLoader {
  const ttlMs = options.ttlMs ?? LEXICON_TTL_MS;
  const monotonicNow = options.monotonicNow ?? (() => performance.now());
  const cache = new Map<number, { lexicon: WorkspaceLexicon; loadedAtMs: number }>();
  return {
    async load(db, workspace, now) {
      const cached = cache.get(workspace.id);
      let lexicon = cached && monotonicNow() - cached.loadedAtMs < ttlMs ? cached.lexicon : null;
      if (!lexicon) {
        lexicon = lexiconOf(await loadLexiconRows(db, workspace.id));
        cache.set(workspace.id, { lexicon, loadedAtMs: monotonicNow() });
      }
      const facts = await listFacts(db, workspace.id, { limit: CONTEXT_FACTS });
      return {
        facts: facts.map((fact) => ({ statement: fact.statement, saidBy: fact.saidBy.name, at: fact.createdAt.toISOString(), about: factNames(fact) })),
        workspace: { id: workspace.id, slug: workspace.slug, name: workspace.name, currency: workspace.currency, timeZone: workspace.timezone, locale: workspace.locale, weekStart: weekStartOf(workspace) },
        now: now.toISOString(),
        lexicon,
      };
    },
    invalidate(workspaceId) {
      cache.delete(workspaceId);
    },
  };
}
