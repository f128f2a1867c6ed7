using TikTokBot.Domain;
using TikTokBot.Domain.Metrics;
using TikTokBot.Reports;
using TikTokBot.Slack.BlockKit;
using TikTokBot.Slack.Handlers;
using TikTokBot.Slack.Payloads;
using TikTokBot.TikTok.Naming;
using TikTokBot.TikTok.Sources;

namespace TikTokBot.Commands;

/// <summary>
/// <c>/ttmetrics</c>: answers inline when the figures come quickly (cached or demo data), otherwise acknowledges at
/// once and answers through <c>response_url</c>, well inside Slack's 3 seconds either way.
/// </summary>
public sealed class MetricsCommandHandler(
    IMetricSource source, CampaignFactsLoader loader, CampaignEngine engine, TimeProvider time, ILogger<MetricsCommandHandler> logger)
    : ISlashCommandHandler
{
    /// <summary>How long to wait for figures before acknowledging and answering later.</summary>
    public static readonly TimeSpan InlineBudget = TimeSpan.FromMilliseconds(1500);

    public async Task HandleAsync(SlashCommand command, SlackContext context, CancellationToken ct)
    {
        var reply = ReplyAsync(CommandParser.Parse(command.Text), ct);
        if (await Task.WhenAny(reply, Task.Delay(InlineBudget, time, ct)) != reply)
        {
            context.Ack();
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

    internal async Task<IReadOnlyList<SlackMessage>> ReplyAsync(MetricsCommand command, CancellationToken ct)
    {
        try
        {
            return command switch
            {
                MetricsCommand.Help => [Plain(CommandParser.HelpText())],
                MetricsCommand.Invalid invalid => [Plain($"{Mrkdwn.Escape(invalid.Problem)}\nTry `{Mrkdwn.Escape(invalid.Suggestion)}`, or `/ttmetrics help`.")],
                MetricsCommand.Summary summary => await SummaryAsync(summary.Campaign, summary.Period, ct),
                MetricsCommand.Fix fix => await FixAsync(fix.Campaign, fix.Period, ct),
                MetricsCommand.Breakdown breakdown => await BreakdownAsync(breakdown, ct),
                MetricsCommand.List => await ListAsync(ct),
                _ => [Plain("Saving targets, credit and aliases is not available in this version yet. Reading campaigns works: try `/ttmetrics campaign-42`.")],
            };
        }
        catch (MetricSourceException e)
        {
            logger.LogWarning(e, "Metric source failed for /ttmetrics");
            return [Plain($"I could not read the figures: {Mrkdwn.Escape(e.Message)}")];
        }
    }

    internal async Task<IReadOnlyList<SlackMessage>> SummaryAsync(string typed, Period period, CancellationToken ct)
    {
        var (campaign, problem) = await ResolveAsync(typed, ct);
        if (campaign is null)
        {
            return [problem!];
        }

        var facts = await loader.LoadAsync(campaign, period.Resolve(Today, campaign.CreatedOn), null, ct);
        return ReportViews.Summary(engine.Summarise(facts), engine.Diagnose(facts), period.ToString());
    }

    internal async Task<IReadOnlyList<SlackMessage>> FixAsync(string typed, Period period, CancellationToken ct)
    {
        var (campaign, problem) = await ResolveAsync(typed, ct);
        if (campaign is null)
        {
            return [problem!];
        }

        var facts = await loader.LoadAsync(campaign, period.Resolve(Today, campaign.CreatedOn), null, ct);
        return ReportViews.Fixes(campaign.Name, engine.PlanFixes(facts, Today), campaign.Currency);
    }

    private async Task<IReadOnlyList<SlackMessage>> BreakdownAsync(MetricsCommand.Breakdown breakdown, CancellationToken ct)
    {
        var (campaign, problem) = await ResolveAsync(breakdown.Campaign, ct);
        if (campaign is null)
        {
            return [problem!];
        }

        var range = breakdown.Period.Resolve(Today, campaign.CreatedOn);
        var rows = await source.GetBreakdownAsync(campaign.Id, breakdown.By, range, ct);
        return ReportViews.Breakdown(campaign, breakdown.By, range, rows);
    }

    private async Task<IReadOnlyList<SlackMessage>> ListAsync(CancellationToken ct)
    {
        var campaigns = await source.ListCampaignsAsync(ct);
        var week = Period.Default;
        var lines = new List<(CampaignInfo Campaign, decimal Spend, string? TopFinding)>();
        foreach (var campaign in campaigns)
        {
            var facts = await loader.LoadAsync(campaign, week.Resolve(Today, campaign.CreatedOn), null, ct);
            lines.Add((campaign, facts.Current.Counts.Spend, engine.Diagnose(facts).TopFinding?.Title));
        }

        return ReportViews.CampaignList(lines, week.Resolve(Today, Today.AddDays(-7)));
    }

    private async Task<(CampaignInfo? Campaign, SlackMessage? Problem)> ResolveAsync(string typed, CancellationToken ct)
    {
        var result = CampaignResolver.Resolve(typed, await source.ListCampaignsAsync(ct));
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

    private DateOnly Today => DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);

    private static SlackMessage Plain(string markdown) => new MessageBuilder().Text(markdown).Ephemeral().Section(markdown).BuildSingle();
}
