using System.Globalization;
using TikTokBot.Domain.Metrics;
using TikTokBot.Domain.Money;
using TikTokBot.Domain.Objectives;
using TikTokBot.Slack.BlockKit;
using TikTokBot.TikTok.Calendar;
using TikTokBot.TikTok.Sources;

namespace TikTokBot.Reports;

/// <summary>
/// <c>/ttmetrics &lt;campaign&gt; explain</c>: why the bot's figures for a campaign may differ from what Ads Manager shows
/// (platform-facts-3: attribution to the day of the click or impression, the advertiser's time zone, report lag, the
/// account's currency, and which TikTok field the bot counts as a conversion). Nothing is read from TikTok for it.
/// </summary>
internal static class ExplainView
{
    public static IReadOnlyList<SlackMessage> Explain(CampaignInfo campaign, DateTimeOffset now)
    {
        var zone = BusinessCalendar.ZoneOf(campaign.TimeZone);
        var local = TimeZoneInfo.ConvertTime(now, zone);
        var days = BusinessCalendar.At(now, zone);
        var currency = Currency.Of(campaign.Currency);
        var profile = campaign.Objective is { } objective ? ObjectiveCatalogue.Profile(objective) : null;
        var outcome = profile is null ? null : MetricCatalogue.Get(profile.Outcome).DisplayName;
        var zoneName = BusinessCalendar.IsUtc(campaign.TimeZone) ? "UTC" : campaign.TimeZone;

        var lines = new List<string>
        {
            "*Attribution day.* TikTok credits a conversion (`conversion`) to the day of the click or impression that led to it, " +
            $"not the day it happened: {days.Yesterday:yyyy-MM-dd}'s conversions (and a few days before) still grow as late conversions come in. " +
            "Real-time conversions (`real_time_conversion`) count on the day they happen; the alerts judge today's cost per result on them. " +
            "A column of the other kind in Ads Manager shows other numbers for the same day.",
            string.Create(CultureInfo.InvariantCulture,
                $"*Time zone.* Every day here is the advertiser's day in *{zoneName}* (now {local:yyyy-MM-dd HH:mm} there), as TikTok reports it. ") +
            "A dashboard or a person in another zone whose \"today\" starts at another hour sees other totals for \"today\" and \"yesterday\".",
            "*Report lag.* TikTok's basic reports come about 10 minutes behind, so the latest hour is still filling; breakdowns by age, gender, " +
            "placement or device come from its audience reports, 6 to 12 hours behind. Every reply says when its figures were read.",
            $"*Currency.* Amounts are in the ad account's currency, *{currency.Code}*, as TikTok reports them, rounded to its {currency.Decimals} decimal(s): " +
            "never converted, never added across accounts in different currencies.",
            profile is null
                ? "*Conversions.* This campaign's objective is one TikTok has not documented, so the bot judges it on delivery only."
                : profile.Converts
                    ? $"*What counts as a conversion.* For a {Mrkdwn.Escape(profile.DisplayName)} campaign the bot counts {Mrkdwn.Escape(outcome!)} as TikTok's `conversion`: " +
                      "the optimisation event of its ad groups. An Ads Manager column for another event (a purchase while the ad group optimises for add-to-cart) counts something else."
                    : $"*Results.* A {Mrkdwn.Escape(profile.DisplayName)} campaign is judged on {Mrkdwn.Escape(outcome!)}, not on conversions.",
            "*Reach and frequency.* Reach is asked of TikTok for the exact campaign and range; the daily reach of a spreadsheet added up counts people twice.",
        };

        return new MessageBuilder().Text($"Why the figures of {Mrkdwn.Escape(campaign.Name)} may differ from Ads Manager").Ephemeral()
            .Header($"Why the numbers may differ: {campaign.Name}")
            .Section(string.Join("\n\n", lines))
            .Context($"`/ttmetrics {Mrkdwn.Escape(campaign.Name)} today` shows today's figures with when they were read.")
            .Build();
    }
}
