// Where each rule the engine enforces comes from: an article of the Code de la construction et
// de l'habitation (CCH), another text, or the committee's internal rules (règlement intérieur,
// RI) where the law leaves the choice to it (CCH R441-9 makes the RI fix quorum and procedure).

const ri = (topic: string) => `règlement intérieur (CCH R441-9) : ${topic}`;

export const ruleArticles = {
  // the session's course
  session_phase: ri('déroulement de la séance'),
  session_finished: ri('déroulement de la séance'),
  agenda_item_exists: 'CCH R441-3',
  member_convened: 'CCH R441-9',
  // agenda and convocation
  agenda_item_unique: 'CCH R441-3',
  dwelling_once_per_agenda: 'CCH R441-3',
  candidates_distinct: 'CCH R441-3',
  item_needs_candidates: 'CCH R441-3',
  three_candidates_per_dwelling: 'CCH R441-3, alinéa 1',
  review_one_household: 'CCH L442-5-2',
  agenda_not_empty: 'CCH R441-3',
  item_not_yet_examined: ri('modification de l’ordre du jour'),
  published_agenda_change_needs_reason: ri('modification de l’ordre du jour'),
  notice_period: ri('délai de convocation'),
  convocation_before_sitting: ri('délai de convocation'),
  scheduled_in_future: ri('délai de convocation'),
  delivery_needs_reason: ri('convocation des membres'),
  delivery_not_in_future: ri('convocation des membres'),
  delivery_of_member: 'CCH R441-9',
  cancellation_before_opening: ri('annulation d’une séance'),
  cancellation_needs_reason: ri('annulation d’une séance'),
  // the sitting
  remote_sessions_allowed: 'ordonnance n° 2014-1329, art. 2 ; le règlement intérieur prévoit la séance à distance',
  sitting_at_convened_time: ri('heure de la séance fixée par la convocation'),
  sitting_within_grace_period: ri('quorum : délai de carence'),
  members_convened: 'CCH R441-9 : chaque membre est convoqué',
  unconvened_opening_needs_reason: ri('ouverture malgré une convocation manquante'),
  proxy_from_voting_member: ri('pouvoirs'),
  proxy_to_voting_member: ri('pouvoirs'),
  proxy_to_another_member: ri('pouvoirs'),
  holder_not_represented: ri('pouvoirs'),
  principal_holds_proxies: ri('pouvoirs'),
  one_proxy_per_principal: ri('pouvoirs'),
  proxies_per_holder: ri('pouvoirs'),
  proxy_exists: ri('pouvoirs'),
  proxy_from_principal: ri('pouvoirs'),
  conflict_before_vote: ri('conflits d’intérêts'),
  conflict_declared_once: ri('conflits d’intérêts'),
  conflict_of_interest: ri('conflits d’intérêts'),
  participant_in_meeting: 'ordonnance n° 2014-1329 : identification des participants',
  participant_unmatched: 'ordonnance n° 2014-1329 : identification des participants',
  // votes and decisions
  one_vote_at_a_time: ri('déroulement du vote'),
  item_not_yet_decided: ri('déroulement du vote'),
  vote_open: ri('déroulement du vote'),
  ballots_per_seat: ri('déroulement du vote'),
  quorum_before_each_vote: ri('quorum'),
  remote_half_participation: 'ordonnance n° 2014-1329 : participation de la moitié au moins des membres',
  review_gives_opinion: 'CCH L442-5-2',
  opinion_defines_suitable_dwelling: 'CCH L442-5-2',
  allocation_gives_decisions: 'CCH R441-3, alinéa 2',
  one_decision_per_candidate: 'CCH R441-3, alinéa 2',
  candidate_not_on_item: 'CCH R441-3, alinéa 2',
  one_attribution_per_dwelling: 'CCH R441-3, alinéa 2',
  ranks_distinct: 'CCH R441-3, alinéa 2',
  ranked_attribution_needs_rank: 'CCH R441-3, alinéa 2',
  suspensive_condition_needs_document: 'CCH R441-3, alinéa 2',
  suspensive_condition_needs_deadline: 'CCH R441-3, alinéa 2',
  condition_deadline_after_sitting: 'CCH R441-3, alinéa 2',
  decision_needs_reasons: 'CCH L441-2-2',
  voting_roster: 'CCH L441-2 et R441-9',
  voter_present: ri('vote des membres présents ou représentés'),
  vote_in_person_or_by_proxy: ri('vote des membres présents ou représentés'),
  referral_by_voting_member: ri('renvoi à une séance en présence physique'),
  deferral_needs_reason: ri('ajournement d’un point'),
  every_item_decided_or_deferred: 'CCH R441-3',
  // the minutes
  minutes_signers: ri('signature du procès-verbal'),
  chair_signs_minutes: ri('signature du procès-verbal par le président'),
  sign_current_minutes: ri('signature du procès-verbal'),
  sign_once: ri('signature du procès-verbal'),
  one_amendment_at_a_time: ri('rectification du procès-verbal'),
  amendment_needs_reason: ri('rectification du procès-verbal'),
  amendment_needs_text: ri('rectification du procès-verbal'),
  // offers
  offer_exists: 'CCH R441-10',
  offer_answer_within_deadline: 'CCH R441-10 : le silence vaut refus',
  offer_answered_once: 'CCH R441-10',
} as const satisfies Record<string, string>;

export type RuleCode = keyof typeof ruleArticles;

export function articleOf(rule: string): string {
  return (ruleArticles as Record<string, string>)[rule] ?? ri('procédure');
}
