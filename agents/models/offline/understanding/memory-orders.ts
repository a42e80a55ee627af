/**
 * Conversation memory, read before anything else:
 * - "forget that" / "olvídalo" / "esquece isso" → forget_memory (the asker's last fact); "forget what
 *   I said about the Classic line" → forget_memory with `about`;
 * - "remember that we never discount the Classic line" / "anota que…" / "lembre que…" → remember_fact
 *   with the statement as typed (lead removed), and a plain statement of a policy, a cost or a decision
 *   ("we never discount the Classic line", "nuestro costo del SKU 123 subió a 210") → remember_fact;
 * - "what did we decide about the summer sale?", "¿qué te pregunté ayer sobre Meta?", "the product we
 *   talked about" → recall_memory with what to look for, the time window named, and the kind of thing
 *   referred to by kind.
 * Strict on purpose: a question is never stored as a fact, and a data question stays a data question.
 */
import type { Args } from "./args.ts";
import { toolArgs } from "./build-args.ts";
import { findPhrases, firstPhrase, hasPhrase, type PhraseMatch } from "./phrases.ts";
import type { Reading } from "./reading.ts";
import type { Intent } from "./types.ts";
import { GREETING } from "./vocabulary/intents.ts";
import { ABOUT_WORDS, FACT_STATEMENT_CUES, FORGET_VERBS, QUESTION_WORDS, RECALL_CUES, REMEMBER_LEADS, SUBJECT_KIND_WORDS, THAT_WORDS, THIRD_PERSON_RECALL, type RecallCue } from "./vocabulary/memory.ts";
import type { MemoryToolName } from "../../../../tools/tool-names.ts";

/** A lead may follow a few words of politeness ("ok please remember that…", "oye, anota que…"). */
const LEAD_WINDOW_WORDS = 3;
const POLITE = new Set(["please", "pls", "ok", "okay", "and", "also", "hey", "oye", "porfa", "por", "favor", "y", "e", "tambien", "tambem", "ah", "oh", "so", "entonces", "entao", "bueno", "bom"]);

function toolIntent(tool: MemoryToolName, args: Args): Intent {
  return { kind: "tool", agent: "memory", tool, args: toolArgs(tool, args), followUp: false };
}

const none = (reading: Reading) => reading.words.map(() => false);

function leadAt<T>(reading: Reading, match: PhraseMatch<T> | undefined): boolean {
  if (match === undefined || match.start > LEAD_WINDOW_WORDS) return false;
  return reading.words.slice(0, match.start).every((word) => POLITE.has(word) || hasPhrase([word], GREETING));
}

/** The words from `start` on, as typed (case and accents kept), trimmed of punctuation at the ends. */
function typedFrom(reading: Reading, start: number): string {
  return reading.tokens
    .slice(start)
    .map((token) => token.cased)
    .join(" ")
    .trim();
}

function isQuestion(reading: Reading): boolean {
  if (reading.text.includes("?") || reading.text.includes("¿")) return true;
  const first = firstPhrase(reading.words, QUESTION_WORDS);
  return first !== undefined && first.start === 0;
}

function readForget(reading: Reading): Intent | null {
  const verb = firstPhrase(reading.words, FORGET_VERBS);
  if (!leadAt(reading, verb) || verb === undefined) return null;
  const rest = reading.words.slice(verb.end);
  const about = findPhrases(rest, ABOUT_WORDS, rest.map(() => false), false)[0];
  if (about !== undefined) {
    const subject = typedFrom(reading, verb.end + about.end).replace(/[.!?¡¿]+$/u, "");
    if (subject !== "") return toolIntent("forget_memory", { about: subject });
  }
  // "forget that", "olvídalo", "esquece isso", or nothing after the verb: the last fact.
  const pointer = rest.length === 0 || rest.every((word) => hasPhrase([word], THAT_WORDS) || POLITE.has(word));
  return pointer || hasPhrase(rest, THAT_WORDS) ? toolIntent("forget_memory", { about: null }) : null;
}

function readRemember(reading: Reading): Intent | null {
  const lead = firstPhrase(reading.words, REMEMBER_LEADS);
  if (!leadAt(reading, lead) || lead === undefined) return null;
  // "¿recuerdas…?" / "do you remember…?" is a recall question, not an order to keep something.
  if (isQuestion(reading)) return null;
  const statement = typedFrom(reading, lead.end).replace(/^[:,\s]+/u, "");
  if (statement.split(/\s+/).length < 2) return null;
  return toolIntent("remember_fact", { statement });
}

function readStatement(reading: Reading): Intent | null {
  if (isQuestion(reading)) return null;
  const cue = firstPhrase(reading.words, FACT_STATEMENT_CUES);
  if (cue === undefined || cue.start > LEAD_WINDOW_WORDS + 2) return null;
  return toolIntent("remember_fact", { statement: reading.text.trim() });
}

/** Articles that open a topic ("the summer sale", "a promoção de verão") and add nothing to the search. */
const LEADING_ARTICLES = /^(?:the|a|an|el|la|los|las|lo|o|os|as|um|uma|un|una)\s+/iu;

/** What a recall question looks for: the words after "about/sobre", else the question without its cue. */
function recallQuery(reading: Reading, cue: PhraseMatch<RecallCue>): string {
  const after = reading.words.slice(cue.end);
  const about = findPhrases(after, ABOUT_WORDS, after.map(() => false), false)[0];
  const from = about === undefined ? null : cue.end + about.end;
  const focused = from === null ? "" : typedFrom(reading, from).replace(/[?.!¿¡]+/gu, "").trim().replace(LEADING_ARTICLES, "");
  return focused.split(/\s+/).filter((word) => word !== "").length > 0 ? focused : reading.text.replace(/[?¿]+/gu, "").trim();
}

/** "what did Ana ask about Meta?": the cue spans "what did" to the verb. */
function thirdPersonCue(reading: Reading): PhraseMatch<RecallCue> | undefined {
  const text = reading.words.join(" ");
  for (const pattern of THIRD_PERSON_RECALL) {
    const match = pattern.exec(text);
    if (match === null) continue;
    const verb = match[1] ?? "";
    const value: RecallCue = /^(ask|pregunt|pergunt)/.test(verb) ? "asked" : /^decid/.test(verb) ? "decided" : "said";
    return { value, start: 0, end: match[0].split(" ").length };
  }
  return undefined;
}

function readRecall(reading: Reading): Intent | null {
  const cue = findPhrases(reading.words, RECALL_CUES, none(reading), false)[0] ?? thirdPersonCue(reading);
  if (cue === undefined) return null;
  const kind = findPhrases(reading.words, SUBJECT_KIND_WORDS, none(reading), false).find((match) => match.end <= cue.start)?.value ?? null;
  const args: Args = {
    query: recallQuery(reading, cue),
    range: reading.range,
    about: cue.value === "asked" ? "conversation" : "anything",
    ...(kind === null ? {} : { subject: kind }),
  };
  return toolIntent("recall_memory", args);
}

/** A memory intent, or null when the message is about something else. */
export function readMemoryIntent(reading: Reading): Intent | null {
  return readForget(reading) ?? readRemember(reading) ?? readRecall(reading) ?? readStatement(reading);
}
