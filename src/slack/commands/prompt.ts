import { scheduleReply } from '../../messages/schedule.js';
import { afterAck, type Subcommand } from './command.js';

/** `/star prompt`: the channel's next prompt, now (admins). */
export const promptCommand: Subcommand = (services, input) =>
  afterAck(input, 'prompt', async () =>
    scheduleReply(await services.schedules.promptNow(input.teamId, input.channelId, input.userId)),
  );
