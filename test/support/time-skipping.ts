// The session workflow on the time-skipping test server, with the real activities against the
// test database. Here the server's clock jumps only in `SessionLab.skipTo` (`env.sleep`), so
// sessions are scheduled relative to the server's clock, never the wall clock, and each test
// moves the clock itself.
import { randomUUID } from 'node:crypto';
import { Client, WorkflowUpdateFailedError, type WorkflowHandle } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { inject } from 'vitest';
import { smtpMailer, type Mailer } from '../../activities/notify/mailer.ts';
import { createSessionActivities } from '../../activities/session-activities.ts';
import { registerSearchAttributes } from '../../bin/search-attribute-registration.ts';
import { temporalExecutable } from '../../bin/temporal-server.ts';
import type { Database } from '../../prisma/database.ts';
import { testDatabase } from './database.ts';
import { startSmtpSink, type SmtpSink } from './smtp-sink.ts';
import type { AddAgendaItem, Refusal as DecidedRefusal, SessionInput, SessionMode, SessionState } from '../../domain/session/index.ts';
import { defaultCommitteeRules, type CandidateDecision, type CommitteeRules, type DwellingPlace, type SessionMember } from '../../domain/rules/index.ts';
import { committeeIdKey, lastProgressKey, scheduledStartKey, sessionPhaseKey } from '../../workflows/search-attributes.ts';
import type { sessionWorkflow } from '../../workflows/session.ts';
import { getSessionState } from '../../workflows/session-messages.ts';

export const minuteMs = 60_000;
export const hourMs = 60 * minuteMs;
export const dayMs = 24 * hourMs;

export type SessionHandle = WorkflowHandle<typeof sessionWorkflow>;

/**
 * One time-skipping server per test file, with the session search attributes registered, and one
 * worker with the real activities polling a task queue of its own for the whole file.
 *
 * Sessions are never terminated between tests: terminating a session right after an update,
 * while its workflow is still persisting the step, leaves the test server's time-skipping lock
 * held, and every later `env.sleep` then waits in real time. A session left running by one test
 * may see its timers fire while a later test moves the clock; the worker handles that as
 * production would, and each test looks only at its own sessions.
 */
export async function startTimeSkipping(name: string, options: { smtpUrl?: string; restartable?: boolean } = {}): Promise<SessionLab> {
  const env = await TestWorkflowEnvironment.createTimeSkipping({ server: { executable: temporalExecutable('testServer') } });
  await registerSearchAttributes(env.connection, env.namespace ?? 'default');
  const db = testDatabase();
  const taskQueue = `${name}-${randomUUID()}`;
  // Members are convened only once their convocation is delivered: a real SMTP server receives them.
  const mail = await startSmtpSink();
  const mailer = smtpMailer(options.smtpUrl ?? mail.url, 'Secrétariat CALEOL <caleol@oph.test>');
  // A worker that restarts keeps no workflow in its cache: a task routed to a stopped worker's
  // sticky queue would hold the test server's time-skipping until its timeout, in real time.
  const newWorker = () => Worker.create({
    connection: env.nativeConnection,
    taskQueue,
    workflowBundle: { codePath: inject('workflowBundlePath') },
    activities: createSessionActivities({ db, mailer }),
    ...(options.restartable ? { maxCachedWorkflows: 0 } : {}),
  });
  return new SessionLab(env, db, taskQueue, await newWorker(), mail, mailer, newWorker);
}

/**
 * A committee as the database knows it: six board members (the first chairs), the prefect and
 * the mayor of Villeneuve; one dwelling in Villeneuve and three applications for it.
 */
export interface CommitteeFixture {
  committeeId: string;
  members: SessionMember[];
  board: [string, string, string, string, string, string];
  prefect: string;
  mayor: string;
  dwellingId: string;
  place: DwellingPlace;
  applicationIds: [string, string, string];
}

