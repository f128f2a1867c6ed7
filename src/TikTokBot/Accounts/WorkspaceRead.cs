namespace TikTokBot.Accounts;

/// <summary>What a workspace's figures come from, and so which advertisers it may act on.</summary>
internal enum WorkspaceRead
{
    /// <summary>Its own connected advertisers, with their tokens.</summary>
    Connected,

    /// <summary>The deployment's static token or Ads Manager export (<c>TikTok:Source</c> Api or Csv).</summary>
    Deployment,

    /// <summary>The demo data, said in every reply.</summary>
    Demo,

    /// <summary>Nothing: the reply says how to connect an account.</summary>
    Nothing,
}
