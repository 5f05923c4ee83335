import { Type } from 'typebox';
import type { App, RouteContext } from '../context.ts';

const Health = Type.Object({ status: Type.String() });
const Ready = Type.Object({ status: Type.String(), database: Type.String(), temporal: Type.String() });

async function probe(check: () => Promise<unknown>): Promise<string> {
  try {
    await check();
    return 'up';
  } catch (error) {
    return `down: ${error instanceof Error ? error.message : String(error)}`;
  }
}

export function registerHealthRoutes(app: App, { db, temporal }: RouteContext): void {
  app.get('/health', {
    config: { public: true },
    schema: { tags: ['ops'], summary: 'The process is up', security: [], response: { 200: Health } },
  }, async () => ({ status: 'up' }));

  app.get('/ready', {
    config: { public: true },
    schema: { tags: ['ops'], summary: 'The database and Temporal are reachable', security: [], response: { 200: Ready, 503: Ready } },
  }, async (_request, reply) => {
    const [database, temporalStatus] = await Promise.all([
      probe(() => db.$queryRaw`SELECT 1`),
      probe(() => temporal.workflowService.getSystemInfo({})),
    ]);
    const ready = database === 'up' && temporalStatus === 'up';
    if (!ready) reply.code(503);
    return { status: ready ? 'ready' : 'not_ready', database, temporal: temporalStatus };
  });

  app.get('/openapi.json', {
    config: { public: true },
    schema: { hide: true },
  }, async () => app.swagger());
}
