import type { SecretBox } from "../../lib/secret-box.ts";
import type { DbOrTrx } from "../database.ts";
import type { Connector, ConnectorProvider } from "../schema/connectors.ts";

/** Credentials are JSON objects (tokens, shop domain, api keys); only their sealed form is stored. */
export type Credentials = Readonly<Record<string, string>>;

function associatedData(workspaceId: number, provider: string, account: string): string {
  return `connector:${workspaceId}:${provider}:${account}`;
}

export interface SaveConnectorInput {
  readonly workspaceId: number;
  readonly provider: ConnectorProvider;
  readonly account?: string;
  readonly credentials: Credentials;
}

/** Creates or updates a connector, sealing its credentials with AES-256-GCM. */
export async function saveConnector(db: DbOrTrx, box: SecretBox, input: SaveConnectorInput): Promise<Connector> {
  const account = input.account ?? "default";
  const sealed = box.seal(JSON.stringify(input.credentials), associatedData(input.workspaceId, input.provider, account));
  return db
    .insertInto("connectors")
    .values({ workspace_id: input.workspaceId, provider: input.provider, account, credentials_encrypted: sealed, status: "active" })
    .onConflict((oc) =>
      oc.columns(["workspace_id", "provider", "account"]).doUpdateSet({ credentials_encrypted: sealed, status: "active", updated_at: new Date() }),
    )
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function listConnectors(db: DbOrTrx, workspaceId: number): Promise<Connector[]> {
  return db.selectFrom("connectors").selectAll().where("workspace_id", "=", workspaceId).orderBy("id").execute();
}

/** The decrypted credentials of one of the workspace's connectors, or undefined when it has none. */
export async function readConnectorCredentials(
  db: DbOrTrx,
  box: SecretBox,
  workspaceId: number,
  connectorId: number,
): Promise<Credentials | undefined> {
  const row = await db
    .selectFrom("connectors")
    .select(["provider", "account", "credentials_encrypted"])
    .where("workspace_id", "=", workspaceId)
    .where("id", "=", connectorId)
    .executeTakeFirst();
  if (!row?.credentials_encrypted) return undefined;
  const parsed: unknown = JSON.parse(box.open(row.credentials_encrypted, associatedData(workspaceId, row.provider, row.account)));
  if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) throw new Error("connector credentials are not an object");
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(parsed)) if (typeof value === "string") out[key] = value;
  return out;
}
