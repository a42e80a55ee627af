/**
 * The real whatsapp-web.js pieces: a Client driving the system Chromium with its login kept in
 * settings.sessionDir (so a restart needs no new QR scan), and MessageMedia for charts. Offline,
 * initialize() rejects (web.whatsapp.com is unreachable) and the adapter keeps retrying with
 * backoff; the adapter and sender are tested with a stand-in client instead.
 */
import pkg from "whatsapp-web.js";
import type { WhatsAppWebSettings } from "../../config/channels-schema.ts";
import type { WhatsAppWebClient, WhatsAppWebMedia } from "./adapter.ts";

// whatsapp-web.js is CommonJS: its classes come from the default export.
const { Client, LocalAuth, MessageMedia } = pkg;

export function createRealWhatsAppWebClient(settings: WhatsAppWebSettings): WhatsAppWebClient {
  return new Client({
    authStrategy: new LocalAuth({ dataPath: settings.sessionDir }),
    puppeteer: {
      executablePath: settings.chromiumPath,
      headless: true,
      // Containers: no user namespaces for the sandbox and a small /dev/shm.
      args: ["--no-sandbox", "--disable-dev-shm-usage"],
    },
  });
}

export function toWhatsAppWebMedia(png: Buffer, filename: string): WhatsAppWebMedia {
  return new MessageMedia("image/png", png.toString("base64"), filename, png.length);
}
