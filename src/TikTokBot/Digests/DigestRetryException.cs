namespace TikTokBot.Digests;

/// <summary>A failure worth another attempt after <see cref="Delay"/>, which the sender chose and recorded.</summary>
internal sealed class DigestRetryException(string failure, TimeSpan delay) : Exception($"Digest failed ({failure}); next attempt in {DigestCalendar.Describe(delay)}")
{
    public TimeSpan Delay { get; } = delay < TimeSpan.Zero ? TimeSpan.Zero : delay;
}
