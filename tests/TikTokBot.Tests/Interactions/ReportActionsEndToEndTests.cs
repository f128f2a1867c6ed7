using System.Net;
using TikTokBot.Reports;
using TikTokBot.TikTok.Calendar;
using TikTokBot.TikTok.Sources;
using TikTokBot.Requests;
using static TikTokBot.Requests.ButtonCodec;

namespace TikTokBot.Tests.Interactions;

/// <summary>The report's buttons, pressed through the real app; answers arrive at a local response_url.</summary>
public sealed class ReportActionsEndToEndTests : IClassFixture<KestrelAppFactory>, IAsyncLifetime
{
    private readonly KestrelAppFactory _factory;
    private ResponseUrlHook _hook = null!;

    public ReportActionsEndToEndTests(KestrelAppFactory factory) => _factory = factory;

    public async Task InitializeAsync() => _hook = await ResponseUrlHook.StartAsync();

    public async Task DisposeAsync() => await _hook.DisposeAsync();

    private async Task<string> Press(string actionId, string value, bool menu = false)
    {
        using var request = SlackTestRequests.Signed("/slack/interactions", SlackTestRequests.Press("T-BUTTONS", "U-BUTTONS", actionId, value, _hook.Url, menu));
        using var client = _factory.CreateKestrelClient();

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await _hook.NextAsync();
    }

    [Fact]
    public async Task What_should_i_fix_answers_beside_the_report_with_the_fixes()
    {
        var answer = await Press("report.fix", ButtonCodec.Encode(new ReportRequest("1800000000000042", Period.Default)));

        Assert.Contains("Do this first:", answer);
        Assert.Contains("\"replace_original\":false", answer);
    }

    [Fact]
    public async Task The_breakdown_menu_answers_with_the_chosen_breakdown()
    {
        var answer = await Press("report.breakdown", ButtonCodec.Encode(new ReportRequest("1800000000000044", new Period(PeriodKind.LastDays, 14), BreakdownDimension.AdGroup)), menu: true);

        Assert.Contains("by ad group", answer);
        Assert.Contains("Lookalike 1%", answer);
    }

    [Fact]
    public async Task The_age_breakdown_names_the_bands_as_people_do()
    {
        var answer = await Press("report.breakdown", ButtonCodec.Encode(new ReportRequest("1800000000000042", Period.Default, BreakdownDimension.Age)), menu: true);

        // The breakdown is a table now: the band is a cell of its own.
        Assert.Contains("\"text\":\"25-34\"", answer);
        Assert.DoesNotContain("AGE_25_34", answer);
    }

    [Fact]
    public async Task A_button_sent_before_values_were_versioned_still_answers()
    {
        var answer = await Press("report.fix", "1800000000000042|7d");

        Assert.Contains("Do this first:", answer);
    }

    [Fact]
    public async Task Share_posts_the_report_for_the_whole_channel()
    {
        var answer = await Press("report.share", "1800000000000042|7d");

        Assert.Contains("\"response_type\":\"in_channel\"", answer);
        Assert.Contains("Creative fatigue", answer);
    }
}
