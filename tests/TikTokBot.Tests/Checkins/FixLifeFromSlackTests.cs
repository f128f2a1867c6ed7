using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using TikTokBot.Requests;
using TikTokBot.Storage;
using TikTokBot.Tests.Actions;

using static TikTokBot.Tests.Actions.ActingRequests;
using static TikTokBot.Interactions.ButtonRouter;
using static TikTokBot.Requests.ButtonCodec;

namespace TikTokBot.Tests.Checkins;

/// <summary>A fix's life from Slack over signed requests on Kestrel, the fake Slack and the fake TikTok API, on a fixed clock.</summary>
public sealed class FixLifeFromSlackTests
{
    private const string Member = "U-MEMBER";
    private const string Colleague = "U-COLLEAGUE";

    /// <summary>The fix reply sits in the report's thread: its own ts is a reply's, the thread is its parent's.</summary>
    private const string ReplyTs = "1763650800.000200";
    private const string ThreadTs = "1763650800.000100";

    [Fact]
    public async Task A_fix_is_taken_assigned_and_done_in_the_reports_thread_and_no_other_workspace_sees_or_changes_it()
    {
        using var app = new ActingAppFactory();
        using var client = app.CreateKestrelClient();
        await using var hook = await ResponseUrlHook.StartAsync();

        var reply = await FixReplyAsync(app, client, hook);
        var take = Elements(reply).First(e => e.GetProperty("action_id").GetString() == ButtonIds.TakeFix);
        var takeValue = take.GetProperty("value").GetString()!;
        Assert.Matches(@"^ft1\|1800000000000042\|\|[a-z-]+$", takeValue);
        var assignId = Elements(reply).First(e => e.GetProperty("type").GetString() == "users_select").GetProperty("action_id").GetString()!;
        Assert.Equal($"{ButtonIds.AssignFix}.{takeValue}", assignId);

        // "I'll take it": the fix is recorded for the presser and said in the report's thread.
        await PressInThreadAsync(app, client, Member, new() { ["action_id"] = ButtonIds.TakeFix, ["type"] = "button", ["value"] = takeValue }, hook.Url);
        var taken = Said(await NextPostAsync(app, 1));
        var store = StoreOf(app);
        var fix = Assert.Single(await store.Fixes.ListInProgressAsync(null, null, CancellationToken.None));
        Assert.Equal((Member, Member, "C-ACT", ThreadTs, FixState.Open, app.Clock.GetUtcNow()),
            (fix.Details.OwnerId, fix.Details.TakenBy, fix.Details.ChannelId, fix.Details.ThreadTs, fix.State, fix.TakenAt));
        Assert.Equal(takeValue.Split('|')[3], fix.Details.RuleId);
        // Creative fatigue names Frequency; its fix (a fresh creative) is judged on CTR, 0.77% when taken.
        Assert.Equal((Domain.Metrics.MetricId.Ctr, 0.007708m), (fix.Details.Metric, fix.Details.MetricValue));
        Assert.Equal("Frequency 5.40 (fatigue point 3.00); judged on CTR (destination), now 0.77% (Worse)", fix.Details.Standing);
        Assert.Contains($"<@{Member}> took *{fix.Details.FindingTitle}* on *campaign-42 Autumn Sale*", taken);
        Assert.Contains($"\"thread_ts\":\"{ThreadTs}\"", taken);
        var doneValue = ButtonValue(taken, ButtonIds.FixDone);
        Assert.Equal($"f1|{fix.FixId}", doneValue);

        // "Assign…": the same fix handed to the colleague picked.
        await PressInThreadAsync(app, client, Member, new() { ["action_id"] = assignId, ["type"] = "users_select", ["selected_user"] = Colleague }, hook.Url);
        Assert.Contains($"<@{Member}> assigned <@{Colleague}> *{fix.Details.FindingTitle}*", Said(await NextPostAsync(app, 2)));
        var assigned = Assert.Single(await store.Fixes.ListInProgressAsync(Colleague, null, CancellationToken.None));
        Assert.Equal((fix.FixId, Member), (assigned.FixId, assigned.Details.TakenBy));
        Assert.Empty(await store.Fixes.ListInProgressAsync(Member, null, CancellationToken.None));

        // /ttmetrics fixes: the colleague's own, the campaign's, and none in another workspace.
        var mine = Said(await CommandAsync(app, client, Colleague, "fixes mine", hook.Url));
        Assert.Contains("Fixes in progress yours", mine);
        Assert.Contains($"<@{Colleague}>\\n*campaign-42 Autumn Sale*\\n• {fix.Details.FindingTitle}: taken 2026-11-20, not applied yet", mine);
        Assert.Contains("Fixes in progress on campaign-42 Autumn Sale", Said(await CommandAsync(app, client, Member, "fixes campaign-42", hook.Url)));
        Assert.Contains("No fixes in progress yours", Said(await CommandAsync(app, client, Member, "fixes mine", hook.Url)));
        Assert.Contains("No fixes in progress in this workspace", Said(await CommandAsync(app, client, Colleague, "fixes all", hook.Url, team: "T-OTHER")));

        // Another workspace pressing the same Done changes nothing and is told nothing; it has no fixes of its own.
        await PressInThreadAsync(app, client, Colleague, new() { ["action_id"] = ButtonIds.FixDone, ["type"] = "button", ["value"] = doneValue }, hook.Url, team: "T-OTHER");
        Assert.Equal(FixState.Open, (await store.Fixes.FindAsync(fix.FixId, CancellationToken.None))!.State);
        var other = app.Services.GetRequiredService<IWorkspaceStorage>().ForTeam("T-OTHER").Fixes;
        Assert.Empty(await other.ListInProgressAsync(null, null, CancellationToken.None));
        Assert.Null(await other.FindAsync(fix.FixId, CancellationToken.None));

        // "Done" an hour later: applied at the clock's time. The finding's first fix is a new creative, which restarts
        // learning: the follow-up waits the 7 learning days, then 3 full days (2026-11-20 + 10).
        app.Clock.Advance(TimeSpan.FromHours(1));
        await PressInThreadAsync(app, client, Colleague, new() { ["action_id"] = ButtonIds.FixDone, ["type"] = "button", ["value"] = doneValue }, hook.Url);
        var done = Said(await NextPostAsync(app, 3));
        var applied = (await store.Fixes.FindAsync(fix.FixId, CancellationToken.None))!;
        Assert.Equal((FixState.Done, app.Clock.GetUtcNow(), Colleague), (applied.State, applied.DoneAt, applied.DoneBy));
        Assert.Equal(("creative-fatigue", true, new DateOnly(2026, 11, 30)), (applied.Details.RuleId, applied.RestartsLearning, applied.FollowUpDue));
        Assert.Contains($"<@{Colleague}> applied *{fix.Details.FindingTitle}* on *campaign-42 Autumn Sale*. I'll follow up here on 2026-11-30 (after the learning window", done);

        // The Home tab lists it under its owner and campaign.
        var home = Said(TikTokBot.Slack.BlockKit.BlockKitJson.Serialize(TikTokBot.Home.AppHomeHandler.View([], null, await store.Fixes.ListInProgressAsync(null, null, CancellationToken.None))));
        Assert.Contains("Fixes in progress", home);
        Assert.Contains($"<@{Colleague}>\\n*1800000000000042*: {fix.Details.FindingTitle} (applied, follow-up 2026-11-30)", home);

        // Done twice: said so, nothing changes.
        await PressInThreadAsync(app, client, Colleague, new() { ["action_id"] = ButtonIds.FixDone, ["type"] = "button", ["value"] = doneValue }, hook.Url);
        Assert.Contains("already marked done", Said(await hook.NextAsync()));
        Assert.Equal(applied, await store.Fixes.FindAsync(fix.FixId, CancellationToken.None));
    }

