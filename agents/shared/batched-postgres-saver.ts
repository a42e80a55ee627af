/**
 * The LangGraph PostgreSQL checkpointer, with each write in one statement.
 *
 * Why: the stock PostgresSaver.put runs BEGIN, one INSERT per channel blob (about a dozen channels in
 * the supervisor graph), one INSERT into checkpoints and COMMIT; putWrites runs BEGIN, one INSERT per
 * write, COMMIT. That was nearly every database round trip of a conversation turn (~17). Here put is a
 * single statement (a data-modifying CTE inserts the blobs from unnest()ed arrays, the main INSERT
 * upserts the checkpoint) and putWrites is a single INSERT … SELECT FROM unnest(). One statement is
 * atomic, so no BEGIN/COMMIT either. Stored rows and conflict handling are the parent's: blobs
 * ON CONFLICT DO NOTHING, checkpoints upserted, writes upserted only when every write's channel is a
 * special one (WRITES_IDX_MAP), else inserted ON CONFLICT DO NOTHING. Reads, setup() and deleteThread()
 * are inherited unchanged.
 *
 * Array parameters go through node-pg's array-literal encoding, which is the same on PostgreSQL and on
 * the PGlite pool adapter (it hands node-pg's wire messages to PGlite). Null elements (a channel of type
 * "empty" has no blob) encode as NULL; bytea elements are passed as Buffers (node-pg writes those as
 * \x hex; older node-pg versions did not recognise a plain Uint8Array inside an array).
 */
import {
  WRITES_IDX_MAP,
  type ChannelVersions,
  type Checkpoint,
  type CheckpointMetadata,
  type PendingWrite,
  type SerializerProtocol,
} from "@langchain/langgraph-checkpoint"; // the copy PostgresSaver itself uses (deduped in the lock file)
import type { RunnableConfig } from "@langchain/core/runnables";
import { PostgresSaver } from "@langchain/langgraph-checkpoint-postgres";
import type pg from "pg";

type SaverOptions = ConstructorParameters<typeof PostgresSaver>[2];
type Configurable = { thread_id: string; checkpoint_ns?: string; checkpoint_id?: string };

function toBuffer(bytes: Uint8Array | undefined): Buffer | null {
  if (!bytes) return null;
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

export class BatchedPostgresSaver extends PostgresSaver {
  // The parent's pool, options and SQL_STATEMENTS are private in its types: keep our own pool reference
  // and re-derive the table names the way its getTablesWithSchema does ("schema".table, default public).
  private readonly batchedPool: pg.Pool;
  private readonly putSql: string;
  private readonly upsertWritesSql: string;
  private readonly insertWritesSql: string;

  constructor(pool: pg.Pool, serde?: SerializerProtocol, options?: SaverOptions) {
    super(pool, serde, options);
    this.batchedPool = pool;
    const schema = `"${options?.schema ?? "public"}"`;
    this.putSql = `WITH blobs AS (
  INSERT INTO ${schema}.checkpoint_blobs (thread_id, checkpoint_ns, channel, version, type, blob)
  SELECT $1::text, $2::text, x.channel, x.version, x.type, x.blob
  FROM unnest($7::text[], $8::text[], $9::text[], $10::bytea[]) AS x(channel, version, type, blob)
  ON CONFLICT (thread_id, checkpoint_ns, channel, version) DO NOTHING
)
INSERT INTO ${schema}.checkpoints (thread_id, checkpoint_ns, checkpoint_id, parent_checkpoint_id, checkpoint, metadata)
VALUES ($1::text, $2::text, $3::text, $4::text, $5::jsonb, $6::jsonb)
ON CONFLICT (thread_id, checkpoint_ns, checkpoint_id)
DO UPDATE SET checkpoint = EXCLUDED.checkpoint, metadata = EXCLUDED.metadata`;
    const insertWrites = `INSERT INTO ${schema}.checkpoint_writes (thread_id, checkpoint_ns, checkpoint_id, task_id, idx, channel, type, blob)
SELECT $1::text, $2::text, $3::text, $4::text, x.idx, x.channel, x.type, x.blob
FROM unnest($5::integer[], $6::text[], $7::text[], $8::bytea[]) AS x(idx, channel, type, blob)
ON CONFLICT (thread_id, checkpoint_ns, checkpoint_id, task_id, idx)`;
    this.upsertWritesSql = `${insertWrites} DO UPDATE SET channel = EXCLUDED.channel, type = EXCLUDED.type, blob = EXCLUDED.blob`;
    this.insertWritesSql = `${insertWrites} DO NOTHING`;
  }

  /**
   * One statement on a client of the pool, released without the error as the parent does. Not pool.query:
   * on a failed query it releases the client with the error, pg-pool ends it, and on PGlite the next client
   * reuses that same (now ended) connection object, so every later query fails ("Connection terminated").
   */
  private async run(text: string, values: unknown[]): Promise<void> {
    const client = await this.batchedPool.connect();
    try {
      await client.query(text, values);
    } finally {
      client.release();
    }
  }

  override async put(config: RunnableConfig, checkpoint: Checkpoint, metadata: CheckpointMetadata, newVersions: ChannelVersions): Promise<RunnableConfig> {
    if (config.configurable === undefined) throw new Error(`Missing "configurable" field in "config" param`);
    const { thread_id, checkpoint_ns = "", checkpoint_id } = config.configurable as Configurable;
    const [blobs, serializedMetadata] = await Promise.all([
      this._dumpBlobs(thread_id, checkpoint_ns, checkpoint.channel_values, newVersions),
      this._dumpMetadata(metadata) as Promise<unknown>,
    ]);
    await this.run(this.putSql, [
      thread_id,
      checkpoint_ns,
      checkpoint.id,
      checkpoint_id,
      this._dumpCheckpoint(checkpoint),
      serializedMetadata,
      blobs.map((row) => row[2]),
      blobs.map((row) => row[3]),
      blobs.map((row) => row[4]),
      blobs.map((row) => toBuffer(row[5])),
    ]);
    return { configurable: { thread_id, checkpoint_ns, checkpoint_id: checkpoint.id } };
  }

  override async putWrites(config: RunnableConfig, writes: PendingWrite[], taskId: string): Promise<void> {
    if (writes.length === 0) return;
    const upsert = writes.every((write) => write[0] in WRITES_IDX_MAP);
    // As the parent: no default for checkpoint_ns here (LangGraph always sets it on a checkpoint's config).
    const { thread_id, checkpoint_ns, checkpoint_id } = (config.configurable ?? {}) as Configurable;
    const dumped = await this._dumpWrites(thread_id, checkpoint_ns as string, checkpoint_id as string, taskId, writes);
    // The parent ran one statement per write, so a repeated idx (two writes to one special channel) meant
    // the last one wins when upserting and the first when inserting. One statement cannot touch a row twice
    // (ON CONFLICT DO UPDATE refuses to): keep the row the sequence would have left.
    const byIdx = new Map<number, (typeof dumped)[number]>();
    for (const row of dumped) if (upsert || !byIdx.has(row[4])) byIdx.set(row[4], row);
    const rows = [...byIdx.values()];
    await this.run(upsert ? this.upsertWritesSql : this.insertWritesSql, [
      thread_id,
      checkpoint_ns,
      checkpoint_id,
      taskId,
      rows.map((row) => row[4]),
      rows.map((row) => row[5]),
      rows.map((row) => row[6]),
      rows.map((row) => toBuffer(row[7])),
    ]);
  }
}
