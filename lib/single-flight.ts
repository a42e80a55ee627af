/**
 * One run of a task at a time: calling run() while it runs joins that run instead of starting a
 * second (a periodic sweep whose timer fires while the start-up sweep is still going). A failure is
 * handed to onError and never rejects run().
 */
export interface SingleFlight {
  run(): Promise<void>;
  /** Resolves when no run is in flight. */
  settled(): Promise<void>;
  /** True while a run is in flight. */
  readonly busy: boolean;
}

export function singleFlight(task: () => Promise<unknown>, onError: (error: unknown) => void): SingleFlight {
  let running: Promise<void> | undefined;
  return {
    run() {
      running ??= task()
        .then(() => undefined)
        .catch(onError)
        .finally(() => {
          running = undefined;
        });
      return running;
    },
    settled: () => running ?? Promise.resolve(),
    get busy() {
      return running !== undefined;
    },
  };
}
