using System.Net;
using System.Text.Json;

namespace TikTokBot.Tests.Interactions;

/// <summary>The settings modals' submissions by a workspace admin through the real app: inline errors, or saved and confirmed.</summary>
public sealed class SettingsModalEndToEndTests : IClassFixture<FakeSlackAppFactory>
{
    private readonly FakeSlackAppFactory _factory;

    public SettingsModalEndToEndTests(FakeSlackAppFactory factory) => _factory = factory;

    private async Task<string> Post(string path, string body)
    {
        using var request = SlackTestRequests.Signed(path, body, SlackTestRequests.Form);
        using var client = _factory.CreateKestrelClient();
        var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    private Task<string> Submit(string team, string callbackId, string campaignId, Dictionary<string, object> values) =>
        Post("/slack/interactions", "payload=" + Uri.EscapeDataString(JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["type"] = "view_submission",
            ["team"] = new { id = team },
            ["user"] = new { id = "U-MODAL-ADMIN" },
            ["api_app_id"] = "A1",
            ["view"] = new Dictionary<string, object>
            {
                ["id"] = "V1",
                ["type"] = "modal",
                ["callback_id"] = callbackId,
                ["private_metadata"] = campaignId,
                ["state"] = new { values },
            },
        })));

    private static Dictionary<string, object> Number(string block, string? value) =>
        new() { [block] = new Dictionary<string, object?> { ["value"] = new { type = "number_input", value } } };

    private static Dictionary<string, object> Values(params Dictionary<string, object>[] blocks) =>
        blocks.SelectMany(b => b).ToDictionary(b => b.Key, b => b.Value);

    [Theory]
    [InlineData("0", "50", "target", "more than zero")]
    [InlineData("25", "2.5", "minimum", "whole number")]
    [InlineData(null, "50", "target", "Enter a cost")]
    public async Task Invalid_criteria_are_answered_inside_the_modal_next_to_the_field(string? target, string minimum, string block, string message)
    {
        var answer = await Submit("T-MODAL-BAD", "settings.criteria", "1800000000000042", Values(Number("target", target), Number("minimum", minimum)));

        using var json = JsonDocument.Parse(answer);
        Assert.Equal("errors", json.RootElement.GetProperty("response_action").GetString());
        Assert.Contains(message, json.RootElement.GetProperty("errors").GetProperty(block).GetString());
    }

    [Fact]
    public async Task Valid_criteria_are_saved_confirmed_and_used_by_the_next_report()
    {
        var answer = await Submit("T-MODAL-OK", "settings.criteria", "1800000000000042", Values(Number("target", "25"), Number("minimum", "50")));
        var report = await Post("/slack/commands",
            "team_id=T-MODAL-OK&channel_id=C1&user_id=U1&command=%2Fttmetrics&text=campaign-42&response_url=http%3A%2F%2F127.0.0.1%3A9%2Fx");

        Assert.Contains("\"response_action\":\"update\"", answer);
        Assert.Contains("The change is in the audit trail.", answer);
        Assert.Contains("target of $25.00", report);
    }

    [Fact]
    public async Task A_credit_that_expires_before_it_starts_is_refused_in_the_modal()
    {
        var values = Values(Number("amount", "6000"),
            new() { ["start"] = new Dictionary<string, object> { ["value"] = new { type = "datepicker", selected_date = "2026-12-31" } } },
            new() { ["expiry"] = new Dictionary<string, object> { ["value"] = new { type = "datepicker", selected_date = "2026-11-01" } } });

        var answer = await Submit("T-MODAL-CREDIT", "settings.credit", "1800000000000046", values);

        Assert.Contains("\"response_action\":\"errors\"", answer);
        Assert.Contains("cannot expire before it starts", answer);
    }
}
