/**
 * `bizos members`: the people of a workspace and the channel addresses they write from. A message
 * from a linked WhatsApp number, Slack user or email address is answered as that member, in their
 * language and with their role's access; anyone else gets one polite "not recognised" reply.
 */
import type { Command } from "commander";
import type { Db } from "../../db/database.ts";
import { createMember, findMemberByIdentity, linkIdentity, listMembers, normalizeIdentity } from "../../db/repositories/members.ts";
import { LOCALES, ROLES, type IdentityChannel, type Locale, type Member, type Role, type Workspace } from "../../db/schema/core.ts";
import { InputError } from "../../lib/input-error.ts";
import { withAppContext } from "../app-context.ts";
import { choiceOption } from "../options.ts";
import { renderTable } from "../table.ts";
import { requireWorkspace } from "../workspace-lookup.ts";

/**
 * Every linked address of a workspace, by member. Kept here until db/repositories/members.ts has a
 * listing of identities; it reads one tenant-scoped table and writes nothing.
 */
async function identitiesByMember(db: Db, workspaceId: number): Promise<Map<number, string[]>> {
  const rows = await db
    .selectFrom("channel_identities")
    .select(["member_id", "channel", "external_id"])
    .where("workspace_id", "=", workspaceId)
    .orderBy("channel")
    .orderBy("external_id")
    .execute();
  const byMember = new Map<number, string[]>();
  for (const row of rows) byMember.set(row.member_id, [...(byMember.get(row.member_id) ?? []), `${row.channel} ${row.external_id}`]);
  return byMember;
}

