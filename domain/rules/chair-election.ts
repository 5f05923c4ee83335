// The chair is elected by the six board members among themselves: absolute majority, and on a
// tie the oldest candidate (CCH R441-9 II 1° a).

export interface ChairCandidate {
  id: string;
  /** ISO date (YYYY-MM-DD). */
  birthDate: string;
}

export type ChairElection =
  | { outcome: 'elected'; chairId: string; decidedBy: 'absolute_majority' | 'tie_to_the_oldest'; counts: Record<string, number> }
  | { outcome: 'no_majority'; counts: Record<string, number> };

export function electChair(candidates: readonly ChairCandidate[], ballots: readonly string[]): ChairElection {
  const counts: Record<string, number> = Object.fromEntries(candidates.map((c) => [c.id, 0]));
  for (const b of ballots) if (b in counts) counts[b]! += 1;
  const valid = ballots.filter((b) => b in counts).length;
  const ranked = [...candidates].sort((a, b) => counts[b.id]! - counts[a.id]!);
  const top = ranked[0];
  if (!top || valid === 0) return { outcome: 'no_majority', counts };
  if (counts[top.id]! * 2 > valid) return { outcome: 'elected', chairId: top.id, decidedBy: 'absolute_majority', counts };
  const tied = ranked.filter((c) => counts[c.id] === counts[top.id]);
  // A tie shares all the votes between the tied candidates; otherwise another round is needed.
  if (tied.length > 1 && tied.reduce((sum, c) => sum + counts[c.id]!, 0) === valid) {
    const oldest = [...tied].sort((a, b) => a.birthDate.localeCompare(b.birthDate))[0]!;
    return { outcome: 'elected', chairId: oldest.id, decidedBy: 'tie_to_the_oldest', counts };
  }
  return { outcome: 'no_majority', counts };
}
