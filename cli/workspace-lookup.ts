import type { DbOrTrx } from "../db/database.ts";
import { findWorkspaceBySlug } from "../db/repositories/workspaces.ts";
import type { Workspace } from "../db/schema/core.ts";
import { InputError } from "../lib/input-error.ts";

/** The workspace a --workspace flag names, or an InputError saying how to find the right slug. */
export async function requireWorkspace(db: DbOrTrx, slug: string): Promise<Workspace> {
  const workspace = await findWorkspaceBySlug(db, slug);
  if (!workspace) throw new InputError(`No workspace "${slug}". See: npx bizos workspace list`);
  return workspace;
}
