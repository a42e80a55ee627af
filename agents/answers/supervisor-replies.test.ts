import { describe, expect, it } from "vitest";
import { LANGUAGES } from "../shared/language.ts";
import { supervisorReply, type SupervisorIntent } from "./supervisor-replies.ts";
import { answerContext } from "./test-support.ts";

const INTENTS: readonly SupervisorIntent[] = [
  { kind: "greeting" },
  { kind: "help" },
  { kind: "thanks" },
  { kind: "out_of_scope" },
  { kind: "change_request", what: "price", subject: "Remera básica" },
  { kind: "change_request", what: "budget", subject: null },
  { kind: "clarify", reason: "metric", options: [], term: null },
  { kind: "clarify", reason: "ambiguous_member", options: ["Remera básica blanca", "Remera básica negra"], term: "remera básica" },
  { kind: "clarify", reason: "unknown_member", options: ["Buzo canguro"], term: "buso" },
  { kind: "clarify", reason: "unknown_member", options: [], term: "zzz" },
  { kind: "clarify", reason: "range", options: [], term: "el finde largo" },
  { kind: "clarify", reason: "no_previous", options: [], term: null },
];

describe("supervisor replies", () => {
  it("answer every intent in every language with text", () => {
    for (const language of LANGUAGES) {
      for (const intent of INTENTS) expect(supervisorReply(intent, answerContext(language, "ARS")).text.length).toBeGreaterThan(20);
    }
  });

  it("greet by the workspace's name with example questions", () => {
    const text = supervisorReply({ kind: "greeting" }, answerContext("es", "ARS")).text;
    expect(text).toContain("*Tienda Sur*");
    expect(text.split("\n").filter((line) => line.startsWith("• "))).toHaveLength(3);
  });

  it("refuse changes without claiming any was made, and say approvals are needed", () => {
    const es = supervisorReply({ kind: "change_request", what: "price", subject: "Remera básica" }, answerContext("es", "ARS"));
    expect(es.text).toContain("No puedo cambiar precios directamente (Remera básica)");
    expect(es.text).toContain("no se modificó nada");
    expect(es.text).toContain("aprobación");
    const en = supervisorReply({ kind: "change_request", what: "inventory", subject: null }, answerContext("en", "USD"));
    expect(en.text).toMatch(/I can't change stock directly: every change needs an approval .* nothing has been changed/);
    expect(en.text).not.toMatch(/\b(I have|I've) (changed|updated|set)\b/);
  });

  it("ask with the options when a name is ambiguous or unknown", () => {
    const pt = supervisorReply({ kind: "clarify", reason: "ambiguous_member", options: ["Sérum A", "Sérum B"], term: "sérum" }, answerContext("pt", "BRL"));
    expect(pt.text).toBe("«sérum» corresponde a vários: Sérum A ou Sérum B. Qual você quer dizer?");
    const en = supervisorReply({ kind: "clarify", reason: "unknown_member", options: ["Hoodie"], term: "hoody" }, answerContext("en", "USD"));
    expect(en.text).toBe('I couldn\'t find "hoody" in your store. The closest are Hoodie: did you mean one of those?');
  });

  it("list what it can do by area in help, noting price changes need an approval", () => {
    const text = supervisorReply({ kind: "help" }, answerContext("pt", "BRL")).text;
    for (const area of ["Vendas e KPIs", "Marketing", "Estoque e concorrência", "coortes", "RFM", "previsões", "aprovação"]) expect(text).toContain(area);
  });
});
