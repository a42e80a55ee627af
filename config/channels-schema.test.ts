import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "./index.ts";

const slack = { SLACK_SIGNING_SECRET: "s3cret", SLACK_BOT_TOKEN: "xoxb-1" };
const whatsapp = { WHATSAPP_VERIFY_TOKEN: "verify", WHATSAPP_APP_SECRET: "app", WHATSAPP_ACCESS_TOKEN: "EAAB", WHATSAPP_PHONE_NUMBER_ID: "1065" };

function problemText(source: Record<string, string>): string {
  try {
    loadConfig(source);
  } catch (error) {
    if (error instanceof ConfigError) return error.message;
    throw error;
  }
  throw new Error("expected a ConfigError");
}

describe("channel settings", () => {
  it("turn every channel off by default, with the server on 127.0.0.1:3000 and in-process delivery", () => {
    const { channels } = loadConfig({ BIZOS_DATA_DIR: "/tmp/x" });
    expect(channels.server).toEqual({ port: 3000, host: "127.0.0.1", publicUrl: null });
    expect([channels.slack, channels.whatsappCloud, channels.whatsappWeb, channels.email, channels.redisUrl]).toEqual([null, null, null, null, null]);
    expect(channels.memberMessagesPerMinute).toBe(20);
  });

  it("turn a channel on when its variables are all set", () => {
    const { channels } = loadConfig({ ...slack, ...whatsapp, SLACK_API_URL: "http://127.0.0.1:9/api", WHATSAPP_TEMPLATE: "daily_digest", BIZOS_DATA_DIR: "/tmp/x", WHATSAPP_WEB_ENABLED: "yes" });
    expect(channels.slack).toEqual({ signingSecret: "s3cret", botToken: "xoxb-1", apiUrl: "http://127.0.0.1:9/api/" });
    expect(channels.whatsappCloud?.template).toEqual({ name: "daily_digest", language: null });
    expect(channels.whatsappCloud?.graphUrl).toBe("https://graph.facebook.com");
    expect(channels.whatsappWeb).toEqual({ chromiumPath: "/usr/bin/chromium", sessionDir: "/tmp/x/whatsapp-web" });
  });

  it("name the missing variables when a channel is only partly configured", () => {
    const text = problemText({ SLACK_SIGNING_SECRET: "s", WHATSAPP_APP_SECRET: "a", SMTP_HOST: "mail.example.com" });
    expect(text).toContain("SLACK_BOT_TOKEN: Slack needs SLACK_SIGNING_SECRET, SLACK_BOT_TOKEN");
    for (const missing of ["WHATSAPP_VERIFY_TOKEN", "WHATSAPP_ACCESS_TOKEN", "WHATSAPP_PHONE_NUMBER_ID", "EMAIL_FROM"]) expect(text).toContain(`${missing}:`);
    expect(problemText({ SMTP_HOST: "h", EMAIL_FROM: "a@b.co", SMTP_USER: "u" })).toContain("SMTP_PASSWORD");
    expect(problemText({ REDIS_URL: "http://x" })).toContain("REDIS_URL: must start with redis://");
  });

  it("derive email settings: TLS on 465, replies to EMAIL_FROM unless a reply mailbox is set", () => {
    const email = loadConfig({ SMTP_HOST: "smtp.example.com", SMTP_PORT: "465", EMAIL_FROM: "bot@example.com" }).channels.email;
    expect(email?.smtp).toEqual({ host: "smtp.example.com", port: 465, secure: true, user: null, password: null });
    expect(email?.replyAddress).toBe("bot@example.com");
    expect(email?.inboundSecret).toBeNull();
    const withReply = loadConfig({ SMTP_HOST: "h", EMAIL_FROM: "bot@example.com", EMAIL_REPLY_ADDRESS: "reply@in.example.com", EMAIL_INBOUND_SECRET: "k" }).channels.email;
    expect(withReply?.smtp.secure).toBe(false);
    expect(withReply?.replyAddress).toBe("reply@in.example.com");
    expect(withReply?.inboundSecret).toBe("k");
  });
});
