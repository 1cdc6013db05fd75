import { hostname } from 'node:os';
import type { FastifyInstance } from 'fastify';
import { uuidv7 } from '../../../core/uuid.ts';
import type { Database } from '../../db/client.ts';
import { type ClaimedJob, claimDueJob, failJob, finishJob } from './jobs.queue.ts';

/** How often a running server looks at the job table (it only polls; the work is planned in rows). */
const pollIntervalMs = 60_000;
const maxAttempts = 5;
const retryDelayMs = 15 * 60_000;

export type JobHandler = {
  kind: string;
  /** Plans the next job of this kind if none is pending (called at every poll; must be idempotent). */
  ensurePlanned(db: Database, now: Date): Promise<void>;
  /** Does the work; a thrown error is recorded on the job and tried again later. */
  run(db: Database, job: ClaimedJob, now: Date): Promise<void>;
};

/** The wall-clock parts of an instant in a time zone. */
function localParts(at: Date, timeZone: string) {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(at);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return {
    year: get('year'),
    month: get('month'),
    day: get('day'),
    hour: get('hour'),
    minute: get('minute'),
    second: get('second'),
  };
}

/** The instant at which the wall clock of `timeZone` reads `hour`:00 on the given local day. */
function atLocalHour(year: number, month: number, day: number, hour: number, timeZone: string): Date {
  const guess = Date.UTC(year, month - 1, day, hour);
  const shown = localParts(new Date(guess), timeZone);
  const offset = Date.UTC(shown.year, shown.month - 1, shown.day, shown.hour, shown.minute, shown.second) - guess;
  return new Date(guess - offset);
}

/** The next time after `now` at which it is `hour`:00 in `timeZone` (today's if still ahead, else tomorrow's). */
export function nextLocalHour(now: Date, hour: number, timeZone: string): Date {
  const today = localParts(now, timeZone);
  const candidate = atLocalHour(today.year, today.month, today.day, hour, timeZone);
  if (candidate.getTime() > now.getTime()) return candidate;
  const tomorrow = new Date(Date.UTC(today.year, today.month - 1, today.day + 1));
  return atLocalHour(tomorrow.getUTCFullYear(), tomorrow.getUTCMonth() + 1, tomorrow.getUTCDate(), hour, timeZone);
}

/** One pass: plan what is missing, then run every due job this worker can claim. */
export async function runDueJobs(db: Database, workerId: string, handlers: JobHandler[], now = new Date()) {
  for (const handler of handlers) await handler.ensurePlanned(db, now);
  const kinds = handlers.map((h) => h.kind);
  let ran = 0;
  for (let job = await claimDueJob(db, workerId, kinds, now); job; job = await claimDueJob(db, workerId, kinds, now)) {
    const handler = handlers.find((h) => h.kind === job.kind)!;
    try {
      await handler.run(db, job, now);
      await finishJob(db, job.id, now);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const retryAt = job.attempts < maxAttempts ? new Date(now.getTime() + retryDelayMs * job.attempts) : null;
      await failJob(db, job.id, message, retryAt);
      if (!retryAt) await handler.ensurePlanned(db, now);
    }
    ran++;
  }
  return ran;
}

/**
 * Polls the job table once the app is ready, then every minute. The timer is unref'd (it never
 * keeps the process alive) and stopped when the app closes; a failed pass is logged and the next
 * tick tries again. Every server polls; `FOR UPDATE SKIP LOCKED` gives each job to one of them.
 */
export function scheduleJobs(app: FastifyInstance, db: Database, handlers: JobHandler[], intervalMs = pollIntervalMs) {
  const workerId = `${hostname()}:${process.pid}:${uuidv7().slice(-8)}`;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> = Promise.resolve();
  const poll = () => {
    running = runDueJobs(db, workerId, handlers)
      .then((ran) => {
        if (ran) app.log.info({ ran }, 'scheduled jobs run');
      })
      .catch((error: unknown) => app.log.error({ err: error }, 'job poll failed'));
    return running;
  };
  app.addHook('onReady', async () => {
    // Not awaited: a purge due since the night the server was down must not hold up its start.
    void poll();
    timer = setInterval(() => void poll(), intervalMs);
    timer.unref();
  });
  app.addHook('onClose', async () => {
    if (timer) clearInterval(timer);
    await running;
  });
}