export async function seedCommittee(db: Database, name: string): Promise<CommitteeFixture> {
  const committeeId = randomUUID();
  const board = [randomUUID(), randomUUID(), randomUUID(), randomUUID(), randomUUID(), randomUUID()] as CommitteeFixture['board'];
  const prefect = randomUUID();
  const mayor = randomUUID();
  const dwellingId = randomUUID();
  const applicationIds = [randomUUID(), randomUUID(), randomUUID()] as CommitteeFixture['applicationIds'];
  const place: DwellingPlace = { commune: 'Villeneuve' };
  const members: SessionMember[] = [
    ...board.map((id, i): SessionMember => ({ id, role: 'board_member', chair: i === 0 })),
    { id: prefect, role: 'prefect', chair: false },
    { id: mayor, role: 'mayor', commune: place.commune, chair: false },
  ];

  await db.committee.create({ data: { id: committeeId, name, landlord: 'OPH Exemple' } });
  await db.member.createMany({
    data: members.map((m, i) => ({
      id: m.id,
      committeeId,
      name: `${m.role} ${i + 1}`,
      email: `member-${i + 1}@${committeeId}.test`,
      role: m.role,
      commune: m.commune ?? null,
      chair: m.chair,
      tenantRepresentative: i === 5,
    })),
  });
  await db.dwelling.create({
    data: { id: dwellingId, committeeId, reference: 'VIL-0042', address: '12 rue des Lilas', commune: place.commune, type: 'T3', surfaceM2: 68.5, rentCents: 52_000, financing: 'PLUS' },
  });
  await db.application.createMany({
    data: applicationIds.map((id, i) => ({ id, committeeId, applicationNumber: `VIL-0042-${'ABC'[i]}`, householdSummary: `Household ${i + 1}` })),
  });
  return { committeeId, members, board, prefect, mayor, dwellingId, place, applicationIds };
}

/** The allocation item of the committee's dwelling, with its three ranked candidates. */
export function allocationItem(c: CommitteeFixture, actor = 'staff:secretary'): AddAgendaItem {
  return {
    actor,
    itemId: randomUUID(),
    kind: 'allocation',
    dwellingId: c.dwellingId,
    place: c.place,
    candidates: c.applicationIds.map((applicationId, i) => ({ applicationId, rank: i + 1 })),
  };
}

/** The presenter's proposal for the committee's item: the three candidates ranked in order. */
export function rankedProposal(c: CommitteeFixture): CandidateDecision[] {
  return c.applicationIds.map((applicationId, i) => ({ applicationId, type: 'ranked_attribution', rank: i + 1 }));
}

export interface SessionOptions {
  scheduledStart: number;
  mode?: SessionMode;
  rules?: CommitteeRules;
  rulesVersion?: number;
  /** A written session's close. */
  closesAt?: number;
}

/**
 * The sessions of a test file on the time-skipping server, and its clock.
 *
 * Handles come from a plain client, not from `env.client`: waiting on a result through
 * `env.client` lets the server skip to the next timer of any workflow, and with the other
 * sessions waiting on updates only, that jumped the clock ten years ahead. Only `skipTo` moves
 * the clock; a result is awaited once the clock is past the timer that ends the workflow.
 */
export class SessionLab {
  readonly client: Client;
  private running: Promise<void>;

  constructor(
    readonly env: TestWorkflowEnvironment, readonly db: Database, readonly taskQueue: string, private worker: Worker, readonly mail: SmtpSink, private readonly mailer: Mailer,
    private readonly newWorker: () => Promise<Worker>,
  ) {
    this.client = new Client({ connection: env.connection, namespace: env.namespace ?? 'default' });
    this.running = worker.run();
  }

  /** Stops the worker and starts another, as a deployment or a crash does: workflows go on from their histories. */
  async restartWorker(): Promise<void> {
    this.worker.shutdown();
    await this.running;
    this.worker = await this.newWorker();
    this.running = this.worker.run();
  }

  async close(): Promise<void> {
    this.worker.shutdown();
    await this.running;
    this.mailer.close();
    await this.mail.close();
    await this.db.$disconnect();
    await this.env.teardown();
  }

  /** The server's clock, which the tests move. */
  now(): Promise<number> {
    return this.env.currentTimeMs();
  }

  /** Moves the server's clock to `at` (ms since the epoch); timers due by then fire. */
  async skipTo(at: number): Promise<void> {
    const now = await this.now();
    if (at > now) await this.env.sleep(at - now);
  }

