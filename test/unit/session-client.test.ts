// The API's Temporal session client: an update the server completed but was sent again (its
// copy refused as an invalid state transition) is asked once more under the same id, which
// answers with the outcome; anything else is not retried.
import { ServiceError, type Client } from '@temporalio/client';
import { describe, expect, it } from 'vitest';
import { SessionClient, updateAlreadyCompleted } from '../../api/services/session-client.ts';
import { recordAttendance } from '../../workflows/session-messages.ts';

const completedCopy = () => new ServiceError('Workflow Update failed', {
  cause: Object.assign(new Error('3 INVALID_ARGUMENT: BadUpdateWorkflowExecutionMessage: invalid state transition attempted for Update 4003: received *update.Rejection message while in state Completed'), { code: 3 }),
});

function clientAnswering(...answers: Array<unknown>) {
  const calls: Array<{ updateId?: string }> = [];
  const client = {
    workflow: {
      getHandle: () => ({
        executeUpdate: async (_definition: unknown, options: { updateId?: string }) => {
          calls.push(options);
          const next = answers.shift();
          if (next instanceof Error) throw next;
          return next;
        },
      }),
    },
  } as unknown as Client;
  return { sessions: new SessionClient(client, 'queue'), calls };
}

describe('the session client', () => {
  it('recognises the server\'s refusal of a copy of a completed update, however wrapped', () => {
    expect(updateAlreadyCompleted(completedCopy())).toBe(true);
    expect(updateAlreadyCompleted(new ServiceError('Workflow Update failed', { cause: Object.assign(new Error('3 INVALID_ARGUMENT'), { code: 3 }) }))).toBe(true);
    // What the API's call got in the bench run at 200 sessions.
    expect(updateAlreadyCompleted(new ServiceError('Workflow Update failed', {
      cause: Object.assign(new Error('9 FAILED_PRECONDITION: Unable to perform workflow execution update due to unexpected workflow task failure.'), { code: 9 }),
    }))).toBe(true);
    expect(updateAlreadyCompleted(new ServiceError('Workflow Update failed', { cause: Object.assign(new Error('9 FAILED_PRECONDITION: something else'), { code: 9 }) }))).toBe(false);
    expect(updateAlreadyCompleted(new ServiceError('Workflow Update failed', { cause: Object.assign(new Error('14 UNAVAILABLE'), { code: 14 }) }))).toBe(false);
  });

  it('asks a keyed update again under the same id and answers with its outcome', async () => {
    const quorum = { rosterSize: 7, present: 4, represented: 0, required: 4, reached: true };
    const { sessions, calls } = clientAnswering(completedCopy(), quorum);
    await expect(sessions.update('s-1', recordAttendance, [{ actor: 'staff:x', memberId: 'm-1', present: true }], 'attendance:x:key-1')).resolves.toEqual(quorum);
    expect(calls.map((c) => c.updateId)).toEqual(['attendance:x:key-1', 'attendance:x:key-1']);
  });

  it('sends an id of its own without a key, so that the retry is the same update; and retries nothing else', async () => {
    const unkeyed = clientAnswering(completedCopy(), 'done');
    await expect(unkeyed.sessions.update('s-1', recordAttendance, [{ actor: 'staff:x', memberId: 'm-1', present: true }])).resolves.toBe('done');
    expect(unkeyed.calls).toHaveLength(2);
    expect(unkeyed.calls[0]!.updateId).toMatch(/^[0-9a-f-]{36}$/);
    expect(unkeyed.calls[1]!.updateId).toBe(unkeyed.calls[0]!.updateId);
    const other = clientAnswering(new ServiceError('Workflow Update failed', { cause: new Error('boom') }), 'never');
    await expect(other.sessions.update('s-1', recordAttendance, [{ actor: 'staff:x', memberId: 'm-1', present: true }], 'attendance:x:key-2')).rejects.toBeInstanceOf(ServiceError);
    expect(other.calls).toHaveLength(1);
  });
});
