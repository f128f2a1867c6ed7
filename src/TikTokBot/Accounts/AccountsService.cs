using Microsoft.Extensions.Options;
using TikTokBot.Permissions;
using TikTokBot.Slack.BlockKit;
using TikTokBot.Slack.WebApi;
using TikTokBot.Storage;
using TikTokBot.TikTok.Accounts;
using TikTokBot.Deployment;

namespace TikTokBot.Accounts;

/// <summary>
/// A workspace's TikTok advertiser accounts: connecting them through TikTok's advertiser OAuth (a signed, expiring,
/// single-use link bound to the workspace and the person, stored so any instance can finish it), listing and
/// disconnecting them, a channel's default advertiser, and a token TikTok refused.
/// </summary>
internal sealed partial class AccountsService(
    IWorkspaceStorage storage,
    TikTokAccountsClient tiktok,
    ConnectStateSigner signer,
    IPermissionPolicy permission,
    ISlackWebApiFactory slack,
    IOptionsMonitor<TikTokAppOptions> tikTokOptions,
    IOptionsMonitor<AppOptions> appOptions,
    TimeProvider time,
    ILogger<AccountsService> logger,
    IEnumerable<IAdvertiserConnectedListener> connectedListeners)
{
    public const string CallbackPath = "/tiktok/oauth/callback";
    public const string ConnectCommand = "/ttmetrics connect";

    private const string StartAgain = "Nothing was connected. Start again from Slack with `" + ConnectCommand + "`.";

    /// <summary>A link to TikTok's authorisation page for this person, or why they cannot have one.</summary>
    public async Task<ConnectStart> BeginConnectAsync(string teamId, string? enterpriseId, string userId, CancellationToken ct)
    {
        if (RedirectUri() is not { } redirect || !tikTokOptions.CurrentValue.CanConnect)
        {
            return new ConnectStart.Refused(NotConfiguredMessage);
        }

        var allowed = await permission.CheckAsync(Permission.ChangeSettings, enterpriseId, teamId, userId, ct);
        if (!allowed.Allowed)
        {
            return new ConnectStart.Refused("Connecting or disconnecting TikTok accounts is a settings change. " + allowed.Refusal);
        }

        var stateId = ConnectStateSigner.NewStateId();
        var expires = time.GetUtcNow() + tikTokOptions.CurrentValue.ConnectStateLifetime;
        await storage.ForTeam(teamId).ConnectStates.CreateAsync(stateId, enterpriseId, userId, expires, ct);
        LogConnectStarted(logger, teamId, userId, expires);
        return new ConnectStart.Link(tiktok.AuthorizationUrl(signer.Sign(teamId, stateId), redirect), expires);
    }

    /// <summary>
    /// Finishes a connect link with the auth code TikTok sent: exchanges it, reads every authorised advertiser's name,
    /// currency and time zone, stores them with the encrypted token, and tells the person in Slack. Any failure stores nothing.
    /// </summary>
    public async Task<ConnectOutcome> CompleteConnectAsync(string? state, string? authCode, CancellationToken ct)
    {
        if (!tikTokOptions.CurrentValue.CanConnect)
        {
            return new ConnectOutcome.Failed(ConnectFailure.NotConfigured, NotConfiguredMessage);
        }

        if (!signer.TryRead(state, out var teamId, out var stateId))
        {
            LogBadState(logger, ConnectFailure.ForgedState, null);
            return Failed(ConnectFailure.ForgedState, "This connect link was not issued by TikTokBot, or it was altered.");
        }

        var store = storage.ForTeam(teamId);
        var claim = await store.ConnectStates.ClaimAsync(stateId, ct);
        if (claim.Outcome != ConnectStateOutcome.Claimed)
        {
            var reason = claim.Outcome switch
            {
                ConnectStateOutcome.Expired => ConnectFailure.ExpiredState,
                ConnectStateOutcome.AlreadyUsed => ConnectFailure.UsedState,
                _ => ConnectFailure.ForgedState,
            };
            LogBadState(logger, reason, teamId);
            return Failed(reason, reason switch
            {
                ConnectFailure.ExpiredState => $"This connect link has expired: links work for {Minutes(tikTokOptions.CurrentValue.ConnectStateLifetime)} after they are asked for.",
                ConnectFailure.UsedState => "This connect link was already used: each link works once.",
                _ => "This connect link is not one TikTokBot issued for your workspace.",
            });
        }

        var person = claim.State!;
        if (string.IsNullOrWhiteSpace(authCode))
        {
            return Failed(ConnectFailure.NotAuthorised, "TikTok came back without an authorisation: the request was cancelled or declined on TikTok's page.");
        }

        AdvertiserGrant grant;
        var readable = new List<TikTokAdvertiserDetails>();
        var withoutPermission = new List<string>();
        try
        {
            grant = await tiktok.ExchangeAuthCodeAsync(authCode, ct);
            var listed = await tiktok.ListAdvertisersAsync(grant.AccessToken, ct);
            var names = listed.ToDictionary(a => a.AdvertiserId, a => a.Name, StringComparer.Ordinal);
            foreach (var advertiserId in listed.Select(a => a.AdvertiserId).Union(grant.AdvertiserIds, StringComparer.Ordinal))
            {
                try
                {
                    var info = await tiktok.GetAdvertiserInfoAsync(grant.AccessToken, advertiserId, ct);
                    readable.Add(new TikTokAdvertiserDetails(info.AdvertiserId, info.Name, info.Currency, info.TimeZone));
                }
                catch (TikTokOAuthException e) when (e.Failure == OAuthFailure.NoPermission)
                {
                    withoutPermission.Add(names.TryGetValue(advertiserId, out var name) && name.Length > 0 ? $"{name} ({advertiserId})" : advertiserId);
                }
            }
        }
        catch (TikTokOAuthException e)
        {
            return Failed(ConnectFailure.TikTokError, e.Message);
        }

        if (readable.Count == 0)
        {
            await RevokeQuietlyAsync(grant.AccessToken, ct);
            return Failed(ConnectFailure.NoReadableAdvertiser, withoutPermission.Count == 0
                ? "TikTok authorised no advertiser account. On TikTok's page, tick at least one advertiser."
                : $"TikTokBot may not read reports of {string.Join(", ", withoutPermission)}. Ask an admin of the advertiser account for reporting access, or authorise another account.");
        }

        var connected = await store.TikTokConnections.ConnectAsync(readable, grant.AccessToken, person.UserId, ct);
        var accounts = connected.Select(AdvertiserAccount.From).ToList();
        LogConnected(logger, teamId, person.UserId, accounts.Count, withoutPermission.Count);
        foreach (var listener in connectedListeners)
        {
            listener.Connected(teamId);
        }
        await ConfirmInSlackAsync(teamId, person, accounts, withoutPermission, ct);
        return new ConnectOutcome.Connected(teamId, person.UserId, accounts, withoutPermission);
    }

    /// <summary>The workspace's connected advertisers, by name.</summary>
    public async Task<IReadOnlyList<AdvertiserAccount>> ListAsync(string teamId, CancellationToken ct) =>
        (await storage.ForTeam(teamId).TikTokConnections.ListAsync(ct)).Select(AdvertiserAccount.From).ToList();

    /// <summary>Forgets the advertiser and its token (and channels defaulting to it); TikTok is asked to revoke the token once no connection uses it.</summary>
    public async Task<AccountChangeResult> DisconnectAsync(string? enterpriseId, string teamId, string userId, string advertiserId, CancellationToken ct)
    {
        var allowed = await permission.CheckAsync(Permission.ChangeSettings, enterpriseId, teamId, userId, ct);
        if (!allowed.Allowed)
        {
            return new AccountChangeResult(AccountChange.Refused, "Connecting or disconnecting TikTok accounts is a settings change. " + allowed.Refusal);
        }

        var connections = storage.ForTeam(teamId).TikTokConnections;
        var connection = await connections.FindAsync(advertiserId, ct);
        if (connection is null || !await connections.DisconnectAsync(advertiserId, userId, ct))
        {
            return new AccountChangeResult(AccountChange.NotConnected, $"No TikTok advertiser {advertiserId} is connected here. `/ttmetrics accounts` lists those that are.");
        }

        // One authorisation can cover several advertisers: its token is revoked only when the last of them goes.
        if ((await connections.ListAsync(ct)).All(c => c.AccessToken != connection.AccessToken))
        {
            await RevokeQuietlyAsync(connection.AccessToken, ct);
        }

        return new AccountChangeResult(AccountChange.Done, $"Disconnected {connection.Name} ({advertiserId}): TikTokBot no longer holds its token.");
    }

    /// <summary>Makes a connected advertiser the one a channel's commands read when they name none.</summary>
    public async Task<AccountChangeResult> SetChannelDefaultAsync(string? enterpriseId, string teamId, string userId, string channelId, string advertiserId, CancellationToken ct)
    {
        var allowed = await permission.CheckAsync(Permission.ChangeSettings, enterpriseId, teamId, userId, ct);
        if (!allowed.Allowed)
        {
            return new AccountChangeResult(AccountChange.Refused, allowed.Refusal!);
        }

        var store = storage.ForTeam(teamId);
        if (await store.TikTokConnections.FindAsync(advertiserId, ct) is not { } connection)
        {
            return new AccountChangeResult(AccountChange.NotConnected, $"No TikTok advertiser {advertiserId} is connected here. `/ttmetrics accounts` lists those that are.");
        }

        await store.ChannelAdvertisers.SetAsync(channelId, advertiserId, userId, ct);
        return new AccountChangeResult(AccountChange.Done, $"This channel now reads {connection.Name} ({advertiserId}) unless a command names another advertiser.");
    }

    /// <summary>The advertiser a channel reads by default, if one is set and still connected.</summary>
    public async Task<AdvertiserAccount?> ChannelDefaultAsync(string teamId, string channelId, CancellationToken ct)
    {
        var store = storage.ForTeam(teamId);
        return await store.ChannelAdvertisers.FindAsync(channelId, ct) is { } chosen && await store.TikTokConnections.FindAsync(chosen.AdvertiserId, ct) is { } connection
            ? AdvertiserAccount.From(connection)
            : null;
    }

    private const string NotConfiguredMessage =
        "TikTok accounts cannot be connected yet: whoever runs TikTokBot must set TikTok:AppId, TikTok:AppSecret and App:PublicUrl (see Connect TikTok in the README).";

    private Uri? RedirectUri() =>
        appOptions.CurrentValue.PublicUrl is { IsAbsoluteUri: true } publicUrl ? new Uri(publicUrl.AbsoluteUri.TrimEnd('/') + CallbackPath) : null;

    private static ConnectOutcome.Failed Failed(ConnectFailure reason, string what) => new(reason, what + " " + StartAgain);

    private static string Minutes(TimeSpan span) => span.TotalMinutes == 1 ? "1 minute" : $"{span.TotalMinutes:0} minutes";

    private async Task RevokeQuietlyAsync(string accessToken, CancellationToken ct)
    {
        try
        {
            await tiktok.RevokeAsync(accessToken, ct);
        }
        catch (TikTokOAuthException e)
        {
            // Best effort: the token is forgotten here either way; TikTok's side can be revoked from its own settings.
            LogRevokeFailed(logger, e.Failure, e.Code);
        }
    }

    private async Task ConfirmInSlackAsync(string teamId, ConnectState person, IReadOnlyList<AdvertiserAccount> accounts, IReadOnlyList<string> withoutPermission, CancellationToken ct)
    {
        var lines = accounts.Select(a => $"• *{Mrkdwn.Escape(a.Name)}* ({a.AdvertiserId}), {a.Currency.Code}, {Mrkdwn.Escape(a.TimeZone)}");
        var text = "TikTok connected:\n" + string.Join('\n', lines);
        if (withoutPermission.Count > 0)
        {
            text += $"\nNot connected, no reporting permission: {Mrkdwn.Escape(string.Join(", ", withoutPermission))}.";
        }

        try
        {
            var api = await slack.ForTeamAsync(person.EnterpriseId, teamId, ct);
            await api.PostMessageAsync(new SlackMessage { Channel = person.UserId, Text = text }, ct);
        }
        catch (Exception e) when (e is SlackApiException or SlackNotInstalledException or HttpRequestException or Polly.Timeout.TimeoutRejectedException)
        {
            // The accounts are connected whatever Slack says; the page the person sees already lists them.
            LogConfirmFailed(logger, teamId, person.UserId, e.GetType().Name, (e as SlackApiException)?.Error);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "TikTok connect link issued in team {TeamId} to {UserId}, expires {ExpiresAt}")]
    private static partial void LogConnectStarted(ILogger logger, string teamId, string userId, DateTimeOffset expiresAt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "TikTok connect callback refused: {Reason} (team {TeamId})")]
    private static partial void LogBadState(ILogger logger, ConnectFailure reason, string? teamId);

    [LoggerMessage(Level = LogLevel.Information, Message = "TikTok connected in team {TeamId} by {UserId}: {Connected} advertisers, {WithoutPermission} without reporting permission")]
    private static partial void LogConnected(ILogger logger, string teamId, string userId, int connected, int withoutPermission);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Revoking a TikTok token failed ({Failure} {Code}); forgotten here anyway")]
    private static partial void LogRevokeFailed(ILogger logger, OAuthFailure failure, int code);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not confirm the TikTok connection in Slack to {UserId} in team {TeamId} ({Failure} {SlackError})")]
    private static partial void LogConfirmFailed(ILogger logger, string teamId, string userId, string failure, string? slackError);
}
