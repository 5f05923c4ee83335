// The secretary closes the sitting once every item is decided or deferred; the minutes are drafted.
import * as updates from '../../workflows/session-messages.ts';
import { staffCommand } from './staff-command.ts';

export const closeSession = staffCommand(updates.closeSession);
