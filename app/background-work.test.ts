/**
 * Where approval expiry runs: with the proactive jobs (the server with JOBS_IN_SERVER=true, or
 * `npm run worker`). A server without the jobs leaves an undecided proposal alone; two workers on one
 * database expire it once and tell the requester once, on WhatsApp (a local fake Graph API), while a
 * proposal not yet due stays pending. The clock is pinned.
 */
import { randomBytes } from "node:crypto";
import { afterEach, beforeEach, expect, it } from "vitest";
import { linkIdentity } from "../db/repositories/members.ts";
import { fixedClock } from "../lib/clock.ts";
import { silentLogger } from "../lib/logger.ts";
import { describeDatabase } from "../test/database.ts";
import { startFakeChannels, type FakeChannels } from "../test/fake-channels.ts";
import { seedPendingProposals } from "../test/fixtures/pending-proposals.ts";
import { startBackgroundWork } from "./background-work.ts";
import { startWorker, type Worker } from "./worker.ts";

const NOW = new Date("2026-11-21T15:00:00Z");
const HOUR_MS = 3_600_000;
const ANA_PHONE = "+5215512345678";

describeDatabase("approval expiry in the background work", ({ db }) => {
  let fakes: FakeChannels;
  const workers: Worker[] = [];

  beforeEach(async () => {
    fakes = await startFakeChannels();
  });
  afterEach(async () => {
    await Promise.all(workers.splice(0).map((worker) => worker.close()));
    await fakes.close();
  });

  it("is left to the workers by a server without the jobs; two workers expire a due proposal once and tell the requester once", { timeout: 60_000 }, async () => {
    const { workspace, requester, statuses } = await seedPendingProposals(db(), [
      { code: "DUE1", expiresAt: new Date(NOW.getTime() - HOUR_MS) },
      { code: "LIVE", expiresAt: new Date(NOW.getTime() + HOUR_MS) },
    ]);
    // Ana wrote on WhatsApp an hour ago: a plain message reaches her there.
    await linkIdentity(db(), { workspaceId: workspace.id, memberId: requester.id, channel: "whatsapp", address: ANA_PHONE });
    await db().updateTable("channel_identities").set({ last_inbound_at: new Date(NOW.getTime() - HOUR_MS) }).where("member_id", "=", requester.id).execute();
    const config = fakes.config({ NOTIFICATIONS_PLAN_SECONDS: "3600" });
    const clock = fixedClock(NOW);
    const secretKey = randomBytes(32);

    // JOBS_IN_SERVER=false and no worker: nothing expires it.
    const server = await startBackgroundWork({ settings: config.channels, db: db(), clock, logger: silentLogger, senders: {}, secretKey, jobs: false });
    await server.close();
    expect(await statuses()).toEqual({ DUE1: "pending_approval", LIVE: "pending_approval" });

    for (let i = 0; i < 2; i++) workers.push(await startWorker({ config, db: db(), secretKey, clock, logger: silentLogger }));
    const news = () => db().selectFrom("outbox").select(["idempotency_key", "status"]).where("idempotency_key", "like", `news:${workspace.id}:%`).execute();
    // The ticks ran at start; their outbox row is what the test waits for (its timeout bounds the wait).
    while ((await news()).length === 0) await new Promise((resolve) => setTimeout(resolve, 20));
    for (const worker of workers) await worker.idle();
    await Promise.all(workers.splice(0).map((worker) => worker.close()));

    expect(await statuses()).toEqual({ DUE1: "expired", LIVE: "pending_approval" });
    expect(await news()).toEqual([{ idempotency_key: `news:${workspace.id}:DUE1:expired:${requester.id}`, status: "sent" }]);
    const toAna = fakes.graph.sent.filter((message) => message.body.to === ANA_PHONE.slice(1));
    expect(toAna).toHaveLength(1);
    expect(JSON.stringify(toAna[0]?.body)).toContain("DUE1 (Remera básica) venció sin decisión");
  });
});
