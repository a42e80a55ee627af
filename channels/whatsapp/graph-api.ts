/**
 * The one door to Meta's Graph API for WhatsApp Cloud: sends messages and uploads media, parses
 * every answer with zod and turns failures into ProviderError (graph-errors.ts). Nothing else in
 * the code base talks to graph.facebook.com.
 */
import { z } from "zod";
import type { WhatsAppCloudSettings } from "../../config/channels-schema.ts";
import { systemClock, type Clock } from "../../lib/clock.ts";
import { ProviderError } from "../../lib/provider-error.ts";
import { graphErrorSchema, graphFailure } from "./graph-errors.ts";

interface ReplyButton {
  readonly type: "reply";
  readonly reply: { readonly id: string; readonly title: string };
}

/** A message as the Cloud API takes it, without the fields every message carries (messaging_product, recipient_type). */
export type WhatsAppOutgoingMessage = {
  /** The recipient's phone number in digits, without "+". */
  readonly to: string;
  /** Shows the message as a reply quoting this wamid. */
  readonly context?: { readonly message_id: string };
} & (
  | { readonly type: "text"; readonly text: { readonly body: string; readonly preview_url: boolean } }
  | {
      readonly type: "interactive";
      readonly interactive: {
        readonly type: "button";
        readonly body: { readonly text: string };
        readonly action: { readonly buttons: readonly ReplyButton[] };
      };
    }
  | { readonly type: "image"; readonly image: { readonly id: string; readonly caption?: string } }
  | {
      readonly type: "template";
      readonly template: {
        readonly name: string;
        readonly language: { readonly code: string };
        readonly components: readonly {
          readonly type: "body";
          readonly parameters: readonly { readonly type: "text"; readonly text: string }[];
        }[];
      };
    }
);

export interface WhatsAppGraphApi {
  /** Sends one message; the wamid Meta gave it. */
  sendMessage(message: WhatsAppOutgoingMessage): Promise<{ readonly messageId: string }>;
  /** Uploads a file for a later image message; its media id. */
  uploadMedia(file: Buffer, mimeType: string, filename: string): Promise<string>;
}

export interface GraphApiOptions {
  /** How long one call may take before it counts as a transient failure. */
  readonly fetchTimeoutMs?: number;
  readonly clock?: Clock;
}

const sentMessageSchema = z.object({ id: z.string().min(1), message_status: z.string().optional() });
const sendResponseSchema = z.object({
  messaging_product: z.literal("whatsapp"),
  contacts: z.array(z.object({ input: z.string(), wa_id: z.string() })).optional(),
  messages: z.tuple([sentMessageSchema], sentMessageSchema),
});

const mediaResponseSchema = z.object({ id: z.string().min(1) });

const DEFAULT_TIMEOUT_MS = 15_000;

export function createWhatsAppGraphApi(
  settings: Pick<WhatsAppCloudSettings, "accessToken" | "phoneNumberId" | "graphUrl" | "graphVersion">,
  options: GraphApiOptions = {},
): WhatsAppGraphApi {
  const timeoutMs = options.fetchTimeoutMs ?? DEFAULT_TIMEOUT_MS;
  const clock = options.clock ?? systemClock;
  const base = `${settings.graphUrl}/${settings.graphVersion}/${encodeURIComponent(settings.phoneNumberId)}`;

  async function call<T>(path: string, body: string | FormData, schema: z.ZodType<T>): Promise<T> {
    const headers: Record<string, string> = { authorization: `Bearer ${settings.accessToken}` };
    // FormData sets its own multipart content type with the boundary.
    if (typeof body === "string") headers["content-type"] = "application/json";
    let response: Response;
    let text: string;
    try {
      response = await fetch(`${base}/${path}`, { method: "POST", headers, body, signal: AbortSignal.timeout(timeoutMs) });
      text = await response.text();
    } catch (error) {
      const reason = error instanceof Error && error.name === "TimeoutError" ? `no answer within ${timeoutMs} ms` : describe(error);
      throw new ProviderError("whatsapp", { kind: "transient" }, `Graph API ${path} failed: ${reason}`);
    }
    const json = parseJson(text);
    if (!response.ok) {
      const parsed = graphErrorSchema.safeParse(json);
      throw graphFailure({
        httpStatus: response.status,
        error: parsed.success ? parsed.data.error : null,
        retryAfterHeader: response.headers.get("retry-after"),
        now: clock.now(),
      });
    }
    const parsed = schema.safeParse(json);
    // Meta may have acted on the call: retrying could send twice, so this is not retried.
    if (!parsed.success) throw new ProviderError("whatsapp", { kind: "permanent" }, `Graph API ${path} answered ${response.status} with an unexpected body: ${text.slice(0, 200)}`);
    return parsed.data;
  }

  return {
    async sendMessage(message) {
      const body = JSON.stringify({ messaging_product: "whatsapp", recipient_type: "individual", ...message });
      const answer = await call("messages", body, sendResponseSchema);
      return { messageId: answer.messages[0].id };
    },
    async uploadMedia(file, mimeType, filename) {
      const form = new FormData();
      form.append("messaging_product", "whatsapp");
      form.append("type", mimeType);
      form.append("file", new Blob([file], { type: mimeType }), filename);
      const answer = await call("media", form, mediaResponseSchema);
      return answer.id;
    },
  };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error ? `: ${error.cause.message}` : "";
  return `${error.message}${cause}`;
}
