using System.Text;
using TikTokBot.Slack.BlockKit;

namespace TikTokBot.Slack.Tests.BlockKit;

/// <summary>A message kept as bytes carries them itself: no table in the library, and a changed copy never carries stale bytes.</summary>
public sealed class KeptMessageTests
{
    private static SlackMessage Message() => new MessageBuilder().Text("campaign-42: CTR is low").Section("*CTR* 0.6% (low)").BuildSingle();

    [Fact]
    public void A_kept_message_carries_its_json_and_is_written_from_it()
    {
        var message = Message();

        var kept = BlockKitJson.Keep(message);

        Assert.False(BlockKitJson.IsKept(message));
        Assert.True(BlockKitJson.IsKept(kept));
        Assert.Equal(BlockKitJson.Serialize(message), Encoding.UTF8.GetString(kept.Serialized!));
        Assert.Same(kept.Serialized, BlockKitJson.SerializeToUtf8Bytes(kept));
        Assert.Same(kept, BlockKitJson.Keep(kept));
        Assert.Equal(message, kept);
        Assert.Equal(message.GetHashCode(), kept.GetHashCode());
    }

    [Fact]
    public void A_changed_copy_of_a_kept_message_has_no_bytes_and_is_serialised_as_it_is()
    {
        var kept = BlockKitJson.Keep(Message());

        var shared = kept with { ResponseType = "in_channel", ReplaceOriginal = true };

        Assert.Null(shared.Serialized);
        var json = Encoding.UTF8.GetString(BlockKitJson.SerializeToUtf8Bytes(shared));
        Assert.Contains("\"response_type\":\"in_channel\"", json, StringComparison.Ordinal);
        Assert.Contains("\"replace_original\":true", json, StringComparison.Ordinal);
        Assert.DoesNotContain("serialized", json, StringComparison.OrdinalIgnoreCase);
        Assert.NotEqual(kept, shared);
    }
}
