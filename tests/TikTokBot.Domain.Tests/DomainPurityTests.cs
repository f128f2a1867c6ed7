namespace TikTokBot.Domain.Tests;

public sealed class DomainPurityTests
{
    [Fact]
    public void The_domain_references_nothing_of_ours_and_no_web_storage_or_io_library()
    {
        string[] forbidden = ["TikTokBot.", "Microsoft.", "System.Net", "System.Data", "System.IO", "Dapper", "Npgsql"];

        var references = typeof(CampaignEngine).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToArray();

        Assert.Contains("System.Runtime", references);
        Assert.All(references, name => Assert.DoesNotContain(forbidden, prefix => name.StartsWith(prefix, StringComparison.Ordinal)));
    }

    [Fact]
    public void The_domain_never_reads_the_clock_does_io_or_draws_unseeded_randomness()
    {
        Assert.Empty(BannedApiScanner.Scan(typeof(CampaignEngine).Assembly.Location));
    }

    [Fact]
    public void The_scanner_finds_each_kind_of_banned_use_compiled_into_this_assembly()
    {
        var found = BannedApiScanner.Scan(typeof(ImpureSample).Assembly.Location);

        Assert.Contains("System.DateTime.get_UtcNow", found);
        Assert.Contains("System.DateTimeOffset.get_Now", found);
        Assert.Contains("System.TimeProvider.get_System", found);
        Assert.Contains("System.IO.File.ReadAllText", found);
        Assert.Contains("System.IO.Directory.Exists", found);
        Assert.Contains("System.Console.WriteLine", found);
        Assert.Contains("System.Environment.GetEnvironmentVariable", found);
        Assert.Contains("System.Net.Http.HttpClient", found);
        Assert.Contains("System.Threading.Tasks.Task.Delay", found);
        Assert.Contains("System.Random.get_Shared", found);
        Assert.Contains("System.Random..ctor", found);
    }

    /// <summary>Never called: compiled here only so the scanner has real uses of each banned API to find.</summary>
    private static class ImpureSample
    {
        public static async Task<object> Everything(HttpClient http)
        {
            Console.WriteLine(DateTime.UtcNow);
            await Task.Delay(1);
            return (DateTimeOffset.Now, TimeProvider.System, File.ReadAllText("x"), Directory.Exists("y"),
                Environment.GetEnvironmentVariable("Z"), Random.Shared.Next(), new Random().Next(), http);
        }
    }
}
