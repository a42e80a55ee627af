/**
 * forget_memory: forgets a kept fact for good (its row and its vectors: memory/facts/forget-fact.ts).
 * "forget that" (no `about`) is the asker's newest fact; "forget what I said about the Classic line"
 * is the one fact that matches, and several matches are listed back (typed `ambiguous`) so the person
 * can say which. Members forget their own facts; owners and admins may forget anyone's.
 */
import { forgetFact } from "../../memory/facts/forget-fact.ts";
import { factsMentioning, lastFactBy } from "../../memory/facts/fact-queries.ts";
import type { Fact } from "../../memory/facts/types.ts";
import type { ToolDeps, ToolFactory } from "../tool-contract.ts";
import { toolData, toolError } from "../tool-outcome.ts";
import type { forgetMemorySchema } from "./contracts.ts";
import { factView } from "./fact-view.ts";
import type { ForgetData } from "./memory-data.ts";

const TOOL = "forget_memory";
/** Facts listed back when several match. */
const CANDIDATES = 5;

function mayForget(deps: ToolDeps, fact: Fact): boolean {
  switch (deps.access.role) {
    case "owner":
    case "admin":
      return true;
    case "analyst":
    case "viewer":
      return deps.actor.memberId !== null && fact.saidBy.memberId === deps.actor.memberId;
  }
}

export const createForgetMemoryTool: ToolFactory<typeof forgetMemorySchema, ForgetData> = (deps) => async (args) => {
  const { db, workspace, actor } = deps;
  let target: Fact | null;
  if (args.about === null || args.about === "") {
    target = await lastFactBy(db, workspace.id, actor.memberId);
    if (target === null) return toolError(TOOL, "not_found", "This person has not asked to keep any fact; nothing to forget.");
  } else {
    const matches = await factsMentioning(db, workspace.id, args.about, CANDIDATES);
    if (matches.length === 0) return toolError(TOOL, "not_found", `No kept fact matches "${args.about}".`);
    if (matches.length > 1) return toolError(TOOL, "ambiguous", `${matches.length} kept facts match "${args.about}"; which one?`, matches.map((fact) => fact.statement));
    target = matches[0] ?? null;
    if (target === null) return toolError(TOOL, "not_found", `No kept fact matches "${args.about}".`);
  }
  if (!mayForget(deps, target)) return toolError(TOOL, "forbidden", `Only its author (${target.saidBy.name ?? "another member"}), an owner or an admin can forget this fact.`);
  const forgotten = await forgetFact(db, workspace.id, target.id);
  if (forgotten === null) return toolError(TOOL, "not_found", "That fact was already forgotten.");
  deps.logger.info("fact forgotten", { workspace: workspace.slug, fact: forgotten.id, by: actor.memberId });
  return toolData(TOOL, { forgotten: factView(forgotten, actor.memberId) }, []);
};
