/**
 * Channels benchmark: the whole `npm start` server over HTTP, as Slack and Meta see it. For each
 * signed request it measures the acknowledgement (Slack requires one within 3 s) and the time until
 * the answer reaches the provider (a local fake of the Slack Web API or the WhatsApp Graph API):
 * signature check, gateway, the turn, the outbox and delivery. Offline model, seeded demo.
 *
 *   npm run bench:channels -- --dialect postgres|pglite [--orders 1000000] [--runs 20] [--delivery in-process|bullmq]
 *
 * Shares the metrics benchmark's seeded database (bench/bench-database.ts). Members and outbox rows
 * it creates are removed at the end.
 */
import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import { OfflineChatModel } from "../agents/models/offline/chat-model.ts";
import { createConversationRuntime } from "../agents/runtime.ts";
import { startChannelServer } from "../app/channel-server.ts";
import { slackSignature } from "../channels/slack/verify-signature.ts";
import { whatsappSignature } from "../channels/whatsapp/webhook-signature.ts";
import { loadConfig } from "../config/index.ts";
import { createMember, linkIdentity } from "../db/repositories/members.ts";
import { findWorkspaceBySlug } from "../db/repositories/workspaces.ts";
import { systemClock } from "../lib/clock.ts";
import { silentLogger } from "../lib/logger.ts";
import { startFakeSlackApi } from "../test/fakes/slack-api.ts";
import { startFakeWhatsAppGraph } from "../test/fakes/whatsapp-graph.ts";
import { openBenchDatabase, percentile } from "./bench-database.ts";
import { dialectFlag } from "./bench-args.ts";

const { values } = parseArgs({
  options: {
    dialect: { type: "string", default: "postgres" },
    orders: { type: "string", default: "1000000" },
    runs: { type: "string", default: "20" },
    url: { type: "string", default: "postgres://postgres@127.0.0.1:5432" },
    delivery: { type: "string", default: "in-process" },
  },
});
const dialect = dialectFlag(values.dialect);
if (values.delivery !== "in-process" && values.delivery !== "bullmq") throw new Error(`--delivery must be in-process or bullmq, got ${values.delivery}`);
const runs = Number(values.runs);
const out = (line: string) => process.stdout.write(`${line}\n`);
const QUESTIONS = ["¿cuánto vendimos la semana pasada?", "top 5 productos del mes pasado", "how many orders yesterday?", "qual foi o ticket médio nos últimos 30 dias?"];
const SLACK = { secret: "bench-secret", token: "xoxb-bench", bot: "U0BENCHBOT", user: "U0BENCH001" };
const WA = { verify: "v", secret: "bench-meta", token: "EAAG-bench", phoneId: "106540352242922", phone: "5215500000001" };

