// Slack's Bolt-JS beside the app in bench/run: the same signed `/ttmetrics campaign-42`, checked by Bolt's own
// HTTPReceiver (signature and 5-minute timestamp window) and acknowledged with a small Block Kit message.
// It reads no data and calls no Slack API: it is the floor of a Bolt app, not a port of TikTokBot.
//   PORT=3000 SLACK_SIGNING_SECRET=... node app.js
const { App, LogLevel } = require('@slack/bolt');

const port = Number(process.env.PORT || 3000);
const signingSecret = process.env.SLACK_SIGNING_SECRET;
if (!signingSecret) {
  console.error('SLACK_SIGNING_SECRET is required');
  process.exit(2);
}

const app = new App({
  signingSecret,
  // A single-workspace token with its ids given, and no verification, so Bolt never calls auth.test.
  token: 'xoxb-bench-not-a-real-token',
  botId: 'B-BENCH',
  botUserId: 'U-BENCH-BOT',
  tokenVerificationEnabled: false,
  endpoints: '/slack/commands',
  logLevel: LogLevel.ERROR,
  // bench/run waits for a 200 here before it measures.
  customRoutes: [
    {
      path: '/healthz',
      method: ['GET'],
      handler: (_req, res) => {
        res.writeHead(200, { 'Content-Type': 'text/plain' });
        res.end('ok');
      },
    },
  ],
});

app.command('/ttmetrics', async ({ command, ack }) => {
  await ack({
    response_type: 'ephemeral',
    blocks: [
      { type: 'header', text: { type: 'plain_text', text: `Campaign ${command.text}` } },
      {
        type: 'section',
        fields: [
          { type: 'mrkdwn', text: '*Spend*\n$1,234.56' },
          { type: 'mrkdwn', text: '*CPA*\n$12.34' },
        ],
      },
      { type: 'context', elements: [{ type: 'mrkdwn', text: 'Last 7 days' }] },
    ],
  });
});

(async () => {
  await app.start({ port, host: '127.0.0.1' });
  console.log(`http://127.0.0.1:${port}`);
})().catch((error) => {
  console.error(error);
  process.exit(1);
});
