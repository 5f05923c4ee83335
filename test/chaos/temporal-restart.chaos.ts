// The Temporal server (a dev server persisted to a SQLite file) SIGKILLed in the middle of the
// votes, twice (a long outage, until voters get 5xx answers, and a short one), and started again
// on the same port with the same file: the worker and the API reconnect by themselves, every
// acknowledged vote is there exactly once, and the session goes on.
import { afterAll, beforeAll, describe, it, onTestFailed } from 'vitest';
import { eventually } from './support/processes.ts';
import { ChaosSystem } from './support/system.ts';
import { votesUnderChaos } from './support/votes-under-chaos.ts';

let system: ChaosSystem;

/** The API's /ready does not say Temporal is up: it answers otherwise, or not within 3 s. */
async function temporalSeenDown(sys: ChaosSystem): Promise<boolean> {
  try {
    const ready = await (await fetch(`${sys.base}/ready`, { signal: AbortSignal.timeout(3_000) })).json() as { temporal?: string };
    return ready.temporal !== 'up';
  } catch {
    return true;
  }
}
beforeAll(async () => {
  system = await ChaosSystem.start('temporal-restart');
});
afterAll(async () => system?.close());

describe('the Temporal server restarted during the votes', () => {
  it('loses and doubles no acknowledged vote', async () => {
    onTestFailed(() => console.error(system.logs()));
    await votesUnderChaos(system, 'tkill', {
      twice: true,
      async inject(sys, { http, at }) {
        const failuresBefore = http.failuresSeen.length;
        await sys.temporal.kill('SIGKILL');
        if (at === '1/3') {
          // A long outage: down until a voter has been answered a 5xx (the API gives up on the
          // update), so that requests are retried by the client, not only inside the API.
          await eventually(async () => http.failuresSeen.slice(failuresBefore), (seen) => seen.some((f) => f.startsWith('5')), 120_000, 'a voter answered 5xx');
        } else {
          // A short one: down until the API notices.
          await eventually(() => temporalSeenDown(sys), Boolean, 30_000, 'the API sees Temporal down');
        }
        await sys.startTemporal();
      },
    });
  });
});
