export * from './committee-rules.ts';
export * from './members.ts';
export * from './quorum.ts';
export * from './tally.ts';
export * from './decisions.ts';
export * from './agenda.ts';
