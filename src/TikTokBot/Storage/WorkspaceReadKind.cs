namespace TikTokBot.Storage;

/// <summary>What a <see cref="WorkspaceReadKey"/> reads.</summary>
internal enum WorkspaceReadKind
{
    /// <summary>Every campaign's success criteria and the team's credit windows.</summary>
    CampaignSettings,

    /// <summary>The team's campaign aliases.</summary>
    Aliases,

    /// <summary>The team's TikTok connections (advertisers, tokens, their state).</summary>
    TikTokConnections,
}
