/**
 * A stand-in for Meta's Graph API (WhatsApp Cloud) on 127.0.0.1: POST /{version}/{phone-number-id}/messages
 * and /media with a Bearer token, answering and failing the way the real API does (error JSON with
 * Meta's codes: 190 for a bad token, 100 "Invalid parameter" for a malformed message). It checks
 * message bodies against the Cloud API's documented limits (4,096-character text, 1,024-character
 * interactive body, at most three buttons with 20-character titles, one-line template parameters),
 * records what was sent and uploaded, and can be scripted to fail the next sends.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { z } from "zod";

const to = z.string().regex(/^[1-9]\d{7,14}$/, "to must be the phone number in digits");
const common = {
  messaging_product: z.literal("whatsapp"),
  recipient_type: z.literal("individual").optional(),
  to,
  context: z.strictObject({ message_id: z.string().min(1) }).optional(),
};
const templateText = z
  .string()
  .min(1)
  .max(1024)
  .refine((text) => !/[\n\t]|\s{5,}/.test(text), "template parameters cannot have new lines, tabs or more than 4 consecutive spaces");

export const graphMessageSchema = z.discriminatedUnion("type", [
  z.strictObject({ ...common, type: z.literal("text"), text: z.strictObject({ body: z.string().min(1).max(4096), preview_url: z.boolean().optional() }) }),
  z.strictObject({
    ...common,
    type: z.literal("interactive"),
    interactive: z.strictObject({
      type: z.literal("button"),
      body: z.strictObject({ text: z.string().min(1).max(1024) }),
      action: z.strictObject({
        buttons: z
          .array(z.strictObject({ type: z.literal("reply"), reply: z.strictObject({ id: z.string().min(1).max(256), title: z.string().min(1).max(20) }) }))
          .min(1)
          .max(3),
      }),
    }),
  }),
  z.strictObject({
    ...common,
    type: z.literal("image"),
    image: z.strictObject({ id: z.string().min(1), caption: z.string().max(1024).optional() }),
  }),
  z.strictObject({
    ...common,
    type: z.literal("template"),
    template: z.strictObject({
      name: z.string().regex(/^[a-z0-9_]+$/),
      language: z.strictObject({ code: z.string().regex(/^[a-z]{2}(_[A-Z]{2})?$/) }),
      components: z.array(z.strictObject({ type: z.enum(["header", "body", "button"]), parameters: z.array(z.strictObject({ type: z.literal("text"), text: templateText })) })).optional(),
    }),
  }),
]);
export type GraphMessage = z.infer<typeof graphMessageSchema>;

export interface FakeSentMessage {
  readonly id: string;
  readonly body: GraphMessage;
}

export interface FakeUpload {
  readonly id: string;
  readonly mimeType: string;
  readonly filename: string;
  readonly bytes: Buffer;
}

/** How the next sends fail: Meta's common answers, or any status and code. */
export type FakeGraphFailure =
  | "rate_limit_429"
  | "throughput_130429"
  | "reengagement_131047"
  | "server_error_500"
  | { readonly status: number; readonly code: number | null; readonly message: string; readonly retryAfter?: string };

export interface FakeWhatsAppGraph {
  /** The Graph base URL for WhatsAppCloudSettings.graphUrl (no trailing slash). */
  readonly url: string;
  readonly sent: FakeSentMessage[];
  readonly uploads: FakeUpload[];
  /** Requests to /messages, including refused ones. */
  readonly sendAttempts: number;
  failNextSends(failure: FakeGraphFailure, times?: number): void;
  close(): Promise<void>;
}

interface GraphReply {
  readonly status: number;
  readonly body: unknown;
  readonly headers?: Readonly<Record<string, string>>;
}

const MAX_MEDIA_BYTES = 5 * 1024 * 1024;

function graphError(status: number, code: number, message: string, extra: Record<string, unknown> = {}): GraphReply {
  return { status, body: { error: { message, type: "OAuthException", code, ...extra, fbtrace_id: "AbCdEfGhIjK" } } };
}

function scriptedReply(failure: FakeGraphFailure): GraphReply {
  if (typeof failure === "object") {
    const headers: Record<string, string> = failure.retryAfter === undefined ? {} : { "retry-after": failure.retryAfter };
    if (failure.code === null) return { status: failure.status, body: `<html><body>${failure.message}</body></html>`, headers };
    return { ...graphError(failure.status, failure.code, failure.message), headers };
  }
  switch (failure) {
    case "rate_limit_429":
      return graphError(429, 4, "(#4) Application request limit reached");
    case "throughput_130429":
      return graphError(400, 130429, "(#130429) Rate limit hit", { error_data: { messaging_product: "whatsapp", details: "Cloud API message throughput has been reached." } });
    case "reengagement_131047":
      return graphError(400, 131047, "(#131047) Re-engagement message", {
        error_data: { messaging_product: "whatsapp", details: "Message failed to send because more than 24 hours have passed since the customer last replied to this number." },
      });
    case "server_error_500":
      return graphError(500, 131000, "(#131000) Something went wrong");
  }
}

