/** Routing: the agent (or the supervisor itself) that answered the turn. */
import type { TurnResult } from "../../agents/turn-types.ts";
import type { ExpectedAgent } from "../case-schema.ts";
import { fail, pass, type Score } from "./types.ts";

export function scoreRouting(expected: ExpectedAgent, result: Pick<TurnResult, "agent">): Score {
  return result.agent === expected ? pass : fail(`agent ${result.agent}, expected ${expected}`);
}