const handle = await openBenchDatabase({ dialect, orders: Number(values.orders), url: values.url, fresh: false, out });
const slack = await startFakeSlackApi({ botToken: SLACK.token, botUserId: SLACK.bot });
const graph = await startFakeWhatsAppGraph({ accessToken: WA.token, phoneNumberId: WA.phoneId });
const workspace = await findWorkspaceBySlug(handle.db, "demo");
if (!workspace) throw new Error("no demo workspace: run npm run bench:seed first");
const member = await createMember(handle.db, { workspaceId: workspace.id, name: "Bench", role: "owner", language: "es" });
try {
  await linkIdentity(handle.db, { workspaceId: workspace.id, memberId: member.id, channel: "slack", address: SLACK.user });
  await linkIdentity(handle.db, { workspaceId: workspace.id, memberId: member.id, channel: "whatsapp", address: `+${WA.phone}` });
  const config = loadConfig({
    PORT: "0",
    SLACK_SIGNING_SECRET: SLACK.secret,
    SLACK_BOT_TOKEN: SLACK.token,
    SLACK_API_URL: slack.apiUrl,
    WHATSAPP_VERIFY_TOKEN: WA.verify,
    WHATSAPP_APP_SECRET: WA.secret,
    WHATSAPP_ACCESS_TOKEN: WA.token,
    WHATSAPP_PHONE_NUMBER_ID: WA.phoneId,
    WHATSAPP_GRAPH_URL: graph.url,
    MEMBER_MESSAGES_PER_MINUTE: "10000",
    // Measures answers only: no insight detection or digests in the background.
    JOBS_IN_SERVER: "false",
    ...(values.delivery === "bullmq" ? { REDIS_URL: loadConfig().env.TEST_REDIS_URL } : {}),
  });
  const runtime = await createConversationRuntime({ db: handle.db, pool: handle.pool, models: { modelFor: () => new OfflineChatModel() } });
  const server = await startChannelServer({
    config,
    db: handle.db,
    runtime,
    secretKey: randomBytes(32),
    clock: systemClock,
    logger: silentLogger,
    slackBotUserId: SLACK.bot,
    queuePrefix: `bizos-bench-${process.pid}`,
  });
  out(`channels bench: ${dialect} at ${handle.location}, ${values.delivery} delivery, offline model, ${QUESTIONS.length} questions × ${runs} runs per channel (+1 warm-up each)`);

  /** Waits for the fake to have received `count` answers; the time it took is the answer latency. */
  const answered = async (count: () => number, target: number): Promise<void> => {
    while (count() < target) await new Promise((resolve) => setTimeout(resolve, 1));
  };

  let sequence = 0;
  const slackRequest = async (text: string) => {
    sequence += 1;
    const ts = `${Math.floor(Date.now() / 1000)}.${String(sequence).padStart(6, "0")}`;
    const body = JSON.stringify({ type: "event_callback", team_id: "T1", api_app_id: "A1", event_id: `EvBench${sequence}`, event_time: 1, event: { type: "app_mention", user: SLACK.user, text: `<@${SLACK.bot}> ${text}`, ts, event_ts: ts, channel: "C0BENCH" } });
    const stamp = String(Math.floor(Date.now() / 1000));
    return fetch(`${server.url}/slack/events`, { method: "POST", body, headers: { "content-type": "application/json", "x-slack-request-timestamp": stamp, "x-slack-signature": slackSignature(SLACK.secret, stamp, body) } });
  };
  const whatsappRequest = async (text: string) => {
    sequence += 1;
    const body = JSON.stringify({
      object: "whatsapp_business_account",
      entry: [{ id: "1", changes: [{ field: "messages", value: { messaging_product: "whatsapp", metadata: { display_phone_number: "1", phone_number_id: WA.phoneId }, messages: [{ from: WA.phone, id: `wamid.bench${sequence}`, timestamp: String(Math.floor(Date.now() / 1000)), type: "text", text: { body: text } }] } }] }],
    });
    return fetch(`${server.url}/whatsapp/webhook`, { method: "POST", body, headers: { "content-type": "application/json", "x-hub-signature-256": whatsappSignature(WA.secret, body) } });
  };

  const channels = [
    { name: "slack mention", send: slackRequest, count: () => slack.callsTo("chat.postMessage").length },
    { name: "whatsapp cloud", send: whatsappRequest, count: () => graph.sent.length },
  ];
  out(`  ${"channel".padEnd(16)} ${"ack p50".padStart(9)} ${"ack p95".padStart(9)} ${"ack max".padStart(9)} ${"answer p50".padStart(11)} ${"answer p95".padStart(11)}`);
  for (const channel of channels) {
    const acks: number[] = [];
    const answers: number[] = [];
    for (let run = 0; run <= runs; run++) {
      for (const question of QUESTIONS) {
        const before = channel.count();
        const started = performance.now();
        const response = await channel.send(question);
        const ackMs = performance.now() - started;
        if (response.status !== 200) throw new Error(`${channel.name}: HTTP ${response.status}`);
        await answered(channel.count, before + 1);
        const answerMs = performance.now() - started;
        if (run > 0) {
          acks.push(ackMs);
          answers.push(answerMs);
        }
      }
    }
    const fmt = (value: number) => `${value.toFixed(1)} ms`;
    acks.sort((a, b) => a - b);
    answers.sort((a, b) => a - b);
    out(
      `  ${channel.name.padEnd(16)} ${fmt(percentile(acks, 50)).padStart(9)} ${fmt(percentile(acks, 95)).padStart(9)} ${fmt(acks.at(-1) ?? Number.NaN).padStart(9)} ${fmt(percentile(answers, 50)).padStart(11)} ${fmt(percentile(answers, 95)).padStart(11)}`,
    );
  }
  await server.close();
} finally {
  await handle.db.deleteFrom("outbox").where("member_id", "=", member.id).execute();
  await handle.db.deleteFrom("conversations").where("member_id", "=", member.id).execute();
  await handle.db.deleteFrom("members").where("id", "=", member.id).execute();
  await handle.db.deleteFrom("inbound_events").where((eb) => eb.or([eb("event_id", "like", "EvBench%"), eb("event_id", "like", "wamid.bench%")])).execute();
  await slack.close();
  await graph.close();
  await handle.close();
}
