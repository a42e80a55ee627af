import { AIMessage, HumanMessage, type BaseMessage } from "@langchain/core/messages";
import { Command, END, interrupt, MessagesAnnotation, START, StateGraph } from "@langchain/langgraph";
import {
  ERROR,
  INTERRUPT,
  uuid6,
  type BaseCheckpointSaver,
  type Checkpoint,
  type CheckpointMetadata,
  type CheckpointTuple,
} from "@langchain/langgraph-checkpoint";
import { PostgresSaver } from "@langchain/langgraph-checkpoint-postgres";
import type pg from "pg";
import { expect, it } from "vitest";
import { describeDatabase } from "../../test/database.ts";
import { BatchedPostgresSaver } from "./batched-postgres-saver.ts";

const SCHEMA = "checkpoints_batched_test";

async function savers(pool: pg.Pool) {
  const stock = new PostgresSaver(pool, undefined, { schema: SCHEMA });
  const batched = new BatchedPostgresSaver(pool, undefined, { schema: SCHEMA });
  await batched.setup();
  await stock.setup();
  return { stock, batched };
}

const ids = [uuid6(-1), uuid6(-1), uuid6(-1)] as const;
const message = (id: string, text: string, ai = false): BaseMessage => (ai ? new AIMessage({ id, content: text }) : new HumanMessage({ id, content: text }));

function checkpoint(id: string, values: Record<string, unknown>, versions: Record<string, number>): Checkpoint {
  return { v: 4, id, ts: "2026-11-24T10:00:00.000Z", channel_values: values, channel_versions: versions, versions_seen: { router: { __start__: 1 } } };
}

const metadata = (step: number, extra: Record<string, unknown> = {}): CheckpointMetadata => ({ source: step < 0 ? "input" : "loop", step, parents: {}, ...extra });

/** The same history of puts and writes, on one thread of one saver. */
async function writeHistory(saver: BaseCheckpointSaver, thread: string): Promise<void> {
  const base = { configurable: { thread_id: thread, checkpoint_ns: "" } };
  // First checkpoint: a channel with a null value, and __start__ versioned but absent from the values ("empty", NULL blob).
  const first = await saver.put(
    base,
    checkpoint(ids[0], { messages: [message("h1", "hola")], agent: null, hops: 0 }, { __start__: 1, messages: 1, agent: 1, hops: 1 }),
    metadata(-1, { writes: { __start__: { text: "hola" } } }),
    { __start__: 1, messages: 1, agent: 1, hops: 1 },
  );
  // Ordinary writes (INSERT … DO NOTHING): written twice, the first stays.
  await saver.putWrites(first, [["messages", [message("a1", "¡hola!", true)]], ["agent", "analytics"]], "task-1");
  await saver.putWrites(first, [["messages", [message("a2", "ignored", true)]], ["agent", "ignored"]], "task-1");
  // Special channels only (UPSERT): the second replaces the first; a repeated idx keeps the last.
  await saver.putWrites(first, [[ERROR, { message: "first failure" }]], "task-2");
  await saver.putWrites(first, [[ERROR, { message: "second failure" }]], "task-2");
  await saver.putWrites(first, [[INTERRUPT, [{ value: "a" }]], [INTERRUPT, [{ value: "b" }]]], "task-3");
  // A special channel among ordinary ones takes the INSERT path, with its own idx.
  await saver.putWrites(first, [["hops", 1], [ERROR, { message: "mixed" }]], "task-4");
  await saver.putWrites(first, [], "task-5");

  // Second checkpoint, child of the first, new versions for two channels only.
  const secondValues = { messages: [message("h1", "hola"), message("a1", "¡hola!", true)], agent: "analytics", hops: 1 };
  const secondVersions = { __start__: 1, messages: 2, agent: 2, hops: 1 };
  const second = await saver.put(first, checkpoint(ids[1], secondValues, secondVersions), metadata(0), { messages: 2, agent: 2 });
  // Put again under the same id: checkpoint and metadata are replaced, already stored blobs are kept.
  await saver.put(first, checkpoint(ids[1], { ...secondValues, hops: 2 }, { ...secondVersions, hops: 2 }), metadata(0, { note: "redone" }), { hops: 2 });
  await saver.putWrites(second, [["messages", [message("h2", "¿y ayer?")]]], "task-6");
  // Third one in another namespace (a subgraph).
  await saver.put({ configurable: { thread_id: thread, checkpoint_ns: "agent:1" } }, checkpoint(ids[2], { messages: [] }, { messages: 1 }), metadata(1), { messages: 1 });
}

/** A tuple with the thread id taken out, to compare two threads. */
function anonymous(tuple: CheckpointTuple | undefined, thread: string): unknown {
  return JSON.parse(JSON.stringify(tuple ?? null).replaceAll(thread, "THREAD")) as unknown;
}

