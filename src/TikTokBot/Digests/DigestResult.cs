using Microsoft.Extensions.Options;
using TikTokBot.Hosting;
using TikTokBot.Reports;
using TikTokBot.Slack.BlockKit;
using TikTokBot.Slack.WebApi;
using TikTokBot.Storage;
using TikTokBot.TikTok.Calendar;
using TikTokBot.Telemetry;

namespace TikTokBot.Digests;

/// <param name="RetryAt">When to try again, for a failure worth retrying or a claim held elsewhere.</param>
internal sealed record DigestResult(DigestOutcome Outcome, DateOnly? LocalDate = null, DateTimeOffset? RetryAt = null, string? Failure = null);
