/** The proactive jobs' queue names (also BullMQ queue names). */
export const INSIGHTS_QUEUE = "insights";
export const DIGEST_QUEUE = "digests";
export const WEEKLY_QUEUE = "weekly-reports";
export const PLAN_TICK = "plan-notifications";
