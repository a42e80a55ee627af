/**
 * The three outbound channels as local fakes, for end-to-end tests of what the app sends on its own
 * (digests, alerts): an SMTP sink, the fake Slack Web API and the fake WhatsApp Graph API, started
 * together on 127.0.0.1, and the app's configuration pointing at them — what the environment would
 * say in production. Each test starts its own set and closes it afterwards.
 */
import { loadConfig, type AppConfig } from "../config/index.ts";
import { startFakeSlackApi, type FakeSlackApi } from "./fakes/slack-api.ts";
import { startSmtpSink, type SmtpSink } from "./fakes/smtp-sink.ts";
import { startFakeWhatsAppGraph, type FakeWhatsAppGraph } from "./fakes/whatsapp-graph.ts";

export const FAKE_SLACK_TOKEN = "xoxb-fake-channels";
export const FAKE_WHATSAPP = { token: "EAAG-fake-channels", phoneNumberId: "106540352242922" } as const;

export interface FakeChannels {
  readonly slack: FakeSlackApi;
  readonly graph: FakeWhatsAppGraph;
  readonly sink: SmtpSink;
  /** The app's configuration with Slack, WhatsApp Cloud and email on the fakes; `extra` variables go on top. */
  config(extra?: Readonly<Record<string, string>>): AppConfig;
  close(): Promise<void>;
}

export async function startFakeChannels(): Promise<FakeChannels> {
  const started = await Promise.allSettled([
    startFakeSlackApi({ botToken: FAKE_SLACK_TOKEN }),
    startFakeWhatsAppGraph({ accessToken: FAKE_WHATSAPP.token, phoneNumberId: FAKE_WHATSAPP.phoneNumberId }),
    startSmtpSink(),
  ] as const);
  const [slackStart, graphStart, sinkStart] = started;
  if (slackStart.status === "rejected" || graphStart.status === "rejected" || sinkStart.status === "rejected") {
    // One fake did not start: close the others so no server outlives the test.
    await Promise.all(started.map((s) => (s.status === "fulfilled" ? s.value.close() : Promise.resolve())));
    throw new AggregateError(started.flatMap((s): unknown[] => (s.status === "rejected" ? [s.reason] : [])), "a fake channel did not start");
  }
  const [slack, graph, sink] = [slackStart.value, graphStart.value, sinkStart.value];
  return {
    slack,
    graph,
    sink,
    config: (extra = {}) =>
      loadConfig({
        SLACK_SIGNING_SECRET: "s",
        SLACK_BOT_TOKEN: FAKE_SLACK_TOKEN,
        SLACK_API_URL: slack.apiUrl,
        WHATSAPP_VERIFY_TOKEN: "v",
        WHATSAPP_APP_SECRET: "a",
        WHATSAPP_ACCESS_TOKEN: FAKE_WHATSAPP.token,
        WHATSAPP_PHONE_NUMBER_ID: FAKE_WHATSAPP.phoneNumberId,
        WHATSAPP_GRAPH_URL: graph.url,
        SMTP_HOST: sink.host,
        SMTP_PORT: String(sink.port),
        EMAIL_FROM: "bot@tienda.mx",
        ...extra,
      }),
    close: async () => {
      await Promise.all([slack.close(), graph.close(), sink.close()]);
    },
  };
}
