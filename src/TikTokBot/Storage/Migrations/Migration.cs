namespace TikTokBot.Storage.Migrations;

/// <summary>One numbered script of a provider's ordered set.</summary>
internal sealed record Migration(int Version, string Name, string Sql);
