/** Helpers for the understanding tests: run a case, and check tool args against the tool's schema. */
import type { Language } from "../../../shared/language.ts";
import type { WorkspaceContext } from "../../../shared/workspace-context.ts";
import { TOOL_SCHEMAS } from "./build-args.ts";
import { CLOTHING_STORE } from "./fixtures.ts";
import { understand } from "./index.ts";
import type { PreviousCall, Understanding } from "./types.ts";

export interface CaseOptions {
  readonly previous?: readonly PreviousCall[];
  readonly threadLanguage?: Language | null;
  readonly context?: WorkspaceContext;
}

export function run(text: string, options: CaseOptions = {}): Understanding {
  return understand({ text, context: options.context ?? CLOTHING_STORE, previous: options.previous ?? [], threadLanguage: options.threadLanguage ?? null });
}

/** Parses a tool intent's args with the tool's own schema; returns the issues (empty when valid). */
export function schemaIssues(understanding: Understanding): string[] {
  const intent = understanding.intent;
  if (intent.kind !== "tool") return [];
  const parsed = TOOL_SCHEMAS[intent.tool].safeParse(intent.args);
  return parsed.success ? [] : parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
}

export interface Expected {
  readonly lang?: Language;
  readonly kind: Understanding["intent"]["kind"];
  readonly tool?: string;
  readonly agent?: string;
  readonly args?: Readonly<Record<string, unknown>>;
  readonly followUp?: boolean;
  readonly what?: string;
  readonly subject?: string | null;
  readonly reason?: string;
  readonly options?: readonly string[];
}

/** What of an understanding the expectation talks about, shaped like the expectation, for one toMatchObject. */
export function summarize(understanding: Understanding): Record<string, unknown> {
  const intent = understanding.intent;
  const base = { lang: understanding.language, kind: intent.kind };
  switch (intent.kind) {
    case "tool":
      return { ...base, tool: intent.tool, agent: intent.agent, args: intent.args, followUp: intent.followUp };
    case "change_request":
      return { ...base, what: intent.what, subject: intent.subject };
    case "clarify":
      return { ...base, reason: intent.reason, options: intent.options };
    case "greeting":
    case "thanks":
    case "help":
    case "out_of_scope":
      return base;
  }
}