/** The member a --member flag names: an id, or a name (case-insensitive) that only one member has. */
async function requireMember(db: Db, workspace: Workspace, reference: string): Promise<Member> {
  const members = await listMembers(db, workspace.id);
  const wanted = reference.trim().replace(/^#/, "");
  const byId = /^\d+$/.test(wanted) ? members.find((member) => member.id === Number(wanted)) : undefined;
  if (byId) return byId;
  const byName = members.filter((member) => member.name.toLocaleLowerCase() === wanted.toLocaleLowerCase());
  if (byName.length === 1 && byName[0]) return byName[0];
  if (byName.length > 1) {
    throw new InputError(`${byName.length} members of ${workspace.slug} are called "${reference}": use the id (${byName.map((member) => `#${member.id}`).join(", ")}).`);
  }
  throw new InputError(`No member "${reference}" in ${workspace.slug}. See: npx bizos members list --workspace ${workspace.slug}`);
}

interface LinkOptions {
  workspace: string;
  member: string;
  whatsapp?: string;
  slack?: string;
  email?: string;
}

/** The one address a link command names. */
function addressToLink(options: LinkOptions): { readonly channel: IdentityChannel; readonly address: string } {
  const given = (["whatsapp", "slack", "email"] as const).flatMap((channel) => {
    const address = options[channel];
    return address === undefined ? [] : [{ channel, address }];
  });
  const [only] = given;
  if (given.length !== 1 || !only) throw new InputError("Give exactly one address: --whatsapp +5215512345678, --slack U012AB3CD or --email ana@example.com.");
  return only;
}

export function registerMemberCommands(program: Command): void {
  const members = program.command("members").description("The people of a workspace and the WhatsApp, Slack and email addresses they write from");

  members
    .command("list")
    .description("List members with their role, language and linked addresses")
    .requiredOption("-w, --workspace <slug>", "the workspace")
    .option("--json", "print JSON instead of a table")
    .addHelpText("after", "\nExample:\n  npx bizos members list --workspace demo")
    .action((options: { workspace: string; json?: boolean }) =>
      withAppContext({ migrate: true }, async ({ database, out }) => {
        const workspace = await requireWorkspace(database.db, options.workspace);
        const people = await listMembers(database.db, workspace.id);
        const identities = await identitiesByMember(database.db, workspace.id);
        if (options.json) {
          return out(JSON.stringify(people.map((member) => ({ ...member, identities: identities.get(member.id) ?? [] })), null, 2));
        }
        if (people.length === 0) return out(`No members in ${workspace.slug} yet. Add one: npx bizos members add --workspace ${workspace.slug} --name "Ana" --role owner`);
        out(
          renderTable(
            ["id", "name", "role", "language", "linked addresses"],
            people.map((member) => [`#${member.id}`, member.name, member.role, member.language, (identities.get(member.id) ?? []).join(", ") || "— (link one: members link)"]),
          ),
        );
      }),
    );

  members
    .command("add")
    .description("Add a member (then link the addresses they write from)")
    .requiredOption("-w, --workspace <slug>", "the workspace")
    .requiredOption("--name <name>", 'how they are called, e.g. "Ana"')
    .requiredOption("--role <role>", `${ROLES.join(" | ")}: owners and admins may approve; viewers see no spend tools`, choiceOption("role", ROLES))
    .option("--language <language>", `${LOCALES.join(" | ")} (default: the workspace's)`, choiceOption("language", LOCALES))
    .addHelpText("after", '\nExamples:\n  npx bizos members add --workspace demo --name "Ana" --role owner\n  npx bizos members add --workspace demo --name "Beto" --role viewer --language en')
    .action((options: { workspace: string; name: string; role: Role; language?: Locale }) => {
      const name = options.name.trim();
      if (name.length === 0 || name.length > 200) throw new InputError("--name must be 1 to 200 characters.");
      return withAppContext({ migrate: true }, async ({ database, out }) => {
        const workspace = await requireWorkspace(database.db, options.workspace);
        const member = await createMember(database.db, { workspaceId: workspace.id, name, role: options.role, language: options.language ?? workspace.locale });
        out(`Added ${member.name} (#${member.id}) to ${workspace.slug} as ${member.role}, answered in ${member.language}.`);
        out(`Link where they write from: npx bizos members link --workspace ${workspace.slug} --member ${member.id} --whatsapp +5215512345678`);
      });
    });

  members
    .command("link")
    .description("Link a WhatsApp number, Slack user or email address to a member")
    .requiredOption("-w, --workspace <slug>", "the workspace")
    .requiredOption("--member <id or name>", "the member: their id (#3 or 3) or their name")
    .option("--whatsapp <phone>", "phone in international form, e.g. +52 1 55 1234 5678")
    .option("--slack <user id>", "Slack user id, e.g. U012AB3CD (profile → ⋮ → Copy member ID)")
    .option("--email <address>", "email address, e.g. ana@example.com")
    .addHelpText(
      "after",
      '\nAn address belongs to one member only.\n\nExamples:\n  npx bizos members link --workspace demo --member Ana --whatsapp "+52 1 55 1234 5678"\n  npx bizos members link --workspace demo --member 3 --slack U012AB3CD\n  npx bizos members link --workspace demo --member Ana --email ana@example.com',
    )
    .action((options: LinkOptions) => {
      const { channel, address } = addressToLink(options);
      return withAppContext({ migrate: true }, async ({ database, out }) => {
        const workspace = await requireWorkspace(database.db, options.workspace);
        const member = await requireMember(database.db, workspace, options.member);
        const owner = await findMemberByIdentity(database.db, channel, address);
        if (owner?.id === member.id) return out(`${channel} ${normalizeIdentity(channel, address)} is already linked to ${member.name} (#${member.id}).`);
        if (owner) throw new InputError(`${channel} ${normalizeIdentity(channel, address)} is already linked to ${owner.name} (#${owner.id}) in ${owner.workspace_slug}; an address belongs to one member.`);
        const linked = await linkIdentity(database.db, { workspaceId: workspace.id, memberId: member.id, channel, address });
        out(`Linked ${channel} ${linked} to ${member.name} (#${member.id}) in ${workspace.slug}: messages from it are answered as ${member.name}.`);
      });
    });
}
