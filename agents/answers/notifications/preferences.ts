/**
 * The answer to notification_preferences: what the asker's settings are now, section by section
 * (the ones they asked to change, or all of them when they only asked to see them), where each goes
 * and when the next digest comes. Times are local and 24-hour, as the settings store them.
 */
import type { IdentityChannel } from "../../../db/schema/core.ts";
import { localDate } from "../../../lib/zoned-time.ts";
import type { NotificationPreferencesData, PreferenceField } from "../../../tools/notifications/notification-data.ts";
import type { Language } from "../../shared/language.ts";
import { bullets, listInWords, type Phrases } from "../format/phrases.ts";
import type { AnswerContext, ComposedPart } from "../types.ts";

const CHANNEL_NAMES: Readonly<Record<IdentityChannel, Phrases>> = {
  slack: { en: "Slack", es: "Slack", pt: "Slack" },
  whatsapp: { en: "WhatsApp", es: "WhatsApp", pt: "WhatsApp" },
  email: { en: "email", es: "correo", pt: "e-mail" },
};

export function channelNames(channels: readonly string[], language: Language, conjunction: "and" | "or" = "and"): string {
  const names = channels.map((channel) => (channel === "slack" || channel === "whatsapp" || channel === "email" ? CHANNEL_NAMES[channel][language] : channel));
  return listInWords(names, language, conjunction);
}

type Section = "digest" | "alerts" | "weekly" | "quietHours";

const sectionOf = (field: PreferenceField): Section => (field === "quietHours" ? "quietHours" : (field.split(".")[0] as Exclude<Section, "quietHours">));

function digestLine(data: NotificationPreferencesData, language: Language): string {
  const digest = data.preferences.digest;
  if (!digest.enabled) return { en: "Daily digest: *off*.", es: "Resumen diario: *desactivado*.", pt: "Resumo diário: *desativado*." }[language];
  if (data.digestChannels.length === 0) {
    return {
      en: `Daily digest: on at ${digest.time}, but on none of your linked channels, so it won't reach you.`,
      es: `Resumen diario: activado a las ${digest.time}, pero en ninguno de tus canales vinculados, así que no te llegará.`,
      pt: `Resumo diário: ativado às ${digest.time}, mas em nenhum dos seus canais vinculados, então não vai chegar.`,
    }[language];
  }
  const where = channelNames(data.digestChannels, language);
  return { en: `Daily digest: every day at *${digest.time}* on ${where}.`, es: `Resumen diario: todos los días a las *${digest.time}* por ${where}.`, pt: `Resumo diário: todos os dias às *${digest.time}* por ${where}.` }[language];
}

function alertsLine(data: NotificationPreferencesData, language: Language): string {
  const alerts = data.preferences.alerts;
  if (!alerts.enabled) return { en: "Alerts: *off*.", es: "Alertas: *desactivadas*.", pt: "Alertas: *desativados*." }[language];
  if (data.alertChannels.length === 0) {
    return {
      en: "Alerts: on, but on none of your linked channels, so they won't reach you.",
      es: "Alertas: activadas, pero en ninguno de tus canales vinculados, así que no te llegarán.",
      pt: "Alertas: ativados, mas em nenhum dos seus canais vinculados, então não vão chegar.",
    }[language];
  }
  const where = channelNames(data.alertChannels, language);
  const only = alerts.channels !== null && alerts.channels.length === 1;
  return only
    ? { en: `Alerts: only on *${where}*.`, es: `Alertas: solo por *${where}*.`, pt: `Alertas: só por *${where}*.` }[language]
    : { en: `Alerts: on ${where}.`, es: `Alertas: por ${where}.`, pt: `Alertas: por ${where}.` }[language];
}

function weeklyLine(data: NotificationPreferencesData, language: Language): string {
  return data.preferences.weekly.enabled
    ? { en: "Weekly report (Mondays): *on*.", es: "Reporte semanal (los lunes): *activado*.", pt: "Relatório semanal (às segundas): *ativado*." }[language]
    : { en: "Weekly report (Mondays): *off*.", es: "Reporte semanal (los lunes): *desactivado*.", pt: "Relatório semanal (às segundas): *desativado*." }[language];
}

function quietLine(data: NotificationPreferencesData, language: Language): string {
  const quiet = data.preferences.quietHours;
  if (quiet === null) return { en: "Quiet hours: *none*, alerts come at any hour.", es: "Horario de silencio: *ninguno*, las alertas llegan a cualquier hora.", pt: "Horário de silêncio: *nenhum*, os alertas chegam a qualquer hora." }[language];
  const span = `${quiet.start}–${quiet.end}`;
  return {
    en: `Quiet hours: *${span}*; only critical alerts come then.`,
    es: `Horario de silencio: *${span}*; en ese horario solo llegan alertas críticas.`,
    pt: `Horário de silêncio: *${span}*; nesse horário só chegam alertas críticos.`,
  }[language];
}

