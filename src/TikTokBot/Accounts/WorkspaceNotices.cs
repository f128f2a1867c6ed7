using static TikTokBot.Accounts.WorkspaceSources;
namespace TikTokBot.Accounts;

/// <summary>The plain sentences every reply to a workspace carries besides its answer (<see cref="WorkspaceSource.Notice"/>); unescaped text.</summary>
internal static class WorkspaceNotices
{
    public const string Demo =
        "Demo data: these campaigns and figures are made up, not yours. No TikTok advertiser is connected to this workspace: " +
        "`" + AccountsService.ConnectCommand + "` connects one.";

    /// <summary>"TikTok refused the token of LA Store: `/ttmetrics connect` reconnects it."</summary>
    public static string TokenRefused(IEnumerable<string> advertiserNames)
    {
        var names = advertiserNames.Distinct(StringComparer.Ordinal).ToList();
        var named = names.Count <= 1 ? string.Concat(names) : string.Join(", ", names.Take(names.Count - 1)) + " and " + names[^1];
        return $"TikTok refused the token of {named}: `{AccountsService.ConnectCommand}` reconnects {(names.Count == 1 ? "it" : "them")}.";
    }
}
