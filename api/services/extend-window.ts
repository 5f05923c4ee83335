// The secretary extends a written session's window once, with the reason, before it closes.
import * as updates from '../../workflows/session-messages.ts';
import { staffCommand } from './staff-command.ts';

export const extendWindow = staffCommand(updates.extendWindow);
