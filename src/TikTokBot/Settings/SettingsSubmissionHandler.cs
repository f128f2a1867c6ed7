using System.Globalization;
using TikTokBot.Domain.Objectives;
using TikTokBot.Permissions;
using TikTokBot.Slack.BlockKit;
using TikTokBot.Slack.Handlers;
using TikTokBot.Slack.Payloads;

namespace TikTokBot.Settings;

/// <summary>
/// Saves a settings modal. Invalid values are answered inside the modal, next to the field; a saved change replaces
/// the modal with a confirmation and is written to the audit trail with the person who made it.
/// </summary>
internal sealed class SettingsSubmissionHandler(WorkspaceCampaigns campaigns, SettingsService settings) : IViewSubmissionHandler
{
    public static Asker AskerOf(SlackContext context) => new(context.TeamId ?? "", context.UserId ?? "", context.ChannelId, EnterpriseId: context.EnterpriseId);

    public async Task HandleAsync(ViewSubmissionPayload payload, SlackContext context, CancellationToken ct)
    {
        var view = payload.View;
        var campaign = string.IsNullOrEmpty(context.TeamId) ? null : await campaigns.FindByIdAsync(context.TeamId, view.PrivateMetadata ?? "", ct);
        if (campaign is null || string.IsNullOrEmpty(context.TeamId))
        {
            context.Ack(ViewSubmissionResponse.Update(Confirmation("Not saved", "That campaign is no longer in the data source.")));
            return;
        }

        // Checked again on submission: the modal may have been opened before the person lost the right.
        var asker = AskerOf(context);
        var allowed = await settings.AuthoriseAsync(asker, ct);
        if (!allowed.Allowed)
        {
            context.Ack(ViewSubmissionResponse.Update(Confirmation("Not saved", allowed.Refusal!)));
            return;
        }

        var errors = new Dictionary<string, string>();
        string done;
        if (view.CallbackId == SettingsModalIds.Credit)
        {
            var amount = Number(view.ValueOf(SettingsModalIds.Amount, SettingsModalIds.Value), SettingsModalIds.Amount, "an amount such as 6000", errors);
            var start = Date(view.ValueOf(SettingsModalIds.Start, SettingsModalIds.Value), SettingsModalIds.Start, errors);
            var expiry = Date(view.ValueOf(SettingsModalIds.Expiry, SettingsModalIds.Value), SettingsModalIds.Expiry, errors);
            if (errors.Count == 0 && amount <= 0)
            {
                errors[SettingsModalIds.Amount] = "The credit amount must be more than zero, for example 6000.";
            }

            if (errors.Count == 0 && expiry < start)
            {
                errors[SettingsModalIds.Expiry] = "The credit cannot expire before it starts.";
            }

            if (errors.Count > 0)
            {
                context.Ack(ViewSubmissionResponse.WithErrors(errors));
                return;
            }

            var saved = await settings.AddCreditAsync(asker, campaign, amount, start, expiry, ct);
            done = saved.Refusal ?? $"{Domain.Metrics.MetricFormat.Money(amount, campaign.Currency)} of credit, {start:yyyy-MM-dd} to {expiry:yyyy-MM-dd}.";
        }
        else
        {
            var target = Number(view.ValueOf(SettingsModalIds.Target, SettingsModalIds.Value), SettingsModalIds.Target, "a cost such as 25", errors);
            var minimum = Number(view.ValueOf(SettingsModalIds.Minimum, SettingsModalIds.Value), SettingsModalIds.Minimum, "a whole number such as 50", errors);
            if (errors.Count == 0 && target <= 0)
            {
                errors[SettingsModalIds.Target] = "The target must be more than zero, for example 25.";
            }

            if (errors.Count == 0 && (minimum < 1 || minimum != decimal.Truncate(minimum)))
            {
                errors[SettingsModalIds.Minimum] = "The minimum is a whole number of at least 1, for example 50.";
            }

            if (errors.Count > 0)
            {
                context.Ack(ViewSubmissionResponse.WithErrors(errors));
                return;
            }

            var profile = ObjectiveCatalogue.Profile(campaign.Objective ?? Objective.Awareness);
            var saved = await settings.SetTargetAsync(asker, campaign, profile.CostPerOutcome, target, (long)minimum, ct);
            done = saved.Refusal ?? $"at most {Domain.Metrics.MetricFormat.Money(target, campaign.Currency)} per {profile.OutcomeName.TrimEnd('s')}, judged from {minimum:#,0} {profile.OutcomeName}.";
        }

        context.Ack(ViewSubmissionResponse.Update(Confirmation("Saved", $"*{Mrkdwn.Escape(campaign.Name)}*: {done} The change is in the audit trail.")));
    }

    private static SlackView Confirmation(string title, string text) => new ModalBuilder(title).Section(text).Close("Done").Build();

    private static decimal Number(string? text, string blockId, string example, Dictionary<string, string> errors)
    {
        if (decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        errors[blockId] = $"Enter {example}.";
        return 0;
    }

    private static DateOnly Date(string? text, string blockId, Dictionary<string, string> errors)
    {
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        errors[blockId] = "Pick a date.";
        return default;
    }
}
