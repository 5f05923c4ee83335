// Written sessions (ordonnance 2014-1329 art. 3, décret 2014-1627): the committee deliberates by
// exchange of writings within a window, as its internal rules provide. Each member examines the
// files, debates in writing and votes per item until the close; an item is decided only if
// enough of its roster took part.

const hourMs = 60 * 60 * 1000;

export interface WrittenSessionRules {
  allowed: boolean;
  /**
   * The approval of the rules that provide for written sessions: the prefect's (before the 3DS
   * law, 2022) or the board's, with its date (YYYY-MM-DD) and reference.
   */
  approval?: { date: string; reference: string } | undefined;
  /** Bounds of the window between its opening and its closing. */
  minWindowHours: number;
  maxWindowHours: number;
  /** How much later an extension may move the close (once, before it). */
  extensionMaxHours: number;
  /** Share of an item's roster that must vote for it to be decided (décret 2014-1627: half). */
  minimumParticipation: number;
  /** Members who have not voted are reminded this many hours before the close. */
  reminderHoursBeforeClose: number[];
  /** Whether the window may close early once every member of every roster voted. */
  earlyCloseAllowed: boolean;
  /** How many voting members' requests refer an item to a live sitting. */
  referralRequests: number;
  /** Messages a person may post on one item's debate. */
  messagesPerItem: number;
}

export const defaultWrittenSessionRules: WrittenSessionRules = {
  allowed: false,
  minWindowHours: 24,
  maxWindowHours: 120,
  extensionMaxHours: 48,
  minimumParticipation: 0.5,
  reminderHoursBeforeClose: [24, 2],
  earlyCloseAllowed: false,
  referralRequests: 1,
  messagesPerItem: 50,
};

export interface WrittenProblem {
  field: string;
  rule: string;
  message: string;
}

/** What the law forbids the rules to choose for written sessions. */
export function writtenRulesProblems(rules: WrittenSessionRules): WrittenProblem[] {
  const problems: WrittenProblem[] = [];
  if (rules.allowed && !rules.approval) {
    problems.push({ field: 'writtenSessions.approval', rule: 'written_sessions_approved', message: 'written sessions need the date and reference of the approval of the rules providing for them' });
  }
  if (rules.minimumParticipation < 0.5 || rules.minimumParticipation > 1) {
    problems.push({ field: 'writtenSessions.minimumParticipation', rule: 'written_half_participation', message: 'a written deliberation is valid only if at least half of the members take part (ordonnance 2014-1329)' });
  }
  if (rules.minWindowHours > rules.maxWindowHours) {
    problems.push({ field: 'writtenSessions.minWindowHours', rule: 'written_window_bounds', message: 'the shortest window is at most the longest' });
  }
  if (rules.referralRequests < 1) {
    problems.push({ field: 'writtenSessions.referralRequests', rule: 'referral_by_voting_member', message: 'at least one request refers an item' });
  }
  return problems;
}

/** A window the rules allow: written sessions provided for, and a duration within their bounds. */
export function writtenWindowProblems(opensAt: Date, closesAt: Date, rules: { writtenSessions: WrittenSessionRules }): WrittenProblem[] {
  const written = rules.writtenSessions;
  if (!written.allowed) {
    return [{ field: 'mode', rule: 'written_sessions_allowed', message: 'the committee\'s internal rules do not provide for written sessions' }];
  }
  const hours = (closesAt.getTime() - opensAt.getTime()) / hourMs;
  if (!(hours >= written.minWindowHours && hours <= written.maxWindowHours)) {
    return [{
      field: 'closesAt', rule: 'written_window_bounds',
      message: `a written session's window lasts between ${written.minWindowHours} and ${written.maxWindowHours} hours (this one: ${Number.isFinite(hours) ? hours.toFixed(1) : 'none'})`,
    }];
  }
  return [];
}

/** An extension the rules allow: later than the current close, by at most the rules' hours. */
export function windowExtensionProblems(currentClose: Date, newClose: Date, rules: { writtenSessions: WrittenSessionRules }): WrittenProblem[] {
  const added = (newClose.getTime() - currentClose.getTime()) / hourMs;
  if (!(added > 0 && added <= rules.writtenSessions.extensionMaxHours)) {
    return [{
      field: 'closesAt', rule: 'window_extension_bounds',
      message: `an extension moves the close later, by at most ${rules.writtenSessions.extensionMaxHours} hours`,
    }];
  }
  return [];
}

/** When each reminder falls: the rules' hours before the close, those after the opening only, earliest first. */
export function reminderTimes(opensAt: Date, closesAt: Date, rules: { writtenSessions: WrittenSessionRules }): Array<{ hoursBefore: number; at: number }> {
  return [...new Set(rules.writtenSessions.reminderHoursBeforeClose)]
    .map((hoursBefore) => ({ hoursBefore, at: closesAt.getTime() - hoursBefore * hourMs }))
    .filter((r) => r.at > opensAt.getTime())
    .sort((a, b) => a.at - b.at);
}
