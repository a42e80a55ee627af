import { expect, it } from "vitest";
import { createWorkspace } from "../db/repositories/workspaces.ts";
import { createMember } from "../db/repositories/members.ts";
import { describeDatabase } from "../test/database.ts";
import { EMBEDDING_DIMENSIONS, forgetMemories, insertMemories, nearestMemories } from "./embedding-store.ts";

/** A unit vector pointing mostly along `axis`, with a small deterministic tilt. */
function direction(axis: number, tilt = 0): number[] {
  const v = new Array<number>(EMBEDDING_DIMENSIONS).fill(0);
  v[axis] = 1;
  v[(axis + 1) % EMBEDDING_DIMENSIONS] = tilt;
  return v;
}

describeDatabase("vector memory", ({ db }) => {
  it("stores vectors and returns nearest neighbours by cosine distance, within the workspace and member scope", async () => {
    const a = await createWorkspace(db(), { name: "A", slug: "a", currency: "USD", timezone: "UTC" });
    const b = await createWorkspace(db(), { name: "B", slug: "b", currency: "USD", timezone: "UTC" });
    const ana = await createMember(db(), { workspaceId: a.id, name: "Ana", role: "owner", language: "es" });
    const memories = [
      { content: "summer sale decided: 20% off", axis: 3, tilt: 0.1 },
      { content: "Meta ROAS question", axis: 40, tilt: 0 },
      { content: "price of the basic tee", axis: 200, tilt: 0 },
    ];
    await insertMemories(
      db(),
      memories.map((m) => ({ workspaceId: a.id, memberId: null, kind: "message" as const, content: m.content, embedding: direction(m.axis, m.tilt), model: "test" })),
    );
    await insertMemories(db(), [
      { workspaceId: a.id, memberId: ana.id, kind: "message", content: "Ana's private note on the sale", embedding: direction(3, 0.3), model: "test" },
      { workspaceId: b.id, memberId: null, kind: "message", content: "B's sale", embedding: direction(3), model: "test" },
    ]);

    const shared = await nearestMemories(db(), { workspaceId: a.id, memberId: null, embedding: direction(3), model: "test", limit: 2 });
    expect(shared.map((m) => m.content)).toEqual(["summer sale decided: 20% off", "Meta ROAS question"]);
    expect(shared[0]!.distance).toBeCloseTo(1 - 1 / Math.sqrt(1.01), 5);

    const forAna = await nearestMemories(db(), { workspaceId: a.id, memberId: ana.id, embedding: direction(3), model: "test", limit: 2 });
    expect(forAna.map((m) => m.content)).toEqual(["summer sale decided: 20% off", "Ana's private note on the sale"]);

    const ids = forAna.map((m) => m.id);
    expect(await forgetMemories(db(), b.id, ids)).toBe(0);
    expect(await forgetMemories(db(), a.id, ids)).toBe(2);
    const after = await nearestMemories(db(), { workspaceId: a.id, memberId: ana.id, embedding: direction(3), model: "test", limit: 5 });
    expect(after.map((m) => m.content)).toEqual(["Meta ROAS question", "price of the basic tee"]);
  });

  it("uses the HNSW cosine index for nearest-neighbour search", async () => {
    const result = await db()
      .selectFrom("pg_indexes" as never)
      .select(["indexdef" as never])
      .where("indexname" as never, "=", "memory_embeddings_hnsw" as never)
      .execute();
    expect(JSON.stringify(result)).toMatch(/hnsw \(embedding vector_cosine_ops\)/);
  });

  it("rejects vectors of the wrong size", async () => {
    const a = await createWorkspace(db(), { name: "A", slug: "a", currency: "USD", timezone: "UTC" });
    await expect(insertMemories(db(), [{ workspaceId: a.id, memberId: null, kind: "fact", content: "x", embedding: [1, 2, 3], model: "t" }])).rejects.toThrow(
      /384/,
    );
  });
});
