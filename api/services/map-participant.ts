// The secretary says which member a meeting participant is, when Zoom could not tell.
import * as updates from '../../workflows/session-messages.ts';
import { staffCommand } from './staff-command.ts';

export const mapParticipant = staffCommand(updates.mapParticipant);
