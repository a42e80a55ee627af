/**
 * The one rule for where a member's digest and alerts go, on both shapes it is used with: bare
 * channels (the notification_preferences tool) and addresses on channels (the sending jobs).
 */
import { describe, expect, it } from "vitest";
import { alertChannels, byLastWritten, chosenChannels } from "./channel-choice.ts";

const at = (iso: string) => new Date(iso);

describe("a member's channels", () => {
  it("are ordered by the one last written from, then WhatsApp, Slack, email", () => {
    const reach = [
      { channel: "email" as const, address: "ana@tienda.mx", lastInboundAt: null },
      { channel: "slack" as const, address: "U0ANA", lastInboundAt: at("2026-11-20T10:00:00Z") },
      { channel: "whatsapp" as const, address: "+5215512345678", lastInboundAt: null },
    ];
    expect([...reach].sort(byLastWritten).map((r) => r.channel)).toEqual(["slack", "whatsapp", "email"]);
    const never = reach.map((r) => ({ ...r, lastInboundAt: null }));
    expect([...never].sort(byLastWritten).map((r) => r.channel)).toEqual(["whatsapp", "slack", "email"]);
  });
});

describe("the digest's channels", () => {
  it("are every reachable one when none are chosen, in the member's order", () => {
    expect(chosenChannels(["slack", "whatsapp", "email"], null)).toEqual(["slack", "whatsapp", "email"]);
  });

  it("are the chosen ones the member can be reached on, in the member's order, not the order chosen", () => {
    expect(chosenChannels(["slack", "whatsapp"], ["whatsapp", "email", "slack"])).toEqual(["slack", "whatsapp"]);
    expect(chosenChannels(["slack", "whatsapp"], ["email"])).toEqual([]);
    expect(chosenChannels(["slack", "whatsapp"], [])).toEqual([]);
  });

  it("keep the addresses when given addresses", () => {
    const reach = [
      { channel: "whatsapp" as const, address: "+5215512345678" },
      { channel: "email" as const, address: "ana@tienda.mx" },
    ];
    expect(chosenChannels(reach, ["email"])).toEqual([{ channel: "email", address: "ana@tienda.mx" }]);
  });
});

describe("the alerts' channels", () => {
  it("are only the one last written from when none are chosen", () => {
    expect(alertChannels(["slack", "whatsapp", "email"], null)).toEqual(["slack"]);
    expect(alertChannels([{ channel: "email" as const, address: "ana@tienda.mx" }], null)).toEqual([{ channel: "email", address: "ana@tienda.mx" }]);
  });

  it("are every chosen reachable one when some are chosen", () => {
    expect(alertChannels(["slack", "whatsapp", "email"], ["email", "whatsapp"])).toEqual(["whatsapp", "email"]);
  });

  it("are none when the member cannot be reached", () => {
    expect(alertChannels([], null)).toEqual([]);
    expect(alertChannels(["slack"], ["whatsapp"])).toEqual([]);
  });
});
