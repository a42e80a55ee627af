/**
 * Proposal codes: four characters people can read aloud and type on a phone ("SI 4F2K"), from an
 * alphabet without look-alikes (no 0/O, 1/I/L). 31⁴ ≈ 920k codes per workspace; a taken code is
 * drawn again.
 */
import { randomInt } from "node:crypto";
import { SHORT_CODE_ALPHABET } from "../pricing/short-code.ts";

/** The short-code alphabet suggestions use too: a code reads the same wherever it came from. */
export const CODE_ALPHABET = SHORT_CODE_ALPHABET;
export const CODE_LENGTH = 4;

export function drawCode(random: (max: number) => number = randomInt): string {
  let code = "";
  for (let i = 0; i < CODE_LENGTH; i++) code += CODE_ALPHABET[random(CODE_ALPHABET.length)] ?? "";
  return code;
}
