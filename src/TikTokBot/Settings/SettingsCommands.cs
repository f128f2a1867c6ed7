using TikTokBot.Domain.Metrics;
using TikTokBot.Domain.Objectives;
using TikTokBot.Permissions;
using TikTokBot.Slack.BlockKit;
using TikTokBot.Requests;

namespace TikTokBot.Settings;

/// <summary>The settings verbs of <c>/ttmetrics</c>: <c>target</c>, <c>credit</c>, <c>alias</c>.</summary>
internal sealed class SettingsCommands(WorkspaceCampaigns campaigns, SettingsService settings)
{
    public async Task<IReadOnlyList<SlackMessage>> ReplyAsync(MetricsCommand command, Asker asker, CancellationToken ct)
    {
        var typed = command switch
        {
            MetricsCommand.SetTarget target => target.Campaign,
            MetricsCommand.SetCredit credit => credit.Campaign,
            MetricsCommand.SetAlias alias => alias.Campaign,
            _ => throw new ArgumentException($"{command.GetType().Name} is not a settings command.", nameof(command)),
        };

        // Refused before the campaign is looked up: the answer does not depend on what was typed.
        if (await settings.AuthoriseAsync(asker, ct) is { Allowed: false } refused)
        {
            return [Reply.Plain(refused.Refusal!)];
        }

        var found = await campaigns.FindAsync(asker.TeamId, typed, ct);
        if (found.Campaign is not { } campaign)
        {
            return [Reply.NotFound(typed, found)];
        }

        string? done;
        string? refusal;
        switch (command)
        {
            case MetricsCommand.SetTarget target:
            {
                var profile = ObjectiveCatalogue.Profile(campaign.Objective ?? Objective.Awareness);
                if (!SuccessCriteria.TryTargetMetric(target.Metric, profile, out var metric))
                {
                    var allowed = string.Join(", ", SuccessCriteria.TargetWords(profile).Select(w => $"`{w.Word}` ({MetricCatalogue.Get(w.Metric).DisplayName})"));
                    return [Reply.Plain($"`{Mrkdwn.Escape(target.Metric)}` is not a metric a target can be set on for *{Mrkdwn.Escape(campaign.Name)}* " +
                        $"({profile.DisplayName}). Use one of: {allowed}. For example `/ttmetrics target {Mrkdwn.Escape(typed)} {SuccessCriteria.TargetWords(profile)[0].Word} 25 min 50`.")];
                }

                var saved = await settings.SetTargetAsync(asker, campaign, metric, target.TargetCost, target.MinimumVolume, ct);
                var definition = MetricCatalogue.Get(metric);
                var bound = definition.Better == BetterDirection.Higher ? "at least" : "at most";
                (done, refusal) = (saved.Saved is null ? null : $"Saved for *{Mrkdwn.Escape(campaign.Name)}*: {definition.DisplayName} {bound} " +
                    $"{MetricFormat.Format(target.TargetCost, definition.Unit, campaign.Currency)}, judged once there are at least {target.MinimumVolume:#,0} {profile.OutcomeName}. " +
                    "The change is in the audit trail.", saved.Refusal);
                break;
            }

            case MetricsCommand.SetCredit credit:
            {
                var saved = await settings.AddCreditAsync(asker, campaign, credit.Amount, credit.Start, credit.Expiry, ct);
                (done, refusal) = (saved.Saved is null ? null : $"Saved: {MetricFormat.Money(credit.Amount, campaign.Currency)} of ad credit for *{Mrkdwn.Escape(campaign.Name)}*, " +
                    $"{credit.Start:yyyy-MM-dd} to {credit.Expiry:yyyy-MM-dd}. The change is in the audit trail.", saved.Refusal);
                break;
            }

            default:
            {
                var alias = (MetricsCommand.SetAlias)command;
                var saved = await settings.SetAliasAsync(asker, alias.Alias, campaign, ct);
                (done, refusal) = (saved.Saved is null ? null : $"Saved: `{Mrkdwn.Escape(alias.Alias)}` now means *{Mrkdwn.Escape(campaign.Name)}*.", saved.Refusal);
                break;
            }
        }

        return [Reply.Plain(done ?? refusal!)];
    }
}
