using NetArchTest.Rules;

namespace TikTokBot.Tests.Architecture;

/// <summary>
/// The host's folders in the layers of DESIGN.md ("Third wave: the house in one step"): a folder may use the folders of
/// lower layers only, so the dependencies have no cycle. A capability that needs something from one above it owns an
/// interface the upper one implements (Reports' <c>IFindingButtons</c>, implemented by Actions).
/// </summary>
public sealed class LayerTests
{
    private static readonly Dictionary<string, int> Layers = new(StringComparer.Ordinal)
    {
        // The libraries' adapters and the records everything reads.
        ["Storage"] = 0,
        ["Permissions"] = 0,

        // What people ask: the parsed command, every button's id and value, and the one codec that writes and reads them.
        ["Requests"] = 0,

        // What the deployment is (storage, source, Slack mode, public URL), and the app's instruments.
        ["Deployment"] = 1,
        ["Telemetry"] = 1,
        ["Installations"] = 1,

        // Hangfire, once for the app: the store, the workers, the schedulers and the recurring-job manager every capability's
        // schedules use, all on the app's clock.
        ["Jobs"] = 1,

        // Reports, Settings, Accounts: Reports reads a workspace's settings and which source it reads, never the other way.
        ["Accounts"] = 2,
        ["Settings"] = 3,
        ["Reports"] = 4,

        // The capabilities: each uses the layers below, never another capability.
        ["Home"] = 5,
        ["Digests"] = 5,
        ["Alerts"] = 5,
        ["Actions"] = 5,
        ["Checkins"] = 5,
        ["Ask"] = 5,

        // The one entry for Slack input, and the pages and terminal that use it.
        ["Interactions"] = 6,
        ["Commands"] = 6,
        ["Web"] = 7,
        ["Health"] = 7,

        // The composition root.
        ["Hosting"] = 8,
        ["Configuration"] = 9,
    };

    private static readonly System.Reflection.Assembly Host = typeof(TikTokBot.Storage.DataFolder).Assembly;

    [Fact]
    public void Every_folder_of_the_host_has_a_layer()
    {
        var folders = Host.GetTypes().Select(t => t.Namespace).OfType<string>()
            .Where(n => n.StartsWith("TikTokBot.", StringComparison.Ordinal))
            .Select(n => n.Split('.')[1]).Distinct().Order(StringComparer.Ordinal);

        var unplaced = folders.Where(f => !Layers.ContainsKey(f)).ToList();
        Assert.True(unplaced.Count == 0, "Give each folder its layer in DESIGN.md's picture: " + string.Join(", ", unplaced));
    }

    [Fact]
    public void References_point_down_the_layers_only()
    {
        var upward = new List<string>();
        foreach (var (from, fromLayer) in Layers)
        {
            foreach (var (to, toLayer) in Layers.Where(l => l.Key != from && l.Value >= fromLayer))
            {
                var result = Types.InAssembly(Host).That().ResideInNamespaceStartingWith($"TikTokBot.{from}.").Or().ResideInNamespace($"TikTokBot.{from}")
                    .ShouldNot().HaveDependencyOn($"TikTokBot.{to}").GetResult();
                if (!result.IsSuccessful)
                {
                    upward.Add($"{from} -> {to}");
                }
            }
        }

        Assert.True(upward.Count == 0, "References up or across the layers (use a lower layer's service, or an interface the lower layer owns): " +
            string.Join(", ", upward.Order(StringComparer.Ordinal)));
    }
}
