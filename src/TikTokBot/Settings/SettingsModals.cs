using TikTokBot.Domain.Objectives;
using TikTokBot.Slack.BlockKit;
using TikTokBot.Storage;
using TikTokBot.TikTok.Sources;

namespace TikTokBot.Settings;

/// <summary>The forms behind "Set success criteria" and "Set ad credit", for the report's campaign.</summary>
internal static class SettingsModals
{
    public static SlackView CriteriaModal(CampaignInfo campaign, CampaignSuccessCriteria? current)
    {
        var profile = ObjectiveCatalogue.Profile(campaign.Objective ?? Objective.Awareness);
        var cost = Domain.Metrics.MetricCatalogue.Get(profile.CostPerOutcome).DisplayName;
        return new ModalBuilder("Success criteria")
            .CallbackId(SettingsModalIds.Criteria)
            .PrivateMetadata(campaign.Id)
            .Submit("Save")
            .Context($"*{Mrkdwn.Escape(campaign.Name)}* · {profile.DisplayName}: judged by {cost.ToLowerInvariant()}")
            .Input(SettingsModalIds.Target, $"Most a {profile.OutcomeName.TrimEnd('s')} may cost ({cost})",
                Elements.NumberInput(SettingsModalIds.Value, decimals: true, min: 0.01m, initial: current?.TargetCostPerOutcome))
            .Input(SettingsModalIds.Minimum, $"Smallest number of {profile.OutcomeName} that makes the test useful",
                Elements.NumberInput(SettingsModalIds.Value, decimals: false, min: 1, initial: current?.MinimumVolume))
            .Build();
    }

    public static SlackView CreditModal(CampaignInfo campaign) =>
        new ModalBuilder("Ad credit")
            .CallbackId(SettingsModalIds.Credit)
            .PrivateMetadata(campaign.Id)
            .Submit("Save")
            .Context($"*{Mrkdwn.Escape(campaign.Name)}*: credit shows only in billing, so enter it here")
            .Input(SettingsModalIds.Amount, $"Amount ({campaign.Currency})", Elements.NumberInput(SettingsModalIds.Value, decimals: true, min: 0.01m))
            .Input(SettingsModalIds.Start, "Usable from", Elements.DatePicker(SettingsModalIds.Value))
            .Input(SettingsModalIds.Expiry, "Expires on", Elements.DatePicker(SettingsModalIds.Value))
            .Build();
}
