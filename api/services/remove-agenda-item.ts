// The secretary removes a pending item from the agenda (with a reason once it is published).
import * as updates from '../../workflows/session-messages.ts';
import { staffCommand } from './staff-command.ts';

export const removeAgendaItem = staffCommand(updates.removeAgendaItem);
