// The API process SIGKILLed in the middle of the votes and started again on the same port:
// requests cut off are retried with their Idempotency-Key, every acknowledged vote is there
// exactly once, and the session goes on.
import { afterAll, beforeAll, describe, it, onTestFailed } from 'vitest';
import { ChaosSystem } from './support/system.ts';
import { votesUnderChaos } from './support/votes-under-chaos.ts';

let system: ChaosSystem;
beforeAll(async () => {
  system = await ChaosSystem.start('api-restart');
});
afterAll(async () => system?.close());

describe('the API restarted during the votes', () => {
  it('loses and doubles no acknowledged vote', async () => {
    onTestFailed(() => console.error(system.logs()));
    await votesUnderChaos(system, 'akill', {
      async inject(sys) {
        await sys.api.kill('SIGKILL');
        await sys.startApi();
      },
    });
  });
});
