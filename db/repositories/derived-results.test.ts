import { expect, it } from "vitest";
import { describeDatabase } from "../../test/database.ts";
import type { Db } from "../database.ts";
import { forgetDerivedResults, readDerivedResult, writeDerivedResult } from "./derived-results.ts";
import { createWorkspace } from "./workspaces.ts";

const PAST_DAY = "2026-03-10";
const AS_OF = "2026-03-15";

async function store(db: Db) {
  const workspace = await createWorkspace(db, { name: "Tienda", slug: "tienda", currency: "MXN", timezone: "America/Mexico_City", locale: "es" });
  const first = await readDerivedResult(db, workspace.id, "k:v1", AS_OF);
  await writeDerivedResult(db, { workspaceId: workspace.id, key: "k:v1", asOf: AS_OF, windowStart: "2026-03-01", generation: first.generation, result: { level: 2.5 } });
  return { workspace, first };
}

describeDatabase("derived results", ({ db }) => {
  it("reads back what was stored for the same key and day only", async () => {
    const { workspace, first } = await store(db());
    expect(first).toEqual({ generation: 0, result: null, found: false });
    expect(await readDerivedResult(db(), workspace.id, "k:v1", AS_OF)).toEqual({ generation: 0, result: { level: 2.5 }, found: true });
    expect((await readDerivedResult(db(), workspace.id, "k:v1", "2026-03-16")).found).toBe(false);
    expect((await readDerivedResult(db(), workspace.id, "other:v1", AS_OF)).found).toBe(false);
    const other = await createWorkspace(db(), { name: "Loja", slug: "loja", currency: "BRL", timezone: "America/Sao_Paulo", locale: "pt" });
    expect((await readDerivedResult(db(), other.id, "k:v1", AS_OF)).found).toBe(false);
  });

  it("keeps a result when only days it never read change (today's orders), forgets it when a day it read changes", async () => {
    const workspace = await createWorkspace(db(), { name: "Tienda", slug: "tienda", currency: "MXN", timezone: "America/Mexico_City", locale: "es" });
    // A result about a day still ahead of the database clock: new orders on or after as_of were never read.
    const asOf = "2099-03-15";
    const write = async () => {
      const lookup = await readDerivedResult(db(), workspace.id, "k:v1", asOf);
      await writeDerivedResult(db(), { workspaceId: workspace.id, key: "k:v1", asOf, windowStart: "2099-03-01", generation: lookup.generation, result: { level: 3 } });
    };
    await write();
    await forgetDerivedResults(db(), workspace.id, [asOf, "2099-03-20"]);
    const kept = await readDerivedResult(db(), workspace.id, "k:v1", asOf);
    expect(kept.found).toBe(true);
    await forgetDerivedResults(db(), workspace.id, ["2099-03-14"]);
    expect((await readDerivedResult(db(), workspace.id, "k:v1", asOf)).found).toBe(false);
    await write();
    // A change to any day before today moves the generation on: every stored result of the workspace is stale.
    await forgetDerivedResults(db(), workspace.id, ["2026-02-27"]);
    const stale = await readDerivedResult(db(), workspace.id, "k:v1", asOf);
    expect(stale.found).toBe(false);
    expect(stale.generation).toBeGreaterThan(kept.generation);
  });

  it("does not store a result computed while a writer changed a past day", async () => {
    const workspace = await createWorkspace(db(), { name: "Tienda", slug: "tienda", currency: "MXN", timezone: "America/Mexico_City", locale: "es" });
    const before = await readDerivedResult(db(), workspace.id, "k:v1", AS_OF);
    // The writer commits between the read and the write of a slow computation.
    await forgetDerivedResults(db(), workspace.id, [PAST_DAY]);
    const stored = await writeDerivedResult(db(), { workspaceId: workspace.id, key: "k:v1", asOf: AS_OF, windowStart: "2026-03-01", generation: before.generation, result: { level: 1 } });
    expect(stored).toBe(false);
    expect((await readDerivedResult(db(), workspace.id, "k:v1", AS_OF)).found).toBe(false);
  });

  it("forgets everything of one workspace on a rebuild", async () => {
    const { workspace } = await store(db());
    const other = await createWorkspace(db(), { name: "Loja", slug: "loja", currency: "BRL", timezone: "America/Sao_Paulo", locale: "pt" });
    const lookup = await readDerivedResult(db(), other.id, "k:v1", AS_OF);
    await writeDerivedResult(db(), { workspaceId: other.id, key: "k:v1", asOf: AS_OF, windowStart: "2026-03-01", generation: lookup.generation, result: [1, 2] });
    await forgetDerivedResults(db(), workspace.id, "all");
    expect((await readDerivedResult(db(), workspace.id, "k:v1", AS_OF)).found).toBe(false);
    expect((await readDerivedResult(db(), other.id, "k:v1", AS_OF)).result).toEqual([1, 2]);
  });
});
