/**
 * The notifications agent end to end with the offline model: a member changes their settings from
 * chat and they are stored; asks why an insight was sent and gets it explained with its numbers;
 * says it is not useful and the verdict is recorded; the terminal is told settings need a member.
 */
import { expect, it } from "vitest";
import { listFeedback } from "../../db/repositories/insight-notifications.ts";
import { getPreferences } from "../../engines/notifications/member-preferences.ts";
import { accessFor } from "../../engines/access/roles.ts";
import { describeDatabase } from "../../test/database.ts";
import { insertInsight, NOW, notificationsWorld, sendInsights } from "../../tools/notifications/test-support.ts";
import { OfflineChatModel } from "../models/offline/chat-model.ts";
import { createConversationRuntime } from "../runtime.ts";
import type { ModelSource } from "../shared/configuration.ts";

const offline: ModelSource = { modelFor: () => new OfflineChatModel() };

describeDatabase("notifications agent", ({ db, handle }) => {
  it("changes the asker's settings from chat, in their language, with the next digest", { timeout: 120_000 }, async () => {
    const world = await notificationsWorld(db());
    const runtime = await createConversationRuntime({ db: db(), pool: handle().pool, models: offline });
    const ask = (text: string, channel = "whatsapp") =>
      runtime.runTurn({ workspace: world.workspace, text, thread: null, now: new Date(NOW), actor: { memberId: world.ana.id, channel }, access: accessFor("owner", {}) });

    const stop = await ask("stop the WhatsApp digest");
    expect(stop).toMatchObject({ agent: "notifications", language: "en", kind: "answer", numbersChecked: true, toolCalls: [{ name: "notification_preferences" }] });
    expect(stop.answer).toContain("No more daily digest on WhatsApp.");
    expect(stop.answer).toContain("Daily digest: every day at *08:00* on Slack.");
    expect(stop.answer).toContain("Next digest: tomorrow at 08:00.");

    const seven = await ask("mándame el resumen a las 7 de la tarde");
    expect(seven).toMatchObject({ agent: "notifications", language: "es", numbersChecked: true });
    expect(seven.answer).toMatch(/^Listo\./);
    expect(seven.answer).toContain("Próximo resumen: hoy a las 19:00.");

    const slack = await ask("alertas só no Slack");
    expect(slack).toMatchObject({ language: "pt", numbersChecked: true });
    expect(slack.answer).toContain("Alertas: só por *Slack*.");

    const quiet = await ask("quiet hours 22 to 7");
    expect(quiet.answer).toContain("Quiet hours: *22:00–07:00*");

    const settings = await ask("¿cuáles son mis notificaciones?");
    expect(settings.answer).toMatch(/^Tus notificaciones:/);
    expect(settings.answer).toContain("Reporte semanal (los lunes): *activado*.");

    const stored = await getPreferences(db(), world.workspace.id, world.ana.id);
    expect(stored).toMatchObject({ digest: { time: "19:00", channels: ["slack", "email"] }, alerts: { channels: ["slack"] }, quietHours: { start: "22:00", end: "07:00" } });
  });

  it("explains the last insight sent with its numbers, records 'no me sirve', and tells the terminal it has no member", { timeout: 120_000 }, async () => {
    const world = await notificationsWorld(db());
    const runtime = await createConversationRuntime({ db: db(), pool: handle().pool, models: offline });
    const insight = await insertInsight(db(), world.workspace.id, { fingerprint: "remera", score: 90 });
    const other = await insertInsight(db(), world.workspace.id, { fingerprint: "gorra", score: 30 });
    await sendInsights(db(), world.workspace.id, world.ana.id, "digest", "whatsapp", [insight, other], "digest:ana:2026-11-21:whatsapp");
    const ask = (text: string, memberId: number | null = world.ana.id) =>
      runtime.runTurn({ workspace: world.workspace, text, thread: null, now: new Date(NOW), ...(memberId === null ? {} : { actor: { memberId, channel: "whatsapp" } }) });

    const why = await ask("¿por qué me mandaste esto?");
    expect(why).toMatchObject({ agent: "notifications", language: "es", kind: "answer", numbersChecked: true, toolCalls: [{ name: "explain_notification" }] });
    expect(why.answer).toContain("Remera Básica");
    expect(why.answer).toContain("n.º 1 de los 2");
    expect(why.answer).toContain("WhatsApp");

    const verdict = await ask("no me sirve");
    expect(verdict).toMatchObject({ agent: "notifications", numbersChecked: true, toolCalls: [{ name: "insight_feedback", args: { verdict: "not_useful" } }] });
    expect(verdict.answer).toMatch(/^Anotado: te mandaré menos avisos como/);
    expect((await listFeedback(db(), world.workspace.id)).map((row) => [row.insight_id, row.verdict])).toEqual([[insight, "not_useful"]]);

    const terminal = await ask("what are my notification settings?", null);
    expect(terminal).toMatchObject({ agent: "notifications", language: "en", kind: "answer", toolCalls: [{ name: "notification_preferences" }] });
    expect(terminal.answer).toContain("this conversation has no member linked");
  });
});
