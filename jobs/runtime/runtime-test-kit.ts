/**
 * For the job runtime's tests only: a digest-like job whose behaviour each test scripts, a clock
 * tests move by hand, an idempotent side effect (an outbox row keyed by the job key, as a real
 * digest job writes), and a wait for a row to reach a status.
 */
import { z } from "zod";
import type { Db } from "../../db/database.ts";
import { findJobRun } from "../../db/repositories/job-runs.ts";
import { enqueueOutbox } from "../../db/repositories/outbox.ts";
import { createWorkspace } from "../../db/repositories/workspaces.ts";
import type { JobRun, JobRunStatus } from "../../db/schema/notifications.ts";
import type { Clock } from "../../lib/clock.ts";
import { defineJob, type JobContext, type JobDefinition } from "./job-definition.ts";

export const testPayloadSchema = z.object({ workspaceId: z.number().int().positive(), memberId: z.number().int().positive(), date: z.string() });
export type TestPayload = z.infer<typeof testPayloadSchema>;

export function testKey(payload: TestPayload): string {
  return `digest:${payload.memberId}:${payload.date}`;
}

export type TestBehaviour = (payload: TestPayload, ctx: JobContext) => Promise<Record<string, unknown>>;

/** A "digest" job: calls are recorded per key, then the behaviour runs. */
export function testJob(behaviour: TestBehaviour, options: { readonly attempts?: number; readonly backoffMs?: number; readonly queue?: string } = {}) {
  const calls: { key: string; attempt: number }[] = [];
  const definition: JobDefinition<TestPayload> = defineJob({
    queue: options.queue ?? "digest",
    payload: testPayloadSchema,
    keyOf: testKey,
    workspaceOf: (payload) => payload.workspaceId,
    attempts: options.attempts ?? 5,
    backoffMs: options.backoffMs ?? 1,
    async process(payload, ctx) {
      calls.push({ key: ctx.key, attempt: ctx.attempt });
      return behaviour(payload, ctx);
    },
  });
  return { definition, calls };
}

export interface ManualClock extends Clock {
  advance(ms: number): void;
}

export function manualClock(start: string): ManualClock {
  let ms = new Date(start).getTime();
  return {
    now: () => new Date(ms),
    advance(by) {
      ms += by;
    },
  };
}

export async function testWorkspace(db: Db): Promise<number> {
  return (await createWorkspace(db, { name: "Tienda", slug: "tienda", currency: "MXN", timezone: "America/Mexico_City", locale: "es" })).id;
}

/** The side effect of a digest: one outbox message per job key, however often the job runs. */
export async function sendDigestOnce(db: Db, workspaceId: number, key: string): Promise<boolean> {
  const { created } = await enqueueOutbox(db, {
    workspaceId,
    memberId: null,
    destination: { channel: "email", to: "ana@example.com" },
    message: { text: `digest ${key}` },
    kind: "proactive",
    idempotencyKey: key,
  });
  return created;
}

export async function digestsSent(db: Db, key: string): Promise<number> {
  const row = await db.selectFrom("outbox").select((eb) => eb.fn.countAll<number>().as("n")).where("idempotency_key", "=", key).executeTakeFirstOrThrow();
  return Number(row.n);
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Waits (polling) until the row reaches one of the statuses; the test's timeout bounds it. */
export async function untilStatus(db: Db, workspaceId: number, key: string, statuses: readonly JobRunStatus[]): Promise<JobRun> {
  for (;;) {
    const run = await findJobRun(db, workspaceId, key);
    if (run && statuses.includes(run.status)) return run;
    await sleep(10);
  }
}

/** A promise and its resolver, for a job that waits on the test. */
export function deferred<T = void>(): { readonly promise: Promise<T>; resolve(value: T): void } {
  let resolve: (value: T) => void = () => undefined;
  const promise = new Promise<T>((r) => {
    resolve = r;
  });
  return { promise, resolve: (value) => resolve(value) };
}
