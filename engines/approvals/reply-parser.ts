/**
 * Reading a person's reply to a price-change approval request ("SI 4F2K", "dale", "NO", "👍",
 * "undo 4F2K", "desfazer 4F2K") on any channel. Only short replies count: the whole message must be
 * decision words, at most one proposal code and polite filler ("por favor", "thanks", emoji,
 * punctuation). Anything else ("si vendimos más ayer?", a forwarded product title that says
 * "approve") is not a decision, and null sends it on as an ordinary message.
 */

export type ApprovalDecision = "approve" | "reject" | "undo";

export interface ApprovalReply {
  readonly decision: ApprovalDecision;
  /** The proposal's short code, upper case, or null when the reply names none. */
  readonly code: string | null;
}

import { SHORT_CODE_ALPHABET } from "../pricing/short-code.ts";
import { CODE_LENGTH } from "./proposal-codes.ts";

/** The alphabet of proposal codes (no 0/O, 1/I/L): CODE_LENGTH characters of it, case-insensitive. */
export { SHORT_CODE_ALPHABET };
const CODE = new RegExp(`^[${SHORT_CODE_ALPHABET}]{${CODE_LENGTH}}$`);

/** Longer messages are conversation, not a reply to a request. */
const MAX_REPLY_CHARS = 160;
const MAX_WORDS = 12;

type Role = "approve" | "reject" | "undo" | "weak_approve" | "filler";

/** Folded phrases (lower case, no accents) and what they say. "ok" approves only when nothing else decides. */
const PHRASES: ReadonlyArray<readonly [Role, string]> = [
  ["approve", "si|sip|yes|y|yep|yup|yeah|yea|approve|approved|approving|go ahead|go for it|do it|sim|pode|pode sim|pode fazer|pode aplicar|aprovado|aprovada|aprovo|aprovar|dale|de una|aprobado|aprobada|apruebo|aprobar|confirmo|confirmado|confirmada|confirm|confirmed|confirmar|de acuerdo|vale|claro|listo|sure|adelante|manda|hacelo|hazlo|aplicalo|aplicala|apply|apply it"],
  ["weak_approve", "ok|okay|okey|oka|okis|k|kk|👍|✅|✔|☑|🆗|👌"],
  ["reject", "no|nope|nah|n|reject|rejected|decline|declined|deny|denied|rechazo|rechazado|rechazada|rechazar|rechazalo|nao|recuso|recusado|recusada|recusar|negado|negativo|cancelar|cancela|cancelado|cancel|cancelled|canceled|dont|don t|mejor no|melhor nao|👎|❌|✖|🚫|⛔"],
  ["undo", "undo|undo it|revert|revert it|roll back|rollback|deshacer|deshace|deshacelo|deshaz|revertir|revertilo|reverti|desfazer|desfaz|desfaca|reverter|reverta"],
  ["filler", "por favor|porfa|porfavor|pf|pls|plz|please|gracias|muchas gracias|mil gracias|thanks|thank you|thx|ty|tks|obrigado|obrigada|muito obrigado|muito obrigada|valeu|the code|code|codigo|el codigo|o codigo|it|this|eso|esto|isso|hola|hi|hey|oi|ola|buenas|bueno|then|entonces|entao"],
];

/** The same phrases as word lists, longest first. A decision emoji counts even beside a plain "ok". */
const TABLE: ReadonlyArray<{ readonly words: readonly string[]; readonly role: Role }> = PHRASES.flatMap(([role, alternatives]) =>
  alternatives.split("|").map((phrase) => ({ words: phrase.split(" "), role: roleOf(role, phrase) })),
).sort((a, b) => b.words.length - a.words.length);

function roleOf(role: Role, phrase: string): Role {
  if (["👍", "✅", "✔", "☑", "🆗"].includes(phrase)) return "approve";
  return role;
}

/**
 * Common words that happen to be spelled with the code alphabet ("what", "ayer", "para"): a word,
 * not a code, unless typed in capitals in a message that is not all capitals ("si AYER").
 */
const CODE_LOOKALIKES = new Set(
  (
    "what|that|when|then|they|them|have|make|made|take|sure|yeah|want|just|sent|send|need|were|here|hers|each|came|same|seen|guys|away|data|rest|next|week|days|year|stat|meta|test|asap|true|yess|damn|shes|than|much|such|very|many|best|fast|hard|area|ever|" +
    "ayer|para|nada|este|esta|esas|eses|cada|hace|haga|sera|seas|ante|casa|mesa|pues|sean|ahre|eres|tuve|" +
    "essa|esse|quem|agua|cara|acha|faca|sabe|" +
    "nahh|haha|jaja|jeje|kkkk|hehe|hmmm|mmmm|ehhh"
  ).split("|"),
);

