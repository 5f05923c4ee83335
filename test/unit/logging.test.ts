// The process logger's lines: JSON with the service, and nothing of what must not be logged (task
// tokens, secrets, e-mail addresses, query strings), whoever writes them (ours or the SDK's).
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger, temporalLogger } from '../../bin/logging.ts';

function capture() {
  const lines: Array<Record<string, unknown>> = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) lines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  return { lines, logger: createLogger('debug', 'caleol-test', destination) };
}

describe('the process logger', () => {
  it('drops task tokens and secrets from the SDK\'s metadata and names the session of a session workflow', () => {
    const { lines, logger } = capture();
    temporalLogger(logger).warn('Activity failed', {
      workflowId: 'session-0b6d1c0e-8d3f-4c55-9f7a-2a3c1d9e0f11', activityType: 'sendConvocations', attempt: 2,
      taskToken: 'CiQ0YjVh-secret-task-token', nested: { clientSecret: 's3cr3t', kept: 'yes' },
    });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ service: 'caleol-test', level: 40, msg: 'Activity failed', sessionId: '0b6d1c0e-8d3f-4c55-9f7a-2a3c1d9e0f11', activityType: 'sendConvocations', nested: { kept: 'yes' } });
    expect(JSON.stringify(lines[0])).not.toMatch(/task-token|s3cr3t|taskToken|clientSecret/);
  });

  it('masks the e-mail addresses an error or a message quotes', () => {
    const { lines, logger } = capture();
    logger.error({ err: new Error('550 5.1.1 <claire.martin@oph-exemple.fr>: mailbox unavailable') }, 'convocation to jean.dupuis@oph-exemple.fr refused');
    const text = JSON.stringify(lines);
    expect(text).not.toContain('@oph-exemple.fr');
    expect(lines[0]).toMatchObject({ msg: 'convocation to <e-mail> refused', err: { type: 'Error', message: '550 5.1.1 <<e-mail>>: mailbox unavailable' } });
  });

  it('logs a request by its method and path, without its query string or headers', () => {
    const { lines, logger } = capture();
    logger.info({ req: { method: 'DELETE', url: '/sessions/x/agenda-items/y?reason=Mme%20Martin%20a%20renonc%C3%A9', headers: { authorization: 'Bearer abc' }, ip: '127.0.0.1' } }, 'incoming request');
    expect(lines[0]!.req).toEqual({ method: 'DELETE', url: '/sessions/x/agenda-items/y', remoteAddress: '127.0.0.1' });
  });
});
