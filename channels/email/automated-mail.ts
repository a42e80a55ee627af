/**
 * Recognises mail that no person wrote: bounces, delivery reports, vacation auto-replies, list
 * traffic and our own messages coming back. Answering any of these could start a loop of machines
 * answering each other, so the inbound endpoint drops them before the conversation gateway sees them.
 */

/** The raw values of one header (all occurrences), unfolded; the name in lower case. */
export type HeaderValues = (name: string) => readonly string[];

const BOUNCE_SENDERS = /^(?:mailer-daemon|postmaster|mail-daemon|mailerdaemon)@/i;
const AUTOMATED_PRECEDENCE = new Set(["bulk", "auto_reply", "list", "junk"]);
/** Subjects Outlook, Exchange and others put on out-of-office replies that carry no header saying so. */
const AUTO_REPLY_SUBJECT = /^\s*(?:automatic reply|auto(?:-|\s)?reply|out of (?:the )?office|respuesta autom[áa]tica|fuera de la oficina|resposta autom[áa]tica|fora do escrit[óo]rio)\s*:/i;

/**
 * Why this mail is automated (for the log), or null when a person sent it. `ownAddresses` are the
 * mailboxes we send from and receive at, lower-cased: mail from them is ours coming back.
 */
export function automatedMailReason(input: {
  readonly header: HeaderValues;
  readonly sender: string;
  readonly subject: string;
  readonly contentType: string;
  readonly ownAddresses: readonly string[];
}): string | null {
  const sender = input.sender.toLowerCase();
  if (BOUNCE_SENDERS.test(sender)) return "bounce: sent by a mailer daemon";
  if (input.ownAddresses.includes(sender)) return "loop: sent from our own address";
  if (/^multipart\/report\b/i.test(input.contentType.trim())) return "bounce: a delivery or disposition report";
  // An empty envelope sender (Return-Path: <>) is how bounces and RFC 3834 auto-replies are sent.
  if (input.header("return-path").some((value) => /^<\s*>$/.test(value.trim()))) return "bounce: empty return path";
  const autoSubmitted = input.header("auto-submitted").map((value) => value.split(";")[0]?.trim().toLowerCase() ?? "");
  if (autoSubmitted.some((value) => value !== "" && value !== "no")) return `auto-submitted: ${autoSubmitted.join(", ")}`;
  const precedence = input.header("precedence").map((value) => value.trim().toLowerCase());
  if (precedence.some((value) => AUTOMATED_PRECEDENCE.has(value))) return `precedence: ${precedence.join(", ")}`;
  for (const name of ["x-autoreply", "x-autorespond", "x-auto-reply", "x-autoresponder"]) {
    if (input.header(name).some((value) => value.trim().toLowerCase() !== "no")) return `${name} header`;
  }
  if (input.header("list-id").length > 0 || input.header("list-unsubscribe").length > 0) return "mailing list traffic";
  if (AUTO_REPLY_SUBJECT.test(input.subject)) return "auto-reply subject";
  return null;
}
