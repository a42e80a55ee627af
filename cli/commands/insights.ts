/**
 * `bizos insights` and `bizos digest`: what the insight engine finds, ranked, and what a member's
 * digest says on a channel, from the terminal. Detecting here stores the findings like the daily
 * job does; alerts and digests are sent only by the running server's (or a worker's) jobs.
 */
import type { Command } from "commander";
import { describeInsight } from "../../app/notifications.ts";
import { renderDigest } from "../../channels/digest/render-digest.ts";
import type { DigestChannel } from "../../channels/digest/digest-parts.ts";
import { listRankedInsights, upsertInsights, type RankedInsight } from "../../db/repositories/insights.ts";
import { getPreferences } from "../../engines/notifications/member-preferences.ts";
import { listMembers } from "../../db/repositories/members.ts";
import type { Workspace } from "../../db/schema/core.ts";
import { canApprove } from "../../engines/access/roles.ts";
import { composeDigestFacts } from "../../engines/digest/digest-facts.ts";
import { MAX_DIGEST_INSIGHTS } from "../../engines/digest/types.ts";
import { detectInsights } from "../../engines/insights/detect-insights.ts";
import { localMoment, memberTimeZone } from "../../engines/notifications/schedule.ts";
import { fixedClock, systemClock } from "../../lib/clock.ts";
import { InputError } from "../../lib/input-error.ts";
import { withAppContext } from "../app-context.ts";
import { choiceOption, instantOption, integerOption } from "../options.ts";
import { renderTable } from "../table.ts";
import { requireWorkspace } from "../workspace-lookup.ts";

function moneyText(cents: number | null, workspace: Workspace): string {
  if (cents === null) return "—";
  return new Intl.NumberFormat("en", { style: "currency", currency: workspace.currency, maximumFractionDigits: 0 }).format(cents / 100);
}

function insightTable(insights: readonly RankedInsight[], workspace: Workspace): string {
  return renderTable(
    ["#", "id", "severity", "type", "impact", "confidence", "title", "seen"],
    insights.map((insight, index) => [
      String(index + 1),
      String(insight.id),
      insight.severity,
      insight.type,
      moneyText(insight.impact_cents, workspace),
      `${Math.round(insight.confidence * 100)}%`,
      insight.title.length > 70 ? `${insight.title.slice(0, 69)}…` : insight.title,
      `${insight.occurrences}×, last ${insight.last_seen_at.toISOString().slice(0, 10)}`,
    ]),
  );
}

interface InsightOptions {
  workspace: string;
  now?: Date;
  limit: number;
}

export function registerInsightCommands(program: Command): void {
  const insights = program.command("insights").description("What needs attention: anomalies, stockouts, undercuts, pricing, campaigns, churn");

  insights
    .command("detect")
    .description("Run every detector now and store what they find (the daily job does this before the digests)")
    .requiredOption("-w, --workspace <slug>", "workspace")
    .option("--now <instant>", "pretend it is this instant (ISO 8601)", instantOption("now"))
    .option("--limit <n>", "rows to show", integerOption("limit", 1, 200), 10)
    .action((options: InsightOptions) =>
      withAppContext({ migrate: true }, async ({ database, out }) => {
        const workspace = await requireWorkspace(database.db, options.workspace);
        const clock = options.now ? fixedClock(options.now) : systemClock;
        const { candidates, failures, types } = await detectInsights(database.db, workspace, clock);
        const stored = await upsertInsights(database.db, workspace.id, candidates, clock.now(), { types });
        out(`${candidates.length} found: ${stored.inserted} new, ${stored.updated} still going, ${stored.resolved} resolved.`);
        for (const failure of failures) out(`  ${failure.detector} failed: ${failure.message}`);
        out(insightTable(await listRankedInsights(database.db, workspace.id, { limit: options.limit }), workspace));
        out("Alerts and digests are sent by the running server (npm start) or a worker (npm run worker).");
      }),
    );

  insights
    .command("list")
    .description("The open insights, ranked by money at stake and confidence")
    .requiredOption("-w, --workspace <slug>", "workspace")
    .option("--limit <n>", "rows to show", integerOption("limit", 1, 200), 10)
    .action((options: InsightOptions) =>
      withAppContext({ migrate: true }, async ({ database, out }) => {
        const workspace = await requireWorkspace(database.db, options.workspace);
        const ranked = await listRankedInsights(database.db, workspace.id, { limit: options.limit });
        out(ranked.length === 0 ? "No open insights. Run: npx bizos insights detect --workspace " + workspace.slug : insightTable(ranked, workspace));
      }),
    );

  program
    .command("digest")
    .description("Show a member's daily digest as a channel would get it (nothing is sent)")
    .requiredOption("-w, --workspace <slug>", "workspace")
    .requiredOption("-m, --member <name|id>", "member (npx bizos members list)")
    .option("--channel <channel>", "email, slack or whatsapp", choiceOption<DigestChannel>("channel", ["email", "slack", "whatsapp"]), "email")
    .option("--now <instant>", "pretend it is this instant (ISO 8601)", instantOption("now"))
    .action((options: { workspace: string; member: string; channel: DigestChannel; now?: Date }) =>
      withAppContext({ migrate: true }, async ({ database, out }) => {
        const db = database.db;
        const workspace = await requireWorkspace(db, options.workspace);
        const wanted = options.member.toLowerCase();
        const member = (await listMembers(db, workspace.id)).find((m) => String(m.id) === wanted || m.name.toLowerCase().startsWith(wanted));
        if (!member) throw new InputError(`No member "${options.member}" in ${workspace.slug}. See: npx bizos members list --workspace ${workspace.slug}`);
        const clock = options.now ? fixedClock(options.now) : systemClock;
        const timeZone = memberTimeZone(await getPreferences(db, workspace.id, member.id), workspace.timezone);
        const date = localMoment(clock.now(), timeZone).date;
        const insights = await listRankedInsights(db, workspace.id, { memberId: member.id, limit: MAX_DIGEST_INSIGHTS });
        const facts = await composeDigestFacts(db, { workspace, date, clock, insights });
        const message = renderDigest(facts, {
          channel: options.channel,
          language: member.language,
          currency: workspace.currency,
          timeZone,
          canApprove: canApprove(member.role),
          describeInsight: (insight, language) => describeInsight(insight, { language, currency: workspace.currency, timeZone }),
        });
        out([message.subject ? `Subject: ${message.subject}\n` : "", message.text, message.freshness ? `\n${message.freshness}` : ""].join("\n").trim());
      }),
    );
}
