// A workflows entry module for a deliberately incompatible change, bundled by tests that must see
// a replay fail. It is the current workflow code except that the session workflow first waits on
// a timer: a new command at the very start that no recorded history holds, so replaying any
// session history with this bundle is a determinism violation. That is exactly the kind of change
// that must go behind `patched()` (workflows/patches.ts) in real code; here it stays unguarded.
// Everything else (the offer workflow, whatever index.ts adds later) is re-exported unchanged: a
// local export takes precedence over the same name from `export *`.
import { sleep } from '@temporalio/workflow';
import { sessionWorkflow as currentSessionWorkflow } from '../../workflows/index.ts';

export * from '../../workflows/index.ts';

export async function sessionWorkflow(...args: Parameters<typeof currentSessionWorkflow>): ReturnType<typeof currentSessionWorkflow> {
  await sleep(1);
  return currentSessionWorkflow(...args);
}
