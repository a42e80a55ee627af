import { describe, expect, it } from "vitest";
import { guessLanguage, slashAckText } from "./slash-ack.ts";

describe("slash command acknowledgement", () => {
  it("guesses the question's language from its words", () => {
    expect(guessLanguage("how were sales last week?")).toBe("en");
    expect(guessLanguage("cuánto vendimos ayer")).toBe("es");
    expect(guessLanguage("¿ventas de la semana?")).toBe("es");
    expect(guessLanguage("quanto vendemos ontem?")).toBe("pt");
    expect(guessLanguage("como foram as vendas do mês")).toBe("pt");
    expect(guessLanguage("Shopify 2026")).toBe("en");
  });

  it("says one moment in that language", () => {
    expect(slashAckText("what were the top products")).toBe("On it…");
    expect(slashAckText("qué productos se vendieron más la semana pasada")).toBe("Un momento…");
    expect(slashAckText("quais produtos venderam mais na semana passada")).toBe("Só um instante…");
  });
});
