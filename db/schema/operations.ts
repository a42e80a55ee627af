import type { ColumnType, Insertable, Selectable } from "kysely";
import type { CreatedAt, Id, Json, JsonWithDefault, Timestamp, UpdatedAt } from "./columns.ts";

/** One observation of a competitor's price; history is the rows over time. */
export interface CompetitorPricesTable {
  id: Id;
  workspace_id: number;
  product_id: number;
  variant_id: number | null;
  competitor: string;
  url: string | null;
  price_cents: number;
  currency: string;
  in_stock: boolean;
  observed_at: Timestamp;
}

export const PROPOSAL_STATUSES = [
  "proposed",
  "pending_approval",
  "approved",
  "rejected",
  "expired",
  "applying",
  "applied",
  "failed",
  "rolled_back",
] as const;
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number];

export const PROPOSAL_KINDS = ["change", "undo"] as const;
/** change: a new price; undo: back to the price an applied change replaced (undo_of_id names it). */
export type ProposalKind = (typeof PROPOSAL_KINDS)[number];

export interface PriceChangeProposalsTable {
  id: Id;
  workspace_id: number;
  /** The product of variant_id (cool-downs and answers read it without a join). */
  product_id: number | null;
  kind: ColumnType<ProposalKind, ProposalKind | undefined, ProposalKind>;
  /** For an undo: the applied proposal whose previous price it restores. */
  undo_of_id: number | null;
  currency: string | null;
  /** Where it was asked for: cli, web, slack, whatsapp, email. */
  requested_channel: string | null;
  /** The suggestion or request that produced it (competitor prices, margins, expected units…), for the approval message and audit. */
  details: JsonWithDefault<Record<string, unknown>>;
  /** Short code people reply with ("SI 4F2K"); unique per workspace. */
  code: string;
  variant_id: number;
  current_price_cents: number;
  proposed_price_cents: number;
  /** The rule that produced it and its explanation. */
  rule: string | null;
  explanation: string | null;
  status: ProposalStatus;
  requested_by_member_id: number | null;
  decided_by_member_id: number | null;
  decided_at: Timestamp | null;
  decision_channel: string | null;
  expires_at: Timestamp;
  applied_at: Timestamp | null;
  /** The store's price read just before applying, for undo. */
  previous_price_cents: number | null;
  idempotency_key: string;
  error: string | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface ConversationsTable {
  id: Id;
  workspace_id: number;
  member_id: number | null;
  channel: string;
  /** The channel's thread identity (Slack thread ts, WhatsApp phone, email token, CLI thread id). */
  thread_key: string;
  title: string | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface MessagesTable {
  id: Id;
  workspace_id: number;
  conversation_id: number;
  member_id: number | null;
  role: "user" | "assistant" | "tool" | "system";
  content: string;
  language: string | null;
  metadata: JsonWithDefault<Record<string, unknown>>;
  created_at: CreatedAt;
}

/** Vectors for recall. The embedding column is vector(384) with an HNSW cosine index. */
export interface MemoryEmbeddingsTable {
  id: Id;
  workspace_id: number;
  /** Set for member-private memories (DMs); null for workspace-wide ones. */
  member_id: number | null;
  kind: "message" | "fact" | "summary" | "tool_result";
  source_id: number | null;
  content: string;
  /** pgvector literal on write ('[0.1,0.2,…]' or number[] via pgvector.toSql), number[] on read. */
  embedding: string;
  embedding_model: string;
  created_at: CreatedAt;
}

export const INSIGHT_SEVERITIES = ["info", "warning", "critical"] as const;
export type InsightSeverity = (typeof INSIGHT_SEVERITIES)[number];
export const INSIGHT_STATUSES = ["open", "dismissed", "resolved"] as const;
export type InsightStatus = (typeof INSIGHT_STATUSES)[number];

/** Something worth telling: found by engines/insights, one row per ongoing problem. */
export interface InsightsTable {
  id: Id;
  workspace_id: number;
  /** engines/insights/types.ts InsightType. */
  type: string;
  severity: InsightSeverity;
  /** Same ongoing problem → same fingerprint → one insight, updated. */
  fingerprint: string;
  /** What it is about, e.g. "product:42", "metric:net_sales", "campaign:7" (feedback lowers similar ones). */
  subject: ColumnType<string, string | undefined, string>;
  /** English one-liners for logs and the CLI; channels render the evidence in the member's language. */
  title: string;
  summary: string;
  /** Estimated money at stake over the next 30 days (or the event's loss), in minor units. */
  impact_cents: number | null;
  /** 0–1: how sure the detector is. */
  confidence: ColumnType<number, number | undefined, number>;
  /** Ranking score (impact × confidence × severity), for the digest's top 3. */
  score: ColumnType<number, number | undefined, number>;
  /** The numbers, from the engines (typed per type in engines/insights/types.ts). */
  evidence: Json<Record<string, unknown>>;
  /** The recommended action: a question to ask in chat, or a proposal to make. */
  action: JsonWithDefault<Record<string, unknown>>;
  status: ColumnType<InsightStatus, InsightStatus | undefined, InsightStatus>;
  /** Days (detection runs) it was seen on. */
  occurrences: ColumnType<number, number | undefined, number>;
  first_seen_at: Timestamp;
  last_seen_at: Timestamp;
  updated_at: UpdatedAt;
}

export interface AuditLogTable {
  id: Id;
  workspace_id: number;
  actor_kind: "member" | "system" | "job";
  actor_id: string | null;
  action: string;
  subject_kind: string;
  subject_id: string | null;
  channel: string | null;
  details: JsonWithDefault<Record<string, unknown>>;
  created_at: CreatedAt;
}

/**
 * pending: due at next_attempt_at (a retry after a failure keeps last_error); sending: claimed by a
 * deliverer; sent: delivered (never sent again); held: waiting for the recipient to write again
 * (WhatsApp's 24-hour window with no template); dead: given up, listed by `bizos outbox failed`.
 */
export const OUTBOX_STATUSES = ["pending", "sending", "sent", "held", "dead"] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];
export const OUTBOX_KINDS = ["reply", "proactive"] as const;
export type OutboxKind = (typeof OUTBOX_KINDS)[number];

export interface OutboxTable {
  id: Id;
  /** Null only for a reply to an unknown sender, who belongs to no workspace. */
  workspace_id: number | null;
  /** slack, whatsapp or email. */
  channel: string;
  /** The channel address: Slack channel id or response_url, E.164 phone, email address. */
  recipient: string;
  /** The member it is for, when known (held WhatsApp messages are released when they write). */
  member_id: number | null;
  /** reply: answers a message the person just sent; proactive: the product speaks first (digests, alerts). */
  kind: ColumnType<OutboxKind, OutboxKind | undefined, OutboxKind>;
  /** The channel's outbound message (channels/outbound-message.ts), validated when read. */
  payload: Json<Record<string, unknown>>;
  /** A delivered key is never sent twice. */
  idempotency_key: string;
  status: ColumnType<OutboxStatus, OutboxStatus | undefined, OutboxStatus>;
  attempts: ColumnType<number, number | undefined, number>;
  next_attempt_at: ColumnType<Date, Date | string | undefined, Date | string>;
  last_error: string | null;
  provider_message_id: string | null;
  sent_at: Timestamp | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

/** One row per provider event id, so a retried delivery of the same event is handled once. */
export interface InboundEventsTable {
  channel: string;
  event_id: string;
  received_at: CreatedAt;
}

export const PRICING_RULE_SCOPES = ["workspace", "category", "product"] as const;
export type PricingRuleScope = (typeof PRICING_RULE_SCOPES)[number];

/** A workspace's pricing rules, or an override of some of them for one category or product. */
export interface PricingRulesTable {
  id: Id;
  workspace_id: number;
  scope: PricingRuleScope;
  /** '' for the workspace, the category name, or the product id as text. */
  scope_value: ColumnType<string, string | undefined, string>;
  /** Only the settings this scope sets (engines/pricing/rules.ts parses them). */
  settings: JsonWithDefault<Record<string, unknown>>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export type PriceChangeProposal = Selectable<PriceChangeProposalsTable>;
export type NewPriceChangeProposal = Insertable<PriceChangeProposalsTable>;
export type PricingRule = Selectable<PricingRulesTable>;
export type AuditEntry = Selectable<AuditLogTable>;
export type OutboxMessage = Selectable<OutboxTable>;
export type Insight = Selectable<InsightsTable>;
export type NewInsight = Insertable<InsightsTable>;

/**
 * Entity memory: a statement a member made that the agents keep using ("we never discount the
 * Classic line"), with its claim and subjects (memory/facts/types.ts FactClaim and FactSubject[],
 * zod-parsed when read). Its vector is a memory_embeddings row of kind 'fact' with source_id = id.
 */
export interface MemoryFactsTable {
  id: Id;
  workspace_id: number;
  /** As said. */
  statement: string;
  /** { kind: "no_discount" | "cost" (costCents, currency) | "decision" | "note" }. */
  claim: Json<unknown>;
  /** What it is about: [{ kind, key, label, productIds }]. */
  subjects: JsonWithDefault<unknown>;
  /** Who said it; null when said by hand without a member, or the member was removed. */
  said_by_member_id: number | null;
  /** Where it was said: slack, whatsapp, email, web, cli. */
  channel: string;
  /** The message it was said in, when known. */
  source_message_id: number | null;
  /** When it was said. */
  created_at: CreatedAt;
}
