namespace TikTokBot.Storage;

/// <summary>The workspace's installation; <see cref="BotToken"/> is decrypted, it is stored only encrypted.</summary>
internal sealed record Installation(string? EnterpriseId, string BotToken, string? BotUserId, string InstalledBy, DateTimeOffset InstalledAt)
{
    /// <summary>Keeps the token out of ToString so a logged value cannot leak it.</summary>
    private bool PrintMembers(System.Text.StringBuilder builder)
    {
        builder.Append("EnterpriseId = ").Append(EnterpriseId).Append(", BotUserId = ").Append(BotUserId)
            .Append(", InstalledBy = ").Append(InstalledBy).Append(", InstalledAt = ").Append(InstalledAt);
        return true;
    }
}
