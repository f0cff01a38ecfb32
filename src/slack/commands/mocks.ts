import { parseMockRequest, parseMocksCommand } from '../../core/mock-command.js';
import { mockRequestReply, mocksReply } from '../../messages/mocks.js';
import { afterAck, type Subcommand } from './command.js';

/** `/star mocks [join|leave|schedule weekly mon 10:00 [tz]|schedule off]`: the channel's mock interview pool. */
export const mocksCommand: Subcommand = (services, input) =>
  afterAck(input, 'mocks', async () =>
    mocksReply(
      await services.mockPool.run(input.teamId, input.channelId, input.userId, parseMocksCommand(input.words)),
    ),
  );

/** `/star mock [learning|realistic]`: a partner now from the channel's pool. */
export const mockCommand: Subcommand = async (services, input) => {
  const request = parseMockRequest(input.words);
  if (!request.ok) {
    await input.ack(mockRequestReply({ kind: 'invalid', message: request.message }));
    return;
  }
  await afterAck(input, 'mock', async () =>
    mockRequestReply(await services.mockPool.request(input.teamId, input.channelId, input.userId, request.mode)),
  );
};
