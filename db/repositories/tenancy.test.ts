import { randomBytes } from "node:crypto";
import { expect, it } from "vitest";
import { createSecretBox } from "../../lib/secret-box.ts";
import { describeDatabase } from "../../test/database.ts";
import { bulkInsert } from "../bulk-insert.ts";
import type { Db } from "../database.ts";
import { listConnectors, readConnectorCredentials, saveConnector } from "./connectors.ts";
import { createMember, findMemberByIdentity, IdentityError, linkIdentity, listMembers, normalizeIdentity } from "./members.ts";
import { summarizeWorkspace } from "./workspace-summary.ts";
import { createWorkspace, WorkspaceExistsError } from "./workspaces.ts";

async function twoWorkspaces(db: Db) {
  const a = await createWorkspace(db, { name: "Tienda A", slug: "a", currency: "mxn", timezone: "America/Mexico_City", locale: "es" });
  const b = await createWorkspace(db, { name: "Loja B", slug: "b", currency: "BRL", timezone: "America/Sao_Paulo", locale: "pt" });
  return { a, b };
}

async function addOrders(db: Db, workspaceId: number, totals: readonly number[]) {
  await bulkInsert(
    db,
    "orders",
    {
      workspace_id: "bigint",
      source: "text",
      external_id: "text",
      placed_at: "timestamptz",
      status: "text",
      currency: "char(3)",
      subtotal_cents: "bigint",
      total_cents: "bigint",
    },
    totals.map((total, i) => ({
      workspace_id: workspaceId,
      source: "test",
      external_id: `o${i}`,
      placed_at: new Date(Date.UTC(2026, 0, 1 + i)),
      status: "paid",
      currency: "MXN",
      subtotal_cents: total,
      total_cents: total,
    })),
  );
}

describeDatabase("tenant isolation", ({ db }) => {
  it("workspace A never sees B's orders, members or connectors", async () => {
    const { a, b } = await twoWorkspaces(db());
    await addOrders(db(), a.id, [1000, 2500]);
    await addOrders(db(), b.id, [99_900]);
    const box = createSecretBox(randomBytes(32));
    await saveConnector(db(), box, { workspaceId: a.id, provider: "shopify", credentials: { token: "a-token" } });
    const bConnector = await saveConnector(db(), box, { workspaceId: b.id, provider: "shopify", credentials: { token: "b-token" } });
    await createMember(db(), { workspaceId: a.id, name: "Ana", role: "owner", language: "es" });

    const summaryA = await summarizeWorkspace(db(), a.id);
    expect(summaryA.orders).toBe(2);
    expect(summaryA.revenueCents).toBe(3500);
    expect((await summarizeWorkspace(db(), b.id)).revenueCents).toBe(99_900);
    expect(await listMembers(db(), b.id)).toEqual([]);
    expect((await listConnectors(db(), a.id)).map((c) => c.workspace_id)).toEqual([a.id]);
    // B's connector id asked for through workspace A: nothing.
    expect(await readConnectorCredentials(db(), box, a.id, bConnector.id)).toBeUndefined();
    expect(await readConnectorCredentials(db(), box, b.id, bConnector.id)).toEqual({ token: "b-token" });
  });

  it("stores connector credentials only in sealed form", async () => {
    const { a } = await twoWorkspaces(db());
    const box = createSecretBox(randomBytes(32));
    const saved = await saveConnector(db(), box, { workspaceId: a.id, provider: "stripe", credentials: { apiKey: "sk_live_abc" } });
    const raw = await db().selectFrom("connectors").select("credentials_encrypted").where("id", "=", saved.id).executeTakeFirstOrThrow();
    expect(raw.credentials_encrypted).toMatch(/^v1\./);
    expect(raw.credentials_encrypted).not.toContain("sk_live_abc");
  });

  it("resolves a channel address to exactly one member and refuses a second link", async () => {
    const { a, b } = await twoWorkspaces(db());
    const ana = await createMember(db(), { workspaceId: a.id, name: "Ana", role: "owner", language: "es" });
    const bia = await createMember(db(), { workspaceId: b.id, name: "Bia", role: "viewer", language: "pt" });
    expect(await linkIdentity(db(), { workspaceId: a.id, memberId: ana.id, channel: "whatsapp", address: "+52 1 55 1234 5678" })).toBe("+5215512345678");
    await expect(linkIdentity(db(), { workspaceId: b.id, memberId: bia.id, channel: "whatsapp", address: "+5215512345678" })).rejects.toThrow(
      IdentityError,
    );
    // A member of B cannot be linked through workspace A.
    await expect(linkIdentity(db(), { workspaceId: a.id, memberId: bia.id, channel: "email", address: "bia@loja.com.br" })).rejects.toThrow(
      /not in this workspace/,
    );
    const found = await findMemberByIdentity(db(), "whatsapp", "5215512345678");
    expect(found?.name).toBe("Ana");
    expect(found?.workspace_slug).toBe("a");
    expect(await findMemberByIdentity(db(), "email", "nobody@example.com")).toBeUndefined();
  });

  it("refuses a duplicate slug and invalid settings with clear messages", async () => {
    await twoWorkspaces(db());
    await expect(createWorkspace(db(), { name: "Again", slug: "a", currency: "USD", timezone: "UTC" })).rejects.toThrow(WorkspaceExistsError);
    await expect(createWorkspace(db(), { name: "X", slug: "x", currency: "ZZZ", timezone: "UTC" })).rejects.toThrow(/ISO 4217/);
    await expect(createWorkspace(db(), { name: "X", slug: "x", currency: "USD", timezone: "Mars/Olympus" })).rejects.toThrow(/IANA/);
  });
});

it("normalizes channel addresses", () => {
  expect(normalizeIdentity("email", " Ana@Tienda.MX ")).toBe("ana@tienda.mx");
  expect(normalizeIdentity("slack", "u012ab3cd")).toBe("U012AB3CD");
  expect(() => normalizeIdentity("whatsapp", "12")).toThrow(IdentityError);
});
