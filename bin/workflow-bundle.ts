// The workflow code bundled once, for a worker to load instead of bundling it as it starts
// (WORKFLOW_BUNDLE_PATH): the image's build, the test runs and the bench make it the same way,
// from the entry and interceptors a worker bundles at start.
import { writeFile } from 'node:fs/promises';
import { bundleWorkflowCode } from '@temporalio/worker';
import { workflowBundleOptions } from '../workflows/workflow-code.ts';

/** The bundler's progress is noise; its warnings and errors are not. */
export const quietBundlerLogger = {
  trace: () => undefined, debug: () => undefined, info: () => undefined, log: () => undefined,
  warn: (message: string) => console.warn(message), error: (message: string) => console.error(message),
};

type BundledCode = Pick<Parameters<typeof bundleWorkflowCode>[0], 'workflowsPath' | 'workflowInterceptorModules'>;

/** Bundles the workflows (the sessions' unless told otherwise) into `file`; returns its size in bytes. */
export async function writeWorkflowBundle(file: string, code: BundledCode = workflowBundleOptions): Promise<number> {
  const bundle = await bundleWorkflowCode({ ...code, logger: quietBundlerLogger });
  await writeFile(file, bundle.code);
  return Buffer.byteLength(bundle.code);
}
