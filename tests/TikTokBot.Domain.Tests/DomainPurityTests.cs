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
}
