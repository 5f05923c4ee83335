// The worker SIGKILLed in the middle of the votes, twice, and started again: every vote the API
// acknowledged is in the session exactly once, and the session goes on to its minutes.
import { afterAll, beforeAll, describe, it, onTestFailed } from 'vitest';
import { ChaosSystem } from './support/system.ts';
import { votesUnderChaos } from './support/votes-under-chaos.ts';

let system: ChaosSystem;
beforeAll(async () => {
  system = await ChaosSystem.start('worker-kill');
});
afterAll(async () => system?.close());

describe('the worker killed during the votes', () => {
  it('loses and doubles no acknowledged vote', async () => {
    onTestFailed(() => console.error(system.logs()));
    await votesUnderChaos(system, 'wkill', {
      twice: true,
      async inject(sys) {
        await sys.worker.kill('SIGKILL');
        await sys.startWorker();
      },
    });
  });
});
