import { parseScheduleCommand } from '../../core/schedule-command.js';
import { scheduleReply } from '../../messages/schedule.js';
import { afterAck, type Subcommand } from './command.js';

/** `/star schedule …`: a channel's daily prompt (admins change it, anyone can see it). */
export const scheduleCommand: Subcommand = (services, input) =>
  afterAck(input, 'schedule', async () =>
    scheduleReply(
      await services.schedules.run(input.teamId, input.channelId, input.userId, parseScheduleCommand(input.words)),
    ),
  );
