/**
 * Tool choice and arguments. The call scored is the first call of the expected tool in the turn (a
 * turn may also call others, e.g. marketing reading store metrics); none expected means no calls.
 */
import type { WorkspaceCalendar } from "../../engines/metrics/time/index.ts";
import type { TurnResult, TurnToolCall } from "../../agents/turn-types.ts";
import type { Expectation } from "../case-schema.ts";
import { isToolName } from "../tool-schemas.ts";
import { argsMismatch } from "./args.ts";
import { fail, pass, skip, type Score } from "./types.ts";

function callsText(calls: readonly TurnToolCall[]): string {
  return calls.length === 0 ? "no tool" : calls.map((call) => call.name).join(", ");
}

export function expectedCall(expect: Expectation, result: Pick<TurnResult, "toolCalls">): TurnToolCall | undefined {
  return typeof expect.tool === "string" ? result.toolCalls.find((call) => call.name === expect.tool) : undefined;
}

export function scoreTool(expect: Expectation, result: Pick<TurnResult, "toolCalls">): Score {
  if (expect.tool === undefined) return skip("no tool expectation");
  if (expect.tool === null) return result.toolCalls.length === 0 ? pass : fail(`called ${callsText(result.toolCalls)}, expected no tool`);
  return expectedCall(expect, result) ? pass : fail(`called ${callsText(result.toolCalls)}, expected ${expect.tool}`);
}

export function scoreArgs(expect: Expectation, result: Pick<TurnResult, "toolCalls">, calendar: WorkspaceCalendar, now: Date): Score {
  const tool = expect.tool;
  if (typeof tool !== "string" || !isToolName(tool) || expect.args === undefined) return skip("no argument expectation");
  const call = expectedCall(expect, result);
  if (!call) return fail(`no ${tool} call`);
  const problem = argsMismatch(tool, expect.args, call.args, { calendar, now });
  return problem === null ? pass : fail(problem);
}
