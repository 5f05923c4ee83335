// Occupancy review (examen de l'occupation, CCH L442-5-2): an opinion, not an allocation.

export type OccupancySituation =
  | 'over_occupation'
  | 'under_occupation'
  | 'adapted_dwelling_not_needed'
  | 'disability_or_loss_of_autonomy'
  | 'income_above_ceiling';

export const occupancySituations: readonly OccupancySituation[] = [
  'over_occupation',
  'under_occupation',
  'adapted_dwelling_not_needed',
  'disability_or_loss_of_autonomy',
  'income_above_ceiling',
];

export interface OccupancyOpinion {
  situation: OccupancySituation;
  /** Characteristics of a dwelling suited to the household. */
  suitableDwelling: string;
  /** Advice, e.g. social home ownership (accession sociale). */
  advice?: string | undefined;
}

export function opinionProblems(opinion: OccupancyOpinion): Array<{ field: string; rule: string; message: string }> {
  if (!opinion.suitableDwelling.trim()) {
    return [{ field: 'suitableDwelling', rule: 'opinion_defines_suitable_dwelling', message: 'the opinion defines the characteristics of a suitable dwelling' }];
  }
  return [];
}
