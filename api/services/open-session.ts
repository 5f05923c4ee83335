// The secretary opens the sitting at its convened time, every member convened.
import * as updates from '../../workflows/session-messages.ts';
import { staffCommand } from './staff-command.ts';

export const openSession = staffCommand(updates.openSession);
