import { expect, it } from "vitest";
import { z } from "zod";
import { describeDatabase } from "../../test/database.ts";
import type { Db } from "../database.ts";
import { createMember, linkIdentity } from "./members.ts";
import {
  claimOutbox,
  enqueueOutbox,
  findByProviderMessageId,
  findOutboxRecipient,
  listDead,
  listDue,
  listOutbox,
  markDead,
  markHeld,
  markRetry,
  markSent,
  reapStuckSending,
  readOutbox,
  releaseHeld,
  retryDead,
  STUCK_SENDING_ERROR,
  type NewOutboxMessage,
} from "./outbox.ts";
import { createWorkspace } from "./workspaces.ts";

const T0 = new Date("2026-11-25T10:00:00Z");
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);

// The db layer cannot import channels/, so the test reads payloads with a schema of its own.
const payloadSchema = z.object({ destination: z.object({ channel: z.string(), to: z.string() }), message: z.object({ text: z.string() }) });

async function setup(db: Db) {
  const workspace = await createWorkspace(db, { name: "Tienda", slug: "tienda", currency: "MXN", timezone: "America/Mexico_City", locale: "es" });
  const ana = await createMember(db, { workspaceId: workspace.id, name: "Ana", role: "owner", language: "pt" });
  const beto = await createMember(db, { workspaceId: workspace.id, name: "Beto", role: "viewer", language: "es" });
  const other = await createWorkspace(db, { name: "Loja", slug: "loja", currency: "BRL", timezone: "America/Sao_Paulo", locale: "pt" });
  return { workspace, ana, beto, other };
}

function whatsapp(workspaceId: number | null, memberId: number | null, key: string, to = "+5215512345678"): NewOutboxMessage {
  return {
    workspaceId,
    memberId,
    destination: { channel: "whatsapp", to },
    message: { text: `hola ${key}` },
    kind: "reply",
    idempotencyKey: key,
    notBefore: T0,
  };
}

