import { expect, it } from "vitest";
import { MemberNotFoundError } from "../../db/repositories/member-preferences.ts";
import { createMember } from "../../db/repositories/members.ts";
import { createWorkspace } from "../../db/repositories/workspaces.ts";
import { describeDatabase } from "../../test/database.ts";
import { getPreferences, listPreferences, PreferencesError, updatePreferences } from "./member-preferences.ts";
import { DEFAULT_PREFERENCES } from "./preferences.ts";

describeDatabase("member preferences", ({ db }) => {
  async function setUp() {
    const tienda = await createWorkspace(db(), { name: "Tienda", slug: "tienda", currency: "MXN", timezone: "America/Mexico_City" });
    const otra = await createWorkspace(db(), { name: "Otra", slug: "otra", currency: "MXN", timezone: "America/Mexico_City" });
    const ana = await createMember(db(), { workspaceId: tienda.id, name: "Ana", role: "owner", language: "es" });
    const beto = await createMember(db(), { workspaceId: tienda.id, name: "Beto", role: "viewer", language: "es" });
    const carla = await createMember(db(), { workspaceId: otra.id, name: "Carla", role: "owner", language: "pt" });
    return { tienda, otra, ana, beto, carla };
  }

  it("reads the defaults until a member changes something, then merges each change into what they set", async () => {
    const { tienda, ana } = await setUp();
    expect(await getPreferences(db(), tienda.id, ana.id)).toEqual(DEFAULT_PREFERENCES);

    const first = await updatePreferences(db(), tienda.id, ana.id, { digest: { channels: ["slack", "email"] }, weekly: { enabled: false } });
    expect(first.digest).toEqual({ enabled: true, time: "08:00", channels: ["slack", "email"] });
    const second = await updatePreferences(db(), tienda.id, ana.id, { digest: { time: "07:00" }, alerts: { channels: ["slack", "slack"] }, quietHours: null });
    expect(second).toEqual({
      digest: { enabled: true, time: "07:00", channels: ["slack", "email"] },
      alerts: { enabled: true, channels: ["slack"] },
      weekly: { enabled: false },
      quietHours: null,
      timeZone: null,
    });
    expect(await getPreferences(db(), tienda.id, ana.id)).toEqual(second);

    // Only what differs from the defaults is stored: going back to a default stores nothing for it.
    await updatePreferences(db(), tienda.id, ana.id, { weekly: { enabled: true }, digest: { channels: null, time: "08:00" }, alerts: { channels: null }, quietHours: { start: "22:00", end: "07:00" } });
    const row = await db().selectFrom("member_preferences").select("settings").where("member_id", "=", ana.id).executeTakeFirstOrThrow();
    expect(row.settings).toEqual({});
    expect(await getPreferences(db(), tienda.id, ana.id)).toEqual(DEFAULT_PREFERENCES);
  });

  it("refuses invalid values and members of another workspace, storing nothing", async () => {
    const { tienda, otra, ana, carla } = await setUp();
    await expect(updatePreferences(db(), tienda.id, ana.id, { digest: { time: "7pm" } })).rejects.toThrow(PreferencesError);
    await expect(updatePreferences(db(), tienda.id, ana.id, { quietHours: { start: "25:00", end: "07:00" } })).rejects.toThrow(/quietHours/);
    await expect(updatePreferences(db(), tienda.id, ana.id, { timeZone: "Mars/Olympus" })).rejects.toThrow(/time zone/);
    await expect(updatePreferences(db(), tienda.id, ana.id, { alerts: { channels: ["sms" as "slack"] } })).rejects.toThrow(PreferencesError);
    await expect(updatePreferences(db(), tienda.id, carla.id, { weekly: { enabled: false } })).rejects.toThrow(MemberNotFoundError);
    expect(await db().selectFrom("member_preferences").selectAll().execute()).toEqual([]);
    // Another workspace never reads a member's preferences.
    await updatePreferences(db(), otra.id, carla.id, { weekly: { enabled: false } });
    expect(await getPreferences(db(), tienda.id, carla.id)).toEqual(DEFAULT_PREFERENCES);
  });

  it("lists every member of the workspace with their preferences in one map", async () => {
    const { tienda, otra, ana, beto, carla } = await setUp();
    await updatePreferences(db(), tienda.id, beto.id, { digest: { enabled: false }, timeZone: "Europe/Madrid" });
    await updatePreferences(db(), otra.id, carla.id, { weekly: { enabled: false } });
    const all = await listPreferences(db(), tienda.id);
    expect([...all.keys()]).toEqual([ana.id, beto.id]);
    expect(all.get(ana.id)).toEqual(DEFAULT_PREFERENCES);
    expect(all.get(beto.id)?.digest.enabled).toBe(false);
    expect(all.get(beto.id)?.timeZone).toBe("Europe/Madrid");
  });
});
