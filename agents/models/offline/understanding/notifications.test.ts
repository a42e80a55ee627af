/**
 * The member's own notifications in English, Spanish and Portuguese: settings orders and questions
 * (notification_preferences), "why did you send me this?" (explain_notification) and feedback
 * (insight_feedback); and the data questions and small talk that must stay what they were.
 */
import { describe, expect, it } from "vitest";
import { SPORTS_STORE, US_STORE } from "./fixtures.ts";
import { run, schemaIssues, summarize, type CaseOptions, type Expected } from "./test-helpers.ts";
import type { PreviousCall } from "./types.ts";

const BR = { context: SPORTS_STORE } as const;
const US = { context: US_STORE } as const;
const tool = "notification_preferences";
const agent = "notifications";
const NONE = { digest: { enabled: null, time: null, channels: null }, alerts: { enabled: null, channels: null }, weekly: { enabled: null }, quietHours: { enabled: null, start: null, end: null } };

const SETTINGS: ReadonlyArray<readonly [string, CaseOptions, Expected]> = [
  ["stop the WhatsApp digest", US, { lang: "en", kind: "tool", agent, tool, args: { ...NONE, digest: { enabled: null, time: null, channels: { mode: "remove", channels: ["whatsapp"] } } } }],
  ["send me alerts only in Slack", US, { lang: "en", kind: "tool", agent, tool, args: { ...NONE, alerts: { enabled: null, channels: { mode: "only", channels: ["slack"] } } } }],
  ["send me the digest at 7pm", US, { lang: "en", kind: "tool", tool, args: { digest: { time: "19:00", channels: null } } }],
  ["move my digest to email", US, { lang: "en", kind: "tool", tool, args: { digest: { channels: { mode: "only", channels: ["email"] } } } }],
  ["turn off the weekly report", US, { lang: "en", kind: "tool", tool, args: { ...NONE, weekly: { enabled: false } } }],
  ["no alerts at night", US, { lang: "en", kind: "tool", tool, args: { ...NONE, quietHours: { enabled: true, start: null, end: null } } }],
  ["quiet hours 22 to 7", US, { lang: "en", kind: "tool", tool, args: { quietHours: { enabled: true, start: "22:00", end: "07:00" } } }],
  ["no alerts after 10pm", US, { lang: "en", kind: "tool", tool, args: { quietHours: { enabled: true, start: "22:00", end: null } } }],
  ["turn off quiet hours", US, { lang: "en", kind: "tool", tool, args: { quietHours: { enabled: false } } }],
  ["what are my notification settings?", US, { lang: "en", kind: "tool", agent, tool, args: NONE }],
  ["mándame el resumen a las 7", {}, { lang: "es", kind: "tool", agent, tool, args: { ...NONE, digest: { enabled: null, time: "07:00", channels: null } } }],
  ["mándame el resumen a las 7 de la tarde", {}, { lang: "es", kind: "tool", tool, args: { digest: { time: "19:00" } } }],
  ["no me mandes el resumen por email", {}, { lang: "es", kind: "tool", tool, args: { digest: { enabled: null, channels: { mode: "remove", channels: ["email"] } } } }],
  ["desactiva las alertas", {}, { lang: "es", kind: "tool", tool, args: { ...NONE, alerts: { enabled: false, channels: null } } }],
  ["apaga las notificaciones", {}, { lang: "es", kind: "tool", tool, args: { digest: { enabled: false }, alerts: { enabled: false }, weekly: { enabled: null } } }],
  ["horario de silencio de 23 a 8", {}, { lang: "es", kind: "tool", tool, args: { quietHours: { enabled: true, start: "23:00", end: "08:00" } } }],
  ["¿a qué hora me llega el resumen?", {}, { lang: "es", kind: "tool", tool, args: NONE }],
  ["mis notificaciones", {}, { lang: "es", kind: "tool", tool, args: NONE }],
  ["pare o resumo no WhatsApp", BR, { lang: "pt", kind: "tool", agent, tool, args: { digest: { enabled: null, channels: { mode: "remove", channels: ["whatsapp"] } } } }],
  ["me manda o resumo às 8h", BR, { lang: "pt", kind: "tool", tool, args: { digest: { time: "08:00" } } }],
  ["desliga o relatório semanal", BR, { lang: "pt", kind: "tool", tool, args: { weekly: { enabled: false } } }],
  ["sem alertas de madrugada", BR, { lang: "pt", kind: "tool", tool, args: { quietHours: { enabled: true } } }],
  ["quais são minhas notificações?", BR, { lang: "pt", kind: "tool", tool, args: NONE }],
  ["alertas só no Slack", BR, { lang: "pt", kind: "tool", tool, args: { alerts: { channels: { mode: "only", channels: ["slack"] } } } }],
];

