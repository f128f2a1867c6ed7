using TikTokBot.LoadTest;

// One tool, one verb per step of bench/run; every verb prints what it measured as one JSON line on stdout.
System.Globalization.CultureInfo.DefaultThreadCurrentCulture = System.Globalization.CultureInfo.InvariantCulture;
System.Globalization.CultureInfo.CurrentCulture = System.Globalization.CultureInfo.InvariantCulture;
var arguments = new Arguments(args.Skip(1).ToArray());
using var stop = StopSignal.Create();
return args.FirstOrDefault() switch
{
    "sign" => SignedRequests.Write(arguments),
    "sink" => await ResponseUrlSink.RunAsync(arguments, stop.Token),
    "fake-tiktok" => await FakeTikTokServer.RunAsync(arguments, stop.Token),
    "rate" => await ConstantRateLoad.RunAsync(arguments, stop.Token),
    "cold" => await ColdPathProbe.RunAsync(arguments, stop.Token),
    "ask" => await AskProbe.RunAsync(arguments, stop.Token),
    "figures" => FiguresReport.Write(arguments),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("""
        usage: TikTokBot.LoadTest <verb> [--option value ...]
          sign         --secret S --response-url URL --out PREFIX     signed summary and button requests for wrk (PREFIX.summary.*, PREFIX.button.*)
          sink         --port P                                      a response_url that answers 200 and counts (GET /count)
          fake-tiktok  --delay-ms 300                                the fake TikTok API; prints its base URL, runs until stopped
          rate         --url U --request PREFIX --rate R --seconds S  constant-rate load, latency from each request's intended send time
          cold         --url U --secret S --rate R --seconds S        uncached summaries: the ack, and the answer through a local response_url
          ask          --url U --secret S --slack-port P --rate R --seconds S  questions as message.im events: the first status, and the answer in the thread
          figures      --results DIR                                 the figures of a run as Markdown
        """);
    return 2;
}