  /** Creates the session row, as the API does, then starts the session's workflow. */
  async start(c: CommitteeFixture, options: SessionOptions): Promise<{ sessionId: string; handle: SessionHandle }> {
    const sessionId = randomUUID();
    const mode = options.mode ?? 'remote';
    const rulesVersion = options.rulesVersion ?? 1;
    const scheduledStart = new Date(options.scheduledStart).toISOString();
    await this.db.session.create({
      data: {
        id: sessionId, committeeId: c.committeeId, rulesVersion, scheduledStart: new Date(scheduledStart), mode, workflowId: `session-${sessionId}`,
        ...(options.closesAt ? { windowClosesAt: new Date(options.closesAt) } : {}),
      },
    });
    const input: SessionInput = {
      sessionId,
      committeeId: c.committeeId,
      rulesVersion,
      rules: options.rules ?? defaultCommitteeRules,
      members: c.members,
      scheduledStart,
      mode,
      videoProvider: 'manual',
      timeZone: 'Europe/Paris',
      ...(options.closesAt ? { closesAt: new Date(options.closesAt).toISOString() } : {}),
    };
    const handle = await this.client.workflow.start<typeof sessionWorkflow>('sessionWorkflow', {
      taskQueue: this.taskQueue,
      workflowId: `session-${sessionId}`,
      args: [input],
      typedSearchAttributes: [
        { key: committeeIdKey, value: c.committeeId },
        { key: sessionPhaseKey, value: 'draft' },
        { key: scheduledStartKey, value: new Date(scheduledStart) },
        { key: lastProgressKey, value: new Date(await this.now()) },
      ],
    });
    return { sessionId, handle };
  }

  /**
   * The session's result, once the clock is past whatever ends its workflow; if it has not
   * completed within `withinMs` of real time, fails with what the workflow is stuck on.
   */
  async result(handle: SessionHandle, withinMs = 10_000): Promise<SessionState> {
    try {
      return await this.client.connection.withDeadline(Date.now() + withinMs, () => handle.result());
    } catch (error) {
      const { status, raw } = await handle.describe();
      const pending = (raw.pendingActivities ?? []).map((a) => `${a.activityType?.name ?? '?'} (attempt ${a.attempt ?? '?'}${a.lastFailure?.message ? `: ${a.lastFailure.message}` : ''})`);
      throw new Error(`session workflow ${handle.workflowId} did not complete within ${withinMs} ms: ${status.name}, pending activities: ${pending.join(', ') || 'none'}`, { cause: error });
    }
  }

  /** Waits (in real time, at most `withinMs`) until every member of the session is convened. */
  async convened(handle: SessionHandle, withinMs = 10_000): Promise<SessionState> {
    const deadline = Date.now() + withinMs;
    for (;;) {
      const state = await handle.query(getSessionState);
      const waiting = state.members.filter((m) => m.role !== 'staff' && !state.convocations[m.id]?.deliveredAt);
      if (state.phase === 'convened' && waiting.length === 0) return state;
      if (Date.now() > deadline) throw new Error(`members not convened within ${withinMs} ms: ${waiting.map((m) => m.id).join(', ')}`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }

  /** The workflow of a session this test did not start itself (a reconvened session). */
  session(sessionId: string): SessionHandle {
    return this.client.workflow.getHandle<typeof sessionWorkflow>(`session-${sessionId}`);
  }
}

/** A session start `days` after the server's `now`, on a whole minute. */
export function startAfter(now: number, days: number, extraMs = 0): number {
  return Math.ceil((now + days * dayMs + extraMs) / minuteMs) * minuteMs;
}

export interface Refusal {
  type: string | undefined;
  rule: string | undefined;
  message: string;
}

/** Awaits an update that must be refused; returns the failure type and the rule that refused it. */
export async function refusalOf(update: Promise<unknown>): Promise<Refusal> {
  let accepted: unknown;
  try {
    accepted = await update;
  } catch (error) {
    if (!(error instanceof WorkflowUpdateFailedError)) throw error;
    if (!(error.cause instanceof ApplicationFailure)) throw new Error(`the update failed without an ApplicationFailure: ${String(error.cause)}`);
    const details = error.cause.details?.[0] as DecidedRefusal | undefined;
    return { type: error.cause.type ?? undefined, rule: details?.rule, message: error.cause.message };
  }
  throw new Error(`the update was accepted: ${JSON.stringify(accepted)}`);
}
