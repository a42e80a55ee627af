import { expect, it } from "vitest";
import { describeDatabase } from "../../test/database.ts";
import { findMemberSettings, findPreferenceSettings, listPreferenceSettings, MemberNotFoundError, savePreferenceSettings } from "./member-preferences.ts";
import { createMember, linkIdentity } from "./members.ts";
import { createWorkspace } from "./workspaces.ts";

describeDatabase("member preferences storage", ({ db }) => {
  it("stores settings per member of the workspace, replacing them whole, and lists every member", async () => {
    const tienda = await createWorkspace(db(), { name: "Tienda", slug: "tienda", currency: "MXN", timezone: "America/Mexico_City" });
    const otra = await createWorkspace(db(), { name: "Otra", slug: "otra", currency: "MXN", timezone: "America/Mexico_City" });
    const ana = await createMember(db(), { workspaceId: tienda.id, name: "Ana", role: "owner", language: "es" });
    const beto = await createMember(db(), { workspaceId: tienda.id, name: "Beto", role: "viewer", language: "es" });
    const carla = await createMember(db(), { workspaceId: otra.id, name: "Carla", role: "owner", language: "pt" });

    expect(await findPreferenceSettings(db(), tienda.id, ana.id)).toBeNull();
    await savePreferenceSettings(db(), tienda.id, ana.id, { digest: { time: "07:00" }, weekly: { enabled: false } });
    await savePreferenceSettings(db(), tienda.id, ana.id, { digest: { time: "06:30" } });
    expect(await findPreferenceSettings(db(), tienda.id, ana.id)).toEqual({ digest: { time: "06:30" } });
    await expect(savePreferenceSettings(db(), tienda.id, carla.id, {})).rejects.toThrow(MemberNotFoundError);
    await savePreferenceSettings(db(), otra.id, carla.id, { quietHours: null });
    expect(await findPreferenceSettings(db(), tienda.id, carla.id)).toBeNull();

    expect([...(await listPreferenceSettings(db(), tienda.id))]).toEqual([
      [ana.id, { digest: { time: "06:30" } }],
      [beto.id, null],
    ]);
  });

  it("reads a member with their settings and linked channels, most recently used first", async () => {
    const tienda = await createWorkspace(db(), { name: "Tienda", slug: "tienda", currency: "MXN", timezone: "America/Mexico_City" });
    const otra = await createWorkspace(db(), { name: "Otra", slug: "otra", currency: "MXN", timezone: "America/Mexico_City" });
    const ana = await createMember(db(), { workspaceId: tienda.id, name: "Ana", role: "owner", language: "es" });
    await linkIdentity(db(), { workspaceId: tienda.id, memberId: ana.id, channel: "email", address: "ana@example.com" });
    await linkIdentity(db(), { workspaceId: tienda.id, memberId: ana.id, channel: "slack", address: "U0ANA1" });
    await linkIdentity(db(), { workspaceId: tienda.id, memberId: ana.id, channel: "whatsapp", address: "+5215512345678" });
    expect((await findMemberSettings(db(), tienda.id, ana.id))?.linked).toEqual(["whatsapp", "slack", "email"]);
    await db().updateTable("channel_identities").set({ last_inbound_at: new Date("2026-11-20T10:00:00Z") }).where("channel", "=", "email").execute();
    const found = await findMemberSettings(db(), tienda.id, ana.id);
    expect(found).toMatchObject({ member: { id: ana.id, name: "Ana" }, settings: null, linked: ["email", "whatsapp", "slack"] });
    expect(await findMemberSettings(db(), otra.id, ana.id)).toBeNull();
  });
});
