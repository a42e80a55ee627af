/**
 * A stand-in for Amazon's SP-API Listings Items 2021-08-01 on 127.0.0.1: GET and PATCH
 * /listings/2021-08-01/items/{sellerId}/{sku} with the x-amz-access-token header, answering in
 * SP-API's shapes (an `errors` list; 403 Unauthorized for a bad token; a submission with status
 * ACCEPTED or INVALID and issues). A PATCH must be the JSON Patch the price writer sends (op
 * replace on /attributes/purchasable_offer, the listing's productType); a price at or below zero,
 * or above the listing's maximum, is INVALID. Every answer carries x-amzn-RateLimit-Limit. It
 * records accepted price writes and can be scripted to fail the next requests.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { z } from "zod";

export interface FakeAmazonListing {
  readonly sku: string;
  readonly productType: string;
  readonly currency: string;
  readonly price: number;
  /** Amazon's maximum_seller_allowed_price guard: higher prices are INVALID. */
  readonly maximumPrice?: number;
}

export interface FakeAmazonWrite {
  readonly sku: string;
  readonly price: number;
  /** The whole purchasable_offer entry, to check what was kept. */
  readonly offer: Readonly<Record<string, unknown>>;
}

export interface FakeAmazonFailure {
  readonly status: number;
  readonly body?: unknown;
  readonly headers?: Readonly<Record<string, string>>;
}

export interface FakeAmazonSpApi {
  readonly url: string;
  readonly writes: readonly FakeAmazonWrite[];
  failNext(failure: FakeAmazonFailure, times?: number): void;
  priceOf(sku: string): number | undefined;
  close(): Promise<void>;
}

const patchSchema = z.strictObject({
  productType: z.string(),
  patches: z.tuple([
    z.strictObject({
      op: z.literal("replace"),
      path: z.literal("/attributes/purchasable_offer"),
      value: z.tuple([
        z
          .object({
            marketplace_id: z.string(),
            currency: z.string().length(3),
            our_price: z.tuple([z.object({ schedule: z.tuple([z.object({ value_with_tax: z.number() })]) })]),
          })
          .loose(),
      ]),
    }),
  ]),
});

interface Reply {
  readonly status: number;
  readonly body: unknown;
  readonly headers?: Readonly<Record<string, string>>;
}

const RATE_LIMIT = "5.0";
const spError = (status: number, code: string, message: string): Reply => ({ status, body: { errors: [{ code, message, details: "" }] } });

export async function startFakeAmazonSpApi(options: {
  readonly accessToken: string;
  readonly sellerId: string;
  readonly marketplaceId: string;
  readonly listings: readonly FakeAmazonListing[];
}): Promise<FakeAmazonSpApi> {
  // The offer fields other than the price, which a price patch must keep.
  const offerFields: Record<string, unknown> = { audience: "ALL" };
  const listings = new Map(options.listings.map((listing) => [listing.sku, { ...listing, extra: offerFields }]));
  const writes: FakeAmazonWrite[] = [];
  const failures: FakeAmazonFailure[] = [];
  let submissions = 0;

  function answer(req: IncomingMessage, body: string): Reply {
    if (req.headers["x-amz-access-token"] !== options.accessToken) return spError(403, "Unauthorized", "Access to requested resource is denied.");
    const failure = failures.shift();
    if (failure) return { status: failure.status, body: failure.body ?? { errors: [{ code: "InternalFailure", message: "scripted", details: "" }] }, headers: failure.headers };
    const url = new URL(req.url ?? "/", "http://fake");
    const route = /^\/listings\/2021-08-01\/items\/([^/]+)\/([^/]+)$/.exec(url.pathname);
    if (!route) return spError(404, "NotFound", "Resource not found");
    const sku = decodeURIComponent(route[2]!);
    const marketplaceId = url.searchParams.get("marketplaceIds");
    if (marketplaceId !== options.marketplaceId) return spError(400, "InvalidInput", "Invalid marketplaceIds");
    const listing = decodeURIComponent(route[1]!) === options.sellerId ? listings.get(sku) : undefined;
    if (!listing) return spError(404, "NOT_FOUND", `SKU '${sku}' not found in marketplace ${marketplaceId}`);

    if (req.method === "GET") {
      const included = (url.searchParams.get("includedData") ?? "summaries").split(",");
      return {
        status: 200,
        body: {
          sku,
          ...(included.includes("summaries") ? { summaries: [{ marketplaceId, asin: "B0FAKE0001", productType: listing.productType, conditionType: "new_new", status: ["BUYABLE"], itemName: `Listing ${sku}` }] } : {}),
          ...(included.includes("attributes")
            ? { attributes: { purchasable_offer: [{ ...listing.extra, marketplace_id: marketplaceId, currency: listing.currency, our_price: [{ schedule: [{ value_with_tax: listing.price }] }] }] } }
            : {}),
        },
      };
    }
    if (req.method !== "PATCH") return spError(405, "MethodNotAllowed", `${req.method ?? ""} is not supported`);
    let parsed: z.infer<typeof patchSchema>;
    try {
      parsed = patchSchema.parse(JSON.parse(body));
    } catch (error) {
      return spError(400, "InvalidInput", `Request body is invalid: ${String(error).slice(0, 200)}`);
    }
    const submissionId = `fake-submission-${++submissions}`;
    const offer = parsed.patches[0].value[0];
    const price = offer.our_price[0].schedule[0].value_with_tax;
    const issues = [
      ...(parsed.productType !== listing.productType ? [{ code: "4000003", message: `The product type ${parsed.productType} does not match ${listing.productType}.`, severity: "ERROR", attributeNames: [] }] : []),
      ...(offer.currency !== listing.currency ? [{ code: "90244", message: `currency must be ${listing.currency}.`, severity: "ERROR", attributeNames: ["purchasable_offer"] }] : []),
      ...(price <= 0 || (listing.maximumPrice !== undefined && price > listing.maximumPrice)
        ? [{ code: "8541", message: "The price is outside the allowed range for this listing.", severity: "ERROR", attributeNames: ["purchasable_offer"] }]
        : []),
    ];
    if (issues.length > 0) return { status: 200, body: { sku, status: "INVALID", submissionId, issues } };
    const { marketplace_id: _marketplace, currency: _currency, our_price: _price, ...extra } = offer;
    listing.price = price;
    listing.extra = extra;
    writes.push({ sku, price, offer });
    return { status: 200, body: { sku, status: "ACCEPTED", submissionId, issues: [] } };
  }

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const reply = answer(req, Buffer.concat(chunks).toString("utf8"));
      res.writeHead(reply.status, { "content-type": "application/json", "x-amzn-ratelimit-limit": RATE_LIMIT, "x-amzn-requestid": `req-${Date.now()}`, ...reply.headers });
      res.end(JSON.stringify(reply.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    writes,
    failNext(failure, times = 1) {
      for (let i = 0; i < times; i += 1) failures.push(failure);
    },
    priceOf: (sku) => listings.get(sku)?.price,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
