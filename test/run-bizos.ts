/** Runs the real `bizos` command (bin/bizos.mjs) in a child process, for CLI tests. */
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);
export const BIZOS_BIN = path.join(import.meta.dirname, "..", "bin", "bizos.mjs");

export interface BizosOutcome {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** `bizos …args` on the embedded database under `dataDir`; never throws, returns the exit code and output. */
export async function runBizos(dataDir: string, args: readonly string[], env: Readonly<Record<string, string>> = {}): Promise<BizosOutcome> {
  try {
    // The child reads its configuration itself (config/); the test only hands it this environment plus overrides.
    const { stdout, stderr } = await run(process.execPath, [BIZOS_BIN, ...args], {
      env: { ...process.env, BIZOS_DATA_DIR: dataDir, DATABASE_URL: "", LOG_LEVEL: "warn", ...env },
      timeout: 300_000,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof failed.code === "number" ? failed.code : -1, stdout: failed.stdout ?? "", stderr: failed.stderr ?? "" };
  }
}
