/**
 * `bizos outbox`: what delivery gave up on, and a person's decision to try again. Retrying only moves
 * rows back to pending; the running server's deliverer sends them on its next sweep, so a message
 * is still sent from one place only.
 */
import type { Command } from "commander";
import { listDead, listOutbox, retryDead, type OutboxListing } from "../../db/repositories/outbox.ts";
import { OUTBOX_STATUSES, type OutboxStatus } from "../../db/schema/operations.ts";
import { InputError } from "../../lib/input-error.ts";
import { withAppContext } from "../app-context.ts";
import { choiceOption, integerOption } from "../options.ts";
import { renderTable } from "../table.ts";
import { requireWorkspace } from "../workspace-lookup.ts";

const PICKED_UP = "The running server (npm start) delivers them on its next sweep, within a minute; nothing is sent from here.";

function shorten(text: string, max: number): string {
  const line = text.replace(/\s+/g, " ").trim();
  return line.length <= max ? line : `${line.slice(0, max - 1)}…`;
}

function minute(instant: Date): string {
  return `${instant.toISOString().slice(0, 16).replace("T", " ")}Z`;
}

function renderRows(rows: readonly OutboxListing[], withStatus: boolean): string {
  const headers = ["id", "workspace", "channel", "recipient", ...(withStatus ? ["status"] : []), "attempts", "last error", "created"];
  return renderTable(
    headers,
    rows.map((row) => [
      `#${row.id}`,
      row.workspace_slug ?? "(unknown sender)",
      row.channel,
      shorten(row.recipient, 40),
      ...(withStatus ? [row.status] : []),
      String(row.attempts),
      row.last_error === null ? "—" : shorten(row.last_error, 70),
      minute(row.created_at),
    ]),
  );
}

function outboxIdArgument(raw: string): number {
  const cleaned = raw.replace(/^#/, "");
  const id = Number(cleaned);
  if (!/^\d+$/.test(cleaned) || !Number.isSafeInteger(id) || id < 1) throw new InputError(`"${raw}" is not an outbox message id (see: npx bizos outbox failed)`);
  return id;
}

interface ListOptions {
  workspace?: string;
  limit: number;
  json?: boolean;
}

export function registerOutboxCommands(program: Command): void {
  const outbox = program.command("outbox").description("Outbound messages: see what could not be delivered and send it again");

  outbox
    .command("failed")
    .description("List messages delivery gave up on (dead), newest first")
    .option("-w, --workspace <slug>", "only this workspace's messages")
    .option("--limit <n>", "how many to show", integerOption("limit", 1, 10_000), 50)
    .option("--json", "print the rows as JSON, errors in full")
    .addHelpText("after", "\nExamples:\n  npx bizos outbox failed\n  npx bizos outbox failed --workspace demo --limit 10\n  npx bizos outbox retry 12 15      then the server sends them again")
    .action((options: ListOptions) =>
      withAppContext({ migrate: true }, async ({ database, out }) => {
        const workspace = options.workspace ? await requireWorkspace(database.db, options.workspace) : undefined;
        const rows = await listDead(database.db, { workspaceId: workspace?.id, limit: options.limit });
        if (options.json) return out(JSON.stringify(rows, null, 2));
        if (rows.length === 0) return out(`No failed messages${workspace ? ` in ${workspace.slug}` : ""}.`);
        out(renderRows(rows, false));
        out(`\n${rows.length} failed. Fix the cause (a wrong number, an expired token), then: npx bizos outbox retry <id…> | --all`);
      }),
    );

  outbox
    .command("retry")
    .description("Move failed (dead) messages back to pending, with a fresh set of attempts")
    .argument("[ids...]", "ids from `bizos outbox failed`")
    .option("--all", "every failed message (of --workspace, when given)")
    .option("-w, --workspace <slug>", "only this workspace's messages")
    .addHelpText(
      "after",
      `\n${PICKED_UP}\nA message that was interrupted mid-send may have reached the person already: check before retrying it.\n\nExamples:\n  npx bizos outbox retry 12 15\n  npx bizos outbox retry --all --workspace demo`,
    )
    .action((rawIds: string[], options: { all?: boolean; workspace?: string }) => {
      const ids = rawIds.map(outboxIdArgument);
      if (ids.length === 0 && !options.all) throw new InputError("Name the messages to retry (ids from `npx bizos outbox failed`), or pass --all.");
      if (ids.length > 0 && options.all) throw new InputError("Give ids or --all, not both.");
      return withAppContext({ migrate: true }, async ({ database, out }) => {
        const workspace = options.workspace ? await requireWorkspace(database.db, options.workspace) : undefined;
        const moved = await retryDead(database.db, { ids: options.all ? undefined : ids, workspaceId: workspace?.id });
        const untouched = ids.filter((id) => !moved.includes(id));
        if (moved.length === 0) out("No failed messages matched: nothing to retry.");
        else out(`Moved ${moved.length} message${moved.length === 1 ? "" : "s"} back to pending: ${moved.map((id) => `#${id}`).join(", ")}.\n${PICKED_UP}`);
        if (untouched.length > 0) out(`Not failed${workspace ? ` in ${workspace.slug}` : ""}, left alone: ${untouched.map((id) => `#${id}`).join(", ")}.`);
      });
    });

  outbox
    .command("list")
    .description("List outbound messages, newest first")
    .option("--status <status>", OUTBOX_STATUSES.join(" | "), choiceOption("status", OUTBOX_STATUSES))
    .option("-w, --workspace <slug>", "only this workspace's messages")
    .option("--limit <n>", "how many to show", integerOption("limit", 1, 10_000), 50)
    .option("--json", "print the rows as JSON")
    .addHelpText("after", "\nExamples:\n  npx bizos outbox list --status held      waiting for the person to write again (WhatsApp's 24-hour window)\n  npx bizos outbox list --workspace demo --limit 20")
    .action((options: ListOptions & { status?: OutboxStatus }) =>
      withAppContext({ migrate: true }, async ({ database, out }) => {
        const workspace = options.workspace ? await requireWorkspace(database.db, options.workspace) : undefined;
        const rows = await listOutbox(database.db, { status: options.status, workspaceId: workspace?.id, limit: options.limit });
        if (options.json) return out(JSON.stringify(rows, null, 2));
        if (rows.length === 0) return out("No messages match.");
        out(renderRows(rows, true));
      }),
    );
}
