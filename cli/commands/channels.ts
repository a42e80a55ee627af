import type { Command } from "commander";
import { slackManifest, slackManifestTemplate } from "../../channels/slack/manifest.ts";
import { getConfig } from "../../config/index.ts";
import { channelReport } from "../channel-report.ts";

export function registerChannelsCommand(program: Command): void {
  program
    .command("channels")
    .description("Show which channels are configured and the webhook URL each provider must call; --slack-manifest prints the Slack app manifest")
    .option("--slack-manifest", "print the Slack app manifest with PUBLIC_URL filled in (paste it at api.slack.com/apps → Create New App → From a manifest)")
    .action((options: { slackManifest?: boolean }) => {
      const { channels } = getConfig();
      if (options.slackManifest) {
        process.stdout.write(channels.server.publicUrl ? slackManifest(channels.server.publicUrl) : slackManifestTemplate());
        if (!channels.server.publicUrl) process.stderr.write("PUBLIC_URL is not set: replace https://YOUR-PUBLIC-URL in the manifest with your server's https address.\n");
        return;
      }
      process.stdout.write(`Server: ${channels.server.host}:${channels.server.port}${channels.server.publicUrl ? ` (public ${channels.server.publicUrl})` : " (set PUBLIC_URL to your tunnel or proxy)"}\n`);
      process.stdout.write(`${channelReport(channels).join("\n")}\n`);
    });
}
