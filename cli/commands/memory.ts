/**
 * `bizos memory`: what conversation memory holds and what it recalls. `index` embeds the messages
 * not yet in memory now (the server's index-memory tick does it in the background), `recall` shows
 * the top memories for a question as a member would get them (with where and when each was said),
 * `list` the facts (entity memory: what members said the agents keep using) and the newest
 * memories, `remember` adds a fact by hand, and `forget` deletes memories — their text and vectors —
 * or, with --fact, a fact.
 */
import type { Command } from "commander";
import type { Db } from "../../db/database.ts";
import { listMembers } from "../../db/repositories/members.ts";
import type { Member, Workspace } from "../../db/schema/core.ts";
import { InputError } from "../../lib/input-error.ts";
import { formatMoney } from "../../lib/money.ts";
import { chooseEmbedder } from "../../memory/embeddings/choose-embedder.ts";
import { listFacts } from "../../memory/facts/fact-queries.ts";
import { forgetFact } from "../../memory/facts/forget-fact.ts";
import { keepFact, MAX_STATEMENT_LENGTH } from "../../memory/facts/remember-fact.ts";
import type { Fact, FactClaim, FactSubject } from "../../memory/facts/types.ts";
import { forget } from "../../memory/forget.ts";
import { indexWorkspaceFacts } from "../../memory/facts/index-facts.ts";
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
  return `${source.channel ?? "—"}, ${when(source.at)}`;
}

async function findMember(db: Db, workspace: Workspace, wanted: string | undefined): Promise<Member | null> {
  if (wanted === undefined) return null;
  const key = wanted.toLowerCase();
  const member = (await listMembers(db, workspace.id)).find((m) => String(m.id) === key || m.name.toLowerCase().startsWith(key));
  if (!member) throw new InputError(`No member "${wanted}" in ${workspace.slug}. See: npx bizos members list --workspace ${workspace.slug}`);
  return member;
}

function when(at: Date): string {
  return `${at.toISOString().slice(0, 16).replace("T", " ")}Z`;
}

function claimText(claim: FactClaim): string {
  switch (claim.kind) {
    case "no_discount":
      return "no discount";
    case "cost":
      return `cost ${formatMoney(claim.costCents, claim.currency, "en")}`;
    case "decision":
      return "decision";
    case "note":
      return "note";
  }
}

function subjectText(subject: FactSubject): string {
  const products = subject.kind === "product_line" ? ` (${subject.productIds.length} product${subject.productIds.length === 1 ? "" : "s"})` : "";
  return `${subject.label}${products}`;
}

function aboutText(fact: Fact): string {
  return fact.subjects.length === 0 ? "—" : fact.subjects.map(subjectText).join("; ");
}

