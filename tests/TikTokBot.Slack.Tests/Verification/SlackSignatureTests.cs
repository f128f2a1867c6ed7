using System.Text;
using TikTokBot.Slack.Verification;

namespace TikTokBot.Slack.Tests.Verification;

public class SlackSignatureTests
{
    // Slack's published example (platform-facts.md 2.1).
    private const string Secret = "8f742231b10e8888abcd99yyyzzz85a5";
    private const string Timestamp = "1531420618";
    private const string Body = "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c";
    private const string Signature = "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503";
    private static readonly DateTimeOffset At = DateTimeOffset.FromUnixTimeSeconds(1531420618);

    private static SignatureCheck Check(string? secret = Secret, string? timestamp = Timestamp, string? signature = Signature, string body = Body, DateTimeOffset? now = null) =>
        SlackSignature.Verify(secret, timestamp, signature, Encoding.UTF8.GetBytes(body), now ?? At);

    [Fact]
    public void Slacks_published_example_is_accepted_with_the_clock_at_its_timestamp() =>
        Assert.Equal(SignatureCheck.Valid, Check());

    [Fact]
    public void Signing_the_published_example_gives_the_published_signature() =>
        Assert.Equal(Signature, SlackSignature.Sign(Secret, Timestamp, Encoding.UTF8.GetBytes(Body)));

    [Fact]
    public void The_published_example_is_refused_years_after_its_timestamp() =>
        Assert.Equal(SignatureCheck.StaleTimestamp, Check(now: new DateTimeOffset(2026, 11, 22, 12, 0, 0, TimeSpan.Zero)));

    [Fact]
    public void A_tampered_body_is_refused() =>
        Assert.Equal(SignatureCheck.Mismatch, Check(body: Body.Replace("text=&", "text=hi&", StringComparison.Ordinal)));

    [Fact]
    public void A_secret_truncated_by_one_character_is_refused() =>
        Assert.Equal(SignatureCheck.Mismatch, Check(secret: Secret[..^1]));

    [Theory]
    [InlineData(-301, SignatureCheck.StaleTimestamp)]
    [InlineData(301, SignatureCheck.StaleTimestamp)]
    [InlineData(-300, SignatureCheck.Valid)]
    [InlineData(300, SignatureCheck.Valid)]
    public void Requests_more_than_five_minutes_from_now_are_refused(int secondsFromRequest, SignatureCheck expected) =>
        Assert.Equal(expected, Check(now: At.AddSeconds(secondsFromRequest)));

    [Theory]
    [InlineData(null, SignatureCheck.NoSecretConfigured)]
    [InlineData("", SignatureCheck.NoSecretConfigured)]
    public void Without_a_configured_secret_every_request_is_refused(string? secret, SignatureCheck expected) =>
        Assert.Equal(expected, Check(secret: secret));

    [Theory]
    [InlineData(null, SignatureCheck.MissingTimestamp)]
    [InlineData("", SignatureCheck.MissingTimestamp)]
    [InlineData("12ab", SignatureCheck.MalformedTimestamp)]
    [InlineData("-1531420618", SignatureCheck.MalformedTimestamp)]
    public void A_missing_or_malformed_timestamp_is_refused(string? timestamp, SignatureCheck expected) =>
        Assert.Equal(expected, Check(timestamp: timestamp));

    [Theory]
    [InlineData(null, SignatureCheck.MissingSignature)]
    [InlineData("", SignatureCheck.MissingSignature)]
    [InlineData("v1=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503", SignatureCheck.UnsupportedVersion)]
    [InlineData("a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503", SignatureCheck.UnsupportedVersion)]
    [InlineData("v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b5", SignatureCheck.MalformedSignature)]
    [InlineData("v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b50300", SignatureCheck.MalformedSignature)]
    [InlineData("v0=zz114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503", SignatureCheck.MalformedSignature)]
    [InlineData("v0=b2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503", SignatureCheck.Mismatch)]
    public void A_missing_or_malformed_signature_is_refused(string? signature, SignatureCheck expected) =>
        Assert.Equal(expected, Check(signature: signature));

    [Fact]
    public void An_uppercase_hex_signature_is_accepted_because_hex_is_case_insensitive() =>
        Assert.Equal(SignatureCheck.Valid, Check(signature: "v0=" + Signature[3..].ToUpperInvariant()));
}
