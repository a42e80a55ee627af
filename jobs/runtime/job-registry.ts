/**
 * The jobs a runner knows, by queue name, and what both runners do around a processor: check a
 * payload against the job's schema and derive its idempotency key and workspace before it is
 * recorded, and check the stored payload again before it runs.
 */
import { PermanentJobError, type JobContext, type JobDefinition, type JobPayload } from "./job-definition.ts";

/** A job ready to be recorded: the parsed payload, its key and workspace. */
export interface PreparedJob {
  readonly queue: string;
  readonly payload: JobPayload;
  readonly key: string;
  readonly workspaceId: number;
}

/** A registered job with its payload type erased: everything that reaches the processor is parsed first. */
export interface RegisteredJob {
  readonly queue: string;
  readonly attempts: number;
  readonly backoffMs: number;
  readonly maxBackoffMs: number;
  prepare(raw: unknown): PreparedJob;
  /** Parses the stored payload (one that no longer parses is a PermanentJobError) and runs the processor. */
  run(raw: unknown, ctx: JobContext): Promise<Record<string, unknown>>;
}

const MAX_KEY_LENGTH = 300;

function issuesText(issues: readonly { readonly path: readonly PropertyKey[]; readonly message: string }[]): string {
  return issues.map((issue) => `${issue.path.map(String).join(".") || "(payload)"}: ${issue.message}`).join("; ");
}

function bind<P extends JobPayload>(definition: JobDefinition<P>): RegisteredJob {
  const { queue } = definition;
  return {
    queue,
    attempts: definition.attempts,
    backoffMs: definition.backoffMs,
    maxBackoffMs: definition.maxBackoffMs,
    prepare(raw) {
      const parsed = definition.payload.safeParse(raw);
      if (!parsed.success) throw new Error(`invalid ${queue} job payload: ${issuesText(parsed.error.issues)}`);
      const key = definition.keyOf(parsed.data);
      if (key.length === 0 || key.length > MAX_KEY_LENGTH || /^\d+$/.test(key)) {
        throw new Error(`${queue} job key "${key}" must be 1–${MAX_KEY_LENGTH} characters and not a bare number`);
      }
      return { queue, payload: parsed.data, key, workspaceId: definition.workspaceOf(parsed.data) };
    },
    async run(raw, ctx) {
      const parsed = definition.payload.safeParse(raw);
      if (!parsed.success) throw new PermanentJobError(`the stored payload no longer matches the ${queue} job: ${issuesText(parsed.error.issues)}`);
      return definition.process(parsed.data, ctx);
    },
  };
}

export class JobRegistry {
  private readonly jobs = new Map<string, RegisteredJob>();

  /** Adds a job; a queue registered twice is a wiring mistake and throws. */
  register<P extends JobPayload>(definition: JobDefinition<P>): RegisteredJob {
    if (this.jobs.has(definition.queue)) throw new Error(`job queue "${definition.queue}" is registered twice`);
    const job = bind(definition);
    this.jobs.set(definition.queue, job);
    return job;
  }

  get(queue: string): RegisteredJob | undefined {
    return this.jobs.get(queue);
  }

  /** The job of a queue; throws when none is registered (an enqueue for a job this process does not run). */
  require(queue: string): RegisteredJob {
    const job = this.jobs.get(queue);
    if (!job) throw new Error(`no job is registered for queue "${queue}"`);
    return job;
  }

  queues(): string[] {
    return [...this.jobs.keys()];
  }
}
