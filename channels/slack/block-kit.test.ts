import { describe, expect, it } from "vitest";
import { textMessage, type OutboundMessage } from "../outbound/outbound-message.ts";
import { MAX_SECTION_TEXT_CHARS, escapeSlackText, splitForSections, toSlackMessage } from "./block-kit.ts";

const answer: OutboundMessage = {
  text: "*Net sales* last week: MX$1,193,346 (▲ 85.1%).\nTop product: Tote <large> & co.",
  language: "en",
  subject: null,
  kpis: [
    { label: "Net sales", value: "MX$1,193,346", change: "▲ 85.1% vs the previous week" },
    { label: "Orders & returns", value: "412", change: null },
  ],
  freshness: "Data as of Nov 21, 09:00 (Shopify)",
  chart: null,
  buttons: [
    { id: "approve:4F2K", title: "Approve" },
    { id: "reject:4F2K", title: "Reject" },
  ],
};

describe("toSlackMessage", () => {
  it("lays out the text, the KPI fields, the freshness context and the buttons", () => {
    const { text, blocks } = toSlackMessage(answer);
    expect(text).toBe("Net sales last week: MX$1,193,346 (▲ 85.1%).\nTop product: Tote &lt;large&gt; &amp; co.");
    expect(blocks).toEqual([
      { type: "section", text: { type: "mrkdwn", text: "*Net sales* last week: MX$1,193,346 (▲ 85.1%).\nTop product: Tote &lt;large&gt; &amp; co." } },
      {
        type: "section",
        fields: [
          { type: "mrkdwn", text: "*Net sales*\nMX$1,193,346\n▲ 85.1% vs the previous week" },
          { type: "mrkdwn", text: "*Orders &amp; returns*\n412" },
        ],
      },
      { type: "context", elements: [{ type: "mrkdwn", text: "Data as of Nov 21, 09:00 (Shopify)" }] },
      {
        type: "actions",
        elements: [
          { type: "button", text: { type: "plain_text", text: "Approve", emoji: true }, action_id: "approve:4F2K", value: "approve:4F2K" },
          { type: "button", text: { type: "plain_text", text: "Reject", emoji: true }, action_id: "reject:4F2K", value: "reject:4F2K" },
        ],
      },
    ]);
  });

  it("sends a plain message as one section and nothing else", () => {
    expect(toSlackMessage(textMessage("Hola, *Ana*", "es"))).toEqual({ text: "Hola, Ana", blocks: [{ type: "section", text: { type: "mrkdwn", text: "Hola, *Ana*" } }] });
  });

  it("splits long text into sections under Slack's 3,000-character limit at line breaks", () => {
    const paragraph = (n: number) => `${n}: ${"sales & more ".repeat(60)}`.trim();
    const long = Array.from({ length: 12 }, (_, index) => paragraph(index)).join("\n\n");
    const { blocks } = toSlackMessage(textMessage(long, "en"));
    const texts = blocks.map((block) => (block.type === "section" && "text" in block ? block.text.text : ""));
    expect(texts.length).toBeGreaterThan(2);
    for (const chunk of texts) expect(chunk.length).toBeLessThanOrEqual(MAX_SECTION_TEXT_CHARS);
    // Nothing lost, nothing cut mid-paragraph.
    expect(texts.join("\n\n")).toBe(escapeSlackText(long));
  });

  it("never cuts an escaped entity in two when a line has no break", () => {
    const text = `${"x".repeat(2998)}&&&&`;
    const chunks = splitForSections(escapeSlackText(text), 3000);
    expect(chunks.join("")).toBe(escapeSlackText(text));
    for (const chunk of chunks) {
      expect(chunk.length).toBeLessThanOrEqual(3000);
      expect(chunk).toMatch(/^[^&]*(&amp;)*$/);
    }
  });

  it("keeps a message within Slack's 50 blocks", () => {
    const huge = Array.from({ length: 80 }, (_, index) => `${index} ${"y".repeat(2995)}`).join("\n");
    const { blocks } = toSlackMessage({ ...answer, text: huge });
    expect(blocks).toHaveLength(50);
    expect(blocks.at(-1)?.type).toBe("actions");
  });
});
