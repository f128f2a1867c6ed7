using System.Text;
using TikTokBot.Slack.Payloads;

namespace TikTokBot.Slack.Tests.Payloads;

public class PayloadParserTests
{
    [Fact]
    public void A_slash_command_form_is_read_field_by_field_and_unknown_fields_are_ignored()
    {
        var form = "token=x&team_id=T1&team_domain=acme&enterprise_id=E1&channel_id=C1&channel_name=ads&user_id=U1&user_name=ann" +
                   "&command=%2Fttmetrics&text=campaign-42+7d+%C3%BCber&response_url=https%3A%2F%2Fhooks.slack.com%2Fx&trigger_id=t.1" +
                   "&api_app_id=A1&is_enterprise_install=true&brand_new_field=whatever";
        var command = SlackPayloadParser.ParseSlashCommand(Encoding.UTF8.GetBytes(form));
        Assert.Equal(new SlashCommand
        {
            Command = "/ttmetrics", Text = "campaign-42 7d über", TeamId = "T1", TeamDomain = "acme", EnterpriseId = "E1",
            ChannelId = "C1", ChannelName = "ads", UserId = "U1", UserName = "ann", ResponseUrl = "https://hooks.slack.com/x",
            TriggerId = "t.1", ApiAppId = "A1", IsEnterpriseInstall = true,
        }, command);
    }

    [Theory]
    [InlineData("text=100%25", "100%")]
    [InlineData("text=50%+off", "50% off")]
    [InlineData("text=%zz", "%zz")]
    [InlineData("text=", "")]
    [InlineData("text", "")]
    public void Form_values_decode_plus_and_percent_escapes_and_keep_broken_escapes_as_written(string field, string expected)
    {
        var command = SlackPayloadParser.ParseSlashCommand(Encoding.UTF8.GetBytes("command=%2Fx&team_id=T1&" + field));
        Assert.Equal(expected, command.Text);
    }

    [Theory]
    [InlineData("team_id=T1&text=hi", "missing_command")]
    [InlineData("command=%2Fx&text=hi", "missing_team_id")]
    [InlineData("command=%2Fx&team_id=T1&response_url=javascript%3Aalert(1)", "invalid_response_url")]
    [InlineData("", "missing_command")]
    public void A_slash_command_without_its_essential_fields_is_malformed(string form, string reason)
    {
        var ex = Assert.Throws<SlackPayloadException>(() => SlackPayloadParser.ParseSlashCommand(Encoding.UTF8.GetBytes(form)));
        Assert.Equal(reason, ex.Reason);
    }

    [Fact]
    public void A_block_actions_payload_carries_its_actions_channel_and_response_url()
    {
        var json = """
            {"type":"block_actions","user":{"id":"U1","username":"ann","team_id":"T1"},"api_app_id":"A1","team":{"id":"T1","domain":"acme"},
             "container":{"type":"message","message_ts":"1.2","channel_id":"C1"},"trigger_id":"tr","channel":{"id":"C1","name":"ads"},
             "response_url":"https://hooks.slack.com/actions/x","future_field":{"deep":[1,2]},
             "actions":[{"action_id":"fix:campaign-42","block_id":"b1","type":"button","value":"campaign-42","action_ts":"3.4"}]}
            """;
        var payload = Assert.IsType<BlockActionsPayload>(SlackPayloadParser.ParseInteraction(Encoding.UTF8.GetBytes(json)));
        Assert.Equal("T1", payload.Team?.Id);
        Assert.Equal("C1", payload.Channel?.Id);
        Assert.Equal("https://hooks.slack.com/actions/x", payload.ResponseUrl);
        var action = Assert.Single(payload.Actions);
        Assert.Equal(("fix:campaign-42", "campaign-42", "button"), (action.ActionId, action.Value, action.Type));
    }

    [Fact]
    public void A_view_submission_exposes_input_values_of_every_kind()
    {
        var json = """
            {"type":"view_submission","team":{"id":"T1"},"user":{"id":"U1"},
             "view":{"id":"V1","callback_id":"subscribe","private_metadata":"C1","state":{"values":{
               "name":{"name_input":{"type":"plain_text_input","value":"Daily"}},
               "hour":{"hour_input":{"type":"number_input","value":"9"}},
               "kind":{"kind_select":{"type":"static_select","selected_option":{"value":"digest","text":{"type":"plain_text","text":"Digest"}}}},
               "start":{"start_date":{"type":"datepicker","selected_date":"2026-11-23"}}}}}}
            """;
        var payload = Assert.IsType<ViewSubmissionPayload>(SlackPayloadParser.ParseInteraction(Encoding.UTF8.GetBytes(json)));
        Assert.Equal("subscribe", payload.View.CallbackId);
        Assert.Equal(new string?[] { "Daily", "9", "digest", "2026-11-23", null },
            new[] { payload.View.ValueOf("name", "name_input"), payload.View.ValueOf("hour", "hour_input"), payload.View.ValueOf("kind", "kind_select"),
             payload.View.ValueOf("start", "start_date"), payload.View.ValueOf("missing", "x") });
    }

