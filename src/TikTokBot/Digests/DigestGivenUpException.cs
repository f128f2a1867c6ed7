namespace TikTokBot.Digests;

/// <summary>A failure no attempt can change (Slack refused the message for good), or the last attempt failed: the job stays failed.</summary>
internal sealed class DigestGivenUpException(string failure) : Exception($"Digest given up ({failure})");
