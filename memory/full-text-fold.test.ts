/**
 * Accent-insensitive full text on both dialects: the generated column and foldForFullText fold the
 * same letters, so a question typed without accents finds a message written with them, and back.
 */
import { sql } from "kysely";
import { expect, it } from "vitest";
import { createWorkspace } from "../db/repositories/workspaces.ts";
import { describeDatabase } from "../test/database.ts";
import { LexicalEmbedder } from "./embeddings/lexical-embedder.ts";
import { FULL_TEXT_ACCENTED, FULL_TEXT_FOLDED, foldForFullText } from "./full-text-fold.ts";
import { queryLexemes } from "./full-text-query.ts";
import { recallMemories } from "./recall.ts";
import { rememberMessages } from "./remember.ts";

const embedder = new LexicalEmbedder();
const NOW = new Date("2026-11-20T12:00:00Z");

it("folds accented letters of both cases to lower ASCII, letter by letter", () => {
  expect([...FULL_TEXT_ACCENTED]).toHaveLength(FULL_TEXT_FOLDED.length);
  expect(foldForFullText("PROMOÇÃO de Niños: promoción")).toBe("promocao de ninos: promocion");
  expect(queryLexemes("¿la PROMOCIÓN del año?")).toEqual(["promocion", "ano"]);
});

describeDatabase("accent-insensitive memory full text", ({ db }) => {
  it("stores the tsvector of the folded content, as foldForFullText folds it", async () => {
    const { id } = await createWorkspace(db(), { name: "Fold", slug: "fold", currency: "MXN", timezone: "America/Mexico_City" });
    const content = `Ñandú ÁÉÍÓÚ çà ${FULL_TEXT_ACCENTED}`;
    await rememberMessages(db(), embedder, [{ workspaceId: id, memberId: null, kind: "message", content }]);
    const row = await sql<{ stored: string; expected: string }>`
      select content_tsv::text as stored, to_tsvector('simple', ${foldForFullText(content)})::text as expected
      from memory_embeddings where workspace_id = ${id}`.execute(db());
    expect(row.rows[0]?.stored).toBe(row.rows[0]?.expected);
    expect(row.rows[0]?.stored).toContain("'nandu'");
  });

  it("finds the accented message from an unaccented question, and the unaccented one from an accented question", async () => {
    const { id } = await createWorkspace(db(), { name: "Fold", slug: "fold", currency: "MXN", timezone: "America/Mexico_City" });
    const [accented, plain] = await rememberMessages(db(), embedder, [
      { workspaceId: id, memberId: null, kind: "message", content: "La promoción Relámpago arranca el viernes", createdAt: NOW },
      { workspaceId: id, memberId: null, kind: "message", content: "o fornecedor Joao Conceicao mandou a tabela", createdAt: NOW },
      { workspaceId: id, memberId: null, kind: "message", content: "Los envíos a Monterrey tardan tres días", createdAt: NOW },
    ]);
    const byPlain = await recallMemories(db(), embedder, { workspaceId: id, memberId: null, text: "relampago", now: NOW });
    expect(byPlain[0]?.id, JSON.stringify(byPlain)).toBe(accented);
    expect(byPlain[0]?.textRank).toBe(1);
    const byAccented = await recallMemories(db(), embedder, { workspaceId: id, memberId: null, text: "João Conceição", now: NOW });
    expect(byAccented[0]?.id, JSON.stringify(byAccented)).toBe(plain);
    expect(byAccented[0]?.textRank).toBe(1);
  });
});