async function listed(saver: BaseCheckpointSaver, thread: string, options?: Parameters<BaseCheckpointSaver["list"]>[1], ns?: string) {
  const out: unknown[] = [];
  const configurable = ns === undefined ? { thread_id: thread } : { thread_id: thread, checkpoint_ns: ns };
  for await (const tuple of saver.list({ configurable }, options)) out.push(anonymous(tuple, thread));
  return out;
}

async function storedRows(pool: pg.Pool, thread: string) {
  const read = async (table: string, order: string) =>
    (await pool.query(`select * from "${SCHEMA}".${table} where thread_id = $1 order by ${order}`, [thread])).rows.map((row: Record<string, unknown>): Record<string, unknown> => ({ ...row, thread_id: "THREAD" }));
  return {
    checkpoints: await read("checkpoints", "checkpoint_ns, checkpoint_id"),
    blobs: await read("checkpoint_blobs", "checkpoint_ns, channel, version"),
    writes: await read("checkpoint_writes", "checkpoint_ns, checkpoint_id, task_id, idx"),
  };
}

/** Counts the statements run on the pool's clients from now on (pool.query goes through them too). */
function countStatements(pool: pg.Pool): string[] {
  const statements: string[] = [];
  const counted = new WeakSet<pg.PoolClient>();
  pool.on("acquire", (client) => {
    if (counted.has(client)) return;
    counted.add(client);
    const query = client.query.bind(client) as (...args: unknown[]) => unknown;
    client.query = ((...args: unknown[]) => {
      statements.push(typeof args[0] === "string" ? args[0] : String((args[0] as { text?: string }).text));
      return query(...args);
    }) as typeof client.query;
  });
  return statements;
}

