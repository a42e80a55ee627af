import type { LogLevel } from "../config/index.ts";

type Fields = Readonly<Record<string, unknown>>;

export interface Logger {
  debug(message: string, fields?: Fields): void;
  info(message: string, fields?: Fields): void;
  warn(message: string, fields?: Fields): void;
  error(message: string, fields?: Fields): void;
  child(bindings: Fields): Logger;
}

const RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };

export interface LoggerOptions {
  readonly level: LogLevel;
  readonly format: "pretty" | "json";
  /** Where lines go; stderr by default so command output on stdout stays clean. */
  readonly write?: (line: string) => void;
}

/** The one structured logger: JSON lines for machines, short readable lines for people. */
export function createLogger(options: LoggerOptions, bindings: Fields = {}): Logger {
  const write = options.write ?? ((line: string) => process.stderr.write(`${line}\n`));
  const emit = (level: Exclude<LogLevel, "silent">, message: string, fields: Fields = {}) => {
    if (RANK[level] < RANK[options.level]) return;
    const all = { ...bindings, ...fields };
    if (options.format === "json") {
      write(JSON.stringify({ time: new Date().toISOString(), level, msg: message, ...serialiseErrors(all) }));
      return;
    }
    const extras = Object.entries(serialiseErrors(all))
      .map(([key, value]) => `${key}=${typeof value === "string" ? value : JSON.stringify(value)}`)
      .join(" ");
    write(`${level.padEnd(5)} ${message}${extras ? `  ${extras}` : ""}`);
  };
  return {
    debug: (message, fields) => emit("debug", message, fields),
    info: (message, fields) => emit("info", message, fields),
    warn: (message, fields) => emit("warn", message, fields),
    error: (message, fields) => emit("error", message, fields),
    child: (more) => createLogger(options, { ...bindings, ...more }),
  };
}

function serialiseErrors(fields: Fields): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields)) {
    out[key] = value instanceof Error ? { name: value.name, message: value.message } : value;
  }
  return out;
}

/** A logger that drops everything, for tests and library defaults. */
export const silentLogger: Logger = createLogger({ level: "silent", format: "json", write: () => undefined });
