/**
 * `bizos memory`: what conversation memory holds and what it recalls. `index` embeds the messages
 * not yet in memory now (the server's index-memory tick does it in the background), `recall` shows
 * the top memories for a question as a member would get them (with where and when each was said),
 * `list` the newest memories, and `forget` deletes memories — their text and vectors.
 */
import type { Command } from "commander";
import type { Db } from "../../db/database.ts";
import { listMembers } from "../../db/repositories/members.ts";
import type { Member, Workspace } from "../../db/schema/core.ts";
import { InputError } from "../../lib/input-error.ts";
import { chooseEmbedder } from "../../memory/embeddings/choose-embedder.ts";
import { forget } from "../../memory/forget.ts";
import { indexWorkspaceMessages } from "../../memory/index-messages.ts";
import { listMemories, memorySources, type MemorySource } from "../../memory/memory-sources.ts";
import { recallMemories } from "../../memory/recall.ts";
import { withAppContext } from "../app-context.ts";
import { integerOption } from "../options.ts";
import { renderTable } from "../table.ts";
import { requireWorkspace } from "../workspace-lookup.ts";

function shorten(text: string, max: number): string {
  const line = text.replace(/\s+/g, " ").trim();
  return line.length <= max ? line : `${line.slice(0, max - 1)}…`;
}

function place(source: MemorySource | undefined): string {
  if (!source) return "—";
  return `${source.channel ?? "—"}, ${source.at.toISOString().slice(0, 16).replace("T", " ")}Z`;
}

async function findMember(db: Db, workspace: Workspace, wanted: string | undefined): Promise<Member | null> {
  if (wanted === undefined) return null;
  const key = wanted.toLowerCase();
  const member = (await listMembers(db, workspace.id)).find((m) => String(m.id) === key || m.name.toLowerCase().startsWith(key));
  if (!member) throw new InputError(`No member "${wanted}" in ${workspace.slug}. See: npx bizos members list --workspace ${workspace.slug}`);
  return member;
}

function whose(memberId: number | null, members: readonly Member[]): string {
  if (memberId === null) return "workspace";
  return `${members.find((m) => m.id === memberId)?.name ?? memberId} (private)`;
}

export function registerMemoryCommands(program: Command): void {
  const memory = program.command("memory").description("Conversation memory: index messages now, see what a question recalls, list and forget memories");

  memory
    .command("index")
    .description("Embed the workspace's messages that are not in memory yet (the server does this in the background)")
    .requiredOption("-w, --workspace <slug>", "workspace")
    .action((options: { workspace: string }) =>
      withAppContext({ migrate: true }, async ({ config, database, out }) => {
        const workspace = await requireWorkspace(database.db, options.workspace);
        const embedder = chooseEmbedder(config);
        let indexed = 0;
        let replaced = 0;
        for (let more = true; more; ) {
          const outcome = await indexWorkspaceMessages(database.db, embedder, workspace.id);
          indexed += outcome.indexed;
          replaced += outcome.replaced;
          more = outcome.more;
          if (more) process.stderr.write(`indexed ${indexed.toLocaleString("en")} messages…\n`);
        }
        out(`${workspace.slug}: ${indexed.toLocaleString("en")} messages embedded with ${embedder.id}${replaced > 0 ? ` (${replaced.toLocaleString("en")} replaced vectors of another embedder)` : ""}.`);
      }),
    );

  memory
    .command("recall")
    .description("The memories a question recalls, best first, with where and when each was said")
    .argument("<question>", "the question, as a member would ask it")
    .requiredOption("-w, --workspace <slug>", "workspace")
    .option("-m, --member <name|id>", "ask as this member (their private memories too); default: workspace memories only")
    .option("--limit <n>", "how many memories", integerOption("limit", 1, 50), 5)
    .action((question: string, options: { workspace: string; member?: string; limit: number }) =>
      withAppContext({ migrate: true }, async ({ config, database, clock, out }) => {
        const workspace = await requireWorkspace(database.db, options.workspace);
        const member = await findMember(database.db, workspace, options.member);
        const recalled = await recallMemories(database.db, chooseEmbedder(config), { workspaceId: workspace.id, memberId: member?.id ?? null, text: question, limit: options.limit, now: clock.now() });
        if (recalled.length === 0) return out(`Nothing in ${workspace.slug}'s memory matches. New messages are embedded by the server, or now with: npx bizos memory index --workspace ${workspace.slug}`);
        const sources = await memorySources(database.db, workspace.id, recalled);
        const members = await listMembers(database.db, workspace.id);
        out(renderTable(["#", "id", "said", "whose", "memory"], recalled.map((m, i) => [String(i + 1), String(m.id), place(sources.get(m.id)), whose(m.memberId, members), shorten(m.content, 80)])));
      }),
    );

  memory
    .command("list")
    .description("The newest memories of a workspace (a member's private ones with --member)")
    .requiredOption("-w, --workspace <slug>", "workspace")
    .option("-m, --member <name|id>", "include this member's private memories")
    .option("--limit <n>", "how many", integerOption("limit", 1, 500), 20)
    .action((options: { workspace: string; member?: string; limit: number }) =>
      withAppContext({ migrate: true }, async ({ database, out }) => {
        const workspace = await requireWorkspace(database.db, options.workspace);
        const member = await findMember(database.db, workspace, options.member);
        const listed = await listMemories(database.db, workspace.id, { memberId: member?.id ?? null, limit: options.limit });
        if (listed.length === 0) return out(`${workspace.slug} has no memories yet.`);
        const sources = await memorySources(database.db, workspace.id, listed);
        const members = await listMembers(database.db, workspace.id);
        out(renderTable(["id", "kind", "said", "whose", "memory"], listed.map((m) => [String(m.id), m.kind, place(sources.get(m.id)), whose(m.memberId, members), shorten(m.content, 80)])));
      }),
    );

  memory
    .command("forget")
    .description("Delete memories by id (see bizos memory list): their vectors, their text and the text of the messages they came from")
    .argument("<ids...>", "memory ids")
    .requiredOption("-w, --workspace <slug>", "workspace")
    .action((ids: string[], options: { workspace: string }) => {
      const parsed = ids.map((id) => {
        const n = Number(id);
        if (!Number.isSafeInteger(n) || n < 1) throw new InputError(`"${id}" is not a memory id (a positive whole number; see npx bizos memory list)`);
        return n;
      });
      return withAppContext({ migrate: true }, async ({ database, out }) => {
        const workspace = await requireWorkspace(database.db, options.workspace);
        const forgotten = await forget(database.db, workspace.id, parsed);
        out(`Forgot ${forgotten} of ${parsed.length} memor${parsed.length === 1 ? "y" : "ies"} in ${workspace.slug}${forgotten < parsed.length ? " (the others were not in this workspace's memory)" : ""}.`);
      });
    });
}
