import { beforeEach, expect, it } from "vitest";
import { OfflineChatModel } from "../../agents/models/offline/chat-model.ts";
import { createConversationRuntime } from "../../agents/runtime.ts";
import type { ConversationRuntime } from "../../agents/turn-types.ts";
import { createMember, linkIdentity } from "../../db/repositories/members.ts";
import { updateWorkspaceSettings } from "../../db/repositories/workspaces.ts";
import type { Member } from "../../db/schema/core.ts";
import { fixedClock } from "../../lib/clock.ts";
import { silentLogger } from "../../lib/logger.ts";
import { describeDatabase } from "../../test/database.ts";
import { FIXTURE_NOW, seedMetricsStore, type MetricsFixture } from "../../test/fixtures/metrics-store.ts";
import { outboundMessageSchema } from "../outbound/outbound-message.ts";
import type { Destination } from "../outbound/recipients.ts";
import { createActionRouter, type ActionRouter } from "./action-router.ts";
import { createConversationGateway } from "./conversation-gateway.ts";
import type { InboundHandler, InboundMessage } from "./inbound-message.ts";

const PHONE = "+5215512345678";
const whatsappTo = (to: string): Destination => ({ channel: "whatsapp", to, transport: "cloud", replyToMessageId: null });

let counter = 0;
function whatsapp(text: string, overrides: Partial<InboundMessage> = {}): InboundMessage {
  counter += 1;
  return { channel: "whatsapp", eventId: `wamid.${counter}`, sender: PHONE, text, threadKey: PHONE, conversationId: null, destination: whatsappTo(PHONE), receivedAt: FIXTURE_NOW, ...overrides };
}

