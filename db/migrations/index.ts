import type { Migration, MigrationProvider } from "kysely";
import * as core from "./20261121110000_core.ts";
import * as connectors from "./20261121110100_connectors.ts";
import * as commerce from "./20261121110200_commerce.ts";
import * as saas from "./20261121110300_saas.ts";
import * as marketing from "./20261121110400_marketing.ts";
import * as operations from "./20261121110500_operations.ts";
import * as memory from "./20261121110600_memory.ts";
import * as foreignKeyIndexes from "./20261121120000_foreign_key_indexes.ts";
import * as metricRollups from "./20261122090000_metric_rollups.ts";
import * as rollupsAllCustomers from "./20261123090000_rollups_all_customers.ts";
import * as derivedResults from "./20261124090000_derived_results.ts";
import * as inventorySnapshotDates from "./20261124090200_inventory_snapshot_dates.ts";
import * as competitorPriceIndexes from "./20261124090300_competitor_price_indexes.ts";
import * as channels from "./20261125090000_channels.ts";
import * as pricing from "./20261126090000_pricing.ts";
import * as insights from "./20261127090000_insights.ts";
import * as competitorFeedConnectors from "./20261128090000_competitor_feed_connectors.ts";
import * as memoryFtsUnaccent from "./20261129090000_memory_fts_unaccent.ts";
import * as memorySources from "./20261129120000_memory_sources.ts";
import * as memoryFacts from "./20261130090000_memory_facts.ts";

/** Every migration, by its timestamped name. Kysely runs them in name order. */
export const migrations: Readonly<Record<string, Migration>> = {
  "20261121110000_core": core,
  "20261121110100_connectors": connectors,
  "20261121110200_commerce": commerce,
  "20261121110300_saas": saas,
  "20261121110400_marketing": marketing,
  "20261121110500_operations": operations,
  "20261121110600_memory": memory,
  "20261121120000_foreign_key_indexes": foreignKeyIndexes,
  "20261122090000_metric_rollups": metricRollups,
  "20261123090000_rollups_all_customers": rollupsAllCustomers,
  "20261124090000_derived_results": derivedResults,
  "20261124090200_inventory_snapshot_dates": inventorySnapshotDates,
  "20261124090300_competitor_price_indexes": competitorPriceIndexes,
  "20261125090000_channels": channels,
  "20261126090000_pricing": pricing,
  "20261127090000_insights": insights,
  "20261128090000_competitor_feed_connectors": competitorFeedConnectors,
  "20261129090000_memory_fts_unaccent": memoryFtsUnaccent,
  "20261129120000_memory_sources": memorySources,
  "20261130090000_memory_facts": memoryFacts,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: () => Promise.resolve({ ...migrations }),
};
