import { ConfigError } from "../config/index.ts";
import { ColumnMapError, CsvError } from "../connectors/csv/index.ts";
import { DatabaseUnavailableError } from "../db/connection.ts";
import { MigrationError } from "../db/migrate.ts";
import { IdentityError } from "../db/repositories/members.ts";
import { WorkspaceExistsError } from "../db/repositories/workspaces.ts";
import { DemoExistsError, DemoIdentityConflictError } from "../demo/index.ts";
import { InputError } from "../lib/input-error.ts";

/** Errors whose message is written for the person at the terminal: print it, no stack. */
const EXPECTED: readonly (new (...args: never[]) => Error)[] = [
  ConfigError,
  DatabaseUnavailableError,
  InputError,
  MigrationError,
  WorkspaceExistsError,
  IdentityError,
  DemoExistsError,
  DemoIdentityConflictError,
  CsvError,
  ColumnMapError,
];

export function isExpectedError(error: unknown): error is Error {
  return error instanceof Error && EXPECTED.some((type) => error instanceof type);
}
