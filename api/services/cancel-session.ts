// The secretary cancels a session before it opens; the convened members are told.
import * as updates from '../../workflows/session-messages.ts';
import { staffCommand } from './staff-command.ts';

export const cancelSession = staffCommand(updates.cancelSession);
