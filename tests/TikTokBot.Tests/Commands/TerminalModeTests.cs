using TikTokBot.Commands;

namespace TikTokBot.Tests.Commands;

public sealed class TerminalModeTests : IClassFixture<KestrelAppFactory>
{
    private readonly KestrelAppFactory _factory;

    public TerminalModeTests(KestrelAppFactory factory) => _factory = factory;

    [Fact]
    public async Task The_terminal_prints_the_same_report_as_slack_in_plain_text()
    {
        using var output = new StringWriter();

        var exit = await TerminalMode.RunAsync(_factory.Services, ["ttmetrics", "campaign-42"], output);

        var text = output.ToString();
        Assert.Equal(0, exit);
        Assert.StartsWith("campaign-42 Autumn Sale\n=====", text.Replace("\r\n", "\n", StringComparison.Ordinal));
        Assert.Contains("First fix (Creative fatigue): Refresh the creative first", text);
        Assert.Contains("[What should I fix?] [Full funnel]", text);
        Assert.DoesNotContain("*", text);
    }

    [Fact]
    public async Task A_mistake_in_the_terminal_exits_non_zero_with_what_to_type()
    {
        using var output = new StringWriter();

        var exit = await TerminalMode.RunAsync(_factory.Services, ["ttmetrics", "campaign-42", "by", "weather"], output);

        Assert.Equal(2, exit);
        Assert.Contains("/ttmetrics campaign-42 by adgroup|ad|age|gender|placement|device", output.ToString());
    }

    [Fact]
    public async Task Ask_takes_the_slash_command_as_typed_in_slack_and_json_prints_block_kit()
    {
        using var output = new StringWriter();

        var exit = await TerminalMode.RunAsync(_factory.Services, ["ask", "/ttmetrics campaign-42 fix", "--json"], output);

        Assert.Equal(0, exit);
        using var json = System.Text.Json.JsonDocument.Parse(output.ToString().Trim().Split(Environment.NewLine)[0]);
        Assert.Equal("header", json.RootElement.GetProperty("blocks")[0].GetProperty("type").GetString());
        Assert.Contains("Do this first", output.ToString());
    }

    [Theory]
    [InlineData(new[] { "ask", "/ttmetrics list" }, true)]
    [InlineData(new[] { "ttmetrics", "list" }, true)]
    [InlineData(new[] { "TTMETRICS" }, true)]
    [InlineData(new[] { "--urls", "http://127.0.0.1:5000" }, false)]
    [InlineData(new string[0], false)]
    public void Terminal_mode_is_asked_for_by_the_first_argument(string[] args, bool requested)
    {
        Assert.Equal(requested, TerminalMode.Requested(args));
    }
}
