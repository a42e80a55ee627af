import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { createWorkspace } from "../db/repositories/workspaces.ts";
import { fixedClock } from "../lib/clock.ts";
import type { Progress } from "../lib/progress.ts";
import { describeDatabase } from "../test/database.ts";
import { InvalidDateError } from "./calendar.ts";
import { DEMO_SLUGS, DemoExistsError, defaultDemoEnd, seedDemo } from "./index.ts";

const OPTIONS = { orders: 400, seed: 5, end: "2026-06-01" } as const;

describeDatabase("seeding the demo", ({ db }) => {
  it("creates three workspaces with members, identities and the manifest, and replaces them only when asked", async () => {
    const phases: { label: string; total: number | null; done: number }[] = [];
    const progress: Progress = {
      start: (label, total) => phases.push({ label, total, done: 0 }),
      advance: (n) => {
        phases.at(-1)!.done += n;
      },
      finish: () => undefined,
    };
    const manifest = await seedDemo(db(), { ...OPTIONS, progress });
    expect(manifest.workspaces.map((w) => [w.slug, w.orders])).toEqual([
      ["demo", 400],
      ["demo-br", 100],
      ["demo-saas", 0],
    ]);
    expect(phases.find((p) => p.label === "demo orders")).toEqual({ label: "demo orders", total: 400, done: 400 });
    expect(phases.map((p) => p.label)).toEqual(expect.arrayContaining(["demo catalog", "demo-br orders", "demo inventory", "demo marketing", "demo-saas saas"]));
    // Every phase reports the rows it wrote, so no bar sits at zero while work is done.
    for (const label of ["demo marketing", "demo competitors", "demo-br marketing"]) {
      expect(phases.find((p) => p.label === label)?.done).toBeGreaterThan(0);
    }

    const workspaces = await db().selectFrom("workspaces").selectAll().orderBy("id").execute();
    expect(workspaces.map((w) => [w.slug, w.vertical, w.currency, w.locale, w.timezone, w.week_start])).toEqual([
      ["demo", "ecommerce", "MXN", "es", "America/Mexico_City", "monday"],
      ["demo-br", "ecommerce", "BRL", "pt", "America/Sao_Paulo", "sunday"],
      ["demo-saas", "saas", "USD", "en", "America/New_York", "monday"],
    ]);
    for (const workspace of workspaces) expect(workspace.settings["demo"]).toEqual({ status: "complete", ...JSON.parse(JSON.stringify(manifest)) });

    const members = await db()
      .selectFrom("members")
      .innerJoin("workspaces", "workspaces.id", "members.workspace_id")
      .select(["workspaces.slug", "workspaces.locale", "members.id", "members.role", "members.language"])
      .orderBy("members.id")
      .execute();
    for (const slug of DEMO_SLUGS) {
      const own = members.filter((m) => m.slug === slug);
      expect(own.map((m) => m.role)).toEqual(["owner", "admin", "analyst", "viewer"]);
      const foreign = own.filter((m) => m.language !== m.locale).map((m) => m.language);
      expect(foreign).toEqual(slug === "demo" ? ["en"] : []);
    }
    const identities = await db().selectFrom("channel_identities").select(["member_id", "channel", "external_id"]).execute();
    expect(identities).toHaveLength(36);
    for (const member of members) expect(identities.filter((i) => i.member_id === member.id).map((i) => i.channel).sort()).toEqual(["email", "slack", "whatsapp"]);
    for (const identity of identities) {
      const pattern = { whatsapp: /^\+[1-9]\d{9,14}$/, email: /^[a-z0-9.]+@[a-z0-9.-]+\.example$/, slack: /^U[A-Z0-9]{8,11}$/ }[identity.channel];
      expect(identity.external_id).toMatch(pattern);
    }
    expect(identities.filter((i) => i.channel === "whatsapp" && i.external_id.startsWith("+521"))).toHaveLength(4);

    // Seeding again refuses to touch the existing demo unless asked to replace it.
    const first = manifest;
    const counts = async () => {
      const row = await sql<{ orders: number; workspaces: number }>`
        select (select count(*)::int from orders) as orders, (select count(*)::int from workspaces) as workspaces`.execute(db());
      return row.rows[0];
    };
    const before = await counts();
    await expect(seedDemo(db(), OPTIONS)).rejects.toBeInstanceOf(DemoExistsError);
    expect(await counts()).toEqual(before);

    const second = await seedDemo(db(), { ...OPTIONS, replace: true });
    expect(await counts()).toEqual(before);
    expect(second.workspaces.map((w) => w.workspaceId)).not.toEqual(first.workspaces.map((w) => w.workspaceId));
    // Same options, same data: only the new database ids differ.
    const strip = (m: typeof first) => JSON.stringify(m).replace(/"(workspaceId|productId|variantId)":\d+|"variantIds":\[[\d,]+\]/g, "");
    expect(strip(second)).toBe(strip(first));
  });

  it("cleans up what a failed seed left behind when replacing, and leaves other workspaces alone", async () => {
    const own = await createWorkspace(db(), { name: "Mi Tienda", slug: "mi-tienda", currency: "MXN", timezone: "America/Mexico_City" });
    // A seed that died after creating its first workspace: settings.demo still says "seeding".
    await createWorkspace(db(), { name: "Moda Norte", slug: "demo", currency: "MXN", timezone: "America/Mexico_City", settings: { demo: { status: "seeding" } } });
    await expect(seedDemo(db(), OPTIONS)).rejects.toThrow(/demo/);
    const manifest = await seedDemo(db(), { ...OPTIONS, replace: true });
    const slugs = await db().selectFrom("workspaces").select(["id", "slug"]).orderBy("slug").execute();
    expect(slugs.map((w) => w.slug)).toEqual(["demo", "demo-br", "demo-saas", "mi-tienda"]);
    expect(slugs.find((w) => w.slug === "mi-tienda")!.id).toBe(own.id);
    expect(manifest.workspaces).toHaveLength(3);
  });
});

describe("seed options", () => {
  it("are validated before anything is written", async () => {
    const unused = {} as never;
    await expect(seedDemo(unused, { ...OPTIONS, orders: 99 })).rejects.toBeInstanceOf(RangeError);
    await expect(seedDemo(unused, { ...OPTIONS, orders: 1.5 })).rejects.toBeInstanceOf(RangeError);
    await expect(seedDemo(unused, { ...OPTIONS, seed: -1 })).rejects.toBeInstanceOf(RangeError);
    await expect(seedDemo(unused, { ...OPTIONS, end: "2026-02-30" })).rejects.toBeInstanceOf(InvalidDateError);
    await expect(seedDemo(unused, { ...OPTIONS, end: "06/01/2026" })).rejects.toBeInstanceOf(InvalidDateError);
  });

  it("default to ending at the start of today in Mexico City", () => {
    // 03:00 UTC on June 2 is still June 1 in Mexico City (UTC−6).
    expect(defaultDemoEnd(fixedClock("2026-06-02T03:00:00Z"))).toBe("2026-06-01");
    expect(defaultDemoEnd(fixedClock("2026-06-02T07:00:00Z"))).toBe("2026-06-02");
  });
});