/** Emoji → a word of the table, the rest of the pictographs (🙏, 🙂, skin tones, joiners) → filler. */
const EMOJI_WORDS: ReadonlyArray<readonly [RegExp, string]> = [
  [/👍/gu, " 👍 "],
  [/👎/gu, " 👎 "],
  [/✅/gu, " ✅ "],
  [/✔/gu, " ✔ "],
  [/☑/gu, " ☑ "],
  [/🆗/gu, " 🆗 "],
  [/👌/gu, " 👌 "],
  [/❌/gu, " ❌ "],
  [/✖/gu, " ✖ "],
  [/🚫/gu, " 🚫 "],
  [/⛔/gu, " ⛔ "],
];
const KNOWN_EMOJI = new Set(EMOJI_WORDS.map(([, word]) => word.trim()));

interface Word {
  /** Folded: lower case, accents dropped. */
  readonly folded: string;
  /** As typed (case kept), for codes. */
  readonly typed: string;
}

function fold(text: string): string {
  return text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
}

function wordsOf(text: string): Word[] {
  let spaced = text.normalize("NFC");
  for (const [pattern, word] of EMOJI_WORDS) spaced = spaced.replace(pattern, word);
  const words: Word[] = [];
  for (const piece of spaced.split(/\s+/)) {
    if (KNOWN_EMOJI.has(piece)) {
      words.push({ folded: piece, typed: piece });
      continue;
    }
    // Letters and digits only: punctuation, other emoji and symbols are filler.
    for (const part of piece.split(/[^\p{L}\p{N}]+/u)) {
      if (part !== "") words.push({ folded: fold(part), typed: part });
    }
  }
  return words;
}

function matchAt(words: readonly Word[], start: number): { readonly role: Role; readonly length: number } | null {
  for (const phrase of TABLE) {
    if (start + phrase.words.length > words.length) continue;
    if (phrase.words.every((word, k) => words[start + k]?.folded === word)) return { role: phrase.role, length: phrase.words.length };
  }
  return null;
}

/** A proposal code as typed, upper-cased, or null when the word is not one. */
function codeOf(word: Word, shouting: boolean): string | null {
  const upper = word.typed.toUpperCase();
  if (!CODE.test(upper)) return null;
  if (!CODE_LOOKALIKES.has(word.folded)) return upper;
  const capitals = word.typed === upper && /\p{L}/u.test(word.typed);
  return capitals && !shouting ? upper : null;
}

/** The decision a short reply states, with its code; null when the message is anything else or contradicts itself. */
export function parseApprovalReply(text: string): ApprovalReply | null {
  if (text.length > MAX_REPLY_CHARS) return null;
  const words = wordsOf(text);
  if (words.length === 0 || words.length > MAX_WORDS) return null;
  const letters = words.map((word) => word.typed).join("").replace(/[^\p{L}]/gu, "");
  const shouting = letters.length > 0 && letters === letters.toUpperCase() && letters !== letters.toLowerCase();
  const roles = new Set<Role>();
  const codes = new Set<string>();
  for (let at = 0; at < words.length; ) {
    const word = words[at];
    if (word === undefined) break;
    const phrase = matchAt(words, at);
    const code = codeOf(word, shouting);
    // A known word wins over a code-shaped reading ("sure", "dale"), except a capitalised lookalike.
    if (code !== null && (phrase === null || (CODE_LOOKALIKES.has(word.folded) && phrase.length === 1))) {
      codes.add(code);
      at += 1;
      continue;
    }
    if (phrase === null) return null;
    roles.add(phrase.role);
    at += phrase.length;
  }
  if (codes.size > 1) return null;
  const decision = decisionOf(roles);
  if (decision === null) return null;
  return { decision, code: [...codes][0] ?? null };
}

/** One decision from the roles found: undo outranks a plain yes ("sí, deshacé 4F2K"); yes and no together say nothing. */
function decisionOf(roles: ReadonlySet<Role>): ApprovalDecision | null {
  const undo = roles.has("undo");
  const reject = roles.has("reject");
  const approve = roles.has("approve");
  if (undo) return reject ? null : "undo";
  if (reject) return approve ? null : "reject";
  if (approve || roles.has("weak_approve")) return "approve";
  return null;
}
