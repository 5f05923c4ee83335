// The phases a session goes through, and the ways a committee sits.

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

// `written`: the members deliberate by exchange of writings within a window (ordonnance 2014-1329 art. 3).
export const sessionModes = ['remote', 'in_person', 'mixed', 'written'] as const;
export type SessionMode = (typeof sessionModes)[number];
export type VideoProvider = 'manual' | 'zoom';