    [Theory]
    [InlineData("""{"type":"view_closed","team":{"id":"T1"},"view":{"callback_id":"cb"},"is_cleared":true}""", typeof(ViewClosedPayload))]
    [InlineData("""{"callback_id":"cb","type":"shortcut","trigger_id":"t","user":{"id":"U1","team_id":"T1"}}""", typeof(ShortcutPayload))]
    [InlineData("""{"type":"message_action","enterprise":{"id":"E1"},"callback_id":"cb","channel":{"id":"C1"},"message":{"ts":"1.2","text":"hi"},"response_url":"https://x"}""", typeof(MessageShortcutPayload))]
    public void Each_supported_interaction_type_becomes_its_own_record(string json, Type expected) =>
        Assert.IsType(expected, SlackPayloadParser.ParseInteraction(Encoding.UTF8.GetBytes(json)));

    [Theory]
    [InlineData("not json", "malformed_json")]
    [InlineData("[1,2]", "payload_not_an_object")]
    [InlineData("""{"user":{"id":"U1"}}""", "missing_type")]
    [InlineData("""{"type":7}""", "missing_type")]
    [InlineData("""{"type":"dialog_submission"}""", "unsupported_interaction_type")]
    [InlineData("""{"type":"block_actions","actions":"nope"}""", "malformed_payload")]
    [InlineData("""{"type":"block_actions","actions":[""", "malformed_payload")]
    [InlineData("""{"type":"block_actions","actions":null}""", "malformed_payload")]
    [InlineData("""{"type":"block_actions","actions":[{"action_id":null}]}""", "malformed_payload")]
    [InlineData("""{"type":"view_submission","view":null}""", "malformed_payload")]
    [InlineData("""{"type":"shortcut","team":{"id":null}}""", "malformed_payload")]
    [InlineData("""{"type":"shortcut","callback_id":"cb","user":{"id":"U1"}}""", "missing_team_id")]
    [InlineData("""{"type":"block_actions","team":{"id":""},"actions":[]}""", "missing_team_id")]
    [InlineData("""{"type":"block_actions","team":{"id":"T1"}}""", "missing_actions")]
    [InlineData("""{"type":"view_submission","team":{"id":"T1"}}""", "missing_view")]
    [InlineData("""{"type":"view_closed","team":{"id":"T1"}}""", "missing_view")]
    [InlineData("""{"type":"block_actions","team":{"id":"T1"},"actions":[],"response_url":"not a url"}""", "invalid_response_url")]
    [InlineData("""{"type":"block_actions","team":{"id":"T1"},"actions":[],"response_url":"file:///etc/passwd"}""", "invalid_response_url")]
    [InlineData("""{"type":"block_actions","team":{"id":"T1"},"actions":[{"type":"button"}]}""", "missing_action_id")]
    [InlineData("""{"type":"block_actions","team":{"id":"T1"},"actions":[{"action_id":null}]}""", "malformed_payload")]
    [InlineData("""{"type":"block_actions","team":{"id":"T1"},"actions":[{"action_id":"\ud800"}]}""", "malformed_payload")]
    [InlineData("""{"type":"\udfff"}""", "malformed_json")]
    public void Malformed_interactions_are_refused_with_a_reason(string json, string reason)
    {
        var ex = Assert.Throws<SlackPayloadException>(() => SlackPayloadParser.ParseInteraction(Encoding.UTF8.GetBytes(json)));
        Assert.Equal(reason, ex.Reason);
    }

    [Fact]
    public void An_event_callback_carries_the_inner_event_and_keeps_unknown_fields_raw()
    {
        var json = """{"token":"x","team_id":"T1","api_app_id":"A1","type":"event_callback","event_id":"Ev1","event_time":1700000000,"event":{"type":"app_home_opened","user":"U1","channel":"D1","tab":"home","view":{"id":"V1"}}}""";
        var callback = Assert.IsType<EventCallback>(SlackPayloadParser.ParseEvent(Encoding.UTF8.GetBytes(json)));
        Assert.Equal(("app_home_opened", "U1", "home", "T1"), (callback.Event!.Type, callback.Event.User, callback.Event.Tab, callback.TeamId));
        Assert.True(callback.Event.Raw!.ContainsKey("view"));
    }

    [Fact]
    public void A_url_verification_yields_its_challenge() =>
        Assert.Equal(new UrlVerification("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P"),
            SlackPayloadParser.ParseEvent("""{"token":"x","challenge":"3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P","type":"url_verification"}"""u8));

    [Theory]
    [InlineData("{", "malformed_json")]
    [InlineData("""{"type":"url_verification"}""", "missing_challenge")]
    [InlineData("""{"type":"event_callback","team_id":"T1"}""", "missing_event")]
    [InlineData("""{"type":"app_rate_limited"}""", "unsupported_event_type")]
    [InlineData("""{"type":"event_callback","event":{"type":["x"]}}""", "malformed_event")]
    [InlineData("""{"type":"event_callback","team_id":"T1","event":{}}""", "missing_event")]
    [InlineData("""{"type":"event_callback","team_id":"T1","event":{"type":null}}""", "malformed_event")]
    [InlineData("""{"type":"url_verification","challenge":"\ud800"}""", "malformed_event")]
    public void Malformed_events_are_refused_with_a_reason(string json, string reason)
    {
        var ex = Assert.Throws<SlackPayloadException>(() => SlackPayloadParser.ParseEvent(Encoding.UTF8.GetBytes(json)));
        Assert.Equal(reason, ex.Reason);
    }
}