describeDatabase("batched postgres checkpointer", ({ handle }) => {
  it("stores the same rows and reads back the same tuples as the stock PostgresSaver", async () => {
    const pool = handle().pool;
    const { stock, batched } = await savers(pool);
    await writeHistory(stock, "stock-thread");
    await writeHistory(batched, "batched-thread");

    const stockRows = await storedRows(pool, "stock-thread");
    const batchedRows = await storedRows(pool, "batched-thread");
    expect(batchedRows).toEqual(stockRows);
    expect(batchedRows.checkpoints).toHaveLength(3);
    expect(batchedRows.blobs.find((row) => row.channel === "__start__")).toMatchObject({ type: "empty", blob: null });
    expect(batchedRows.blobs.filter((row) => row.channel === "hops").map((row) => row.version)).toEqual(["1", "2"]);
    expect(batchedRows.writes.map((row) => [row.task_id, row.idx, row.channel])).toEqual([
      ["task-1", 0, "messages"],
      ["task-1", 1, "agent"],
      ["task-2", -1, ERROR],
      ["task-3", -3, INTERRUPT],
      ["task-4", -1, ERROR],
      ["task-4", 0, "hops"],
      ["task-6", 0, "messages"],
    ]);

    for (const [saver, thread] of [[stock, "stock-thread"], [batched, "batched-thread"]] as const) {
      const latest = await saver.getTuple({ configurable: { thread_id: thread, checkpoint_ns: "" } });
      expect(latest?.checkpoint.id).toBe(ids[1]);
      expect(latest?.checkpoint.channel_values).toEqual({ messages: expect.any(Array) as unknown, agent: "analytics", hops: 2 });
      expect(latest?.metadata).toMatchObject({ note: "redone" });
      expect(latest?.parentConfig?.configurable?.checkpoint_id).toBe(ids[0]);
      const first = await saver.getTuple({ configurable: { thread_id: thread, checkpoint_ns: "", checkpoint_id: ids[0] } });
      expect(first?.checkpoint.channel_values).toEqual({ messages: [expect.any(HumanMessage) as unknown], agent: null, hops: 0 });
      expect(first?.parentConfig).toBeUndefined();
      expect(first?.pendingWrites?.map(([task, channel, value]) => [task, channel, channel === "messages" ? "…" : value])).toEqual([
        ["task-1", "messages", "…"],
        ["task-1", "agent", "analytics"],
        ["task-2", ERROR, { message: "second failure" }],
        ["task-3", INTERRUPT, [{ value: "b" }]],
        ["task-4", ERROR, { message: "mixed" }],
        ["task-4", "hops", 1],
      ]);
    }

    const same = async (read: (saver: BaseCheckpointSaver, thread: string) => Promise<unknown>) =>
      expect(await read(batched, "batched-thread")).toEqual(await read(stock, "stock-thread"));
    await same(async (saver, thread) => anonymous(await saver.getTuple({ configurable: { thread_id: thread, checkpoint_ns: "" } }), thread));
    await same(async (saver, thread) => anonymous(await saver.getTuple({ configurable: { thread_id: thread, checkpoint_ns: "", checkpoint_id: ids[0] } }), thread));
    await same(async (saver, thread) => anonymous(await saver.getTuple({ configurable: { thread_id: thread, checkpoint_ns: "agent:1" } }), thread));
    await same((saver, thread) => listed(saver, thread));
    await same((saver, thread) => listed(saver, thread, { filter: { source: "loop" } }, ""));
    await same((saver, thread) => listed(saver, thread, { limit: 1, before: { configurable: { checkpoint_id: ids[1] } } }, ""));
    expect(await listed(batched, "batched-thread")).toHaveLength(3);
  });

  it("writes a checkpoint in one statement: all of it or nothing", async () => {
    const pool = handle().pool;
    const { stock, batched } = await savers(pool);
    const statements = countStatements(pool);
    const write = async (saver: BaseCheckpointSaver, thread: string) => {
      const config = await saver.put(
        { configurable: { thread_id: thread, checkpoint_ns: "" } },
        checkpoint(ids[0], { messages: [message("h1", "hola")], agent: "x" }, { __start__: 1, messages: 1, agent: 1 }),
        metadata(-1),
        { __start__: 1, messages: 1, agent: 1 },
      );
      await saver.putWrites(config, [["messages", [message("a1", "hi", true)]], ["agent", "y"], ["hops", 1]], "task");
      return config;
    };
    await write(stock, "s");
    expect(statements.splice(0)).toHaveLength(6 + 5); // BEGIN, 3 blobs, checkpoint, COMMIT; BEGIN, 3 writes, COMMIT
    const config = await write(batched, "t");
    expect(statements.splice(0)).toHaveLength(2);

    // jsonb refuses \u0000: the checkpoint row fails after its blobs were prepared, and none of them stay.
    const broken = checkpoint(ids[1], { messages: [message("h2", "again")] }, { messages: 2 });
    await expect(batched.put(config, { ...broken, versions_seen: { "bad\u0000key": {} } }, metadata(0), { messages: 2 })).rejects.toThrow(/unicode/i);
    const blobs = await pool.query(`select version from "${SCHEMA}".checkpoint_blobs where thread_id = 't' and channel = 'messages'`);
    expect(blobs.rows).toEqual([{ version: "1" }]);
  });

  it("keeps a conversation across invokes of a compiled graph", async () => {
    const { batched, stock } = await savers(handle().pool);
    let replies = 0;
    const graph = new StateGraph(MessagesAnnotation)
      .addNode("reply", (state) => ({ messages: [new AIMessage({ id: `reply-${++replies}`, content: `heard ${state.messages.length}` })] }))
      .addEdge(START, "reply")
      .addEdge("reply", END)
      .compile({ checkpointer: batched });

    for (const durability of ["exit", "async"] as const) {
      const config = { configurable: { thread_id: `chat-${durability}` }, durability };
      await graph.invoke({ messages: [new HumanMessage({ id: `${durability}-1`, content: "hola" })] }, config);
      const second = await graph.invoke({ messages: [new HumanMessage({ id: `${durability}-2`, content: "¿y ayer?" })] }, config);
      expect(second.messages.map((m) => m.content)).toEqual(["hola", "heard 1", "¿y ayer?", "heard 3"]);
      // What the batched saver wrote, the stock one reads.
      const tuple = await stock.getTuple({ configurable: { thread_id: `chat-${durability}`, checkpoint_ns: "" } });
      expect((tuple?.checkpoint.channel_values.messages as BaseMessage[]).map((m) => m.content)).toHaveLength(4);
    }
  });

  it("resumes an interrupted graph (interrupt and resume writes)", async () => {
    const { batched } = await savers(handle().pool);
    const graph = new StateGraph(MessagesAnnotation)
      .addNode("approve", () => {
        const answer = interrupt<string, string>("apply the price change?");
        return { messages: [new AIMessage({ id: "done", content: `answer: ${answer}` })] };
      })
      .addEdge(START, "approve")
      .addEdge("approve", END)
      .compile({ checkpointer: batched });
    const config = { configurable: { thread_id: "approval" } };
    await graph.invoke({ messages: [new HumanMessage({ id: "q", content: "sube el precio" })] }, config);
    expect((await graph.getState(config)).tasks[0]?.interrupts[0]?.value).toBe("apply the price change?");
    const resumed = await graph.invoke(new Command({ resume: "yes" }), config);
    expect(resumed.messages.map((m) => m.content)).toEqual(["sube el precio", "answer: yes"]);
  });
});
