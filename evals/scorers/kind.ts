/**
 * Kind: did the turn answer, ask a clarifying question, or refuse? A runtime that reports it (a
 * `kind` field on the turn result) is taken at its word; otherwise it is read from what the turn did:
 * a turn with tool data is an answer; without it, refusal or clarification wording decides.
 */
import { z } from "zod";
import type { TurnResult } from "../../agents/turn-types.ts";
import { KINDS, type Kind } from "../case-schema.ts";
import { fail, fold, pass, type Score } from "./types.ts";

const reportedKind = z.object({ kind: z.enum(KINDS) });

const REFUSAL = [
  "can't", "cannot", "can not", "can only help", "i can only", "only help with", "not able to", "unable to", "i don't change", "only read", "approval", "approve", "outside what i", "not something i",
  "no puedo", "no es posible", "no tengo permiso", "aprobacion", "autorizacion", "fuera de lo que", "solo puedo", "solo te puedo", "no hago cambios",
  "nao posso", "nao consigo", "nao e possivel", "aprovacao", "autorizacao", "so posso", "so consigo", "fora do que", "nao faco alteracoes",
];
/** Wording that asks to pick among matches, question mark or not. */
const PICK = ["matches several", "coincide con varios", "coinciden varios", "corresponde a varios", "correspondem varios"];
const CLARIFY = [
  "did you mean", "which one", "which of", "do you mean", "could you tell me", "can you clarify", "what do you mean", "which metric", "which product", "which period", "which number", "what should i", "ask me a full question",
  "te refieres", "quisiste decir", "quieres decir", "cual de", "cuales de", "podrias", "puedes aclarar", "que metrica", "cual producto", "que producto", "que periodo", "que numero", "cual numero", "pregunta completa",
  "voce quis dizer", "quis dizer", "qual deles", "qual dos", "pode esclarecer", "poderia", "qual metrica", "qual produto", "que produto", "qual periodo", "qual numero", "se refere", "pergunta completa",
];

/** The opening of a reply (its first paragraph, before any list): where refusals and questions are. */
function opening(answer: string): string {
  return fold(answer.split(/\n\s*\n|\n\s*[•*-] |•/)[0] ?? "").replace(/[’`]/g, "'");
}

/** The kind the turn reports or shows; without a reported kind, read from the opening of the reply. */
export function kindOf(result: TurnResult): Kind {
  const reported = reportedKind.safeParse(result);
  if (reported.success) return reported.data.kind;
  if (result.data.some((outcome) => outcome.ok)) return "answer";
  const text = opening(result.answer);
  if (REFUSAL.some((phrase) => text.includes(phrase))) return "refuse";
  if (PICK.some((phrase) => text.includes(phrase))) return "clarify";
  if (text.includes("?") && CLARIFY.some((phrase) => text.includes(phrase))) return "clarify";
  if (result.data.length > 0 && text.includes("?")) return "clarify";
  return "answer";
}

export function scoreKind(expected: Kind, result: TurnResult, classify: (result: TurnResult) => Kind = kindOf): Score {
  const actual = classify(result);
  return actual === expected ? pass : fail(`kind ${actual}, expected ${expected}`);
}