    [Fact]
    public async Task A_pause_the_bot_makes_closes_the_open_fix_it_carries_out_and_its_follow_up_is_posted_once_in_the_thread()
    {
        using var app = new ActingAppFactory();
        using var client = app.CreateKestrelClient();
        await using var hook = await ResponseUrlHook.StartAsync();
        const string admin = "U-ADMIN-1";

        // The finding whose buttons include a proposal: taken, then carried out through that proposal.
        var reply = await FixReplyAsync(app, client, hook, admin, "campaign-48");
        var block = Blocks(reply).First(b => b.Any(e => e.GetProperty("action_id").GetString()!.StartsWith(ButtonIds.Propose + ".", StringComparison.Ordinal)));
        var takeValue = block.First(e => e.GetProperty("action_id").GetString() == ButtonIds.TakeFix).GetProperty("value").GetString()!;
        var propose = block.First(e => e.GetProperty("action_id").GetString()!.StartsWith(ButtonIds.Propose + ".", StringComparison.Ordinal));
        await PressInThreadAsync(app, client, admin, new() { ["action_id"] = ButtonIds.TakeFix, ["type"] = "button", ["value"] = takeValue }, hook.Url);
        await NextPostAsync(app, 1);
        var fix = Assert.Single(await StoreOf(app).Fixes.ListInProgressAsync(admin, null, CancellationToken.None));

        await PressAsync(app, client, admin, propose.GetProperty("action_id").GetString()!, propose.GetProperty("value").GetString()!, hook.Url);
        var actionValue = ButtonValue(Said(await hook.NextAsync()), ButtonIds.Confirm);
        await PressAsync(app, client, admin, ButtonIds.Confirm, actionValue, hook.Url);
        Assert.Contains("paused", Said(await hook.NextAsync()));

        var closed = (await StoreOf(app).Fixes.FindAsync(fix.FixId, CancellationToken.None))!;
        Assert.Equal((FixState.ClosedByAction, actionValue[3..], app.Clock.GetUtcNow()), (closed.State, closed.DoneBy, closed.DoneAt));
        Assert.Equal(new DateOnly(2026, 11, 20).AddDays(3), closed.FollowUpDue);

        // The follow-up: nothing before its periods have closed; on 11-24 (11-23 closed) one answer in the fix's thread,
        // however often the job runs.
        var job = app.Services.GetRequiredService<TikTokBot.Checkins.FollowUpJob>();
        app.Clock.Advance(TimeSpan.FromDays(3));
        Assert.Equal(0, await job.RunAsync(Team, CancellationToken.None));
        app.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(1, await job.RunAsync(Team, CancellationToken.None));
        Assert.Equal(0, await job.RunAsync(Team, CancellationToken.None));
        var followUp = Said(app.Calls.Where(c => c.Method == "chat.postMessage").Last().Body);
        Assert.Contains($"\"thread_ts\":\"{ThreadTs}\"", followUp);
        // Spend without results is judged on cost per conversion (conversions per money) from the zero it saw; the ad
        // group paused by the fix spent nothing since, so the after period still needs its conversions and some spend.
        Assert.StartsWith(
            "*Follow-up on Spend without results* (<@U-ADMIN-1>, campaign-48 Retargeting Test): :hourglass: No clear change yet: " +
            "the after period needs 20 more conversions and some spend.\n" +
            "Cost per conversion — → —, 2026-11-17..2026-11-19 against 2026-11-21..2026-11-23.\n" +
            "Next to look at: *Delivery is low* (`/ttmetrics campaign-48 Retargeting Test fix`).", followUp);
        var followed = (await StoreOf(app).Fixes.FindAsync(fix.FixId, CancellationToken.None))!;
        Assert.Equal((FixState.FollowedUp, "NoClearChange", app.Clock.GetUtcNow()), (followed.State, followed.Verdict, followed.FollowedUpAt));
        Assert.Single(app.Calls, c => c.Method == "chat.postMessage" && c.Body.Contains("Follow-up on", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_campaign_paused_since_the_fix_gets_no_comparison_and_its_thread_is_told_why()
    {
        using var app = new ActingAppFactory();
        using var client = app.CreateKestrelClient();
        var fixes = StoreOf(app).Fixes;
        await fixes.TakeAsync(new FixDetails("fix-paused", "1800000000000042", null, "creative-fatigue", "Creative fatigue",
            Domain.Metrics.MetricId.Ctr, 0.9m, "CTR 0.9", Member, Member, "C-ACT", ThreadTs), CancellationToken.None);
        Assert.True(await fixes.MarkDoneAsync("fix-paused", Member, byAction: false, restartsLearning: false, new DateOnly(2026, 11, 23), CancellationToken.None));

        // The campaign is paused in Ads Manager the next day.
        app.TikTok.SetStatus("1800000000000042", "DISABLE", "CAMPAIGN_STATUS_DISABLE", new DateOnly(2026, 11, 21));

        app.Clock.Advance(TimeSpan.FromDays(4));
        Assert.Equal(1, await app.Services.GetRequiredService<TikTokBot.Checkins.FollowUpJob>().RunAsync(Team, CancellationToken.None));
        var said = Said(app.Calls.Last(c => c.Method == "chat.postMessage").Body);
        Assert.StartsWith(":information_source: No follow-up on *Creative fatigue*: *campaign-42 Autumn Sale* was paused since (by 2026-11-21), so its figures say nothing about the fix.", said);
        Assert.Contains($"\"thread_ts\":\"{ThreadTs}\"", said);
        var skipped = (await fixes.FindAsync("fix-paused", CancellationToken.None))!;
        Assert.Equal((FixState.FollowedUp, "Skipped"), (skipped.State, skipped.Verdict));
    }

    private static IEnumerable<List<JsonElement>> Blocks(string said)
    {
        var document = JsonDocument.Parse(said[(said.IndexOf('\n') + 1)..]);
        return document.RootElement.GetProperty("blocks").EnumerateArray()
            .Where(b => b.TryGetProperty("elements", out _))
            .Select(b => b.GetProperty("elements").EnumerateArray().Where(e => e.TryGetProperty("action_id", out _)).ToList())
            .ToList();
    }

    /// <summary>The "What should I fix?" reply of campaign 42, as Slack would show it.</summary>
    private static async Task<string> FixReplyAsync(ActingAppFactory app, HttpClient client, ResponseUrlHook hook, string user = Member, string campaign = "campaign-42")
    {
        var body = await CommandAsync(app, client, user, $"{campaign} fix", hook.Url);
        var said = Said(body.Length > 0 && body.TrimStart().StartsWith('{') && body.Contains("blocks", StringComparison.Ordinal) ? body : await hook.NextAsync());
        Assert.Contains("What to fix", said);
        return said;
    }

    [Theory]
    [InlineData("fixes", false, null)]
    [InlineData("fixes all", false, null)]
    [InlineData("fixes MINE", true, null)]
    [InlineData("fixes Autumn Sale", false, "Autumn Sale")]
    public void The_fixes_command_reads_mine_a_campaign_or_all(string text, bool mine, string? campaign)
    {
        Assert.Equal(new MetricsCommand.Fixes(mine, campaign), TikTokBot.Commands.CommandParser.Parse(text));
        Assert.Contains("`/ttmetrics fixes [mine|campaign-42|all]`", TikTokBot.Commands.CommandParser.HelpText());
    }

    private static IEnumerable<JsonElement> Elements(string said)
    {
        var document = JsonDocument.Parse(said[(said.IndexOf('\n') + 1)..]);
        return document.RootElement.GetProperty("blocks").EnumerateArray()
            .Where(b => b.TryGetProperty("elements", out _))
            .SelectMany(b => b.GetProperty("elements").EnumerateArray())
            .Where(e => e.TryGetProperty("action_id", out _))
            .ToList();
    }

    private static async Task<string> NextPostAsync(ActingAppFactory app, int count)
    {
        var calls = await app.WaitForCallsAsync(c => c.Count(x => x.Method == "chat.postMessage") >= count);
        return calls.Where(c => c.Method == "chat.postMessage").ElementAt(count - 1).Body;
    }

    private static Task PressInThreadAsync(ActingAppFactory app, HttpClient client, string user, Dictionary<string, object> action, string responseUrl, string team = Team) =>
        PressActionAsync(app, client, user, action, responseUrl, team, new { ts = ReplyTs, thread_ts = ThreadTs, text = "What to fix" });
}
