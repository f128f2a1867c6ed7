using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using TikTokBot.Alerts;
using TikTokBot.Tests.Digests;

namespace TikTokBot.Tests.Alerts;

/// <summary>
/// What the alert tests on the whole app share: a scripted Slack for the class, demo apps started on a fake clock and
/// disposed with it, and a scan awaited to its end (so what Slack holds afterwards is all the scan posted).
/// </summary>
public abstract class DemoAlertAppTests : IAsyncLifetime
{
    protected const string Team = DigestAppFactory.Team;
    protected const string Channel = "C0ALERTS";
    protected const string Campaign42 = "1800000000000042";
    protected static readonly DateTimeOffset Noon = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

    private readonly List<DigestAppFactory> _apps = [];

    private protected ScriptedSlack _slack = null!;

    public async Task InitializeAsync() => _slack = await ScriptedSlack.StartAsync();

    public async Task DisposeAsync()
    {
        foreach (var app in _apps)
        {
            await app.DisposeAsync();
        }

        await _slack.DisposeAsync();
    }

    private protected async Task<(DigestAppFactory App, FakeTimeProvider Clock)> StartAsync(FakeTimeProvider clock, params (string Key, string Value)[] settings)
    {
        var app = new DigestAppFactory(_slack, clock, settings.ToDictionary(s => s.Key, s => s.Value));
        _apps.Add(app);
        await app.StartAsync();
        return (app, clock);
    }

    /// <summary>Stops an app before the class ends: a restart on the same store.</summary>
    private protected async Task StopAsync(DigestAppFactory app)
    {
        _apps.Remove(app);
        await app.DisposeAsync();
    }

    private protected static async Task<AlertScanResult> ScanAsync(DigestAppFactory app)
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<AlertScanner>().ScanAsync(Team, evenUnsubscribed: false, default);
    }
}
