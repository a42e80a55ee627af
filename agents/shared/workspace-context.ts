/**
 * What the models know about the workspace they talk about: identity, calendar, currency, "now", and
 * the names in its data (products, categories, campaigns…) so that "la remera básica" or "the summer
 * campaign" can be matched. The supervisor puts it in the system prompt as a JSON block: real models
 * read it as text, the offline model parses it back (readWorkspaceContext).
 */
import type { Language } from "./language.ts";

export interface LexiconProduct {
  readonly id: number;
  readonly title: string;
  readonly category: string | null;
  /** SKUs of its variants. */
  readonly skus: readonly string[];
}

export interface LexiconCampaign {
  readonly id: number;
  readonly name: string;
  readonly platform: string;
}

export interface WorkspaceLexicon {
  readonly products: readonly LexiconProduct[];
  readonly categories: readonly string[];
  readonly campaigns: readonly LexiconCampaign[];
  /** Ad platforms with data: meta, google, tiktok… */
  readonly platforms: readonly string[];
  /** Order source channels: online_store, instagram, mercadolibre… */
  readonly channels: readonly string[];
  readonly competitors: readonly string[];
  readonly countries: readonly string[];
  /** States/regions with orders. */
  readonly states: readonly string[];
  readonly cities: readonly string[];
  /** Custom order attributes: key → known values. */
  readonly attributes: Readonly<Record<string, readonly string[]>>;
  /** Which data the workspace has, so questions about missing data get a clear answer. */
  readonly has: { readonly orders: boolean; readonly subscriptions: boolean; readonly ads: boolean; readonly web: boolean; readonly inventory: boolean; readonly competitors: boolean };
}

/** A fact the team asked the assistant to keep ("we never discount the Classic line"), with who said it and when. */
export interface KeptFact {
  readonly statement: string;
  readonly saidBy: string | null;
  /** ISO instant. */
  readonly at: string;
  /** The names it answers to: product titles, line names, SKUs, campaign and competitor names, topics. */
  readonly about: readonly string[];
}

export interface WorkspaceContext {
  readonly workspace: {
    readonly id: number;
    readonly slug: string;
    readonly name: string;
    readonly currency: string;
    readonly timeZone: string;
    readonly locale: Language;
    readonly weekStart: "monday" | "sunday";
  };
  /** The turn's "now" (ISO instant): pinned in tests and evals. */
  readonly now: string;
  readonly lexicon: WorkspaceLexicon;
  /** The newest facts the team asked to keep (memory/facts); the agents respect them and cite them. Absent: none loaded. */
  readonly facts?: readonly KeptFact[];
}
