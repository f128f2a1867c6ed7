namespace TikTokBot.Storage;

/// <summary>One workspace's repositories; the team id is fixed when it is obtained and never taken again.</summary>
internal interface IWorkspaceStore
{
    string TeamId { get; }

    IInstallationRepository Installation { get; }

    ICampaignAliasRepository Aliases { get; }

    ISuccessCriteriaRepository SuccessCriteria { get; }

    ICreditWindowRepository CreditWindows { get; }

    IChannelSubscriptionRepository Subscriptions { get; }

    IDigestDeliveryRepository Deliveries { get; }

    ISettingsAuditRepository Audit { get; }

    ITikTokConnectionRepository TikTokConnections { get; }

    IConnectStateRepository ConnectStates { get; }

    IChannelAdvertiserRepository ChannelAdvertisers { get; }
    IActionRequestRepository Actions { get; }

    IAlertSubscriptionRepository AlertSubscriptions { get; }

    ISentAlertRepository SentAlerts { get; }

    IFixRepository Fixes { get; }

    IRecapRepository Recaps { get; }
}
