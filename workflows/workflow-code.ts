// The workflows' code as every worker and every replay runs it: the bundle's entry and the
// interceptors bundled with it. Not imported by the workflows themselves (paths of this process).
//
// The interceptors are part of the workflow code, whatever the configuration (tracing on or off):
// a running session replays only with the code that recorded it. The one here keeps a request's
// trace context across the steps it causes, and does nothing without it. Not OpenTelemetry's
// workflow interceptors: they wrap each handler in promises of their own, so that a session
// recorded without them replays its commands in another order with them, and the other way round.

/** This folder's file as a path (no Node built-in here: the folder's lint rule is the workflows'). */
const pathOf = (file: string) => decodeURIComponent(new URL(file, import.meta.url).pathname);

export const workflowsPath = pathOf('./index.ts');

export const workflowInterceptorModules: readonly string[] = [pathOf('./request-trace.ts')];

/** What `bundleWorkflowCode` is given to build the bundle a worker or a replay runs. */
export const workflowBundleOptions = { workflowsPath, workflowInterceptorModules: [...workflowInterceptorModules] };

/** What a worker or a replay is given to bundle the workflows itself, as it starts. */
export const workflowCodeBundledAtStart = { workflowsPath, interceptors: { workflowModules: [...workflowInterceptorModules] } };
