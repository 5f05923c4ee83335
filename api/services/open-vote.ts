// The secretary puts the presenter's proposal to the vote: a decision per candidate, or an
// occupancy opinion; quorum is checked first.
import * as updates from '../../workflows/session-messages.ts';
import { staffCommand } from './staff-command.ts';

export const openVote = staffCommand(updates.openVote);
