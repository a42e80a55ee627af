/**
 * What the memory tools return (the data of their outcomes), for the model and the answer composers:
 * recalled memories with who said them, where and when; a fact kept or forgotten with its sayer.
 */
import type { FactClaim } from "../../memory/facts/types.ts";
import type { Speaker } from "../../memory/memory-origins.ts";
import type { MemoryKind } from "../../memory/recall-candidates.ts";

export interface RecalledMemory {
  readonly kind: MemoryKind;
  readonly text: string;
  /** member: a person said it; assistant: our answer; tool: a tool result's summary. */
  readonly speaker: Speaker;
  /** The member's name, when a member said it (or stated the fact). */
  readonly speakerName: string | null;
  /** True when the asker said it themselves ("you asked…"). */
  readonly byAsker: boolean;
  /** slack, whatsapp, email, web, cli; null when unknown. */
  readonly channel: string | null;
  /** When it was said (ISO instant). */
  readonly at: string;
  /** True for the asker's private memory (their DM); false for the workspace's shared ones. */
  readonly private: boolean;
  /** Catalog products, campaigns, competitors or people it names. */
  readonly subjects: readonly { readonly kind: string; readonly label: string }[];
}

export interface RecallData {
  readonly query: string;
  /** The window searched (local dates, end exclusive), when the question named one. */
  readonly range: { readonly start: string; readonly end: string; readonly label: string } | null;
  /** The kind of thing the person referred to by kind ("the product we talked about"), if any. */
  readonly subject?: "product" | "campaign" | "competitor" | null;
  readonly memories: readonly RecalledMemory[];
}

/** A fact as the tools show it. */
export interface FactView {
  readonly id: number;
  readonly statement: string;
  readonly claim: FactClaim;
  /** What it is about; `products`: how many catalog products it covers. */
  readonly subjects: readonly { readonly kind: string; readonly label: string; readonly products?: number }[];
  readonly saidBy: string | null;
  /** True when the asker stated it. */
  readonly byAsker: boolean;
  readonly channel: string;
  readonly at: string;
}

export interface RememberData {
  readonly fact: FactView;
  /** False when the same person had already stated it: nothing new was stored. */
  readonly created: boolean;
}

export interface ForgetData {
  readonly forgotten: FactView;
}
