using System.Globalization;
using TikTokBot.Permissions;
using TikTokBot.Slack.BlockKit;
using TikTokBot.Storage;
using TikTokBot.Requests;

namespace TikTokBot.Accounts;

/// <summary>The accounts verbs of <c>/ttmetrics</c>: <c>connect</c>, <c>accounts</c>, <c>disconnect</c>, <c>use</c>.</summary>
internal sealed class AccountsCommands(AccountsService accounts)
{
    public async Task<IReadOnlyList<SlackMessage>> ReplyAsync(MetricsCommand command, Asker asker, CancellationToken ct) => command switch
    {
        MetricsCommand.Connect => [ConnectReply(await accounts.BeginConnectAsync(asker.TeamId, asker.EnterpriseId, asker.UserId, ct))],
        MetricsCommand.Accounts => [Reply.Plain(Listing(await accounts.ListAsync(asker.TeamId, ct)))],
        MetricsCommand.Disconnect disconnect => [await ChangeAsync(asker, disconnect.Advertiser, id => accounts.DisconnectAsync(asker.EnterpriseId, asker.TeamId, asker.UserId, id, ct), ct)],
        MetricsCommand.Use use when string.IsNullOrEmpty(asker.ChannelId) => [Reply.Plain("`use` sets a channel's advertiser: type it in that channel.")],
        MetricsCommand.Use use => [await ChangeAsync(asker, use.Advertiser, id => accounts.SetChannelDefaultAsync(asker.EnterpriseId, asker.TeamId, asker.UserId, asker.ChannelId!, id, ct), ct)],
        _ => throw new ArgumentException($"{command.GetType().Name} is not an accounts command.", nameof(command)),
    };

    /// <summary>The private reply to <c>connect</c>: the link as a button, or why there is none.</summary>
    public static SlackMessage ConnectReply(ConnectStart start)
    {
        if (start is not ConnectStart.Link link)
        {
            return Reply.Plain(Mrkdwn.Escape(((ConnectStart.Refused)start).Message));
        }

        var text = $"Connect TikTok: open <{link.Url.AbsoluteUri}|TikTok's authorisation page> and tick the advertiser accounts to read. " +
            $"The link is yours alone and works once, until {link.ExpiresAt.UtcDateTime.ToString("HH:mm", CultureInfo.InvariantCulture)} UTC.";
        return new MessageBuilder().Text(text).Ephemeral().Section(text)
            .Actions([Elements.Button(ButtonIds.OpenAuthorisation, "Open TikTok", style: "primary") with { Url = link.Url.AbsoluteUri }])
            .BuildSingle();
    }

    public static string Listing(IReadOnlyList<AdvertiserAccount> connected)
    {
        if (connected.Count == 0)
        {
            return "No TikTok advertiser is connected to this workspace. `/ttmetrics connect` connects one.";
        }

        var lines = connected.Select(a =>
            $"• *{Mrkdwn.Escape(a.Name)}* ({a.AdvertiserId}) · {a.Currency.Code} · {Mrkdwn.Escape(a.TimeZone)} · connected by <@{a.ConnectedBy}> on " +
            $"{a.ConnectedAt.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} · " +
            (a.TokenState == TikTokTokenState.Ok
                ? "token works"
                : $"TikTok refused the token{(a.TokenRefusedAt is { } at ? " on " + at.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "")}: reconnect TikTok with `{AccountsService.ConnectCommand}`"));
        return "TikTok advertisers connected here:\n" + string.Join('\n', lines);
    }

    /// <summary>Finds the advertiser by id or name (whole name, then a unique part of one) before changing anything.</summary>
    private async Task<SlackMessage> ChangeAsync(Asker asker, string typed, Func<string, Task<AccountChangeResult>> change, CancellationToken ct)
    {
        var connected = await accounts.ListAsync(asker.TeamId, ct);
        var byId = connected.Where(a => a.AdvertiserId == typed.Trim()).ToList();
        var byName = connected.Where(a => a.Name.Equals(typed.Trim(), StringComparison.OrdinalIgnoreCase)).ToList();
        var byPart = connected.Where(a => a.Name.Contains(typed.Trim(), StringComparison.OrdinalIgnoreCase)).ToList();
        var found = byId.Count == 1 ? byId : byName.Count == 1 ? byName : byPart;
        return found.Count switch
        {
            // An unknown advertiser goes to the service anyway: it checks the permission first and then says what is connected.
            0 => Reply.Plain(Mrkdwn.Escape((await change(typed.Trim())).Message)),
            1 => Reply.Plain(Mrkdwn.Escape((await change(found[0].AdvertiserId)).Message)),
            _ => Reply.Plain($"`{Mrkdwn.Escape(typed)}` matches several advertisers: " +
                string.Join(", ", found.Select(a => $"{Mrkdwn.Escape(a.Name)} ({a.AdvertiserId})")) + ". Type the advertiser id."),
        };
    }
}
