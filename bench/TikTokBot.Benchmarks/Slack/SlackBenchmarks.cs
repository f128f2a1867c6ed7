using System.Globalization;
using System.Text;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using TikTokBot.Slack;
using TikTokBot.Slack.BlockKit;
using TikTokBot.Slack.Handlers;
using TikTokBot.Slack.Payloads;
using TikTokBot.Slack.Verification;

namespace TikTokBot.Benchmarks.Slack;

/// <summary>The in-process cost of one slash command: verify the signature, parse the form, dispatch to a handler.</summary>
[MemoryDiagnoser]
public class SlackCommandBenchmarks
{
    private const string Secret = "bench-signing-secret";
    private static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeSeconds(1_700_000_000);

    private readonly string _timestamp = Now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
    private byte[] _body = [];
    private string _signature = "";
    private ServiceProvider _services = null!;
    private SlackDispatcher _dispatcher = null!;

    [GlobalSetup]
    public void Setup()
    {
        _body = Encoding.UTF8.GetBytes(
            "token=gIkuvaNzQIHg97ATvDxqgjtO&team_id=T0001&team_domain=example&enterprise_id=E0001&enterprise_name=Globular%20Construct%20Inc" +
            "&channel_id=C2147483705&channel_name=test&user_id=U2147483697&user_name=Steve&command=%2Fttmetrics&text=campaign-42+7d" +
            "&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2F1234%2F5678&trigger_id=13345224609.738474920.8088930838d88f008e0&api_app_id=A123456");
        _signature = SlackSignature.Sign(Secret, _timestamp, _body);
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Slack:SigningSecret"] = Secret, ["Slack:BotToken"] = "xoxb-bench" })
            .Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSlack(configuration, slack => slack.OnCommand<AckOnly>("/ttmetrics"));
        _services = services.BuildServiceProvider();
        _dispatcher = _services.GetRequiredService<SlackDispatcher>();
    }

    [GlobalCleanup]
    public void Cleanup() => _services.Dispose();

    [Benchmark]
    public async Task<SlackAckResponse> VerifyParseDispatchSlashCommand()
    {
        if (SlackSignature.Verify(Secret, _timestamp, _signature, _body, Now) != SignatureCheck.Valid)
            throw new InvalidOperationException("signature");
        var command = SlackPayloadParser.ParseSlashCommand(_body);
        return await _dispatcher.DispatchCommandAsync(command);
    }

    private sealed class AckOnly : ISlashCommandHandler
    {
        public Task HandleAsync(SlashCommand command, SlackContext context, CancellationToken ct)
        {
            context.Ack();
            return Task.CompletedTask;
        }
    }
}

/// <summary>Building and serialising a full 50-block report message.</summary>
[MemoryDiagnoser]
public class SlackBlockKitBenchmarks
{
    [Benchmark]
    public byte[] BuildAndSerialize50BlockMessage()
    {
        var builder = new MessageBuilder().Text("Daily digest").Header("Daily digest · 12 campaigns");
        for (var i = 0; i < 12; i++)
        {
            builder
                .Section($"*campaign-{i}* CTR below benchmark; the hook loses viewers in the first 2 seconds.",
                    Elements.Button("fix:campaign-" + i, "What should I fix?", value: "campaign-" + i, style: "primary"))
                .Fields(["*Spend*\n$1,204.50", "*CTR*\n0.61%", "*CVR*\n2.10%", "*CPA*\n$18.40"])
                .Context("Learning phase: 31 of 50 conversions", "Credit window ends in 3 days")
                .Divider();
        }
        builder.Context("Source: demo data");
        return BlockKitJson.SerializeToUtf8Bytes(builder.BuildSingle());
    }
}
