using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using TikTokBot.TikTok.Api;

namespace TikTokBot.TikTok.Tests;

/// <summary>The one reading of TikTok's envelope that the report client and the write client share.</summary>
public sealed class TikTokEnvelopeTests
{
    private const string Token = "tok-1234567890";

    private static TikTokApiException Error(int code, string message, TikTokCall call) =>
        TikTokEnvelope.Error(new TikTokAnswer(code, message, "req-1", false), Token, call, "x/", NullLogger.Instance);

    [Fact]
    public void The_envelope_gives_code_message_and_request_id_and_succeeds_only_with_code_0_and_a_data_object()
    {
        static TikTokAnswer Read(string json)
        {
            using var document = JsonDocument.Parse(json);
            return TikTokEnvelope.Read(document.RootElement);
        }

        Assert.Equal(new TikTokAnswer(0, "OK", "r-9", true), Read("""{"code":0,"message":"OK","request_id":"r-9","data":{}}"""));
        Assert.Equal(new TikTokAnswer(0, "OK", null, false), Read("""{"code":0,"message":"OK","data":[]}"""));
        Assert.Equal(new TikTokAnswer(40100, "slow down", "r-1", false), Read("""{"code":40100,"message":"slow down","request_id":"r-1","data":{}}"""));
        Assert.Equal(new TikTokAnswer(-1, "", null, false), Read("""[1,2]"""));
        Assert.Equal(-1, Read("""{"code":"0","data":{}}""").Code);
    }

    [Theory]
    [InlineData(40100, true, "TikTok is limiting how often TikTokBot may ask right now. Try again in a minute.")]
    [InlineData(50002, true, "TikTok's API had an internal error (50002). Try again in a few minutes.")]
    [InlineData(40002, false, "TikTok's API refused the request (40002: bad [access token] field).")]
    public void A_read_error_is_marked_worth_retrying_only_when_it_may_pass(int code, bool transient, string said)
    {
        var error = Error(code, $"bad {Token} field", TikTokCall.Read);

        Assert.Equal((transient, said), (error.Transient, error.Message));
        Assert.DoesNotContain(Token, error.TikTokMessage);
    }

    [Theory]
    [InlineData(40100, "TikTok is limiting how often TikTokBot may ask right now. Nothing was changed; try again in a minute.")]
    [InlineData(50002, "TikTok refused the change (50002: bad [access token] field). Nothing was changed.")]
    [InlineData(40001, "TikTok refused the change (40001: bad [access token] field). Nothing was changed.")]
    public void A_write_error_is_never_marked_worth_retrying_and_says_nothing_was_changed(int code, string said)
    {
        var error = Error(code, $"bad {Token} field", TikTokCall.Write);

        Assert.False(error.Transient);
        Assert.Equal(said, error.Message);
    }

    [Fact]
    public void A_read_takes_an_access_token_complaint_for_a_refused_token_and_a_write_only_the_token_codes()
    {
        Assert.IsType<TikTokAuthException>(Error(40002, "access token expired", TikTokCall.Read));
        Assert.IsNotType<TikTokAuthException>(Error(40002, "access token expired", TikTokCall.Write));
        Assert.IsType<TikTokAuthException>(Error(40105, "invalid", TikTokCall.Write));
    }

    [Theory]
    [InlineData(HttpStatusCode.ServiceUnavailable, TikTokCall.Read, true)]
    [InlineData(HttpStatusCode.TooManyRequests, TikTokCall.Read, true)]
    [InlineData(HttpStatusCode.BadRequest, TikTokCall.Read, false)]
    [InlineData(HttpStatusCode.TooManyRequests, TikTokCall.Write, false)]
    public void An_http_error_is_worth_retrying_only_on_a_read(HttpStatusCode status, TikTokCall call, bool transient)
    {
        var error = TikTokEnvelope.HttpError(status, call);

        Assert.Equal((transient, $"TikTok's API answered HTTP {(int)status}. Try again in a few minutes."), (error.Transient, error.Message));
        Assert.IsType<TikTokAuthException>(TikTokEnvelope.HttpError(HttpStatusCode.Unauthorized, call));
    }
}
