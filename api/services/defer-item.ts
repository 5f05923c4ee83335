// The secretary defers an item to a later session, with the reason.
import * as updates from '../../workflows/session-messages.ts';
import { staffCommand } from './staff-command.ts';

export const deferItem = staffCommand(updates.deferItem);
