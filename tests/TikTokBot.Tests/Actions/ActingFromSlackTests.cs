using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using TikTokBot.Actions;
using TikTokBot.Storage;
using TikTokBot.Testing;
using TikTokBot.TikTok.Demo;

using static TikTokBot.Tests.Actions.ActingRequests;
using TikTokBot.Requests;
using static TikTokBot.Requests.ButtonCodec;

namespace TikTokBot.Tests.Actions;

/// <summary>
/// The app on Kestrel with the fake Slack (users.info: ids with ADMIN are admins) and, unless <see cref="Demo"/>, the
/// fake TikTok API with its write endpoints; the clock is fixed so the undo window can be passed without waiting.
/// </summary>
/// <param name="csvPath">An Ads Manager export to read instead (TikTok:Source=Csv).</param>
public sealed class ActingAppFactory(bool requireApproval = false, bool demo = false, string? csvPath = null) : FakeSlackAppFactory
{
    public FakeTikTokApi TikTok { get; } = FakeTikTokApi.StartAsync(new DateOnly(2026, 11, 20)).GetAwaiter().GetResult();

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 20, 15, 0, 0, TimeSpan.Zero));

    protected override IEnumerable<(string Key, string Value)> MoreSettings() =>
    [
        ("Actions:RequireApproval", requireApproval ? "true" : "false"),
        .. csvPath is not null ? new[] { ("TikTok:Source", "Csv"), ("TikTok:CsvPath", csvPath) }
            : demo ? [("TikTok:Source", "Demo"), ("TikTok:ApiBaseUrl", TikTok.BaseUrl.ToString())]
            : [("TikTok:Source", "Api"), ("TikTok:AccessToken", FakeTikTokApi.Token), ("TikTok:AdvertiserIds", DemoDataSet.AdvertiserId), ("TikTok:ApiBaseUrl", TikTok.BaseUrl.ToString())],
    ];

    protected override void ReplaceServices(IServiceCollection services) => services.Replace(ServiceDescriptor.Singleton<TimeProvider>(Clock));

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            TikTok.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }
}

/// <summary>Pause, resume and budgets from Slack, over signed requests: commands, Confirm, Approve, Reject, Undo.</summary>
public sealed class ActingFromSlackTests
{
    private const string Admin = "U-ADMIN-1";
    private const string OtherAdmin = "U-ADMIN-2";
    private const string AdGroup42 = "1800000000000042-g1";
    private const string Simulated = "Simulated on demo data: nothing was sent to TikTok.";

    [Fact]
    public async Task A_pause_command_shows_the_confirmation_and_Confirm_writes_exactly_once()
    {
        using var app = new ActingAppFactory();
        using var client = app.CreateKestrelClient();
        await using var hook = await ResponseUrlHook.StartAsync();

        var proposal = Said(await CommandAsync(app, client, Admin, $"pause adgroup {AdGroup42}", hook.Url));
        Assert.Contains("This will pause Ad group Broad 18-44 (running -> paused). Today's spend so far: $", proposal);
        Assert.Empty(app.TikTok.Writes.Writes);
        var actionId = ButtonValue(proposal, ButtonIds.Confirm);
        Assert.Equal(ButtonValue(proposal, ButtonIds.Cancel), actionId);
        Assert.Matches(@"^a1\|act-[0-9a-f]{16}$", actionId);

        await PressAsync(app, client, Admin, ButtonIds.Confirm, actionId, hook.Url);
        var done = Said(await hook.NextAsync());
        Assert.Contains("Ad group Broad 18-44 paused; it was spending $90.00 a day.", done);
        Assert.Equal(actionId, ButtonValue(done, ButtonIds.Undo));

        await PressAsync(app, client, Admin, ButtonIds.Confirm, actionId, hook.Url);
        Assert.Contains("Already done; nothing was written again.", Said(await hook.NextAsync()));

        var write = Assert.Single(app.TikTok.Writes.Writes);
        Assert.Equal("adgroup/status/update/", write.Path);
        Assert.False(app.TikTok.Writes.Get(AdGroup42).Enabled);
    }

