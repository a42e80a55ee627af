/** Which channels are on, and the URL each provider must call, for `bizos start` and `bizos channels`. */
import type { ChannelSettings } from "../config/index.ts";

export function channelReport(settings: ChannelSettings): string[] {
  const base = settings.server.publicUrl ?? "https://<PUBLIC_URL>";
  const line = (enabled: boolean, name: string, text: string, off: string) => `  ${enabled ? "on " : "off"}  ${name.padEnd(16)} ${enabled ? text : off}`;
  return [
    line(settings.slack !== null, "Slack", `${base}/slack/events (events, interactivity, /ask)`, "set SLACK_SIGNING_SECRET and SLACK_BOT_TOKEN"),
    line(settings.whatsappCloud !== null, "WhatsApp Cloud", `${base}/whatsapp/webhook${settings.whatsappCloud?.template ? `; template ${settings.whatsappCloud.template.name} outside 24 h` : "; outside 24 h messages wait (no WHATSAPP_TEMPLATE)"}`, "set WHATSAPP_VERIFY_TOKEN, WHATSAPP_APP_SECRET, WHATSAPP_ACCESS_TOKEN, WHATSAPP_PHONE_NUMBER_ID"),
    line(settings.whatsappWeb !== null, "whatsapp-web.js", `Chromium ${settings.whatsappWeb?.chromiumPath ?? ""}; session in ${settings.whatsappWeb?.sessionDir ?? ""}`, "set WHATSAPP_WEB_ENABLED=1"),
    line(
      settings.email !== null,
      "Email",
      `SMTP ${settings.email?.smtp.host ?? ""}:${settings.email?.smtp.port ?? ""} from ${settings.email?.from ?? ""}; ${settings.email?.inboundSecret ? `replies: POST ${base}/email/inbound` : "inbound off (set EMAIL_INBOUND_SECRET)"}`,
      "set SMTP_HOST and EMAIL_FROM",
    ),
    `  delivery: ${settings.redisUrl ? "BullMQ on Redis" : "in process (set REDIS_URL for BullMQ)"}; ${settings.memberMessagesPerMinute} messages a minute per member`,
  ];
}
