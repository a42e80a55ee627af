/**
 * The approval-expiry tick on both job runners — in process, and BullMQ on the real Redis (a key
 * prefix per test, removed afterwards) — on both dialects: with two workers a due proposal is
 * expired once and announced once, and one not yet due stays pending. The clock is pinned.
 */
import { afterEach, expect, it } from "vitest";
import { expireProposal } from "../../engines/approvals/decide.ts";
import type { ProposalView } from "../../db/repositories/price-proposals.ts";
import { fixedClock } from "../../lib/clock.ts";
import { silentLogger } from "../../lib/logger.ts";
import { describeDatabase } from "../../test/database.ts";
import { seedPendingProposals } from "../../test/fixtures/pending-proposals.ts";
import { createBullmqRunner } from "../runtime/bullmq-runner.ts";
import { createInProcessRunner } from "../runtime/in-process-runner.ts";
import type { JobRunner } from "../runtime/job-runner.ts";
import { expireDueProposals, registerApprovalExpiry } from "./expire-proposals.ts";
import { useTestRedis } from "../../test/test-redis.ts";

const NOW = new Date("2026-11-21T15:00:00Z");
const HOUR_MS = 3_600_000;
const testRedis = useTestRedis("expiry");
const redisUrl = testRedis.url;

describeDatabase("approval expiry", ({ db }) => {
  const deps = () => ({ db: db(), clock: fixedClock(NOW), logger: silentLogger });
  const open: JobRunner[] = [];
  afterEach(async () => {
    await Promise.all(open.splice(0).map((runner) => runner.close()));
  });

  /** One proposal an hour past its time, one due in an hour; and what was announced, in order. */
  async function setUp() {
    const seeded = await seedPendingProposals(db(), [
      { code: "DUE1", expiresAt: new Date(NOW.getTime() - HOUR_MS) },
      { code: "LIVE", expiresAt: new Date(NOW.getTime() + HOUR_MS) },
    ]);
    const announced: string[] = [];
    const announce = (proposal: ProposalView) => {
      announced.push(proposal.code);
      return Promise.resolve();
    };
    const audited = async () => (await db().selectFrom("audit_log").select("subject_id").where("action", "=", "expired").execute()).map((row) => row.subject_id);
    return { ...seeded, announced, announce, audited };
  }

  it("two in-process workers tick at once: the due proposal is expired and announced once; the one not yet due stays pending", async () => {
    const { workspace, announced, announce, statuses, audited } = await setUp();
    const workers = [createInProcessRunner({ deps: deps() }), createInProcessRunner({ deps: deps() })];
    for (const worker of workers) {
      open.push(worker);
      // The first tick comes at start; the next not within this test.
      registerApprovalExpiry(worker, deps(), announce, { everyMs: HOUR_MS });
    }
    await Promise.all(workers.map((worker) => worker.start()));
    // close() waits for the ticks in flight.
    await Promise.all(open.splice(0).map((worker) => worker.close()));
    expect(await statuses()).toEqual({ DUE1: "expired", LIVE: "pending_approval" });
    expect(announced).toEqual(["DUE1"]);
    expect(await audited()).toEqual(["DUE1"]);

    // A worker that had found it due as well (its list read before the other's update) changes nothing.
    const due = await db().selectFrom("price_change_proposals").select("id").where("code", "=", "DUE1").executeTakeFirstOrThrow();
    expect(await expireProposal(db(), workspace.id, due.id, NOW)).toBeUndefined();
    // And the next tick has nothing left to do.
    expect(await expireDueProposals(deps(), announce)).toEqual({ expired: 0 });
    expect(announced).toEqual(["DUE1"]);
    expect(await audited()).toEqual(["DUE1"]);
  });

  it("on BullMQ, two workers share one tick: the due proposal is expired and announced once; the one not yet due stays pending", async () => {
    const { announced, announce, statuses, audited } = await setUp();
    const prefix = testRedis.prefix();
    const workers = [createBullmqRunner({ deps: deps(), connection: redisUrl, prefix }), createBullmqRunner({ deps: deps(), connection: redisUrl, prefix })];
    for (const worker of workers) {
      open.push(worker);
      registerApprovalExpiry(worker, deps(), announce, { everyMs: HOUR_MS });
    }
    await Promise.all(workers.map((worker) => worker.start()));
    // The scheduler's first tick runs on one of them; the test's timeout bounds the wait.
    while (announced.length === 0) await new Promise((resolve) => setTimeout(resolve, 20));
    await Promise.all(open.splice(0).map((worker) => worker.close()));
    expect(await statuses()).toEqual({ DUE1: "expired", LIVE: "pending_approval" });
    expect(announced).toEqual(["DUE1"]);
    expect(await audited()).toEqual(["DUE1"]);
  });
});
