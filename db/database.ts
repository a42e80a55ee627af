import type { Kysely, Transaction } from "kysely";
import type { ChannelIdentitiesTable, MembersTable, WorkspacesTable } from "./schema/core.ts";
import type { ConnectorsTable, ImportsTable, SyncRunsTable } from "./schema/connectors.ts";
import type {
  CustomersTable,
  InventorySnapshotsTable,
  OrderItemsTable,
  OrdersTable,
  ProductsTable,
  RefundsTable,
  VariantsTable,
} from "./schema/commerce.ts";
import type { InvoicesTable, PlansTable, SaasCustomersTable, SubscriptionMrrChangesTable, SubscriptionsTable } from "./schema/saas.ts";
import type { AdCampaignsTable, AdSpendDailyTable, WebSessionsDailyTable } from "./schema/marketing.ts";
import type {
  AuditLogTable,
  CompetitorPricesTable,
  ConversationsTable,
  InsightsTable,
  MemoryEmbeddingsTable,
  MemoryFactsTable,
  MessagesTable,
  InboundEventsTable,
  OutboxTable,
  PriceChangeProposalsTable,
  PricingRulesTable,
} from "./schema/operations.ts";
import type {
  RollupLinesCategoryDailyTable,
  RollupLinesDailyTable,
  RollupLinesProductAllDailyTable,
  RollupLinesProductDailyTable,
  RollupLinesVariantAllDailyTable,
  RollupOrdersChannelDailyTable,
  RollupOrdersDailyTable,
  RollupOrdersGeoAllDailyTable,
  RollupOrdersTotalDailyTable,
} from "./schema/rollups.ts";
import type { InsightFeedbackTable, InsightNotificationsTable, JobRunsTable, MemberPreferencesTable } from "./schema/notifications.ts";
import type { DerivedGenerationsTable, DerivedResultsTable } from "./schema/derived.ts";

/** Every table the product reads or writes. All but workspaces carry workspace_id. */
export interface Database {
  workspaces: WorkspacesTable;
  members: MembersTable;
  channel_identities: ChannelIdentitiesTable;
  connectors: ConnectorsTable;
  sync_runs: SyncRunsTable;
  imports: ImportsTable;
  customers: CustomersTable;
  products: ProductsTable;
  variants: VariantsTable;
  orders: OrdersTable;
  order_items: OrderItemsTable;
  refunds: RefundsTable;
  inventory_snapshots: InventorySnapshotsTable;
  plans: PlansTable;
  saas_customers: SaasCustomersTable;
  subscriptions: SubscriptionsTable;
  subscription_mrr_changes: SubscriptionMrrChangesTable;
  invoices: InvoicesTable;
  ad_campaigns: AdCampaignsTable;
  ad_spend_daily: AdSpendDailyTable;
  web_sessions_daily: WebSessionsDailyTable;
  competitor_prices: CompetitorPricesTable;
  price_change_proposals: PriceChangeProposalsTable;
  pricing_rules: PricingRulesTable;
  conversations: ConversationsTable;
  messages: MessagesTable;
  memory_embeddings: MemoryEmbeddingsTable;
  memory_facts: MemoryFactsTable;
  insights: InsightsTable;
  insight_feedback: InsightFeedbackTable;
  insight_notifications: InsightNotificationsTable;
  member_preferences: MemberPreferencesTable;
  job_runs: JobRunsTable;
  audit_log: AuditLogTable;
  outbox: OutboxTable;
  inbound_events: InboundEventsTable;
  rollup_orders_daily: RollupOrdersDailyTable;
  rollup_lines_daily: RollupLinesDailyTable;
  rollup_orders_channel_daily: RollupOrdersChannelDailyTable;
  rollup_orders_total_daily: RollupOrdersTotalDailyTable;
  rollup_lines_product_daily: RollupLinesProductDailyTable;
  rollup_lines_category_daily: RollupLinesCategoryDailyTable;
  rollup_lines_variant_all_daily: RollupLinesVariantAllDailyTable;
  rollup_lines_product_all_daily: RollupLinesProductAllDailyTable;
  rollup_orders_geo_all_daily: RollupOrdersGeoAllDailyTable;
  derived_results: DerivedResultsTable;
  derived_generations: DerivedGenerationsTable;
}

export type TableName = keyof Database;
/** Tables scoped by workspace_id: everything but the tenant table itself. */
export type TenantTableName = Exclude<TableName, "workspaces">;

export type Db = Kysely<Database>;
/** Repository functions take either the database or an open transaction first. */
export type DbOrTrx = Kysely<Database> | Transaction<Database>;

/** Runs fn in a transaction: a new one on the database, or the one already open. */
export async function inTransaction<T>(db: DbOrTrx, fn: (trx: DbOrTrx) => Promise<T>): Promise<T> {
  return db.isTransaction ? fn(db) : db.transaction().execute(fn);
}
