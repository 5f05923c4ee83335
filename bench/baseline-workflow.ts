// The baseline's workflow: as little as a workflow with an update can be. An update with a
// synchronous validator and handler (the shape of the session workflow's castVote) that
// changes the state and answers; a signal ends it. `padding` is the state it holds besides (the
// fair floor gives it a session's size). Bundled on its own by the bench.
import { allHandlersFinished, condition, defineSignal, defineUpdate, setHandler } from '@temporalio/workflow';

export const bump = defineUpdate<number, [number]>('bump');
export const finish = defineSignal('finish');

export async function baselineWorkflow(padding = ''): Promise<number> {
  let total = 0;
  let finished = false;
  setHandler(bump, (by: number) => {
    total += by;
    return total;
  }, {
    validator: (by: number) => {
      if (!Number.isInteger(by)) throw new Error('an integer is expected');
    },
  });
  setHandler(finish, () => {
    finished = true;
  });
  await condition(() => finished);
  await condition(allHandlersFinished);
  // The padding stays live to the end, as a session's state does.
  return total + padding.length;
}
