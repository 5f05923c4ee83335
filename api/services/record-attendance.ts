// The secretary records by hand that a member arrives or leaves.
import * as updates from '../../workflows/session-messages.ts';
import { staffCommand } from './staff-command.ts';

export const recordAttendance = staffCommand(updates.recordAttendance);
