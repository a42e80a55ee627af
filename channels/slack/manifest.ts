/**
 * The Slack app manifest (manifest.yaml next to this file) with the server's public URL filled in,
 * for the CLI to print: a person pastes it into api.slack.com to create the app.
 */
import { readFileSync } from "node:fs";
import { InputError } from "../../lib/input-error.ts";

const PLACEHOLDER = "https://YOUR-PUBLIC-URL";

/** manifest.yaml as written, with the placeholder URL. */
export function slackManifestTemplate(): string {
  return readFileSync(new URL("./manifest.yaml", import.meta.url), "utf8");
}

/** The manifest with every request URL pointing at publicUrl (an https origin, optionally with a path). */
export function slackManifest(publicUrl: string): string {
  const base = publicUrl.trim().replace(/\/+$/, "");
  if (!URL.canParse(base) || new URL(base).protocol !== "https:") {
    throw new InputError(`Slack only sends requests to https URLs; got "${publicUrl}". Put a tunnel or proxy with https in front of the server and set PUBLIC_URL to it.`);
  }
  return slackManifestTemplate().replaceAll(PLACEHOLDER, base);
}
