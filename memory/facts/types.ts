/**
 * Entity memory's vocabulary: a fact is something a member said that the agents should keep using
 * ("we never discount the Classic line", "our cost for SKU 123 went up to 210"), with what it claims
 * (the kinds pricing and the agents act on), what it is about (catalog products, lines, campaigns,
 * competitors, people, topics) and who said it, where and when. The zod schemas read the jsonb
 * columns of memory_facts back without trusting them.
 */
import { z } from "zod";

export const FACT_SUBJECT_KINDS = ["product", "product_line", "variant", "campaign", "competitor", "member", "topic"] as const;
export type FactSubjectKind = (typeof FACT_SUBJECT_KINDS)[number];

export interface FactSubject {
  readonly kind: FactSubjectKind;
  /** "product:42", "line:classic", "variant:7", "campaign:3", "competitor:acme", "member:5", "topic:summer sale" */
  readonly key: string;
  readonly label: string;
  /** the catalog products it covers (product, product_line, variant), else [] */
  readonly productIds: readonly number[];
}

export type FactClaim =
  | { readonly kind: "no_discount" }
  | { readonly kind: "cost"; readonly costCents: number; readonly currency: string }
  | { readonly kind: "decision" }
  | { readonly kind: "note" };

export type FactClaimKind = FactClaim["kind"];

export interface Fact {
  readonly id: number;
  readonly workspaceId: number;
  readonly statement: string;
  readonly claim: FactClaim;
  readonly subjects: readonly FactSubject[];
  readonly saidBy: { readonly memberId: number | null; readonly name: string | null };
  /** Where it was said: slack, whatsapp, email, web, cli. */
  readonly channel: string;
  readonly createdAt: Date;
}

/** memory_facts.claim as stored. */
export const factClaimSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("no_discount") }),
  z.object({ kind: z.literal("cost"), costCents: z.number().int().nonnegative(), currency: z.string().regex(/^[A-Z]{3}$/) }),
  z.object({ kind: z.literal("decision") }),
  z.object({ kind: z.literal("note") }),
]);

/** memory_facts.subjects as stored. */
export const factSubjectsSchema = z.array(
  z.object({
    kind: z.enum(FACT_SUBJECT_KINDS),
    key: z.string().min(1),
    label: z.string(),
    productIds: z.array(z.number().int().positive()),
  }),
);
