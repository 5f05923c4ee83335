// The secretary closes the vote on an item: the tally decides it.
import * as updates from '../../workflows/session-messages.ts';
import { staffCommand } from './staff-command.ts';

export const closeVote = staffCommand(updates.closeVote);