    [Fact]
    public async Task Budget_and_resume_commands_are_parsed_and_refused_with_what_to_type()
    {
        using var app = new ActingAppFactory();
        using var client = app.CreateKestrelClient();
        await using var hook = await ResponseUrlHook.StartAsync();

        var budget = Said(await CommandAsync(app, client, Admin, $"budget adgroup {AdGroup42} +20%", hook.Url));
        Assert.Contains("from $90.00 to $108.00 (+20%)", budget);
        var tooMuch = Said(await CommandAsync(app, client, Admin, $"budget adgroup {AdGroup42} +80%", hook.Url));
        Assert.Contains("Actions:MaxBudgetChangePercent", tooMuch);
        Assert.DoesNotContain(ButtonIds.Confirm, tooMuch);
        var noAmount = Said(await CommandAsync(app, client, Admin, $"budget adgroup {AdGroup42}", hook.Url));
        Assert.Contains("/ttmetrics budget adgroup Broad 18-44 -30%", noAmount);
        var noLevel = Said(await CommandAsync(app, client, Admin, "pause Broad", hook.Url));
        Assert.Contains("Say whether to pause a `campaign` or an `adgroup`", noLevel);
        var ambiguous = Said(await CommandAsync(app, client, Admin, "pause adgroup Broad 18-44", hook.Url));
        Assert.Contains("matches several ad groups", ambiguous);
        Assert.Empty(app.TikTok.Writes.Writes);
    }

    [Fact]
    public async Task With_approval_the_request_is_posted_self_approval_is_refused_and_double_Approve_writes_once()
    {
        using var app = new ActingAppFactory(requireApproval: true);
        using var client = app.CreateKestrelClient();
        await using var hook = await ResponseUrlHook.StartAsync();

        var actionId = ButtonValue(Said(await CommandAsync(app, client, Admin, $"pause adgroup {AdGroup42}", hook.Url)), ButtonIds.Confirm);
        await PressAsync(app, client, Admin, ButtonIds.Confirm, actionId, hook.Url);
        Assert.Contains("Waiting for approval", Said(await hook.NextAsync()));
        var posted = Said(Assert.Single(app.Delivered, d => d.Method == "chat.postMessage").Body);
        Assert.Contains($"<@{Admin}> asks to pause ad group Broad 18-44 of campaign campaign-42 Autumn Sale.", posted);
        Assert.Contains($"ad group id {AdGroup42} · campaign campaign-42 Autumn Sale, id 1800000000000042", posted);
        Assert.Contains(Uri.EscapeDataString(ButtonIds.Approve), posted);
        Assert.Empty(app.TikTok.Writes.Writes);

        await PressAsync(app, client, Admin, ButtonIds.Approve, actionId, hook.Url);
        Assert.Contains("you cannot approve it yourself", Said(await hook.NextAsync()));
        Assert.Empty(app.TikTok.Writes.Writes);

        await PressAsync(app, client, "U-MEMBER", ButtonIds.Approve, actionId, hook.Url);
        Assert.Contains("Only workspace admins can pause, resume or change budgets here.", Said(await hook.NextAsync()));
        Assert.Empty(app.TikTok.Writes.Writes);

        await PressAsync(app, client, OtherAdmin, ButtonIds.Approve, actionId, hook.Url);
        var approved = Said(await hook.NextAsync());
        Assert.Contains("Ad group Broad 18-44 paused; it was spending $90.00 a day.", approved);
        Assert.Contains("\"response_type\":\"in_channel\"", approved);
        await PressAsync(app, client, OtherAdmin, ButtonIds.Approve, actionId, hook.Url);
        Assert.Contains("Already done", Said(await hook.NextAsync()));

        Assert.Single(app.TikTok.Writes.Writes);
        var stored = (await StoreOf(app).Actions.FindAsync(actionId[3..], CancellationToken.None))!;
        Assert.Equal((ActionRequestState.Done, OtherAdmin, Admin), (stored.State, stored.DecidedBy, stored.Details.RequestedBy));
    }

    [Fact]
    public async Task A_fixs_Pause_campaign_button_starts_the_same_proposal_as_the_command()
    {
        using var app = new ActingAppFactory();
        using var client = app.CreateKestrelClient();
        await using var hook = await ResponseUrlHook.StartAsync();
        var value = ButtonCodec.Encode(new ProposalRequest("1800000000000042", TikTokBot.Domain.Actions.ActionIntent.Pause(TikTokBot.Domain.Actions.ActionLevel.Campaign, "1800000000000042")));
        Assert.Equal("p1|1800000000000042|pause|campaign|1800000000000042|", value);

        await PressAsync(app, client, Admin, ButtonIds.Propose, value, hook.Url);
        var proposal = Said(await hook.NextAsync());

        Assert.Contains("This will pause Campaign ", proposal);
        Assert.Matches(@"a1\|act-[0-9a-f]{16}", ButtonValue(proposal, ButtonIds.Confirm));
        Assert.Empty(app.TikTok.Writes.Writes);
    }

