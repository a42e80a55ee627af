import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runBizos } from "../../test/run-bizos.ts";

const dataDir = mkdtempSync(path.join(tmpdir(), "bizos-members-"));
const bizos = (...args: string[]) => runBizos(dataDir, args);

afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

// Each call starts a real process on PGlite (1–3 s), so the budget is generous.
describe("bizos members (embedded database)", { timeout: 300_000 }, () => {
  it("adds members in the workspace's language unless told, links their addresses and lists them", async () => {
    expect((await bizos("workspace", "create", "--name", "Tienda", "--currency", "MXN", "--timezone", "America/Mexico_City", "--locale", "es")).code).toBe(0);
    const ana = await bizos("members", "add", "--workspace", "tienda", "--name", "Ana", "--role", "owner");
    expect(ana.code).toBe(0);
    expect(ana.stdout).toContain("Added Ana (#1) to tienda as owner, answered in es.");
    expect((await bizos("members", "add", "--workspace", "tienda", "--name", "Beto", "--role", "viewer", "--language", "en")).stdout).toContain("Beto (#2)");

    const whatsapp = await bizos("members", "link", "--workspace", "tienda", "--member", "ana", "--whatsapp", "+52 1 55 1234 5678");
    expect(whatsapp.code).toBe(0);
    expect(whatsapp.stdout).toContain("Linked whatsapp +5215512345678 to Ana (#1)");
    expect((await bizos("members", "link", "--workspace", "tienda", "--member", "#2", "--slack", "u012ab3cd")).code).toBe(0);
    expect((await bizos("members", "link", "--workspace", "tienda", "--member", "1", "--email", "Ana@Example.com")).code).toBe(0);

    const list = await bizos("members", "list", "--workspace", "tienda");
    expect(list.code).toBe(0);
    expect(list.stdout).toMatch(/^#1\s+Ana\s+owner\s+es\s+email ana@example\.com, whatsapp \+5215512345678$/m);
    expect(list.stdout).toMatch(/^#2\s+Beto\s+viewer\s+en\s+slack U012AB3CD$/m);
    const json = JSON.parse((await bizos("members", "list", "--workspace", "tienda", "--json")).stdout) as { name: string; identities: string[] }[];
    expect(json.map((member) => [member.name, member.identities.length])).toEqual([["Ana", 2], ["Beto", 1]]);
  });

  it("refuses a taken address, a bad number, an unknown member and a link without exactly one address", async () => {
    // Runs after the test above, which linked Ana's number.
    const taken = await bizos("members", "link", "--workspace", "tienda", "--member", "Beto", "--whatsapp", "+5215512345678");
    expect(taken.code).toBe(1);
    expect(taken.stderr).toContain("whatsapp +5215512345678 is already linked to Ana (#1) in tienda");
    const again = await bizos("members", "link", "--workspace", "tienda", "--member", "Ana", "--whatsapp", "+52 155 1234 5678");
    expect(again.code).toBe(0);
    expect(again.stdout).toContain("already linked to Ana (#1)");

    const bad = await bizos("members", "link", "--workspace", "tienda", "--member", "Beto", "--whatsapp", "55-1234");
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('"55-1234" is not a phone number in E.164 form');
    const nobody = await bizos("members", "link", "--workspace", "tienda", "--member", "Carla", "--email", "carla@example.com");
    expect(nobody.code).toBe(1);
    expect(nobody.stderr).toContain('No member "Carla" in tienda');
    const two = await bizos("members", "link", "--workspace", "tienda", "--member", "Beto", "--email", "b@example.com", "--slack", "U999");
    expect(two.code).toBe(1);
    expect(two.stderr).toContain("Give exactly one address");
    const role = await bizos("members", "add", "--workspace", "tienda", "--name", "Carla", "--role", "boss");
    expect(role.code).toBe(1);
    expect(role.stderr).toContain("--role must be one of owner, admin, analyst, viewer");
    expect((await bizos("members", "list", "--workspace", "nope")).stderr).toContain('No workspace "nope"');
  });
});
