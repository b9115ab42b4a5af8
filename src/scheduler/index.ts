// Public surface of the digest scheduler.
export { createScheduler, type Scheduler, type SchedulerDeps, type SchedulerOptions, type TickReport } from './scheduler.js';
export {
  createChannelRunner,
  lateNote,
  type ChannelRunnerDeps,
  type RunChannel,
  type RunContext,
  type RunOutcome,
} from './run-channel.js';
export {
  dueSubscriptions,
  isDue,
  isScheduledDay,
  localDate,
  retryDelayMs,
  scheduledAt,
  sinceDate,
  DEFAULT_DAYS,
  DEFAULT_TIME,
  type DueOptions,
  type DueRun,
} from './schedule.js';
export { createStoreLocks, defaultOwnerId, DEFAULT_LOCK_TTL_MS, digestLockName, type LockOptions } from './lock.js';
export { ARXIV_HOLIDAYS, isQuietDay, quietReason } from './arxiv-calendar.js';
