namespace TikTokBot.Digests;

/// <param name="RetryAt">When to try again, for a failure worth retrying or a claim held elsewhere.</param>
internal sealed record DigestResult(DigestOutcome Outcome, DateOnly? LocalDate = null, DateTimeOffset? RetryAt = null, string? Failure = null);
