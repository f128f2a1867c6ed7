using TikTokBot.TikTok.Naming;
using TikTokBot.TikTok.Sources;

namespace TikTokBot.TikTok.Tests;

public sealed class CampaignResolverTests
{
    private static readonly CampaignInfo[] Campaigns =
    [
        Campaign("1001", "campaign-42 Autumn Sale"),
        Campaign("1002", "campaign-43 App Install Push"),
        Campaign("1003", "Spring Sale"),
        Campaign("1004", "Spring Sale Retargeting"),
        Campaign("1005", "Brand Awareness Q4"),
    ];

    private static CampaignInfo Campaign(string id, string name) =>
        new(id, name, "7000", "WEB_CONVERSIONS", Domain.Objectives.Objective.WebsiteConversions, "ENABLE", null, new DateOnly(2026, 10, 1));

    [Theory]
    [InlineData("1003", "1003")]
    [InlineData("campaign-42", "1001")]
    [InlineData("CAMPAIGN-43", "1002")]
    [InlineData("spring sale", "1003")]
    [InlineData("retargeting", "1004")]
    [InlineData("  Brand  ", "1005")]
    [InlineData("q4", "1005")]
    public void A_campaign_is_found_by_id_exact_name_unique_prefix_or_unique_substring(string typed, string expectedId)
    {
        var result = CampaignResolver.Resolve(typed, Campaigns);

        Assert.Equal(ResolutionKind.Found, result.Kind);
        Assert.Equal(expectedId, result.Campaign!.Id);
    }

    [Fact]
    public void An_alias_set_by_the_team_wins_over_names()
    {
        var aliases = new Dictionary<string, string> { ["black-friday"] = "1002" };

        Assert.Equal("1002", CampaignResolver.Resolve("Black-Friday", Campaigns, aliases).Campaign!.Id);
    }

    [Fact]
    public void An_ambiguous_name_offers_the_candidates()
    {
        var result = CampaignResolver.Resolve("campaign-4", Campaigns);

        Assert.Equal(ResolutionKind.Ambiguous, result.Kind);
        Assert.Equal(["1001", "1002"], result.Candidates.Select(c => c.Id));
    }

    [Fact]
    public void An_unknown_name_offers_the_closest_names_first()
    {
        var result = CampaignResolver.Resolve("campain-42", Campaigns);

        Assert.Equal(ResolutionKind.NotFound, result.Kind);
        Assert.Equal("1001", result.Candidates[0].Id);
        Assert.Equal(CampaignResolver.MaxSuggestions, result.Candidates.Count);
    }

    [Fact]
    public void Nothing_typed_is_not_found_with_no_guess()
    {
        var result = CampaignResolver.Resolve("   ", Campaigns);

        Assert.Equal(ResolutionKind.NotFound, result.Kind);
        Assert.Empty(result.Candidates);
    }
}