const LINES: Readonly<Record<Section, (data: NotificationPreferencesData, language: Language) => string>> = { digest: digestLine, alerts: alertsLine, weekly: weeklyLine, quietHours: quietLine };

/** "Next digest: tomorrow at 07:00." in the member's time zone (named when it is not the workspace's). */
function nextDigestLine(data: NotificationPreferencesData, context: AnswerContext): string | null {
  const next = data.nextDigest;
  if (next === null) return null;
  const language = context.language;
  const today = localDate(new Date(context.now), data.timeZone);
  const zone = data.timeZone === context.timeZone ? "" : ` (${data.timeZone})`;
  return next.date === today
    ? { en: `Next digest: today at ${next.time}${zone}.`, es: `Próximo resumen: hoy a las ${next.time}${zone}.`, pt: `Próximo resumo: hoje às ${next.time}${zone}.` }[language]
    : { en: `Next digest: tomorrow at ${next.time}${zone}.`, es: `Próximo resumen: mañana a las ${next.time}${zone}.`, pt: `Próximo resumo: amanhã às ${next.time}${zone}.` }[language];
}

/** The channels the call took off a notification ("stop the WhatsApp digest"), to say so in words. */
function removedChannels(args: Readonly<Record<string, unknown>>, section: "digest" | "alerts"): string[] {
  const part = args[section];
  if (typeof part !== "object" || part === null) return [];
  const change: unknown = (part as Readonly<Record<string, unknown>>)["channels"];
  if (typeof change !== "object" || change === null) return [];
  const { mode, channels } = change as Readonly<Record<string, unknown>>;
  return mode === "remove" && Array.isArray(channels) ? channels.filter((channel): channel is string => typeof channel === "string") : [];
}

export function preferencesText(data: NotificationPreferencesData, args: Readonly<Record<string, unknown>>, context: AnswerContext): ComposedPart {
  const language = context.language;
  const next = nextDigestLine(data, context);
  if (data.requested.length === 0) {
    const sections: readonly Section[] = ["digest", "alerts", "weekly", "quietHours"];
    const linked =
      data.linked.length === 0
        ? { en: "You have no channel linked yet.", es: "Todavía no tienes ningún canal vinculado.", pt: "Você ainda não tem nenhum canal vinculado." }[language]
        : { en: `Linked channels: ${channelNames(data.linked, language)}.`, es: `Canales vinculados: ${channelNames(data.linked, language)}.`, pt: `Canais vinculados: ${channelNames(data.linked, language)}.` }[language];
    return {
      text: [{ en: "Your notification settings:", es: "Tus notificaciones:", pt: "Suas notificações:" }[language], bullets(sections.map((section) => LINES[section](data, language))), linked, next]
        .filter((line): line is string => line !== null)
        .join("\n"),
      suggestion: { en: "To change one, just say it, e.g. “send me alerts only in Slack”.", es: "Para cambiar algo, dímelo, por ejemplo «mándame las alertas solo por Slack».", pt: "Para mudar algo, é só dizer, por exemplo «me manda os alertas só no Slack»." }[language],
    };
  }
  const sections = [...new Set(data.requested.map(sectionOf))];
  const head =
    data.changed.length > 0
      ? { en: "Done.", es: "Listo.", pt: "Pronto." }[language]
      : { en: "That was already set.", es: "Ya estaba así.", pt: "Já estava assim." }[language];
  const removed = (["digest", "alerts"] as const).flatMap((section) => {
    const channels = removedChannels(args, section);
    if (channels.length === 0 || !sections.includes(section)) return [];
    const names = channelNames(channels, language, "or");
    return section === "digest"
      ? [{ en: `No more daily digest on ${names}.`, es: `Ya no te llega el resumen diario por ${names}.`, pt: `O resumo diário não chega mais por ${names}.` }[language]]
      : [{ en: `No more alerts on ${names}.`, es: `Ya no te llegan alertas por ${names}.`, pt: `Os alertas não chegam mais por ${names}.` }[language]];
  });
  const lines = [head, ...removed, ...sections.map((section) => LINES[section](data, language))];
  if (sections.includes("digest") && next !== null) lines.push(next);
  return { text: lines.join("\n"), suggestion: null };
}
