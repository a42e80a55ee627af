/**
 * Proposal codes: four characters people can read aloud and type on a phone ("SI 4F2K"), from an
 * alphabet without look-alikes (no 0/O, 1/I/L). 31⁴ ≈ 920k codes per workspace; a taken code is
 * drawn again.
 */
import { randomInt } from "node:crypto";

export const CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
export const CODE_LENGTH = 4;
const CODE_PATTERN = new RegExp(`^[${CODE_ALPHABET}]{${CODE_LENGTH}}$`);

export function drawCode(random: (max: number) => number = randomInt): string {
  let code = "";
  for (let i = 0; i < CODE_LENGTH; i++) code += CODE_ALPHABET[random(CODE_ALPHABET.length)] ?? "";
  return code;
}

/** True for a well-formed code (case-insensitive). */
export function isCode(text: string): boolean {
  return CODE_PATTERN.test(text.toUpperCase());
}
