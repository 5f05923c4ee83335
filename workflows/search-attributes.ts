// Custom search attributes of session workflows: what ops query by. Never applicant data.
import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';

export const committeeIdKey = defineSearchAttributeKey('CaleolCommitteeId', SearchAttributeType.KEYWORD);
export const sessionPhaseKey = defineSearchAttributeKey('CaleolSessionPhase', SearchAttributeType.KEYWORD);
export const scheduledStartKey = defineSearchAttributeKey('CaleolScheduledStart', SearchAttributeType.DATETIME);
export const lastProgressKey = defineSearchAttributeKey('CaleolLastProgressAt', SearchAttributeType.DATETIME);

/** Names and types to register on a Temporal namespace (`--search-attribute Name=Type`). */
export const searchAttributeRegistrations = {
  CaleolCommitteeId: 'Keyword',
  CaleolSessionPhase: 'Keyword',
  CaleolScheduledStart: 'Datetime',
  CaleolLastProgressAt: 'Datetime',
} as const;
