import type { Command } from "commander";
import { createWorkspace, updateWorkspaceSettings } from "../../db/repositories/workspaces.ts";
import { hidesCostsFromViewers } from "../../engines/access/roles.ts";
import { LOCALES, VERTICALS, WEEK_STARTS } from "../../db/schema/core.ts";
import { withAppContext } from "../app-context.ts";
import { choiceOption } from "../options.ts";
import { requireWorkspace } from "../workspace-lookup.ts";
import { renderWorkspaceReport, workspaceReport } from "../workspace-report.ts";

export function slugify(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 63);
}

export function registerWorkspaceCommands(program: Command): void {
  const workspace = program.command("workspace").description("List and create workspaces (one per business)");

  workspace
    .command("list")
    .description("List workspaces with their data: date range, orders, revenue, MRR")
    .option("--json", "print JSON instead of a table")
    .action((options: { json?: boolean }) =>
      withAppContext({ migrate: true }, async ({ database, out }) => {
        const rows = await workspaceReport(database.db);
        if (options.json) out(JSON.stringify(rows, null, 2));
        else if (rows.length === 0) out("No workspaces yet. Create one with `npx bizos workspace create --name …` or load the demo with `npx bizos seed demo`.");
        else out(renderWorkspaceReport(rows));
      }),
    );

  workspace
    .command("create")
    .description("Create a workspace")
    .requiredOption("--name <name>", "display name, e.g. \"Moda Norte\"")
    .option("--slug <slug>", "short handle used as --workspace (default: from the name)")
    .option("--vertical <vertical>", `${VERTICALS.join(" | ")}`, choiceOption("vertical", VERTICALS), "ecommerce")
    .requiredOption("--currency <code>", "ISO 4217 currency, e.g. MXN, BRL, USD")
    .requiredOption("--timezone <zone>", "IANA time zone, e.g. America/Mexico_City")
    .option("--locale <locale>", `${LOCALES.join(" | ")}`, choiceOption("locale", LOCALES), "en")
    .option("--week-start <day>", `${WEEK_STARTS.join(" | ")}`, choiceOption("week-start", WEEK_STARTS), "monday")
    .action(
      (options: { name: string; slug?: string; vertical: (typeof VERTICALS)[number]; currency: string; timezone: string; locale: (typeof LOCALES)[number]; weekStart: (typeof WEEK_STARTS)[number] }) =>
        withAppContext({ migrate: true }, async ({ database, out }) => {
          const created = await createWorkspace(database.db, {
            name: options.name,
            slug: options.slug ?? slugify(options.name),
            vertical: options.vertical,
            currency: options.currency,
            timezone: options.timezone,
            locale: options.locale,
            weekStart: options.weekStart,
          });
          out(`Created workspace "${created.name}" (slug ${created.slug}, ${created.currency}, ${created.timezone}, ${created.locale}).`);
          out(`Import orders into it: npx bizos import csv orders.csv --workspace ${created.slug}`);
        }),
    );

  workspace
    .command("access")
    .description("Show or change what members may see: --hide-costs-from-viewers on keeps costs, profit and margins from viewers")
    .requiredOption("--workspace <slug>", "the workspace")
    .option("--hide-costs-from-viewers <on|off>", "withhold product costs, gross profit and margins from members with the viewer role", choiceOption("hide-costs-from-viewers", ["on", "off"] as const))
    .action((options: { workspace: string; hideCostsFromViewers?: "on" | "off" }) =>
      withAppContext({ migrate: true }, async ({ database, out }) => {
        const found = await requireWorkspace(database.db, options.workspace);
        if (options.hideCostsFromViewers !== undefined) {
          await updateWorkspaceSettings(database.db, found.id, { ...found.settings, hideCostsFromViewers: options.hideCostsFromViewers === "on" });
        }
        const hiding = options.hideCostsFromViewers === undefined ? hidesCostsFromViewers(found.settings) : options.hideCostsFromViewers === "on";
        out(`${found.name}: viewers ${hiding ? "do not see" : "see"} costs, profit and margins; only owners and admins may approve changes; viewers do not get budget moves or reorder suggestions.`);
      }),
    );
}
