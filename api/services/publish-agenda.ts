// The secretary publishes the agenda: the members are convened with it.
import * as updates from '../../workflows/session-messages.ts';
import { staffCommand } from './staff-command.ts';

export const publishAgenda = staffCommand(updates.publishAgenda);