export async function startFakeWhatsAppGraph(options: { readonly accessToken: string; readonly phoneNumberId: string }): Promise<FakeWhatsAppGraph> {
  const sent: FakeSentMessage[] = [];
  const uploads: FakeUpload[] = [];
  const failures: FakeGraphFailure[] = [];
  let sendAttempts = 0;
  let nextId = 1;

  async function answer(req: IncomingMessage, body: Buffer): Promise<GraphReply> {
    const route = /^\/(v\d+\.\d+)\/([^/?]+)\/(messages|media)$/.exec(req.url ?? "");
    if (req.method !== "POST" || !route) return graphError(400, 100, "Unknown path components", { error_subcode: 33 });
    if (req.headers.authorization !== `Bearer ${options.accessToken}`) return graphError(401, 190, "Invalid OAuth access token - Cannot parse access token");
    if (route[2] !== options.phoneNumberId) {
      return graphError(400, 100, `Unsupported post request. Object with ID '${route[2]}' does not exist, cannot be loaded due to missing permissions, or does not support this operation.`, { error_subcode: 33 });
    }
    return route[3] === "messages" ? sendMessage(body) : uploadMedia(req, body);
  }

  function sendMessage(raw: Buffer): GraphReply {
    sendAttempts += 1;
    const failure = failures.shift();
    if (failure !== undefined) return scriptedReply(failure);
    let json: unknown;
    try {
      json = JSON.parse(raw.toString("utf8"));
    } catch {
      return graphError(400, 100, "(#100) Invalid parameter", { error_data: { messaging_product: "whatsapp", details: "the body is not JSON" } });
    }
    const parsed = graphMessageSchema.safeParse(json);
    if (!parsed.success) {
      const details = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ");
      return graphError(400, 100, "(#100) Invalid parameter", { error_data: { messaging_product: "whatsapp", details } });
    }
    const message = parsed.data;
    if (message.type === "image" && !uploads.some((upload) => upload.id === message.image.id)) {
      return graphError(400, 100, "(#100) Invalid parameter", { error_data: { messaging_product: "whatsapp", details: "Param image['id'] is not a valid media id" } });
    }
    const id = `wamid.FAKE${String(nextId++).padStart(6, "0")}`;
    sent.push({ id, body: message });
    const accepted = message.type === "template" ? { id, message_status: "accepted" } : { id };
    return { status: 200, body: { messaging_product: "whatsapp", contacts: [{ input: message.to, wa_id: message.to }], messages: [accepted] } };
  }

  async function uploadMedia(req: IncomingMessage, raw: Buffer): Promise<GraphReply> {
    const contentType = req.headers["content-type"] ?? "";
    if (!contentType.startsWith("multipart/form-data")) return graphError(400, 100, "(#100) The parameter file is required.");
    const form = await new Response(raw, { headers: { "content-type": contentType } }).formData();
    const file = form.get("file");
    const type = form.get("type");
    if (form.get("messaging_product") !== "whatsapp") return graphError(400, 100, "(#100) The parameter messaging_product is required.");
    if (!(file instanceof Blob) || typeof type !== "string") return graphError(400, 100, "(#100) The parameter file is required.");
    if (!["image/png", "image/jpeg"].includes(type) || file.type !== type) return graphError(400, 131053, "(#131053) Media upload error", { error_data: { messaging_product: "whatsapp", details: `Unsupported image type ${type}` } });
    if (file.size > MAX_MEDIA_BYTES) return graphError(400, 131053, "(#131053) Media upload error", { error_data: { messaging_product: "whatsapp", details: "the file is larger than 5 MB" } });
    const id = String(900_000_000_000 + nextId++);
    uploads.push({ id, mimeType: type, filename: file instanceof File ? file.name : "", bytes: Buffer.from(await file.arrayBuffer()) });
    return { status: 200, body: { id } };
  }

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      answer(req, Buffer.concat(chunks))
        .catch((error: unknown) => graphError(500, 1, `An unknown error occurred: ${String(error)}`))
        .then((reply) => {
          const text = typeof reply.body === "string" ? reply.body : JSON.stringify(reply.body);
          const type = typeof reply.body === "string" ? "text/html" : "application/json";
          res.writeHead(reply.status, { "content-type": type, ...reply.headers });
          res.end(text);
        })
        .catch(() => res.destroy());
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    sent,
    uploads,
    get sendAttempts() {
      return sendAttempts;
    },
    failNextSends(failure, times = 1) {
      for (let i = 0; i < times; i += 1) failures.push(failure);
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
