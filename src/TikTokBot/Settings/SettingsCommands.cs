using TikTokBot.Commands;
using TikTokBot.Domain.Metrics;
using TikTokBot.Domain.Objectives;
using TikTokBot.Permissions;
using TikTokBot.Reports;
using TikTokBot.Slack.BlockKit;

namespace TikTokBot.Settings;

/// <summary>The settings verbs of <c>/ttmetrics</c>: <c>target</c>, <c>credit</c>, <c>alias</c>.</summary>
public sealed class SettingsCommands(ReportService reports, SettingsService settings)
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

        var found = await reports.FindAsync(asker.TeamId, typed, ct);
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
                var saved = await settings.SetTargetAsync(asker, campaign, profile.Objective.ToString(), target.TargetCost, target.MinimumVolume, ct);
                var cost = MetricCatalogue.Get(profile.CostPerOutcome).DisplayName.ToLowerInvariant();
                (done, refusal) = (saved.Saved is null ? null : $"Saved for *{Mrkdwn.Escape(campaign.Name)}*: {cost} at most {MetricFormat.Money(target.TargetCost, campaign.Currency)}, " +
                    $"judged once there are at least {target.MinimumVolume:#,0} {profile.OutcomeName}. The change is in the audit trail.", saved.Refusal);
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
