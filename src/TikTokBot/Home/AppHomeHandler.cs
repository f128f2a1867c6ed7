using TikTokBot.Digests;
using TikTokBot.Domain;
using TikTokBot.Domain.Credit;
using TikTokBot.Domain.Learning;
using TikTokBot.Domain.Metrics;
using TikTokBot.Domain.Objectives;
using TikTokBot.Slack.BlockKit;
using TikTokBot.Slack.Handlers;
using TikTokBot.Slack.Payloads;
using TikTokBot.Storage;
using TikTokBot.TikTok.Sources;

namespace TikTokBot.Home;

/// <summary>One campaign as the Home tab lists it.</summary>
public sealed record HomeRow(CampaignInfo Campaign, string Status, LearningPhaseAssessment Learning, CreditWindowReport? Credit, string? TopFinding);

/// <summary>The App Home tab: every campaign with its status, learning phase, credit left and top finding.</summary>
public sealed class AppHomeHandler(
    IMetricSource source, CampaignFactsLoader loader, CampaignEngine engine, CampaignCredit credits, IWorkspaceStorage storage, TimeProvider time)
    : ISlackEventHandler
{
    public async Task HandleAsync(SlackEvent slackEvent, EventCallback callback, SlackContext context, CancellationToken ct)
    {
        if (slackEvent.Tab is not (null or "home") || string.IsNullOrEmpty(slackEvent.User))
        {
            return;
        }

        var rows = await RowsAsync(storage.ForTeam(callback.TeamId ?? ""), ct);
        var api = await context.GetApiAsync(ct);
        await api.PublishHomeAsync(slackEvent.User, View(rows), ct);
    }

    public async Task<IReadOnlyList<HomeRow>> RowsAsync(IWorkspaceStore store, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var yesterday = today.AddDays(-1);
        var windows = await store.CreditWindows.ListAsync(ct);
        var rows = new List<HomeRow>();
        foreach (var campaign in await source.ListCampaignsAsync(ct))
        {
            var criteria = await store.SuccessCriteria.FindCriteriaAsync(campaign.Id, ct);
            var facts = await loader.LoadAsync(campaign, DateRange.Ending(yesterday, 7), criteria, ct);
            var credit = windows.LatestFor(campaign.Id) is { } window
                ? (await credits.AssessAsync(campaign, window, yesterday, criteria?.TargetCostPerOutcome, ct)).Report
                : null;
            rows.Add(new HomeRow(campaign, campaign.Status, engine.AssessLearning(facts, today), credit, engine.Diagnose(facts).TopFinding?.Title));
        }

        return rows;
    }

    public static SlackView View(IReadOnlyList<HomeRow> rows)
    {
        var home = new HomeTabBuilder().Header("TikTok campaigns").Context("Last 7 closed days · `/ttmetrics <name>` for the full read");
        foreach (var row in rows.Take(45))
        {
            var campaign = row.Campaign;
            var objective = campaign.Objective is { } o ? ObjectiveCatalogue.Profile(o).DisplayName : campaign.ObjectiveType;
            var learning = row.Learning.State switch
            {
                LearningState.Exited => "out of learning",
                LearningState.NotStarted => "not started",
                _ => $"learning, day {row.Learning.Day}, {row.Learning.Conversions} of ~{row.Learning.ExitConversions} conversions",
            };
            var credit = row.Credit is { } c
                ? $" · credit left {MetricFormat.Money(c.CreditRemaining, campaign.Currency)}" + (c.ExhaustedOn is { } day && c.ExhaustionProjected ? $", runs out {day:yyyy-MM-dd}" : "")
                : "";
            home.Section($"*{Mrkdwn.Escape(campaign.Name)}* · {Mrkdwn.Escape(objective)} · {Mrkdwn.Escape(row.Status.ToLowerInvariant())}\n" +
                $"{learning}{credit}\n{(row.TopFinding is { } finding ? Mrkdwn.Escape(finding) : "nothing to fix")}");
        }

        if (rows.Count > 45)
        {
            home.Context($"{rows.Count - 45} more: `/ttmetrics list` shows them all.");
        }

        return home.Build();
    }
}
