using System.Collections.Concurrent;
using TikTokBot.Domain.Objectives;
using TikTokBot.Storage;
using TikTokBot.TikTok.Demo;

namespace TikTokBot.Settings;

/// <summary>
/// On the demo data, a workspace starts with the demo campaigns' success criteria and credit windows, as a team would
/// have entered them, so every example in the README shows on a fresh machine what it promises (the digest's credit
/// section included). Seeded once, at the workspace's first use: a workspace whose audit trail already holds a change
/// (seeded or its own) is left as it is, so removing a seeded setting keeps it removed.
/// </summary>
internal sealed class DemoSettings(DemoMetricSource? demo = null)
{
    public const string SeededBy = "demo data";

    private readonly ConcurrentDictionary<string, Lazy<Task>> _seeded = new(StringComparer.Ordinal);

    public Task EnsureSeededAsync(IWorkspaceStore store, CancellationToken ct)
    {
        if (demo is null)
        {
            return Task.CompletedTask;
        }

        var seeding = _seeded.GetOrAdd(store.TeamId, _ => new Lazy<Task>(() => SeedAsync(store, demo.DataSet)));
        var task = seeding.Value;
        // A failed seeding (the database was down) is tried again on the next request.
        if (task.IsFaulted || task.IsCanceled)
        {
            _seeded.TryRemove(new KeyValuePair<string, Lazy<Task>>(store.TeamId, seeding));
        }

        return task.WaitAsync(ct);
    }

    private static async Task SeedAsync(IWorkspaceStore store, DemoDataSet data)
    {
        if ((await store.Audit.ListAsync(1, CancellationToken.None)).Count > 0)
        {
            return;
        }

        foreach (var campaign in data.Campaigns)
        {
            if (campaign.Criteria is { } criteria)
            {
                var objective = ObjectiveCatalogue.Profile(campaign.Info.Objective ?? Objective.Awareness).Objective.ToString();
                await store.SuccessCriteria.SetAsync(
                    new SuccessCriteriaDetails(campaign.Info.Id, objective, criteria.TargetCostPerOutcome, criteria.MinimumVolume), SeededBy, CancellationToken.None);
            }

            if (campaign.Credit is { } credit)
            {
                await store.CreditWindows.AddAsync(
                    new CreditWindowDetails(CreditScope.Campaign, campaign.Info.Id, credit.Amount, credit.Start, credit.Expiry), SeededBy, CancellationToken.None);
            }
        }
    }
}
