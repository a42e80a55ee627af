/**
 * One eval case: a question (after optional earlier turns of the same thread) asked of a workspace at
 * an instant, and what a good turn does: who answers, which tool it calls with which key arguments,
 * whether the answer must carry the tool's key values, and what kind of reply it is.
 */
import { z } from "zod";
import { LANGUAGES } from "../agents/shared/language.ts";
import { AGENTS } from "../tools/tool-names.ts";
import { agentHasTool, isToolName, parseToolArgs } from "./tool-schemas.ts";

export const KINDS = ["answer", "clarify", "refuse"] as const;
export type Kind = (typeof KINDS)[number];

export const EXPECTED_AGENTS = [...AGENTS, "supervisor"] as const;
export type ExpectedAgent = (typeof EXPECTED_AGENTS)[number];

const isoInstant = z.string().refine((text) => /^\d{4}-\d{2}-\d{2}T/.test(text) && !Number.isNaN(Date.parse(text)), "must be an ISO instant like 2026-11-21T15:00:00Z");

export const expectationSchema = z
  .object({
    agent: z.enum(EXPECTED_AGENTS),
    /** The tool the turn must call; null: it must call none; absent: not scored. */
    tool: z.string().refine(isToolName, "is not a tool name (tools/tool-names.ts)").nullable().optional(),
    /** Key arguments of that call (a subset; ranges compared after resolving). */
    args: z.record(z.string(), z.unknown()).optional(),
    /** The answer must contain the key values of the expected call's result. */
    values: z.boolean().default(false),
    kind: z.enum(KINDS),
  })
  .strict()
  .superRefine((expect, ctx) => {
    const tool = expect.tool;
    if (typeof tool === "string" && isToolName(tool)) {
      if (expect.agent === "supervisor") ctx.addIssue({ code: "custom", path: ["agent"], message: `the supervisor calls no tools, but tool is ${tool}` });
      else if (!agentHasTool(expect.agent, tool)) ctx.addIssue({ code: "custom", path: ["tool"], message: `${expect.agent} does not have ${tool}` });
      // The tool's own question ("which SKU?") makes a tool turn a clarification; a tool turn never refuses.
      if (expect.kind === "refuse") ctx.addIssue({ code: "custom", path: ["kind"], message: "a tool case answers (or clarifies when the tool asks back)" });
      if (expect.args !== undefined) {
        const parsed = parseToolArgs(tool, expect.args);
        if (!parsed.ok) ctx.addIssue({ code: "custom", path: ["args"], message: `invalid for ${tool}: ${parsed.message}` });
      }
    } else {
      if (expect.args !== undefined) ctx.addIssue({ code: "custom", path: ["args"], message: "args need a tool" });
      if (expect.values) ctx.addIssue({ code: "custom", path: ["values"], message: "values need a tool" });
    }
  });
export type Expectation = z.output<typeof expectationSchema>;

export const evalCaseSchema = z
  .object({
    id: z.string().regex(/^(en|es|pt)-\d{3}$/, "use the form <language>-<3 digits>, e.g. es-042"),
    language: z.enum(LANGUAGES),
    /** Workspace slug; the run's default (demo) when absent. */
    workspace: z.string().min(1).optional(),
    /** The turn's now; the run's default when absent. */
    now: isoInstant.optional(),
    /** Earlier messages of the same thread, asked first, oldest first. */
    turns: z.array(z.string().min(1)).default([]),
    question: z.string().min(1),
    expect: expectationSchema,
    /** Free labels for slicing the report (kpi, comparison, follow_up…). */
    tags: z.array(z.string().min(1)).default([]),
  })
  .strict()
  .refine((c) => c.id.startsWith(`${c.language}-`), { message: "the id must start with the case's language", path: ["id"] });

export type EvalCase = z.output<typeof evalCaseSchema>;
