// The session workflow on the time-skipping test server: updates and queries work there, so
// timer-heavy tests (notice periods, grace periods, offer windows) can rely on it.
import { randomUUID } from 'node:crypto';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { createSessionActivities } from '../../activities/session-activities.ts';
import { registerSearchAttributes } from '../../bin/search-attribute-registration.ts';
import { temporalExecutable } from '../../bin/temporal-server.ts';
import type { Database } from '../../prisma/database.ts';
import { testDatabase } from '../support/database.ts';
import { addAgendaItem, getSessionState, publishAgenda } from '../../workflows/session-messages.ts';
import { defaultCommitteeRules } from '../../domain/rules/index.ts';

let env: TestWorkflowEnvironment;
let db: Database;

beforeAll(async () => {
  env = await TestWorkflowEnvironment.createTimeSkipping({ server: { executable: temporalExecutable('testServer') } });
  await registerSearchAttributes(env.connection, env.namespace ?? 'default');
  db = testDatabase();
});
afterAll(async () => {
  await db?.$disconnect();
  await env?.teardown();
});

describe('the session workflow on the time-skipping server', () => {
  it('accepts updates, refuses invalid ones and answers queries while time jumps ahead', async () => {
    const committeeId = randomUUID();
    const sessionId = randomUUID();
    // Twenty days after the server's clock: ten skipped, then the agenda published with ten days' notice.
    const scheduledStart = new Date((await env.currentTimeMs()) + 20 * 24 * 3600 * 1000).toISOString();
    await db.committee.create({ data: { id: committeeId, name: 'Time-skipping', landlord: 'OPH' } });
    await db.session.create({ data: { id: sessionId, committeeId, rulesVersion: 1, scheduledStart: new Date(scheduledStart), mode: 'remote', workflowId: `session-${sessionId}` } });
    const taskQueue = `time-skipping-${randomUUID()}`;
    const worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue,
      workflowBundle: { codePath: inject('workflowBundlePath') },
      activities: createSessionActivities({ db }),
    });
    await worker.runUntil(async () => {
      const handle = await env.client.workflow.start('sessionWorkflow', {
        taskQueue,
        workflowId: `session-${sessionId}`,
        args: [{ sessionId, committeeId, rulesVersion: 1, rules: defaultCommitteeRules, members: [], scheduledStart, mode: 'remote', videoProvider: 'manual', timeZone: 'Europe/Paris' }],
      });
      const before = await env.currentTimeMs();
      await env.sleep('10 days');
      expect((await env.currentTimeMs()) - before).toBeGreaterThanOrEqual(10 * 24 * 3600 * 1000);

      await expect(handle.executeUpdate(publishAgenda, { args: [{ actor: 'staff:test' }] })).rejects.toMatchObject({
        cause: { type: 'RuleViolation', message: expect.stringMatching(/agenda without items/) },
      });
      const item = await handle.executeUpdate(addAgendaItem, {
        args: [{ actor: 'staff:test', itemId: randomUUID(), kind: 'allocation', dwellingId: randomUUID(), place: { commune: 'Villeneuve' }, candidates: [{ applicationId: randomUUID(), rank: 1 }], exception: 'dalo_designation' }],
      });
      expect(item.status).toBe('pending');
      expect(await handle.executeUpdate(publishAgenda, { args: [{ actor: 'staff:test' }] })).toBe('convened');
      const state = await handle.query(getSessionState);
      expect(state.phase).toBe('convened');
      expect(state.agenda).toHaveLength(1);
    });
  });
});
