import { expect, it } from "vitest";
import { createTestDatabase, describeDatabase } from "../test/database.ts";
import { demoFingerprint } from "./fingerprint.ts";
import { seedDemo } from "./index.ts";

const OPTIONS = { orders: 3000, seed: 7, end: "2026-03-15" } as const;

describeDatabase("demo seed determinism", ({ db, dialect }) => {
  it("writes identical data for the same seed, end and orders in two fresh databases, and different data for another seed", async () => {
    const first = await seedDemo(db(), OPTIONS);
    const second = await createTestDatabase(dialect);
    try {
      const again = await seedDemo(second.db, OPTIONS);
      expect(again).toEqual(first);
      const expected = await demoFingerprint(db());
      expect(expected.orders!.rows).toBe(3000 + 750);
      expect(expected.subscription_mrr_changes!.rows).toBeGreaterThan(0);
      expect(await demoFingerprint(second.db)).toEqual(expected);

      await seedDemo(second.db, { ...OPTIONS, seed: 8, replace: true });
      const other = await demoFingerprint(second.db);
      expect(other.orders!.md5).not.toBe(expected.orders!.md5);
      expect(other.subscriptions!.md5).not.toBe(expected.subscriptions!.md5);
      // The catalog's shape does not depend on the seed, but its prices and popularity do.
      expect(other.variants!.md5).not.toBe(expected.variants!.md5);
    } finally {
      await second.close();
    }
  });
});
