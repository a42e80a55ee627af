import type { App } from "@slack/bolt";
import { describe, expect, it } from "vitest";
import { fixedClock } from "../../lib/clock.ts";
import { InputError } from "../../lib/input-error.ts";
import { silentLogger } from "../../lib/logger.ts";
import { slackManifest, slackManifestTemplate } from "./manifest.ts";
import { SLACK_EVENTS_PATH } from "./slack-app.ts";
import { registerSlackListeners } from "./slack-listeners.ts";

/** What the app registers with Bolt, recorded by a stand-in with Bolt's registration methods. */
function registeredListeners(): { events: string[]; commands: string[]; actions: number } {
  const registered = { events: [] as string[], commands: [] as string[], actions: 0 };
  const recorder = {
    event: (name: string) => void registered.events.push(name),
    command: (name: string) => void registered.commands.push(name),
    action: () => void (registered.actions += 1),
  };
  registerSlackListeners(recorder as unknown as App, {
    handler: { handleMessage: () => Promise.reject(new Error("unused")), handleAction: () => Promise.reject(new Error("unused")) },
    clock: fixedClock("2026-11-21T15:00:00Z"),
    logger: silentLogger,
    askCommand: "/ask",
    track: () => undefined,
  });
  return registered;
}

/** The items of a YAML list that follows `key:` (the manifest's simple block style). */
function listAfter(yaml: string, key: string): string[] {
  const lines = yaml.split("\n");
  const start = lines.findIndex((line) => line.trim() === `${key}:`);
  expect(start, `${key} in the manifest`).toBeGreaterThanOrEqual(0);
  const items: string[] = [];
  for (const line of lines.slice(start + 1)) {
    const item = /^\s+- (\S+)\s*$/.exec(line);
    if (!item) break;
    items.push(item[1]!);
  }
  return items;
}

describe("Slack app manifest", () => {
  const manifest = slackManifest("https://bizos.example.com/");

  it("subscribes to every event, command and interaction the app listens to", () => {
    const registered = registeredListeners();
    // The message listener handles DMs only, which Slack calls message.im.
    const subscriptions = registered.events.map((event) => (event === "message" ? "message.im" : event));
    expect(subscriptions.length).toBeGreaterThan(0);
    expect(listAfter(manifest, "bot_events").sort()).toEqual([...subscriptions].sort());
    for (const command of registered.commands) expect(manifest).toContain(`- command: ${command}`);
    if (registered.actions > 0) expect(manifest).toMatch(/interactivity:\n\s+is_enabled: true/);
  });

  it("asks for the bot scopes those events and the sender need", () => {
    expect(listAfter(manifest, "bot").sort()).toEqual(["app_mentions:read", "chat:write", "commands", "files:write", "im:history", "im:read", "users:read"]);
  });

  it("points every request URL at the one events endpoint of the public URL", () => {
    const urls = [...manifest.matchAll(/^\s+(?:request_)?url: (\S+)$/gm)].map((match) => match[1]);
    expect(urls).toHaveLength(3);
    for (const url of urls) expect(url).toBe(`https://bizos.example.com${SLACK_EVENTS_PATH}`);
    expect(manifest).not.toContain("YOUR-PUBLIC-URL");
    expect(slackManifestTemplate()).toContain("https://YOUR-PUBLIC-URL/slack/events");
  });

  it("refuses a URL Slack would not call", () => {
    expect(() => slackManifest("http://localhost:3000")).toThrow(InputError);
    expect(() => slackManifest("not a url")).toThrow(InputError);
  });
});