const WHY_AND_FEEDBACK: ReadonlyArray<readonly [string, CaseOptions, Expected]> = [
  ["why did you send me this?", US, { lang: "en", kind: "tool", agent, tool: "explain_notification", args: { insightId: null } }],
  ["why did I get this alert?", US, { lang: "en", kind: "tool", tool: "explain_notification" }],
  ["explain this alert", US, { lang: "en", kind: "tool", tool: "explain_notification" }],
  ["¿por qué me mandaste esto?", {}, { lang: "es", kind: "tool", tool: "explain_notification" }],
  ["por qué me llegó esta alerta", {}, { lang: "es", kind: "tool", tool: "explain_notification" }],
  ["por que recebi isso?", BR, { lang: "pt", kind: "tool", tool: "explain_notification" }],
  ["o que é esse alerta?", BR, { lang: "pt", kind: "tool", tool: "explain_notification" }],
  ["not useful", US, { lang: "en", kind: "tool", agent, tool: "insight_feedback", args: { verdict: "not_useful", insightId: null } }],
  ["this was useful", US, { lang: "en", kind: "tool", tool: "insight_feedback", args: { verdict: "useful" } }],
  ["no me sirve", {}, { lang: "es", kind: "tool", tool: "insight_feedback", args: { verdict: "not_useful" } }],
  ["esta alerta no me sirve", {}, { lang: "es", kind: "tool", tool: "insight_feedback", args: { verdict: "not_useful" } }],
  ["não é útil", BR, { lang: "pt", kind: "tool", tool: "insight_feedback", args: { verdict: "not_useful" } }],
  ["esse alerta foi muito útil", BR, { lang: "pt", kind: "tool", tool: "insight_feedback", args: { verdict: "useful" } }],
];

const afterSales: readonly PreviousCall[] = [{ tool: "query_metrics", args: { metrics: ["net_sales"], range: "yesterday" }, language: "en" }];

/** What must not become a notification call. */
const UNCHANGED: ReadonlyArray<readonly [string, CaseOptions, Expected]> = [
  ["resumen de ventas de ayer", {}, { lang: "es", kind: "tool", tool: "query_metrics" }],
  ["dame un resumen de la semana", {}, { lang: "es", kind: "tool", tool: "query_metrics" }],
  ["resumo da semana", BR, { lang: "pt", kind: "tool", tool: "query_metrics" }],
  ["why did sales drop yesterday?", US, { lang: "en", kind: "tool", tool: "explain_anomalies" }],
  ["¿por qué bajaron las ventas?", {}, { lang: "es", kind: "tool", tool: "explain_anomalies" }],
  ["ventas por whatsapp", {}, { lang: "es", kind: "tool", tool: "query_metrics" }],
  ["thanks, that's helpful", US, { lang: "en", kind: "thanks" }],
  ["muito útil, obrigado", BR, { lang: "pt", kind: "thanks" }],
  ["that was useful", { ...US, previous: afterSales }, { lang: "en", kind: "thanks" }],
  ["qué métricas son útiles?", {}, { lang: "es", kind: "clarify" }],
];

describe.each([
  ["settings", SETTINGS],
  ["why and feedback", WHY_AND_FEEDBACK],
  ["unchanged intents", UNCHANGED],
] as const)("notifications: %s", (_name, cases) => {
  it.each(cases)("%s", (text, options, expected) => {
    const understanding = run(text, options);
    expect(summarize(understanding)).toMatchObject(expected);
    expect(schemaIssues(understanding)).toEqual([]);
  });
});

describe("notifications in a thread", () => {
  it("never follows up a settings change: '¿y en septiembre?' after one has nothing to follow", () => {
    const previous: PreviousCall[] = [{ tool, args: NONE, language: "es" }];
    expect(summarize(run("¿y en septiembre?", { previous }))).toMatchObject({ kind: "clarify", reason: "no_previous" });
  });

  it("reads feedback after a notification explanation in the thread", () => {
    const previous: PreviousCall[] = [{ tool: "explain_notification", args: { insightId: null }, language: "en" }];
    expect(summarize(run("ok, that was useful", { ...US, previous }))).toMatchObject({ kind: "tool", tool: "insight_feedback", args: { verdict: "useful" } });
  });
});
