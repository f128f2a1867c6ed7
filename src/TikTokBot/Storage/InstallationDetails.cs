namespace TikTokBot.Storage;

/// <summary>What the OAuth install hands over for one workspace.</summary>
internal sealed record InstallationDetails(string? EnterpriseId, string BotToken, string? BotUserId, string InstalledBy)
{
    /// <summary>Keeps the token out of ToString so a logged value cannot leak it.</summary>
    private bool PrintMembers(System.Text.StringBuilder builder)
    {
        builder.Append("EnterpriseId = ").Append(EnterpriseId).Append(", BotUserId = ").Append(BotUserId).Append(", InstalledBy = ").Append(InstalledBy);
        return true;
    }
}
