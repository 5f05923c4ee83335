// What a session is started with: the committee's members and pinned rules, when and how it sits.
import type { CommitteeRules, SessionMember } from '../rules/index.ts';
import type { AgendaItemState } from './state.ts';

export const sessionPhases = [
  'draft',
  'convened',
  'open',
  'deliberating',
  'closed',
  'minutes_drafted',
  'signed',
  'notified',
  'completed',
  'adjourned',
  'cancelled',
] as const;
export type SessionPhase = (typeof sessionPhases)[number];

/** Phases after which the session accepts no change. */
export const finishedPhases: ReadonlySet<SessionPhase> = new Set(['completed', 'adjourned', 'cancelled']);

export const sessionModes = ['remote', 'in_person', 'mixed'] as const;
export type SessionMode = (typeof sessionModes)[number];
export type VideoProvider = 'manual' | 'zoom';

export interface SessionInput {
  sessionId: string;
  committeeId: string;
  rulesVersion: number;
  rules: CommitteeRules;
  members: SessionMember[];
  /** The convened time (ISO 8601, UTC): what the convocations state. */
  scheduledStart: string;
  mode: SessionMode;
  /** Zoom when the deployment has Zoom credentials and the session is remote or mixed. */
  videoProvider: VideoProvider;
  /** The committee's time zone, in which dates are printed and offer deadlines counted. */
  timeZone: string;
  /** The room of an in-person or mixed sitting, as the convocation states it. */
  place?: string | undefined;
  /** A session reconvened after a carence: the adjourned session, and the agenda it carries over. */
  reconvenedFrom?: string | undefined;
  agenda?: AgendaItemState[] | undefined;
  /** Deliberates without quorum (a session reconvened after a carence, when the rules say so). */
  withoutQuorum?: boolean | undefined;
}