describeDatabase("outbox repository", ({ db }) => {
  it("enqueues once per idempotency key, keeps the destination's address as recipient, and reads the payload back", async () => {
    const { workspace, ana } = await setup(db());
    const first = await enqueueOutbox(db(), whatsapp(workspace.id, ana.id, "k1"));
    const again = await enqueueOutbox(db(), { ...whatsapp(workspace.id, ana.id, "k1"), message: { text: "something else" } });
    expect(first.created).toBe(true);
    expect(again).toEqual({ id: first.id, created: false });

    const slackThread = await enqueueOutbox(db(), {
      ...whatsapp(workspace.id, ana.id, "k2"),
      destination: { channel: "slack", channelId: "D024BE91L", threadTs: "1700000000.000100", responseUrl: null },
    });
    const slackCommand = await enqueueOutbox(db(), {
      ...whatsapp(workspace.id, ana.id, "k3"),
      destination: { channel: "slack", channelId: "C1", threadTs: null, responseUrl: "https://hooks.slack.com/commands/T1/2/abc" },
    });
    const email = await enqueueOutbox(db(), { ...whatsapp(null, null, "k4"), destination: { channel: "email", to: "ana@example.com" }, kind: "proactive" });
    const rows = await listOutbox(db(), { limit: 10 });
    expect(rows.map((row) => [row.id, row.channel, row.recipient, row.kind, row.status, row.workspace_slug])).toEqual([
      [email.id, "email", "ana@example.com", "proactive", "pending", null],
      [slackCommand.id, "slack", "https://hooks.slack.com/commands/T1/2/abc", "reply", "pending", "tienda"],
      [slackThread.id, "slack", "D024BE91L", "reply", "pending", "tienda"],
      [first.id, "whatsapp", "+5215512345678", "reply", "pending", "tienda"],
    ]);

    const read = await readOutbox(db(), first.id, payloadSchema);
    expect(read.ok && read.value.payload).toEqual({ destination: { channel: "whatsapp", to: "+5215512345678" }, message: { text: "hola k1" } });
    const invalid = await readOutbox(db(), slackThread.id, payloadSchema);
    expect(invalid.ok ? "parsed" : invalid.error.kind).toBe("invalid_payload");
    expect(!invalid.ok && invalid.error.kind === "invalid_payload" ? invalid.error.issues : "").toContain("destination.to");
    const missing = await readOutbox(db(), 999_999, payloadSchema);
    expect(missing.ok ? "found" : missing.error.kind).toBe("missing");
  });

  it("claims a pending row only when due, only once, and counts the attempt", async () => {
    const { workspace, ana } = await setup(db());
    const { id } = await enqueueOutbox(db(), { ...whatsapp(workspace.id, ana.id, "k1"), notBefore: at(60) });
    expect(await claimOutbox(db(), id, at(59))).toBeUndefined();
    const claimed = await claimOutbox(db(), id, at(60));
    expect(claimed).toMatchObject({ id, status: "sending", attempts: 1 });
    expect(claimed?.updated_at).toEqual(at(60));
    expect(await claimOutbox(db(), id, at(61))).toBeUndefined();
  });

  it("lets exactly one of concurrent claims take a row", async () => {
    const { workspace, ana } = await setup(db());
    for (let round = 0; round < 5; round++) {
      const { id } = await enqueueOutbox(db(), whatsapp(workspace.id, ana.id, `race-${round}`));
      const claims = await Promise.all([claimOutbox(db(), id, at(1)), claimOutbox(db(), id, at(1)), claimOutbox(db(), id, at(1))]);
      expect(claims.filter((claim) => claim !== undefined)).toHaveLength(1);
      const [row] = await listOutbox(db(), { limit: 1 });
      expect(row).toMatchObject({ id, attempts: 1, status: "sending" });
    }
  });

  it("finishes a claimed row as sent, retry, held or dead, and only a claimed one", async () => {
    const { workspace, ana } = await setup(db());
    const ids = [];
    for (const key of ["sent", "retry", "held", "dead"]) ids.push((await enqueueOutbox(db(), whatsapp(workspace.id, ana.id, key))).id);
    const [sent, retry, held, dead] = ids as [number, number, number, number];
    // Not claimed yet: nothing but a delivery may change a pending row.
    expect(await markRetry(db(), retry, "429", at(30), at(1))).toBe(false);
    expect(await markHeld(db(), held, "window closed", at(1))).toBe(false);
    expect(await markDead(db(), dead, "bad number", at(1))).toBe(false);
    for (const id of ids) expect(await claimOutbox(db(), id, at(1))).toBeDefined();

    expect(await markSent(db(), sent, "wamid.1", at(2))).toBe(true);
    expect(await markSent(db(), sent, "wamid.2", at(3))).toBe(false);
    expect(await markRetry(db(), retry, "whatsapp: rate limited", at(30), at(2))).toBe(true);
    expect(await markHeld(db(), held, "outside the 24-hour window", at(2))).toBe(true);
    expect(await markDead(db(), dead, "whatsapp: invalid recipient", at(2))).toBe(true);

    const byId = new Map((await listOutbox(db(), { limit: 10 })).map((row) => [row.id, row]));
    expect(byId.get(sent)).toMatchObject({ status: "sent", provider_message_id: "wamid.1", sent_at: at(2) });
    expect(byId.get(retry)).toMatchObject({ status: "pending", last_error: "whatsapp: rate limited", next_attempt_at: at(30), attempts: 1 });
    expect(byId.get(held)).toMatchObject({ status: "held", last_error: "outside the 24-hour window" });
    expect(byId.get(dead)).toMatchObject({ status: "dead", last_error: "whatsapp: invalid recipient" });
    expect((await findByProviderMessageId(db(), "whatsapp", "wamid.1"))?.id).toBe(sent);
    expect(await findByProviderMessageId(db(), "slack", "wamid.1")).toBeUndefined();

    // The retry is due at its time, not before.
    expect(await listDue(db(), at(29), 10)).toEqual([]);
    expect(await listDue(db(), at(30), 10)).toEqual([retry]);
  });

  it("records a delivery that outlived the reaper as sent, so it is never sent again", async () => {
    const { workspace, ana } = await setup(db());
    const { id } = await enqueueOutbox(db(), whatsapp(workspace.id, ana.id, "slow"));
    await claimOutbox(db(), id, at(0));
    expect(await reapStuckSending(db(), at(600), at(601))).toEqual([id]);
    expect(await markSent(db(), id, "wamid.slow", at(602))).toBe(true);
    expect(await listDead(db(), { limit: 10 })).toEqual([]);
  });

  it("releases only the member's held messages on that channel", async () => {
    const { workspace, ana, beto } = await setup(db());
    const hold = async (input: NewOutboxMessage) => {
      const { id } = await enqueueOutbox(db(), input);
      await claimOutbox(db(), id, at(0));
      await markHeld(db(), id, "outside the window", at(0));
      return id;
    };
    const anaWhatsapp = await hold(whatsapp(workspace.id, ana.id, "a1"));
    const anaWhatsapp2 = await hold(whatsapp(workspace.id, ana.id, "a2"));
    const anaEmail = await hold({ ...whatsapp(workspace.id, ana.id, "a3"), destination: { channel: "email", to: "ana@example.com" } });
    const betoWhatsapp = await hold(whatsapp(workspace.id, beto.id, "b1", "+5215500000000"));

    expect(await releaseHeld(db(), { workspaceId: workspace.id, memberId: ana.id, channel: "whatsapp" }, at(100))).toEqual([anaWhatsapp, anaWhatsapp2]);
    expect(await releaseHeld(db(), { workspaceId: workspace.id, memberId: ana.id, channel: "whatsapp" }, at(101))).toEqual([]);
    expect(await listDue(db(), at(100), 10)).toEqual([anaWhatsapp, anaWhatsapp2]);
    const statuses = new Map((await listOutbox(db(), { limit: 10 })).map((row) => [row.id, row.status]));
    expect([statuses.get(anaEmail), statuses.get(betoWhatsapp)]).toEqual(["held", "held"]);
  });

  it("lists due ids oldest first, up to the limit, and only pending ones", async () => {
    const { workspace, ana } = await setup(db());
    const late = await enqueueOutbox(db(), { ...whatsapp(workspace.id, ana.id, "late"), notBefore: at(20) });
    const early = await enqueueOutbox(db(), { ...whatsapp(workspace.id, ana.id, "early"), notBefore: at(10) });
    const future = await enqueueOutbox(db(), { ...whatsapp(workspace.id, ana.id, "future"), notBefore: at(3600) });
    const claimed = await enqueueOutbox(db(), { ...whatsapp(workspace.id, ana.id, "claimed"), notBefore: at(0) });
    await claimOutbox(db(), claimed.id, at(0));
    expect(await listDue(db(), at(30), 10)).toEqual([early.id, late.id]);
    expect(await listDue(db(), at(30), 1)).toEqual([early.id]);
    expect(await listDue(db(), at(3600), 10)).toEqual([early.id, late.id, future.id]);
  });

  it("reaps rows stuck in sending to dead with a clear error, and leaves recent sends alone", async () => {
    const { workspace, ana } = await setup(db());
    const stuck = await enqueueOutbox(db(), whatsapp(workspace.id, ana.id, "stuck"));
    const busy = await enqueueOutbox(db(), whatsapp(workspace.id, ana.id, "busy"));
    await claimOutbox(db(), stuck.id, at(0));
    await claimOutbox(db(), busy.id, at(500));
    expect(await reapStuckSending(db(), at(300), at(600))).toEqual([stuck.id]);
    const [dead] = await listDead(db(), { limit: 10 });
    expect(dead).toMatchObject({ id: stuck.id, status: "dead", last_error: STUCK_SENDING_ERROR, attempts: 1 });
    expect(STUCK_SENDING_ERROR).toContain("bizos outbox retry");
    // Reaped, it can no longer be claimed or sent by anyone.
    expect(await claimOutbox(db(), stuck.id, at(700))).toBeUndefined();
    expect(await listDue(db(), at(700), 10)).toEqual([]);
  });

  it("lists dead messages by workspace and retries them by id, by workspace or all", async () => {
    const { workspace, ana, other } = await setup(db());
    const kill = async (input: NewOutboxMessage) => {
      const { id } = await enqueueOutbox(db(), input);
      for (let attempt = 0; attempt < 3; attempt++) {
        await claimOutbox(db(), id, at(attempt * 10));
        if (attempt < 2) await markRetry(db(), id, "503", at(attempt * 10 + 10), at(attempt * 10));
      }
      await markDead(db(), id, "gave up", at(30));
      return id;
    };
    const a = await kill(whatsapp(workspace.id, ana.id, "a"));
    const b = await kill(whatsapp(workspace.id, ana.id, "b"));
    const c = await kill({ ...whatsapp(other.id, null, "c"), destination: { channel: "email", to: "loja@example.com" } });
    const unknown = await kill(whatsapp(null, null, "d", "+5511999999999"));

    expect((await listDead(db(), { limit: 10 })).map((row) => row.id)).toEqual([unknown, c, b, a]);
    expect((await listDead(db(), { limit: 2 })).map((row) => row.id)).toEqual([unknown, c]);
    const loja = await listDead(db(), { workspaceId: other.id, limit: 10 });
    expect(loja.map((row) => [row.id, row.workspace_slug, row.attempts, row.last_error])).toEqual([[c, "loja", 3, "gave up"]]);

    expect(await retryDead(db(), { ids: [] }, at(100))).toEqual([]);
    expect(await retryDead(db(), { ids: [a, c], workspaceId: workspace.id }, at(100))).toEqual([a]);
    expect(await retryDead(db(), { workspaceId: other.id }, at(100))).toEqual([c]);
    expect(await retryDead(db(), {}, at(100))).toEqual([b, unknown]);
    expect(await retryDead(db(), {}, at(100))).toEqual([]);
    const rows = await listOutbox(db(), { status: "pending", limit: 10 });
    expect(rows.map((row) => [row.id, row.attempts])).toEqual([unknown, c, b, a].map((id) => [id, 0]));
    expect(await listDue(db(), at(100), 10)).toHaveLength(4);
  });

  it("finds the recipient's language and last message time, preferring the identity at the row's address", async () => {
    const { workspace, ana, other } = await setup(db());
    await linkIdentity(db(), { workspaceId: workspace.id, memberId: ana.id, channel: "whatsapp", address: "+5215512345678" });
    await linkIdentity(db(), { workspaceId: workspace.id, memberId: ana.id, channel: "whatsapp", address: "+5215599999999" });
    await db().updateTable("channel_identities").set({ last_inbound_at: at(-60) }).where("external_id", "=", "+5215512345678").execute();
    await db().updateTable("channel_identities").set({ last_inbound_at: at(-10) }).where("external_id", "=", "+5215599999999").execute();

    const base = { workspace_id: workspace.id, member_id: ana.id, channel: "whatsapp" };
    expect(await findOutboxRecipient(db(), { ...base, recipient: "+5215512345678" })).toEqual({ language: "pt", lastInboundAt: at(-60) });
    expect(await findOutboxRecipient(db(), { ...base, recipient: "+5215500000000" })).toEqual({ language: "pt", lastInboundAt: at(-10) });
    expect(await findOutboxRecipient(db(), { ...base, channel: "email", recipient: "ana@example.com" })).toEqual({ language: "pt", lastInboundAt: null });
    // Scoped: the member of another workspace is nobody here.
    expect(await findOutboxRecipient(db(), { ...base, workspace_id: other.id, recipient: "+5215512345678" })).toBeUndefined();
    expect(await findOutboxRecipient(db(), { ...base, member_id: null, recipient: "+5215512345678" })).toBeUndefined();
  });
});
