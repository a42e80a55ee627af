/**
 * An SMTP server for tests, in process on 127.0.0.1: it accepts what nodemailer sends (no TLS,
 * optional AUTH), parses every message with mailparser and records it — envelope, parsed mail with
 * its headers and attachments, and the raw bytes. It can be scripted to refuse the next messages
 * with an SMTP reply code (e.g. 451 once, then accept) or to require credentials (535 otherwise).
 */
import type { AddressInfo } from "node:net";
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer, type SMTPServerError } from "smtp-server";

export interface ReceivedMail {
  readonly envelope: { readonly from: string | null; readonly to: readonly string[] };
  /** Parsed with cid: links kept, so an HTML part's <img src="cid:…"> still names its attachment. */
  readonly mail: ParsedMail;
  readonly raw: Buffer;
}

export interface SmtpSinkOptions {
  /** When set, AUTH with other credentials is refused with 535 (and sending without AUTH still works). */
  readonly credentials?: { readonly user: string; readonly pass: string };
}

export interface SmtpSink {
  readonly host: string;
  readonly port: number;
  /** Every accepted message, oldest first. */
  readonly received: readonly ReceivedMail[];
  /** Refuse the next `count` messages at the end of DATA with this reply, then accept again. */
  rejectNext(count: number, responseCode: number, message?: string): void;
  close(): Promise<void>;
}

interface Rejection {
  remaining: number;
  readonly responseCode: number;
  readonly message: string;
}

function smtpError(responseCode: number, message: string): SMTPServerError {
  return Object.assign(new Error(message), { responseCode });
}

export async function startSmtpSink(options: SmtpSinkOptions = {}): Promise<SmtpSink> {
  const received: ReceivedMail[] = [];
  const rejections: Rejection[] = [];

  const server = new SMTPServer({
    authOptional: true,
    allowInsecureAuth: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onAuth(auth, _session, callback) {
      const expected = options.credentials;
      if (expected && (auth.username !== expected.user || auth.password !== expected.pass)) {
        callback(smtpError(535, "5.7.8 Authentication credentials invalid"));
        return;
      }
      callback(null, { user: auth.username ?? "anonymous" });
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("error", (error: Error) => callback(error));
      stream.on("end", () => {
        const rejection = rejections[0];
        if (rejection) {
          rejection.remaining -= 1;
          if (rejection.remaining <= 0) rejections.shift();
          callback(smtpError(rejection.responseCode, rejection.message));
          return;
        }
        const raw = Buffer.concat(chunks);
        simpleParser(raw, { keepCidLinks: true })
          .then((mail) => {
            received.push({
              envelope: {
                from: session.envelope.mailFrom ? session.envelope.mailFrom.address : null,
                to: session.envelope.rcptTo.map((address) => address.address),
              },
              mail,
              raw,
            });
            callback();
          })
          .catch((error: unknown) => callback(error instanceof Error ? error : new Error(String(error))));
      });
    },
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const address = server.server.address() as AddressInfo;

  return {
    host: "127.0.0.1",
    port: address.port,
    received,
    rejectNext(count, responseCode, message = `${responseCode} rejected by the test SMTP sink`) {
      if (count > 0) rejections.push({ remaining: count, responseCode, message });
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
