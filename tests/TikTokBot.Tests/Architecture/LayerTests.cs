using NetArchTest.Rules;

namespace TikTokBot.Tests.Architecture;

/// <summary>
/// The host's folders in the layers of DESIGN.md ("Third wave: the house in one step"): a folder may use the folders of
/// lower layers only. The upward references the second wave left are listed by name; the house (issue 29) removes them,
/// and this test then asks for each to leave the list, so the list can only shrink and no new one can join it.
/// </summary>
public sealed class LayerTests
{
    private static readonly Dictionary<string, int> Layers = new(StringComparer.Ordinal)
    {
        // The libraries' adapters and the records everything reads.
        ["Storage"] = 0,
        ["Permissions"] = 0,
        ["Installations"] = 1,

        // Reports, Settings, Accounts: Reports reads a workspace's settings and which source it reads, never the other way.
        ["Accounts"] = 2,
        ["Settings"] = 3,
        ["Reports"] = 4,

        // The capabilities: each uses the layers below, never another capability.
        ["Home"] = 5,
        ["Digests"] = 5,
        ["Alerts"] = 5,
        ["Actions"] = 5,
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

    /// <summary>Upward or sideways references measured on 2026-12-07; each is the house's work (issue 29).</summary>
    private static readonly string[] KnownUpward =
    [
        "Accounts -> Commands", "Accounts -> Configuration",
        "Actions -> Commands",
        "Alerts -> Actions", "Alerts -> Commands",
        "Commands -> Hosting",
        "Digests -> Commands", "Digests -> Hosting", "Digests -> Web",
        "Health -> Hosting",
        "Reports -> Actions", "Reports -> Commands", "Reports -> Interactions",
        "Settings -> Commands", "Settings -> Interactions", "Settings -> Reports",
        "Web -> Hosting",
    ];

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
    public void References_point_down_the_layers_except_the_known_ones_the_house_removes()
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

        var added = upward.Except(KnownUpward).Order(StringComparer.Ordinal).ToList();
        var gone = KnownUpward.Except(upward).Order(StringComparer.Ordinal).ToList();
        Assert.True(added.Count == 0, "New references up or across the layers (use a lower layer's service instead): " + string.Join(", ", added));
        Assert.True(gone.Count == 0, "No longer referenced, so remove from KnownUpward: " + string.Join(", ", gone));
    }
}
