// Which Temporal client failures the API answers 503 (retry with the same Idempotency-Key) rather
// than 500: the service not answering, or shedding load, however the SDK wraps the gRPC error.
import { ServiceError, WorkflowUpdateFailedError } from '@temporalio/client';
import { describe, expect, it } from 'vitest';
import { temporalRefusal } from '../../api/plugins/errors.ts';

const grpcError = (code: number, details: string) => Object.assign(new Error(`${code} ${details}`), { code, details });

describe('Temporal failures a client should retry', () => {
  it('tells a service that does not answer from one that sheds load', () => {
    expect(temporalRefusal(new ServiceError('Workflow Update failed', { cause: grpcError(14, 'UNAVAILABLE: No connection established') }))).toBe('unavailable');
    expect(temporalRefusal(new ServiceError('Workflow Update failed', { cause: grpcError(4, 'DEADLINE_EXCEEDED') }))).toBe('unavailable');
    expect(temporalRefusal(new ServiceError('Workflow Update failed: 8 RESOURCE_EXHAUSTED: namespace concurrent poller limit exceeded', {
      cause: grpcError(8, 'RESOURCE_EXHAUSTED: namespace concurrent poller limit exceeded'),
    }))).toBe('overloaded');
  });

  it('answers a session whose workflow task has failed (the worker behind: it is retried) as a service that does not answer', () => {
    const failedTask = new ServiceError('Workflow Update failed', {
      cause: grpcError(9, 'FAILED_PRECONDITION: Unable to perform workflow execution update due to Workflow Task in failed state.'),
    });
    expect(temporalRefusal(failedTask)).toBe('unavailable');
    expect(temporalRefusal(new ServiceError('x', { cause: grpcError(9, 'FAILED_PRECONDITION: some other precondition') }))).toBeUndefined();
  });

  it('finds the gRPC code a few causes down', () => {
    const wrapped = new Error('outer', { cause: new Error('middle', { cause: grpcError(8, 'RESOURCE_EXHAUSTED') }) });
    expect(temporalRefusal(wrapped)).toBe('overloaded');
  });

  it('leaves everything else to the other answers: refusals by the workflow, bugs, other gRPC codes', () => {
    expect(temporalRefusal(new WorkflowUpdateFailedError('Workflow Update failed', new Error('vote_open')))).toBeUndefined();
    expect(temporalRefusal(new TypeError('x is undefined'))).toBeUndefined();
    expect(temporalRefusal(new ServiceError('not found', { cause: grpcError(5, 'NOT_FOUND') }))).toBeUndefined();
    expect(temporalRefusal(grpcError(3, 'INVALID_ARGUMENT'))).toBeUndefined();
    expect(temporalRefusal(undefined)).toBeUndefined();
    expect(temporalRefusal('a string')).toBeUndefined();
  });
});
