import type { Insertable, Selectable } from "kysely";
import type { CreatedAt, Id, Json, Timestamp, UpdatedAt } from "./columns.ts";

/** competitor_feed: a competitor-price JSON feed (connectors/competitors/feed-sync.ts). */
export const CONNECTOR_PROVIDERS = ["shopify", "stripe", "meta_ads", "google_ads", "ga4", "mercadolibre", "amazon", "csv", "competitor_feed"] as const;
export type ConnectorProvider = (typeof CONNECTOR_PROVIDERS)[number];
export const CONNECTOR_STATUSES = ["active", "paused", "error", "disconnected"] as const;
export type ConnectorStatus = (typeof CONNECTOR_STATUSES)[number];
export const SYNC_RUN_STATUSES = ["running", "succeeded", "failed"] as const;
export type SyncRunStatus = (typeof SYNC_RUN_STATUSES)[number];

export interface ConnectorsTable {
  id: Id;
  workspace_id: number;
  provider: ConnectorProvider;
  /** Distinguishes two accounts of one provider (a shop domain, an ad account id). */
  account: string;
  status: ConnectorStatus;
  /** AES-256-GCM sealed credentials ("v1.<iv>.<tag>.<ciphertext>", base64url parts); never plaintext. */
  credentials_encrypted: string | null;
  /** Provider-specific sync position (updated_at watermark, page cursor…). */
  cursor: Json<Record<string, unknown>> | null;
  last_sync_at: Timestamp | null;
  last_error: string | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface SyncRunsTable {
  id: Id;
  workspace_id: number;
  connector_id: number;
  status: SyncRunStatus;
  started_at: Timestamp;
  finished_at: Timestamp | null;
  rows_read: number;
  rows_written: number;
  error: string | null;
}

/** One CSV import; the file hash makes re-importing the same file a no-op. */
export interface ImportsTable {
  id: Id;
  workspace_id: number;
  format: string;
  file_name: string;
  file_sha256: string;
  rows: number;
  orders: number;
  options: Json<Record<string, unknown>>;
  created_at: CreatedAt;
}

export type Connector = Selectable<ConnectorsTable>;
export type NewConnector = Insertable<ConnectorsTable>;
export type SyncRun = Selectable<SyncRunsTable>;
export type ImportRecord = Selectable<ImportsTable>;
