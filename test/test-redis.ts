/**
 * BullMQ tests on the real Redis (TEST_REDIS_URL): every queue or runner a test makes gets a key
 * prefix of its own, and the keys under every prefix handed out are removed after the file's tests.
 */
import { Redis } from "ioredis";
import { afterAll } from "vitest";
import { loadConfig } from "../config/index.ts";

export interface TestRedis {
  readonly url: string;
  /** A fresh key prefix ("bizos-test-<label>-<pid>-<random>"), removed after the file's tests. */
  prefix(): string;
}

/** Call at the top of a test file (it registers the cleanup). */
export function useTestRedis(label: string): TestRedis {
  const url = loadConfig().env.TEST_REDIS_URL;
  const prefixes: string[] = [];
  afterAll(async () => {
    if (prefixes.length === 0) return;
    const redis = new Redis(url, { maxRetriesPerRequest: 1 });
    try {
      for (const prefix of prefixes) {
        const keys = await redis.keys(`${prefix}:*`);
        if (keys.length > 0) await redis.del(...keys);
      }
    } finally {
      redis.disconnect();
    }
  });
  return {
    url,
    prefix() {
      const prefix = `bizos-test-${label}-${process.pid}-${Math.random().toString(36).slice(2, 10)}`;
      prefixes.push(prefix);
      return prefix;
    },
  };
}