    [Fact]
    public async Task A_member_without_the_role_is_refused_before_anything_is_proposed()
    {
        using var app = new ActingAppFactory();
        using var client = app.CreateKestrelClient();
        await using var hook = await ResponseUrlHook.StartAsync();

        var refused = Said(await CommandAsync(app, client, "U-MEMBER", $"pause adgroup {AdGroup42}", hook.Url));

        Assert.Contains("Only workspace admins can pause, resume or change budgets here.", refused);
        Assert.DoesNotContain(ButtonIds.Confirm, refused);
        Assert.Contains(app.Calls, c => c.Method == "users.info" && c.Body.Contains("U-MEMBER", StringComparison.Ordinal));
        Assert.Empty(app.TikTok.Writes.Writes);
    }

    [Fact]
    public async Task A_button_value_naming_another_workspaces_action_writes_nothing()
    {
        using var app = new ActingAppFactory();
        using var client = app.CreateKestrelClient();
        await using var hook = await ResponseUrlHook.StartAsync();
        var actionId = ButtonValue(Said(await CommandAsync(app, client, Admin, $"pause adgroup {AdGroup42}", hook.Url)), ButtonIds.Confirm);

        await PressAsync(app, client, Admin, ButtonIds.Confirm, actionId, hook.Url, team: "T-OTHER");
        Assert.Contains("I cannot find that action in this workspace", Said(await hook.NextAsync()));
        await PressAsync(app, client, OtherAdmin, ButtonIds.Approve, actionId, hook.Url, team: "T-OTHER");
        Assert.Contains("I cannot find that action in this workspace", Said(await hook.NextAsync()));
        // A proposal button naming a campaign this workspace does not read is refused before any TikTok call.
        await PressAsync(app, client, Admin, ButtonIds.Propose, "p1|9999|pause|adgroup|9999-g1|", hook.Url);
        Assert.Contains("not among this workspace's campaigns", Said(await hook.NextAsync()));

        Assert.Empty(app.TikTok.Writes.Writes);
        Assert.Equal(ActionRequestState.Requested, (await StoreOf(app).Actions.FindAsync(actionId[3..], CancellationToken.None))!.State);
    }

    [Fact]
    public async Task Undo_within_the_window_resumes_and_after_it_is_refused()
    {
        using var app = new ActingAppFactory();
        using var client = app.CreateKestrelClient();
        await using var hook = await ResponseUrlHook.StartAsync();

        var first = ButtonValue(Said(await CommandAsync(app, client, Admin, $"pause adgroup {AdGroup42}", hook.Url)), ButtonIds.Confirm);
        await PressAsync(app, client, Admin, ButtonIds.Confirm, first, hook.Url);
        await PressAsync(app, client, Admin, ButtonIds.Undo, ButtonValue(Said(await hook.NextAsync()), ButtonIds.Undo), hook.Url);
        Assert.Contains("Undone: Ad group Broad 18-44 resumed", Said(await hook.NextAsync()));
        Assert.True(app.TikTok.Writes.Get(AdGroup42).Enabled);

        var second = ButtonValue(Said(await CommandAsync(app, client, Admin, $"pause adgroup {AdGroup42}", hook.Url)), ButtonIds.Confirm);
        await PressAsync(app, client, Admin, ButtonIds.Confirm, second, hook.Url);
        await hook.NextAsync();
        app.Clock.Advance(TimeSpan.FromMinutes(61));
        await PressAsync(app, client, Admin, ButtonIds.Undo, second, hook.Url);

        Assert.Contains("Undo works for 60 minutes after an action (Actions:UndoWindow)", Said(await hook.NextAsync()));
        Assert.False(app.TikTok.Writes.Get(AdGroup42).Enabled);
        Assert.Equal(3, app.TikTok.Writes.Writes.Count);
    }

