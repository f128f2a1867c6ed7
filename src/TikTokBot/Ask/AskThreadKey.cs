namespace TikTokBot.Ask;

/// <summary>A thread: the workspace, the direct-message channel and the thread's first message.</summary>
internal readonly record struct AskThreadKey(string TeamId, string ChannelId, string ThreadTs);
