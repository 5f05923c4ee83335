// A committee's internal rules (règlement intérieur) as data. The law fixes some values; the
// RI chooses the rest. Sessions pin the version they started with.

export type QuorumBasis = 'item_roster';
export type MajorityBasis = 'votes_cast' | 'present_or_represented';
export type TieWithoutMayor = 'defer' | 'revote';

export interface CommitteeRules {
  quorum: {
    basis: QuorumBasis;
    /** Quorum holds when present-or-represented ≥ threshold × roster size. */
    threshold: number;
    /** Minutes after the scheduled start before a session without quorum is adjourned. */
    gracePeriodMinutes: number;
    reconvenedWithoutQuorum: boolean;
  };
  proxiesPerHolder: number;
  noticePeriodDays: number;
  majority: {
    basis: MajorityBasis;
    /** Whether abstentions count as votes cast (then they weigh like votes against). */
    abstentionsCount: boolean;
  };
  tieWithoutMayor: TieWithoutMayor;
  remoteSessionsAllowed: boolean;
  /** At least this share of the members must take part in a remote session. */
  remoteMinimumParticipation: number;
  minutesSigners: Array<'chair' | 'secretary'>;
  offerResponseDays: number;
}

/** Legal defaults and the usual RI choices (domain rules, CCH R441-3, R441-9, R441-10). */
export const defaultCommitteeRules: CommitteeRules = {
  quorum: {
    basis: 'item_roster',
    threshold: 0.5,
    gracePeriodMinutes: 30,
    reconvenedWithoutQuorum: true,
  },
  proxiesPerHolder: 1,
  noticePeriodDays: 5,
  majority: { basis: 'votes_cast', abstentionsCount: false },
  tieWithoutMayor: 'defer',
  remoteSessionsAllowed: true,
  remoteMinimumParticipation: 0.5,
  minutesSigners: ['chair'],
  offerResponseDays: 10,
};