describeDatabase("conversation gateway", ({ db, handle }) => {
  let fixture: MetricsFixture;
  let runtime: ConversationRuntime;
  let scheduled: number[];
  let actions: ActionRouter;
  let owner: Member;

  const gateway = (limit = 20): InboundHandler =>
    createConversationGateway({
      db: db(),
      runtime,
      scheduler: { schedule: (ids) => Promise.resolve(void scheduled.push(...ids)) },
      actions,
      clock: fixedClock(FIXTURE_NOW),
      logger: silentLogger,
      memberMessagesPerMinute: limit,
    });

  const outbox = () => db().selectFrom("outbox").selectAll().orderBy("id").execute();

  beforeEach(async () => {
    fixture = await seedMetricsStore(db());
    runtime = await createConversationRuntime({ db: db(), pool: handle().pool, models: { modelFor: () => new OfflineChatModel() } });
    scheduled = [];
    actions = createActionRouter();
    owner = await createMember(db(), { workspaceId: fixture.store.id, name: "Ana", role: "owner", language: "es" });
    await linkIdentity(db(), { workspaceId: fixture.store.id, memberId: owner.id, channel: "whatsapp", address: PHONE });
  });

  it("answers a member's message as a turn, records both sides and queues one reply; the same event again does nothing", async () => {
    const handler = gateway();
    const message = whatsapp("¿cuánto vendimos la semana pasada?");
    const outcome = await handler.handleMessage(message);
    expect(outcome.status).toBe("answered");
    if (outcome.status !== "answered") return;
    expect(outcome.result.toolCalls.map((call) => call.name)).toEqual(["query_metrics"]);
    expect(outcome.result.language).toBe("es");

    const rows = await outbox();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ id: outcome.outboxId, workspace_id: fixture.store.id, member_id: owner.id, channel: "whatsapp", recipient: PHONE, kind: "reply", status: "pending" });
    const payload = rows[0]!.payload as { destination: Destination; message: unknown };
    expect(payload.destination).toEqual(whatsappTo(PHONE));
    const sent = outboundMessageSchema.parse(payload.message);
    expect(sent.freshness).toBe(outcome.result.freshness);
    expect(scheduled).toEqual([outcome.outboxId]);

    const logged = await db().selectFrom("messages").select(["role", "content", "member_id", "metadata"]).orderBy("id").execute();
    expect(logged.map((row) => row.role)).toEqual(["user", "assistant", "tool"]);
    expect(logged[0]).toMatchObject({ content: message.text, member_id: owner.id });
    // The tool result's summary, after the answer: what memory will recall of this turn's figures.
    expect(outcome.result.toolSummaries).toHaveLength(1);
    expect(logged[2]).toMatchObject({ content: outcome.result.toolSummaries[0], member_id: owner.id, metadata: { tool: "query_metrics" } });
    expect(logged[2]!.content).toMatch(/^query_metrics net_sales \d{4}-\d{2}-\d{2}\.\.\d{4}-\d{2}-\d{2}: [\d,]+\.\d{2} MXN/);
    const identity = await db().selectFrom("channel_identities").select("last_inbound_at").where("member_id", "=", owner.id).executeTakeFirstOrThrow();
    expect(identity.last_inbound_at?.toISOString()).toBe(FIXTURE_NOW.toISOString());

    // A provider retry of the same event: no second turn, no second answer.
    expect(await handler.handleMessage(message)).toEqual({ status: "duplicate" });
    expect(await outbox()).toHaveLength(1);
  });

  it("keeps the thread: a follow-up on the same thread key continues the conversation", async () => {
    const handler = gateway();
    const first = await handler.handleMessage(whatsapp("ventas netas de la semana pasada"));
    const followUp = await handler.handleMessage(whatsapp("¿y la anterior?"));
    if (first.status !== "answered" || followUp.status !== "answered") throw new Error("both should be answered");
    expect(followUp.result.toolCalls[0]?.name).toBe("query_metrics");
    expect(followUp.result.toolCalls[0]?.args).toMatchObject({ metrics: ["net_sales"] });
    expect(await db().selectFrom("conversations").select("thread_key").execute()).toEqual([{ thread_key: PHONE }]);
  });

  it("gives an unknown sender one polite reply in their language and runs nothing", async () => {
    const handler = gateway();
    const stranger = "+5511987654321";
    const outcome = await handler.handleMessage(whatsapp("olá, quanto vendemos ontem?", { sender: stranger, threadKey: stranger, destination: whatsappTo(stranger) }));
    expect(outcome.status).toBe("unknown_sender");
    const rows = await outbox();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ workspace_id: null, member_id: null, recipient: stranger });
    const sent = outboundMessageSchema.parse((rows[0]!.payload as { message: unknown }).message);
    expect(sent.language).toBe("pt");
    expect(sent.text).toContain("Ainda não reconheço este endereço");
    expect(sent.text).not.toMatch(/\d{2,}/);
    expect(await db().selectFrom("messages").selectAll().execute()).toEqual([]);
    expect(await db().selectFrom("conversations").selectAll().execute()).toEqual([]);
  });

  it("answers politely instead of running a turn once a member passes the per-minute limit", async () => {
    const handler = gateway(2);
    expect((await handler.handleMessage(whatsapp("hola"))).status).toBe("answered");
    expect((await handler.handleMessage(whatsapp("ventas de ayer"))).status).toBe("answered");
    const third = await handler.handleMessage(whatsapp("¿y pedidos?"));
    expect(third.status).toBe("rate_limited");
    const rows = await outbox();
    const last = outboundMessageSchema.parse((rows.at(-1)!.payload as { message: unknown }).message);
    expect(last.text).toContain("Dame un minuto");
    expect(await db().selectFrom("messages").select("role").where("role", "=", "user").execute()).toHaveLength(2);
  });

  it("runs the turn with the member's role: a viewer is refused what the workspace hides", async () => {
    const viewer = await createMember(db(), { workspaceId: fixture.store.id, name: "Beto", role: "viewer", language: "es" });
    const phone = "+5215599990000";
    await linkIdentity(db(), { workspaceId: fixture.store.id, memberId: viewer.id, channel: "whatsapp", address: phone });
    await updateWorkspaceSettings(db(), fixture.store.id, { ...fixture.store.settings, hideCostsFromViewers: true });
    const handler = gateway();
    const asViewer = await handler.handleMessage(whatsapp("margen bruto del mes pasado", { sender: phone, threadKey: phone, destination: whatsappTo(phone) }));
    const asOwner = await handler.handleMessage(whatsapp("margen bruto del mes pasado"));
    if (asViewer.status !== "answered" || asOwner.status !== "answered") throw new Error("both should be answered");
    expect(asViewer.result.data.map((outcome) => (outcome.ok ? "ok" : outcome.error.code))).toEqual(["forbidden"]);
    expect(asViewer.result.answer).toContain("Tu rol");
    expect(asOwner.result.data.map((outcome) => outcome.ok)).toEqual([true]);
  });

  it("releases the member's held messages when they write again", async () => {
    const held = await db()
      .insertInto("outbox")
      .values({
        workspace_id: fixture.store.id,
        member_id: owner.id,
        channel: "whatsapp",
        recipient: PHONE,
        kind: "proactive",
        payload: JSON.stringify({ destination: whatsappTo(PHONE), message: { text: "Resumen diario", language: "es", subject: null, kpis: [], freshness: null, chart: null, buttons: [] } }),
        idempotency_key: "digest:1",
        status: "held",
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await gateway().handleMessage(whatsapp("hola"));
    const row = await db().selectFrom("outbox").select("status").where("id", "=", held.id).executeTakeFirstOrThrow();
    expect(row.status).toBe("pending");
    expect(scheduled).toContain(held.id);
  });

  it("routes a button click to its handler with the member's access, and says an unknown button is no longer active", async () => {
    const seen: string[] = [];
    actions.register("approve:", ({ action, member, access }) => {
      seen.push(`${action.actionId} by ${member.name} (${access.role})`);
      return Promise.resolve({ text: "Aprobado", language: "es", subject: null, kpis: [], freshness: null, chart: null, buttons: [] });
    });
    const handler = gateway();
    const click = { channel: "whatsapp" as const, eventId: "wamid.click", sender: PHONE, actionId: "approve:4F2K", value: "Sí", threadKey: PHONE, destination: whatsappTo(PHONE), receivedAt: FIXTURE_NOW };
    const outcome = await handler.handleAction(click);
    expect(outcome).toMatchObject({ status: "acted", actionId: "approve:4F2K" });
    expect(seen).toEqual(["approve:4F2K by Ana (owner)"]);
    expect(await handler.handleAction(click)).toEqual({ status: "duplicate" });
    expect(seen).toHaveLength(1);

    expect((await handler.handleAction({ ...click, eventId: "wamid.old", actionId: "reject:9Z9Z" })).status).toBe("ignored");
    const texts = (await outbox()).map((row) => outboundMessageSchema.parse((row.payload as { message: unknown }).message).text);
    expect(texts).toEqual(["Aprobado", "Ese botón ya no está activo: no se cambió nada."]);
  });

  it("apologises when the turn fails, and logs a reference", async () => {
    const failing: ConversationRuntime = { runTurn: () => Promise.reject(new Error("model provider down")) };
    runtime = failing;
    const outcome = await gateway().handleMessage(whatsapp("ventas de ayer"));
    expect(outcome.status).toBe("failed");
    const texts = (await outbox()).map((row) => outboundMessageSchema.parse((row.payload as { message: unknown }).message).text);
    expect(texts).toEqual(["Perdón, algo salió mal al responder eso. Intenta de nuevo en un momento."]);
  });
});
