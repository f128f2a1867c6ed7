using Microsoft.Extensions.Options;
using TikTokBot.Domain;
using TikTokBot.Domain.Metrics;
using TikTokBot.Digests;
using TikTokBot.Domain.Objectives;
using TikTokBot.Permissions;
using TikTokBot.Reports;
using TikTokBot.Slack.BlockKit;
using TikTokBot.Slack.Handlers;
using TikTokBot.Slack.Payloads;
using TikTokBot.Storage;
using TikTokBot.TikTok.Naming;
using TikTokBot.TikTok.Sources;

namespace TikTokBot.Commands;

/// <summary>Who asked, and from which channel: every stored setting is read and written for this workspace only.</summary>
/// <param name="IsLocalOperator">The person at the terminal running the app, who may change its settings.</param>
public sealed record Asker(string TeamId, string UserId, string? ChannelId = null, bool IsLocalOperator = false);

/// <summary>
/// <c>/ttmetrics</c>: answers inline when the figures come quickly (cached or demo data), otherwise acknowledges at
/// once and answers through <c>response_url</c>, well inside Slack's 3 seconds either way.
/// </summary>
public sealed class MetricsCommandHandler(
    IMetricSource source, CampaignFactsLoader loader, CampaignEngine engine, IWorkspaceStorage storage, DigestBuilder digests, DigestScheduler schedules,
    IOptions<DigestOptions> digestOptions, SettingsPermission permission, IOptions<CommandOptions> options, TimeProvider time,
    ILogger<MetricsCommandHandler> logger)
    : ISlashCommandHandler
{
    public async Task HandleAsync(SlashCommand command, SlackContext context, CancellationToken ct)
    {
        var parsed = CommandParser.Parse(command.Text);
        // Started on its own so the budget runs from now: storage reads (SQLite's are synchronous) and a busy CPU cannot
        // hold the acknowledgement back before the first await.
        var asker = new Asker(command.TeamId, command.UserId, command.ChannelId);
        var reply = Task.Run(() => ReplyAsync(parsed, asker, ct), ct);
        if (await Task.WhenAny(reply, Task.Delay(options.Value.InlineAnswerBudget, time, ct)) != reply)
        {
            context.Ack(Plain(parsed is MetricsCommand.Summary or MetricsCommand.Fix or MetricsCommand.Breakdown
                ? $"Reading {Mrkdwn.Escape(CampaignOf(parsed))}…"
                : "Working on it…"));
        }

        var messages = await reply;
        var first = 0;
        if (!context.IsAcknowledged)
        {
            context.Ack(messages[0]);
            first = 1;
        }

        foreach (var message in messages.Skip(first))
        {
            await context.RespondAsync(message, ct);
        }
    }

    /// <summary>The replies to a command, the same for Slack, the buttons and the terminal.</summary>
    public async Task<IReadOnlyList<SlackMessage>> ReplyAsync(MetricsCommand command, Asker asker, CancellationToken ct)
    {
        var store = storage.ForTeam(asker.TeamId);
        try
        {
            if (command is MetricsCommand.SetTarget or MetricsCommand.SetCredit or MetricsCommand.SetAlias or MetricsCommand.Subscribe or MetricsCommand.Unsubscribe &&
                !asker.IsLocalOperator &&
                await permission.CanChangeSettingsAsync(asker.TeamId, asker.UserId, ct) is { Allowed: false } refused)
            {
                return [Plain(refused.Refusal!)];
            }

            return command switch
            {
                MetricsCommand.Help => [Plain(CommandParser.HelpText())],
                MetricsCommand.Invalid invalid => [Plain($"{Mrkdwn.Escape(invalid.Problem)}\nTry `{Mrkdwn.Escape(invalid.Suggestion)}`, or `/ttmetrics help`.")],
                MetricsCommand.Summary summary => await SummaryAsync(store, summary.Campaign, summary.Period, ct),
                MetricsCommand.Fix fix => await FixAsync(store, fix.Campaign, fix.Period, ct),
                MetricsCommand.Breakdown breakdown => await BreakdownAsync(store, breakdown, ct),
                MetricsCommand.List => await ListAsync(store, ct),
                MetricsCommand.SetTarget target => await SetTargetAsync(store, target, asker, ct),
                MetricsCommand.SetCredit credit => await SetCreditAsync(store, credit, asker, ct),
                MetricsCommand.SetAlias alias => await SetAliasAsync(store, alias, asker, ct),
                MetricsCommand.DigestNow digest => await DigestNowAsync(store, digest, ct),
                MetricsCommand.Subscribe subscribe => await SubscribeAsync(store, subscribe, asker, ct),
                MetricsCommand.Unsubscribe => await UnsubscribeAsync(store, asker, ct),
                MetricsCommand.Subscriptions => await SubscriptionsAsync(store, ct),
                _ => [Plain(CommandParser.HelpText())],
            };
        }
        catch (MetricSourceException e)
        {
            logger.LogWarning(e, "Metric source failed for /ttmetrics");
            return [Plain($"I could not read the figures: {Mrkdwn.Escape(e.Message)}")];
        }
    }

    private async Task<IReadOnlyList<SlackMessage>> SummaryAsync(IWorkspaceStore store, string typed, Period period, CancellationToken ct)
    {
        var (campaign, problem) = await ResolveAsync(store, typed, ct);
        if (campaign is null)
        {
            return [problem!];
        }

        var facts = await loader.LoadAsync(campaign, period.Resolve(Today, campaign.CreatedOn), await CriteriaAsync(store, campaign, ct), ct);
        return SummaryViewCache.GetOrBuild(facts, period.ToString(), () => ReportViews.Summary(engine.Summarise(facts), engine.Diagnose(facts), period.ToString()));
    }

    private async Task<IReadOnlyList<SlackMessage>> FixAsync(IWorkspaceStore store, string typed, Period period, CancellationToken ct)
    {
        var (campaign, problem) = await ResolveAsync(store, typed, ct);
        if (campaign is null)
        {
            return [problem!];
        }

        var facts = await loader.LoadAsync(campaign, period.Resolve(Today, campaign.CreatedOn), await CriteriaAsync(store, campaign, ct), ct);
        return ReportViews.Fixes(campaign.Name, engine.PlanFixes(facts, Today), campaign.Currency);
    }

    private async Task<IReadOnlyList<SlackMessage>> BreakdownAsync(IWorkspaceStore store, MetricsCommand.Breakdown breakdown, CancellationToken ct)
    {
        var (campaign, problem) = await ResolveAsync(store, breakdown.Campaign, ct);
        if (campaign is null)
        {
            return [problem!];
        }

        var range = breakdown.Period.Resolve(Today, campaign.CreatedOn);
        var rows = await source.GetBreakdownAsync(campaign.Id, breakdown.By, range, ct);
        return ReportViews.Breakdown(campaign, breakdown.By, range, rows);
    }

    private async Task<IReadOnlyList<SlackMessage>> ListAsync(IWorkspaceStore store, CancellationToken ct)
    {
        var campaigns = await source.ListCampaignsAsync(ct);
        var week = Period.Default;
        var lines = new List<(CampaignInfo Campaign, decimal Spend, string? TopFinding)>();
        foreach (var campaign in campaigns)
        {
            var facts = await loader.LoadAsync(campaign, week.Resolve(Today, campaign.CreatedOn), await CriteriaAsync(store, campaign, ct), ct);
            lines.Add((campaign, facts.Current.Counts.Spend, engine.Diagnose(facts).TopFinding?.Title));
        }

        return ReportViews.CampaignList(lines, week.Resolve(Today, Today.AddDays(-7)));
    }

    private async Task<IReadOnlyList<SlackMessage>> SetTargetAsync(IWorkspaceStore store, MetricsCommand.SetTarget target, Asker asker, CancellationToken ct)
    {
        var (campaign, problem) = await ResolveAsync(store, target.Campaign, ct);
        if (campaign is null)
        {
            return [problem!];
        }

        var profile = ObjectiveCatalogue.Profile(campaign.Objective ?? Objective.Awareness);
        await store.SuccessCriteria.SetAsync(
            new SuccessCriteriaDetails(campaign.Id, profile.Objective.ToString(), target.TargetCost, target.MinimumVolume), asker.UserId, ct);
        var cost = MetricCatalogue.Get(profile.CostPerOutcome).DisplayName.ToLowerInvariant();
        return [Plain($"Saved for *{Mrkdwn.Escape(campaign.Name)}*: {cost} at most {MetricFormat.Money(target.TargetCost, campaign.Currency)}, " +
            $"judged once there are at least {target.MinimumVolume:#,0} {profile.OutcomeName}. The change is in the audit trail.")];
    }

    private async Task<IReadOnlyList<SlackMessage>> SetCreditAsync(IWorkspaceStore store, MetricsCommand.SetCredit credit, Asker asker, CancellationToken ct)
    {
        var (campaign, problem) = await ResolveAsync(store, credit.Campaign, ct);
        if (campaign is null)
        {
            return [problem!];
        }

        await store.CreditWindows.AddAsync(
            new CreditWindowDetails(CreditScope.Campaign, campaign.Id, credit.Amount, credit.Start, credit.Expiry), asker.UserId, ct);
        return [Plain($"Saved: {MetricFormat.Money(credit.Amount, campaign.Currency)} of ad credit for *{Mrkdwn.Escape(campaign.Name)}*, " +
            $"{credit.Start:yyyy-MM-dd} to {credit.Expiry:yyyy-MM-dd}. The change is in the audit trail.")];
    }

    private async Task<IReadOnlyList<SlackMessage>> SetAliasAsync(IWorkspaceStore store, MetricsCommand.SetAlias alias, Asker asker, CancellationToken ct)
    {
        var (campaign, problem) = await ResolveAsync(store, alias.Campaign, ct);
        if (campaign is null)
        {
            return [problem!];
        }

        await store.Aliases.SetAsync(alias.Alias, campaign.Id, asker.UserId, ct);
        return [Plain($"Saved: `{Mrkdwn.Escape(alias.Alias)}` now means *{Mrkdwn.Escape(campaign.Name)}*.")];
    }

    private async Task<IReadOnlyList<SlackMessage>> DigestNowAsync(IWorkspaceStore store, MetricsCommand.DigestNow digest, CancellationToken ct)
    {
        var ids = new List<string>();
        foreach (var typed in digest.Campaigns)
        {
            var (campaign, problem) = await ResolveAsync(store, typed, ct);
            if (campaign is null)
            {
                return [problem!];
            }

            ids.Add(campaign.Id);
        }

        var built = await digests.BuildAsync(store, ids, Today, ct);
        return DigestView.Messages(built, Today.AddDays(-1), "Preview: the digest as it stands now.");
    }

    private async Task<IReadOnlyList<SlackMessage>> SubscribeAsync(IWorkspaceStore store, MetricsCommand.Subscribe subscribe, Asker asker, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(asker.ChannelId) || !IsChannel(asker.ChannelId))
        {
            return [Plain("Digests go to a channel: run `/ttmetrics subscribe` in the channel that should get them (invite me there first).")];
        }

        var ids = new List<string>();
        foreach (var typed in subscribe.Campaigns)
        {
            var (campaign, problem) = await ResolveAsync(store, typed, ct);
            if (campaign is null)
            {
                return [problem!];
            }

            ids.Add(campaign.Id);
        }

        var defaults = digestOptions.Value;
        var details = new SubscriptionDetails(asker.ChannelId, ids.Distinct().ToArray(), subscribe.At ?? defaults.DefaultLocalTime, subscribe.TimeZone ?? defaults.DefaultTimeZone);
        var subscription = await store.Subscriptions.SubscribeAsync(details, asker.UserId, ct);
        var next = await schedules.ScheduleAsync(store.TeamId, subscription, ct);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(subscription.TimeZone);
        var what = subscription.AllCampaigns ? "every campaign" : (await CampaignNamesAsync(ct))(subscription.CampaignIds);
        var when = next is { } at ? $" The first one comes {TimeZoneInfo.ConvertTime(at, zone):ddd yyyy-MM-dd HH:mm}." : "";
        return [Plain($"<#{asker.ChannelId}> gets the daily digest at {subscription.LocalTime:HH:mm} {zone.Id} for {what}.{when} " +
            "`/ttmetrics digest now` shows it now; `/ttmetrics unsubscribe` stops it.")];
    }

    private async Task<IReadOnlyList<SlackMessage>> UnsubscribeAsync(IWorkspaceStore store, Asker asker, CancellationToken ct)
    {
        var subscription = asker.ChannelId is null ? null : await store.Subscriptions.FindByChannelAsync(asker.ChannelId, ct);
        if (subscription is null || !await store.Subscriptions.UnsubscribeAsync(subscription.ChannelId, asker.UserId, ct))
        {
            return [Plain("This channel has no daily digest. `/ttmetrics subscriptions` lists the channels that do.")];
        }

        await schedules.UnscheduleAsync(store.TeamId, subscription.Id, ct);
        return [Plain($"<#{subscription.ChannelId}> no longer gets the daily digest. `/ttmetrics subscribe` starts it again.")];
    }

    private async Task<IReadOnlyList<SlackMessage>> SubscriptionsAsync(IWorkspaceStore store, CancellationToken ct)
    {
        var subscriptions = await store.Subscriptions.ListAsync(ct);
        if (subscriptions.Count == 0)
        {
            return [Plain("No channel gets the daily digest yet. Run `/ttmetrics subscribe` in a channel to start one.")];
        }

        var names = await CampaignNamesAsync(ct);
        var lines = new List<string>();
        foreach (var subscription in subscriptions)
        {
            var zone = TimeZoneInfo.FindSystemTimeZoneById(subscription.TimeZone);
            var what = subscription.AllCampaigns ? "every campaign" : names(subscription.CampaignIds);
            var last = (await store.Deliveries.ListAsync(subscription.Id, ct)).FirstOrDefault();
            var lastText = last is null ? "none sent yet" : last.State switch
            {
                DeliveryState.Delivered => $"last sent for {last.LocalDate:yyyy-MM-dd}",
                DeliveryState.Failed => $"{last.LocalDate:yyyy-MM-dd} failed ({Mrkdwn.Escape(last.Failure ?? "unknown")}) after {last.Attempts} attempt(s)",
                _ => $"{last.LocalDate:yyyy-MM-dd} being sent",
            };
            var next = subscription.IsPaused ? null : await schedules.NextFiringAsync(store.TeamId, subscription.Id, ct);
            var state = subscription.IsPaused
                ? $"*paused* (Slack said `{Mrkdwn.Escape(subscription.PausedReason!)}`; run `/ttmetrics subscribe` there to resume)"
                : next is { } at ? $"next {TimeZoneInfo.ConvertTime(at, zone):yyyy-MM-dd HH:mm}" : "not scheduled";
            lines.Add($"• <#{subscription.ChannelId}> at {subscription.LocalTime:HH:mm} {zone.Id}, {what}: {state}; {lastText}.");
        }

        return [Plain("*Daily digests*\n" + string.Join("\n", lines))];
    }

    /// <summary>Names campaign ids for a reply, from one read of the campaign list however many subscriptions use it.</summary>
    private async Task<Func<IReadOnlyList<string>, string>> CampaignNamesAsync(CancellationToken ct)
    {
        var campaigns = (await source.ListCampaignsAsync(ct)).ToDictionary(c => c.Id, c => c.Name);
        return ids => string.Join(", ", ids.Select(id => $"*{Mrkdwn.Escape(campaigns.GetValueOrDefault(id, id))}*"));
    }

    /// <summary>Channel ids start with C (public) or G (private); a D is a direct message, where no digest goes.</summary>
    private static bool IsChannel(string channelId) => channelId.StartsWith('C') || channelId.StartsWith('G');

    private static Task<SuccessCriteria?> CriteriaAsync(IWorkspaceStore store, CampaignInfo campaign, CancellationToken ct) =>
        store.SuccessCriteria.FindCriteriaAsync(campaign.Id, ct);

    private async Task<(CampaignInfo? Campaign, SlackMessage? Problem)> ResolveAsync(IWorkspaceStore store, string typed, CancellationToken ct)
    {
        var aliases = (await store.Aliases.ListAsync(ct)).ToDictionary(a => a.Alias, a => a.CampaignId, StringComparer.OrdinalIgnoreCase);
        var result = CampaignResolver.Resolve(typed, await source.ListCampaignsAsync(ct), aliases);
        var names = string.Join(", ", result.Candidates.Select(c => $"`{Mrkdwn.Escape(c.Name)}`"));
        return result.Kind switch
        {
            ResolutionKind.Found => (result.Campaign, null),
            ResolutionKind.Ambiguous => (null, Plain($"`{Mrkdwn.Escape(typed)}` matches several campaigns: {names}. Type more of the name.")),
            _ => (null, Plain(result.Candidates.Count > 0
                ? $"No campaign called `{Mrkdwn.Escape(typed)}`. Closest: {names}."
                : $"No campaign called `{Mrkdwn.Escape(typed)}`. `/ttmetrics list` shows them all.")),
        };
    }

    private static string CampaignOf(MetricsCommand command) => command switch
    {
        MetricsCommand.Summary summary => summary.Campaign,
        MetricsCommand.Fix fix => fix.Campaign,
        MetricsCommand.Breakdown breakdown => breakdown.Campaign,
        _ => "",
    };

    private DateOnly Today => DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);

    private static SlackMessage Plain(string markdown) => new MessageBuilder().Text(markdown).Ephemeral().Section(markdown).BuildSingle();
}