    [Fact]
    public async Task On_demo_data_the_confirmation_the_result_and_the_undo_each_say_they_were_simulated()
    {
        using var app = new ActingAppFactory(demo: true);
        using var client = app.CreateKestrelClient();
        await using var hook = await ResponseUrlHook.StartAsync();

        var proposal = Said(await CommandAsync(app, client, Admin, "pause campaign campaign-42", hook.Url));
        Assert.StartsWith("This will pause Campaign campaign-42 Autumn Sale (running -> paused).", proposal);
        Assert.Contains($"({Simulated})\n", proposal);
        Assert.Contains("campaign id 1800000000000042", proposal);
        await PressAsync(app, client, Admin, ButtonIds.Confirm, ButtonValue(proposal, ButtonIds.Confirm), hook.Url);
        var done = Said(await hook.NextAsync());
        Assert.StartsWith($"Campaign campaign-42 Autumn Sale paused; it was spending $180.00 a day. ({Simulated})\n", done);
        Assert.Contains($":test_tube: {Simulated}", done);

        var summary = Said(await CommandAsync(app, client, Admin, "campaign-42", hook.Url));
        Assert.Contains("paused since 20 Nov 2026", summary);

        await PressAsync(app, client, Admin, ButtonIds.Undo, ButtonValue(done, ButtonIds.Undo), hook.Url);
        var undone = Said(await hook.NextAsync());
        Assert.StartsWith($"Undone: Campaign campaign-42 Autumn Sale resumed; it can spend up to $180.00 a day. ({Simulated})\n", undone);
        Assert.Empty(app.TikTok.Writes.Writes);
    }

    [Fact]
    public async Task On_demo_data_the_approval_request_names_the_ad_group_and_it_and_the_approval_say_they_were_simulated()
    {
        using var app = new ActingAppFactory(requireApproval: true, demo: true);
        using var client = app.CreateKestrelClient();
        await using var hook = await ResponseUrlHook.StartAsync();

        var actionId = ButtonValue(Said(await CommandAsync(app, client, Admin, $"budget adgroup {AdGroup42} -10%", hook.Url)), ButtonIds.Confirm);
        await PressAsync(app, client, Admin, ButtonIds.Confirm, actionId, hook.Url);
        Assert.Contains(Simulated, Said(await hook.NextAsync()));
        var posted = Said(Assert.Single(app.Delivered, d => d.Method == "chat.postMessage").Body);
        Assert.Matches(
            $@"^<@{Admin}> asks to change the budget of ad group Broad 18-44 of campaign campaign-42 Autumn Sale from \$(\d+)\.00 to \$[\d.]+\. Waiting for approval: .* \({Regex.Escape(Simulated)}\)\n",
            posted);
        Assert.Contains($"ad group id {AdGroup42} · campaign campaign-42 Autumn Sale, id 1800000000000042", posted);
        Assert.Contains($":test_tube: {Simulated}", posted);

        await PressAsync(app, client, OtherAdmin, ButtonIds.Approve, actionId, hook.Url);
        var approved = Said(await hook.NextAsync());
        Assert.Matches($@"^Ad group Broad 18-44: budget \$\d+\.00 -> \$[\d.]+ a day, from 00:00 tomorrow account time\. \({Regex.Escape(Simulated)}\)\n", approved);
        Assert.Empty(app.TikTok.Writes.Writes);
    }

    [Fact]
    public async Task A_workspace_that_connected_its_TikTok_account_acts_on_it_through_TikTok_with_its_own_token_even_on_a_demo_deployment()
    {
        using var app = new ActingAppFactory(demo: true);
        using var client = app.CreateKestrelClient();
        await using var hook = await ResponseUrlHook.StartAsync();
        await StoreOf(app).TikTokConnections.ConnectAsync(
            [new TikTokAdvertiserDetails(DemoDataSet.AdvertiserId, "Shop", "USD", "UTC")], FakeTikTokApi.Token, Admin, CancellationToken.None);

        var proposal = Said(await CommandAsync(app, client, Admin, $"pause adgroup {AdGroup42}", hook.Url));
        Assert.StartsWith("This will pause Ad group Broad 18-44 (running -> paused).", proposal);
        Assert.DoesNotContain(Simulated, proposal);
        await PressAsync(app, client, Admin, ButtonIds.Confirm, ButtonValue(proposal, ButtonIds.Confirm), hook.Url);

        Assert.StartsWith("Ad group Broad 18-44 paused; it was spending $90.00 a day.\n", Said(await hook.NextAsync()));
        Assert.Equal("adgroup/status/update/", Assert.Single(app.TikTok.Writes.Applied).Path);
        Assert.False(app.TikTok.Writes.Get(AdGroup42).Enabled);
    }
}
