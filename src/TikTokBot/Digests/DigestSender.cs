using Microsoft.Extensions.Options;
using TikTokBot.Reports;
using TikTokBot.Slack.BlockKit;
using TikTokBot.Slack.WebApi;
using TikTokBot.Storage;
using TikTokBot.TikTok.Calendar;
using TikTokBot.Telemetry;
using static TikTokBot.Digests.DigestBuilder;
using TikTokBot.TikTok.Caching;
using static TikTokBot.Reports.ReportService;
using static TikTokBot.Digests.DigestView;

namespace TikTokBot.Digests;

/// <summary>
/// Sends one subscription's digest for one local date exactly once: the day is claimed before anything is posted and
/// completed after, so a retry, a restart or a second instance finds it claimed or delivered and posts nothing.
/// </summary>
internal sealed class DigestSender(
    IWorkspaceStorage storage, DigestBuilder builder, IDigestCheckin checkin, ISlackWebApiFactory slack, IOptions<DigestOptions> options, TimeProvider time,
    ILogger<DigestSender> logger)
{
    private DigestOptions Options => options.Value;

    /// <summary>Sends the digest once, in a trace of its own, counting what came of it.</summary>
    public async Task<DigestResult> SendAsync(DigestDue due, CancellationToken ct)
    {
        using var activity = AppTelemetry.StartDigest(due.TeamId, due.SubscriptionId);
        var result = await SendOnceAsync(due, ct);
        activity?.SetTag("digest.outcome", result.Outcome.ToString());
        if (result.Outcome is DigestOutcome.Delivered or DigestOutcome.Failed or DigestOutcome.Paused)
        {
            AppTelemetry.Digests.Add(1, new KeyValuePair<string, object?>("outcome", result.Outcome is DigestOutcome.Delivered ? "sent" : "failed"));
        }

        return result;
    }

    private async Task<DigestResult> SendOnceAsync(DigestDue due, CancellationToken ct)
    {
        var store = storage.ForTeam(due.TeamId);
        var subscription = await store.Subscriptions.FindAsync(due.SubscriptionId, ct);
        if (subscription is null || subscription.IsPaused)
        {
            return new DigestResult(DigestOutcome.NotSubscribed);
        }

        var zone = TimeZoneInfo.FindSystemTimeZoneById(subscription.TimeZone);
        var dueAt = due.LocalDate is { } retried
            ? DigestCalendar.DueOn(retried, subscription.LocalTime, zone)
            : DigestCalendar.LatestDue(subscription.LocalTime, zone, due.FiredFor ?? due.Now, subscription.SubscribedAt);
        if (dueAt is null)
        {
            return new DigestResult(DigestOutcome.NothingDue);
        }

        var localDate = due.LocalDate ?? DigestCalendar.LocalDate(dueAt.Value, zone);
        if (await store.Deliveries.ClaimAsync(subscription.Id, localDate, Options.ClaimLease, ct) is not { } delivery)
        {
            var held = await store.Deliveries.FindAsync(subscription.Id, localDate, ct);
            return held is { State: DeliveryState.Claimed }
                ? new DigestResult(DigestOutcome.ClaimedElsewhere, localDate, held.ClaimedAt + Options.ClaimLease + TimeSpan.FromSeconds(1))
                : new DigestResult(DigestOutcome.AlreadyDelivered, localDate);
        }

        ISlackWebApi? api = null;
        try
        {
            // The figures are the closed days as they stood when the digest fell due, the same days /ttmetrics calls yesterday.
            // Each campaign's closed day is its advertiser's, whatever the channel's zone.
            var built = await builder.BuildKeyedAsync(due.TeamId, subscription.AllCampaigns ? null : subscription.CampaignIds, dueAt.Value, ct);
            var day = DigestBuilder.DayOf(built.Digests, BusinessCalendar.At(dueAt.Value, TimeZoneInfo.Utc).Yesterday);
            var messages = await RenderedAsync(built, day, LateNote(dueAt.Value, due.Now, zone), await builder.NoticeAsync(due.TeamId, ct), ct);
            // The check-in part (issue 32) is the channel's fixes as they stand now: added after the rendering kept for every channel.
            messages = await checkin.WithCheckinAsync(due.TeamId, built.Overviews, messages, ct);
            // Info alerts (issue 33) are never posted on their own: the channel's digest of their day lists them, last.
            if (DigestAlertNotes.Messages((await store.SentAlerts.ListDigestNotesAsync(subscription.ChannelId, day, ct)).Where(n => n.Key.LocalDate == day).ToArray())
                is { } notes)
            {
                messages = [.. messages, notes];
            }

            // An org-wide (Enterprise Grid) installation is found by the enterprise id the subscription was made in.
            api = await slack.ForTeamAsync(subscription.EnterpriseId, due.TeamId, ct);
            var firstTs = delivery.MessageTs;

            // Parts already in the channel from an earlier attempt are not posted again. Every part but the last is
            // recorded as it goes; the last is recorded with the delivery itself, one write fewer for each digest.
            for (var part = delivery.PartsPosted; part < messages.Count; part++)
            {
                var posted = await api.PostMessageAsync(messages[part] with { Channel = subscription.ChannelId }, ct);
                var ts = posted.Ts ?? posted.MessageTs ?? "";
                firstTs ??= ts;
                if (part + 1 < messages.Count)
                {
                    await store.Deliveries.RecordPartsPostedAsync(subscription.Id, localDate, part + 1, ts, ct);
                }
            }

            await store.Deliveries.MarkDeliveredAsync(subscription.Id, localDate, firstTs ?? "-", Math.Max(messages.Count, delivery.PartsPosted), ct);
            logger.LogInformation(
                "Digest {SubscriptionId} for {LocalDate} delivered to {ChannelId} in {Parts} message(s), attempt {Attempt}",
                subscription.Id, localDate, subscription.ChannelId, messages.Count, delivery.Attempts);
            return new DigestResult(DigestOutcome.Delivered, localDate);
        }
        catch (SlackApiException e) when (e.IsChannelUnavailable)
        {
            await store.Deliveries.MarkFailedAsync(subscription.Id, localDate, e.Error, null, CancellationToken.None);
            await store.Subscriptions.PauseAsync(subscription.Id, e.Error, "TikTokBot", CancellationToken.None);
            logger.LogWarning("Digest {SubscriptionId} paused: {ChannelId} answered {Error}", subscription.Id, subscription.ChannelId, e.Error);
            await TellSubscriberAsync(api!, subscription, e.Error, ct);
            return new DigestResult(DigestOutcome.Paused, localDate, Failure: e.Error);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Stopped mid-way (the app is shutting down): give the day back, due again at once, so the next start (or
            // another instance) sends it; parts already posted stay recorded and are not posted again.
            await store.Deliveries.MarkFailedAsync(subscription.Id, localDate, "interrupted", time.GetUtcNow(), CancellationToken.None);
            throw;
        }
        catch (Exception e)
        {
            var failure = e is SlackApiException slackError ? slackError.Error : e.GetType().Name;
            // A workspace that uninstalled the bot, or an answer no retry can change, is not tried again.
            var retryable = e is not (SlackNotInstalledException
                or SlackApiException { IsInstallationInvalid: true } or SlackApiException { IsMessageRejected: true } or SlackApiException { Error: "missing_scope" });
            DateTimeOffset? retryAt = retryable && delivery.Attempts <= Options.Retries.Count
                ? time.GetUtcNow() + Options.Retries[delivery.Attempts - 1]
                : null;
            await store.Deliveries.MarkFailedAsync(subscription.Id, localDate, failure, retryAt, CancellationToken.None);
            logger.LogWarning(
                "Digest {SubscriptionId} for {LocalDate} failed on attempt {Attempt} ({Failure}); next attempt {RetryAt}",
                subscription.Id, localDate, delivery.Attempts, failure, retryAt?.ToString("O") ?? "none");
            return new DigestResult(DigestOutcome.Failed, localDate, retryAt, failure);
        }
    }

    // The same built digest (shared by every channel on the same campaigns) is rendered once for the same header,
    // note and notice: rendering it again for each of a thousand channels was most of what a digest allocated.
    private Task<IReadOnlyList<SlackMessage>> RenderedAsync(DigestBuild built, DateOnly day, string? note, string? notice, CancellationToken ct)
    {
        IReadOnlyList<SlackMessage> Render() => ReportViews.WithNotice(DigestView.Messages(built.Digests, day, note, Options.MaxCharts), notice);
        return built.Key is { } key
            ? builder.RenderedOnceAsync(new RenderedDigestKey(key, day, note, notice, Options.MaxCharts), built, Render, ct)
            : Task.FromResult(Render());
    }

    private string? LateNote(DateTimeOffset dueAt, DateTimeOffset now, TimeZoneInfo zone)
    {
        var lateBy = now - dueAt;
        if (lateBy <= Options.LateAfter)
        {
            return null;
        }

        var dueLocal = TimeZoneInfo.ConvertTime(dueAt, zone);
        return $"Late: this digest was due at {dueLocal:yyyy-MM-dd HH:mm} ({zone.Id}) and is {DigestCalendar.Describe(lateBy)} late; the bot was not running or Slack did not take it then.";
    }

    private async Task TellSubscriberAsync(ISlackWebApi api, ChannelSubscription subscription, string error, CancellationToken ct)
    {
        var why = error switch
        {
            "is_archived" => "the channel is archived",
            "not_in_channel" => "I am no longer in the channel",
            _ => "the channel no longer exists or I cannot see it",
        };
        var text = $"I paused the daily TikTok digest for <#{subscription.ChannelId}>: {why} (Slack said `{error}`). " +
            "Invite me back with `/invite @TikTokBot` and run `/ttmetrics subscribe` there, or subscribe another channel.";
        try
        {
            // A message to a user id lands in the bot's direct messages with that person.
            await api.PostMessageAsync(new MessageBuilder().Text(text).Section(text).BuildSingle() with { Channel = subscription.SubscribedBy }, ct);
        }
        catch (Exception e) when (e is SlackApiException or HttpRequestException)
        {
            logger.LogWarning("Could not tell {UserId} that digest {SubscriptionId} is paused: {Error}", subscription.SubscribedBy, subscription.Id, e.Message);
        }
    }

    /// <summary>
    /// One digest to send: the subscription and either the local date (a retry) or the instant whose latest due day is
    /// meant (<see cref="FiredFor"/>, the recurring firing; default <see cref="Now"/>).
    /// </summary>
    internal sealed record DigestDue(string TeamId, string SubscriptionId, DateOnly? LocalDate, DateTimeOffset Now, DateTimeOffset? FiredFor = null);

    /// <param name="RetryAt">When to try again, for a failure worth retrying or a claim held elsewhere.</param>
    internal sealed record DigestResult(DigestOutcome Outcome, DateOnly? LocalDate = null, DateTimeOffset? RetryAt = null, string? Failure = null);

    /// <summary>A built digest rendered for one header, late note, notice and chart limit: rendered once for every channel that shows it so.</summary>
    internal sealed record RenderedDigestKey(OverviewSetKey Digest, DateOnly Day, string? Note, string? Notice, int MaxCharts) : CacheKey;
}
