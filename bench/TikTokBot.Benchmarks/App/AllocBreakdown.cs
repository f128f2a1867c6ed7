using Microsoft.Extensions.DependencyInjection;
using TikTokBot.Accounts;
using TikTokBot.Commands;
using TikTokBot.Reports;
using TikTokBot.Requests;
using TikTokBot.Settings;
using static TikTokBot.Reports.AccountHistory;

namespace TikTokBot.Benchmarks.App;

/// <summary>
/// <c>dotnet TikTokBot.Benchmarks.dll alloc-breakdown</c>: the bytes each step of a cached <c>/ttmetrics campaign-42</c>
/// allocates (the app of <see cref="SlashCommandPathBenchmarks"/>, every step warm and answered from memory, 2,000 times
/// each): the whole request through the test server (both sides), the handler's reply, and the reads the reply makes.
/// Exact and repeatable on a busy machine, unlike times: what a change to the path saves shows here first.
/// </summary>
public static class AllocBreakdown
{
    private const int Times = 2_000;

    public static async Task<int> RunAsync()
    {
        var bench = new SlashCommandPathBenchmarks();
        bench.Setup();
        try
        {
            await using var scope = bench.Services.CreateAsyncScope();
            var services = scope.ServiceProvider;
            var reports = services.GetRequiredService<ReportService>();
            var settings = services.GetRequiredService<SettingsService>();
            var sources = services.GetRequiredService<IWorkspaceSources>();
            var campaigns = services.GetRequiredService<WorkspaceCampaigns>();
            var histories = services.GetRequiredService<AccountHistories>();
            var handler = services.GetRequiredService<MetricsCommandHandler>();
            var ct = CancellationToken.None;
            const string team = "T-BENCH";
            var campaign = (await reports.FindAsync(team, "campaign-42", ct)).Campaign!;
            var source = await sources.SourceForAsync(team, ct);
            var period = ((MetricsCommand.Summary)CommandParser.Parse("campaign-42")).Period;
            var steps = new (string Name, Func<Task> Step)[]
            {
                ("the signed request through the test server (client and server)", () => bench.CachedSummaryThroughTheApp()),
                ("the handler's reply (a scope, the parse, the reply)", () => bench.HandlerReplyOnly()),
                ("CommandParser.Parse", () => { CommandParser.Parse("campaign-42"); return Task.CompletedTask; }),
                ("IWorkspaceSources.SourceForAsync", () => sources.SourceForAsync(team, ct)),
                ("SettingsService.CampaignSettingsAsync", () => settings.CampaignSettingsAsync(team, ct)),
                ("SettingsService.AliasesAsync", () => settings.AliasesAsync(team, ct)),
                ("WorkspaceCampaigns.ListAsync", () => campaigns.ListAsync(team, ct)),
                ("ReportService.FindAsync (list, aliases, resolve)", () => reports.FindAsync(team, "campaign-42", ct)),
                ("AccountHistory.BenchmarkAsync", () => histories.For(source).BenchmarkAsync(campaign, TimeSpan.FromSeconds(5), TimeProvider.System, ct)),
                ("ReportService.OverviewAsync (settings, source, benchmark, key)", () => reports.OverviewAsync(team, campaign, period, ct)),
            };
            foreach (var (name, step) in steps)
            {
                for (var i = 0; i < Times; i++)
                {
                    await step();
                }

                var before = GC.GetTotalAllocatedBytes(precise: true);
                for (var i = 0; i < Times; i++)
                {
                    await step();
                }

                Console.WriteLine($"{(GC.GetTotalAllocatedBytes(precise: true) - before) / Times,8:N0} B  {name}");
            }

            return 0;
        }
        finally
        {
            bench.Cleanup();
        }
    }
}
