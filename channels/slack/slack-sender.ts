/**
 * Delivers an outbox message to Slack: as Block Kit through a slash command's response_url, or
 * with chat.postMessage in the asker's thread; a chart follows as a PNG in the same place.
 */
import type { Logger } from "../../lib/logger.ts";
import { ProviderError } from "../../lib/provider-error.ts";
import type { ChannelSender, Delivery, SendOutcome } from "../outbound/channel-sender.ts";
import type { ChartSpec } from "../outbound/outbound-message.ts";
import type { SlackDestination } from "../outbound/recipients.ts";
import { toSlackMessage } from "./block-kit.ts";
import type { SlackWebApi } from "./slack-web-api.ts";

export interface SlackSenderOptions {
  readonly api: SlackWebApi;
  readonly renderChart: (spec: ChartSpec) => Buffer;
  readonly logger: Logger;
}

export function createSlackSender(options: SlackSenderOptions): ChannelSender<SlackDestination> {
  const { api, logger } = options;

  /**
   * The answer is already out when the chart goes: failing the delivery here would make the
   * worker post the text a second time, so a chart that cannot be drawn or uploaded is logged.
   */
  async function sendChart(chart: ChartSpec, channelId: string, threadTs: string | null, outboxId: number): Promise<void> {
    try {
      const png = options.renderChart(chart);
      await api.uploadFile({ channelId, threadTs, filename: chartFilename(chart.title), title: chart.title, png });
    } catch (error) {
      const fields = { outboxId, channelId, error, ...(error instanceof ProviderError ? { failure: error.failure.kind, providerCode: error.providerCode } : {}) };
      logger.error("slack chart upload failed; the answer was sent without it", fields);
    }
  }

  return {
    channel: "slack",
    async send(delivery: Delivery<SlackDestination>): Promise<SendOutcome> {
      const { destination, message } = delivery;
      const { text, blocks } = toSlackMessage(message);
      if (destination.responseUrl !== null) {
        await api.postToResponseUrl(destination.responseUrl, { response_type: "in_channel", replace_original: false, text, blocks });
        if (message.chart !== null) await sendChart(message.chart, destination.channelId, destination.threadTs, delivery.outboxId);
        // A response_url does not say which message it created.
        return { status: "sent", providerMessageId: null };
      }
      // A member's user id (a message we start: digest, alert, approval) means their DM with the app, opened first.
      const channel = /^[UW][A-Z0-9]+$/.test(destination.channelId) ? await api.openDirectMessage(destination.channelId) : destination.channelId;
      const posted = await api.postMessage({ channel, thread_ts: destination.threadTs, text, blocks });
      if (message.chart !== null) await sendChart(message.chart, posted.channel, destination.threadTs, delivery.outboxId);
      return { status: "sent", providerMessageId: posted.ts };
    },
  };
}

/** "Net sales by week" → "net-sales-by-week.png"; letters outside ASCII fall back to "chart". */
export function chartFilename(title: string): string {
  const slug = title
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60);
  return `${slug || "chart"}.png`;
}