function factsTable(facts: readonly Fact[]): string {
  return renderTable(
    ["id", "said", "who", "claim", "statement", "about"],
    facts.map((fact) => [String(fact.id), `${fact.channel}, ${when(fact.createdAt)}`, fact.saidBy.name ?? "—", claimText(fact.claim), shorten(fact.statement, 60), shorten(aboutText(fact), 50)]),
  );
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
        let facts = 0;
        for (let more = true; more; ) {
          const outcome = await indexWorkspaceFacts(database.db, embedder, workspace.id);
          facts += outcome.indexed;
          more = outcome.more;
        }
        const factNote = facts > 0 ? `; ${facts.toLocaleString("en")} facts re-embedded` : "";
        out(`${workspace.slug}: ${indexed.toLocaleString("en")} messages embedded with ${embedder.id}${replaced > 0 ? ` (${replaced.toLocaleString("en")} replaced vectors of another embedder)` : ""}${factNote}.`);
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
    .description("The workspace's facts (what members said the agents keep using: who, when, where, about what), then its newest memories (a member's private ones with --member)")
    .requiredOption("-w, --workspace <slug>", "workspace")
    .option("-m, --member <name|id>", "include this member's private memories")
    .option("--facts", "list only the facts")
    .option("--limit <n>", "how many of each", integerOption("limit", 1, 500), 20)
    .action((options: { workspace: string; member?: string; facts?: boolean; limit: number }) =>
      withAppContext({ migrate: true }, async ({ database, out }) => {
        const workspace = await requireWorkspace(database.db, options.workspace);
        const member = await findMember(database.db, workspace, options.member);
        const facts = await listFacts(database.db, workspace.id, { limit: options.limit });
        out(facts.length === 0 ? `${workspace.slug} has no facts yet. Add one with: npx bizos memory remember --workspace ${workspace.slug} "statement"` : `Facts\n${factsTable(facts)}`);
        if (options.facts) return;
        const listed = await listMemories(database.db, workspace.id, { memberId: member?.id ?? null, limit: options.limit });
        if (listed.length === 0) return out(`\n${workspace.slug} has no memories yet.`);
        const sources = await memorySources(database.db, workspace.id, listed);
        const members = await listMembers(database.db, workspace.id);
        out(`\nMemories\n${renderTable(["id", "kind", "said", "whose", "memory"], listed.map((m) => [String(m.id), m.kind, place(sources.get(m.id)), whose(m.memberId, members), shorten(m.content, 80)]))}`);
      }),
    );

  memory
    .command("remember")
    .description("Remember a fact by hand, as if said in chat: what it claims (no discount, a cost, a decision, a note) and what it is about (products, lines, SKUs, campaigns, competitors, people) are read from the statement")
    .argument("<statement>", 'what to remember, e.g. "we never discount the Classic line"')
    .requiredOption("-w, --workspace <slug>", "workspace")
    .option("-m, --member <name|id>", "who said it (default: nobody in particular)")
    .action((statement: string, options: { workspace: string; member?: string }) => {
      const text = statement.trim();
      if (text.length === 0) throw new InputError("Say what to remember, e.g. \"we never discount the Classic line\"");
      if (text.length > MAX_STATEMENT_LENGTH) throw new InputError(`A fact is at most ${MAX_STATEMENT_LENGTH.toLocaleString("en")} characters; this one has ${text.length.toLocaleString("en")}`);
      return withAppContext({ migrate: true }, async ({ config, database, clock, out }) => {
        const workspace = await requireWorkspace(database.db, options.workspace);
        const member = await findMember(database.db, workspace, options.member);
        const at = clock.now();
        const { fact, created } = await keepFact(database.db, chooseEmbedder(config), { workspaceId: workspace.id, statement: text, memberId: member?.id ?? null, channel: "cli", at, currency: workspace.currency });
        out(`${created ? "Remembered" : "Already remembered as"} fact ${fact.id} in ${workspace.slug}: ${claimText(fact.claim)}; about: ${aboutText(fact)}.`);
      });
    });

  memory
    .command("forget")
    .description("Forget memories by id (their vectors, their text and the text of the messages they came from), or a fact with --fact ID (the fact and its vectors); ids are in bizos memory list")
    .argument("[ids...]", "memory ids")
    .requiredOption("-w, --workspace <slug>", "workspace")
    .option("--fact <id>", "forget this fact", integerOption("fact", 1, Number.MAX_SAFE_INTEGER))
    .action((ids: string[], options: { workspace: string; fact?: number }) => {
      const parsed = ids.map((id) => {
        const n = Number(id);
        if (!Number.isSafeInteger(n) || n < 1) throw new InputError(`"${id}" is not a memory id (a positive whole number; see npx bizos memory list)`);
        return n;
      });
      if (parsed.length === 0 && options.fact === undefined) throw new InputError("Say what to forget: memory ids, or --fact ID (see npx bizos memory list)");
      return withAppContext({ migrate: true }, async ({ database, out }) => {
        const workspace = await requireWorkspace(database.db, options.workspace);
        if (options.fact !== undefined) {
          const fact = await forgetFact(database.db, workspace.id, options.fact);
          if (!fact) throw new InputError(`No fact ${options.fact} in ${workspace.slug}. See: npx bizos memory list --facts --workspace ${workspace.slug}`);
          out(`Forgot fact ${fact.id} in ${workspace.slug}: "${shorten(fact.statement, 80)}" (${fact.saidBy.name ?? "nobody in particular"}, ${fact.channel}, ${when(fact.createdAt)}).`);
        }
        if (parsed.length === 0) return;
        const forgotten = await forget(database.db, workspace.id, parsed);
        out(`Forgot ${forgotten} of ${parsed.length} memor${parsed.length === 1 ? "y" : "ies"} in ${workspace.slug}${forgotten < parsed.length ? " (the others were not in this workspace's memory)" : ""}.`);
      });
    });
}
