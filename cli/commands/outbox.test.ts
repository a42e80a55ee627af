import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runBizos } from "../../test/run-bizos.ts";
import { openPglite } from "../../db/connection.ts";
import { claimOutbox, enqueueOutbox, findOutbox, markDead, type NewOutboxMessage } from "../../db/repositories/outbox.ts";
import { findWorkspaceBySlug } from "../../db/repositories/workspaces.ts";

const dataDir = mkdtempSync(path.join(tmpdir(), "bizos-outbox-"));
const bizos = (...args: string[]) => runBizos(dataDir, args);

/** Opens the CLI's embedded database in this process (no command is running meanwhile). */
async function withDatabase<T>(work: (db: Awaited<ReturnType<typeof openPglite>>["db"]) => Promise<T>): Promise<T> {
  const handle = await openPglite({ dataDir: path.join(dataDir, "pglite") });
  try {
    return await work(handle.db);
  } finally {
    await handle.close();
  }
}

afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe("bizos outbox (embedded database)", { timeout: 300_000 }, () => {
  it("lists failed messages by workspace and moves chosen ones back to pending for the server", async () => {
    for (const [name, slug] of [["Tienda", "tienda"], ["Loja", "loja"]]) {
      expect((await bizos("workspace", "create", "--name", name!, "--slug", slug!, "--currency", "MXN", "--timezone", "America/Mexico_City")).code).toBe(0);
    }
    const [deadA, deadB, deadC, pending] = await withDatabase(async (db) => {
      const tienda = await findWorkspaceBySlug(db, "tienda");
      const loja = await findWorkspaceBySlug(db, "loja");
      const message = { text: "Hola", language: "es", subject: null, kpis: [], freshness: null, chart: null, buttons: [] };
      const row = (workspaceId: number, key: string, to: string): NewOutboxMessage => ({
        workspaceId,
        memberId: null,
        destination: { channel: "whatsapp", to, transport: "cloud", replyToMessageId: null },
        message,
        kind: "reply",
        idempotencyKey: key,
        notBefore: new Date("2026-11-25T10:00:00Z"),
      });
      const ids: number[] = [];
      for (const [workspaceId, key, to, error] of [
        [tienda!.id, "a", "+5215511111111", "whatsapp: Graph API refused the call: (#131026) Message undeliverable (code 131026)"],
        [tienda!.id, "b", "+5215522222222", "gave up after 8 attempts: whatsapp: service unavailable"],
        [loja!.id, "c", "+5511999999999", "whatsapp: invalid token (code 190)"],
      ] as const) {
        const { id } = await enqueueOutbox(db, row(workspaceId, key, to));
        await claimOutbox(db, id, new Date("2026-11-25T10:00:00Z"));
        await markDead(db, id, error);
        ids.push(id);
      }
      ids.push((await enqueueOutbox(db, row(tienda!.id, "d", "+5215533333333"))).id);
      return ids as [number, number, number, number];
    });

    const failed = await bizos("outbox", "failed");
    expect(failed.code).toBe(0);
    expect(failed.stdout).toMatch(/^id\s+workspace\s+channel\s+recipient\s+attempts\s+last error\s+created$/m);
    expect(failed.stdout).toMatch(new RegExp(`^#${deadA}\\s+tienda\\s+whatsapp\\s+\\+5215511111111\\s+1\\s+whatsapp: Graph API refused the call: \\(#131026\\) Message undeliverable…\\s+\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}Z$`, "m"));
    expect(failed.stdout).toMatch(new RegExp(`^#${deadC}\\s+loja\\s+`, "m"));
    expect(failed.stdout).not.toContain(`#${pending} `);
    const tiendaOnly = await bizos("outbox", "failed", "--workspace", "tienda", "--json");
    expect((JSON.parse(tiendaOnly.stdout) as { id: number }[]).map((row) => row.id)).toEqual([deadB, deadA]);

    const retried = await bizos("outbox", "retry", String(deadA), `#${deadC}`, String(pending), "--workspace", "tienda");
    expect(retried.code).toBe(0);
    expect(retried.stdout).toContain(`Moved 1 message back to pending: #${deadA}.`);
    expect(retried.stdout).toContain("The running server (npm start) delivers them on its next sweep");
    expect(retried.stdout).toContain(`Not failed in tienda, left alone: #${deadC}, #${pending}.`);

    const all = await bizos("outbox", "retry", "--all");
    expect(all.stdout).toContain(`Moved 2 messages back to pending: #${deadB}, #${deadC}.`);
    expect((await bizos("outbox", "failed")).stdout).toContain("No failed messages.");
    const list = await bizos("outbox", "list", "--status", "pending");
    for (const id of [deadA, deadB, deadC, pending]) expect(list.stdout).toMatch(new RegExp(`^#${id}\\s+\\S+\\s+whatsapp\\s+\\S+\\s+pending\\s+0\\s`, "m"));
    await withDatabase(async (db) => expect(await findOutbox(db, deadA)).toMatchObject({ status: "pending", attempts: 0 }));
  });

  it("refuses a retry without ids or --all, with both, or with something that is not an id", async () => {
    const none = await bizos("outbox", "retry");
    expect(none.code).toBe(1);
    expect(none.stderr).toContain("Name the messages to retry");
    const both = await bizos("outbox", "retry", "1", "--all");
    expect(both.code).toBe(1);
    expect(both.stderr).toContain("Give ids or --all, not both.");
    const bad = await bizos("outbox", "retry", "abc");
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('"abc" is not an outbox message id');
    const status = await bizos("outbox", "list", "--status", "lost");
    expect(status.code).toBe(1);
    expect(status.stderr).toContain("--status must be one of pending, sending, sent, held, dead");
  });
});
