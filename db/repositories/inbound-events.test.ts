import { expect, it } from "vitest";
import { describeDatabase } from "../../test/database.ts";
import { claimInboundEvent, pruneInboundEvents } from "./inbound-events.ts";

describeDatabase("inbound events", ({ db }) => {
  it("claims an event id once per channel", async () => {
    expect(await claimInboundEvent(db(), "slack", "Ev01")).toBe(true);
    expect(await claimInboundEvent(db(), "slack", "Ev01")).toBe(false);
    // The same id from another provider is another event.
    expect(await claimInboundEvent(db(), "whatsapp", "Ev01")).toBe(true);
    expect(await claimInboundEvent(db(), "slack", "Ev02")).toBe(true);
  });

  it("lets exactly one of two concurrent claims of one id win", async () => {
    for (let round = 0; round < 5; round++) {
      const results = await Promise.all([claimInboundEvent(db(), "email", `<m${round}@x>`), claimInboundEvent(db(), "email", `<m${round}@x>`)]);
      expect(results.filter(Boolean)).toHaveLength(1);
    }
  });

  it("prunes only events received before the cut-off, and then forgets them", async () => {
    await claimInboundEvent(db(), "slack", "old-1", new Date("2026-11-01T00:00:00Z"));
    await claimInboundEvent(db(), "slack", "old-2", new Date("2026-11-09T23:59:59Z"));
    await claimInboundEvent(db(), "slack", "new-1", new Date("2026-11-10T00:00:00Z"));
    expect(await pruneInboundEvents(db(), new Date("2026-11-10T00:00:00Z"))).toBe(2);
    expect(await pruneInboundEvents(db(), new Date("2026-11-10T00:00:00Z"))).toBe(0);
    expect(await claimInboundEvent(db(), "slack", "new-1")).toBe(false);
    // A pruned id is new again (a provider retrying after weeks is not a retry any more).
    expect(await claimInboundEvent(db(), "slack", "old-1")).toBe(true);
  });
});
