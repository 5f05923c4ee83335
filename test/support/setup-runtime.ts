import { DefaultLogger, Runtime } from '@temporalio/worker';

// Once per test process: keep the Temporal core's logs to warnings.
try {
  Runtime.install({ logger: new DefaultLogger('WARN') });
} catch {
  // Already installed in this process.
}
