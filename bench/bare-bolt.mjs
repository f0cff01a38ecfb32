// The baseline for `npm run bench`: a bare Bolt 5.1 app built the way STAR Coach is (HTTP receiver,
// signing secret, bot token, Web API pointed at the same fake Slack): one command that acks and one
// message handler that does nothing. Plain JavaScript, so it starts as a compiled app does.
import bolt from '@slack/bolt';

const app = new bolt.App({
  token: process.env.SLACK_BOT_TOKEN,
  signingSecret: process.env.SLACK_SIGNING_SECRET,
  clientOptions: { slackApiUrl: process.env.SLACK_API_URL },
  logLevel: bolt.LogLevel.ERROR,
  customRoutes: [
    {
      path: '/healthz',
      method: ['GET'],
      handler: (_req, res) => {
        res.writeHead(200);
        res.end('ok');
      },
    },
  ],
});
app.command('/star', async ({ ack }) => {
  await ack();
});
app.message(async () => {});
await app.start(Number(process.env.PORT ?? 0));
process.on('SIGTERM', () => {
  void app.stop().then(() => process.exit(0));
});
