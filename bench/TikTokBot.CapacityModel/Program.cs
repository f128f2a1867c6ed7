using System.Globalization;
using TikTokBot.CapacityModel;

// The capacity model of issue 30 (see bench/README.md, "Capacity model").
//   tiers                          the table of how many advertisers and workspaces one TikTok developer app serves per tier
//   run [--instances 1,2,3] ...    a measured slice of the day: one PostgreSQL, N instances, the fake TikTok at the tier's rate
//   instance ...                   one instance of a run (started by run, not by hand)
var arguments = Arguments.Parse(args.Skip(1));
return args.FirstOrDefault() switch
{
    "tiers" => TierTable.Print(Workload.From(arguments)),
    "run" => await Coordinator.RunAsync(arguments),
    "instance" => await Instance.RunAsync(arguments),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: TikTokBot.CapacityModel tiers|run [--instances 1,2,3] [--advertisers 5000] [--workspaces 10000] [--seconds 120] " +
        "[--zones 24] [--summaries-per-workspace-per-day 5] [--per-second 10] [--delay-ms 200]");
    return 2;
}

namespace TikTokBot.CapacityModel
{
    /// <summary><c>--name value</c> pairs.</summary>
    internal sealed class Arguments(Dictionary<string, string> values)
    {
        public static Arguments Parse(IEnumerable<string> args)
        {
            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            string? name = null;
            foreach (var arg in args)
            {
                if (arg.StartsWith("--", StringComparison.Ordinal))
                {
                    name = arg[2..];
                    values[name] = "true";
                }
                else if (name is not null)
                {
                    values[name] = arg;
                    name = null;
                }
            }

            return new Arguments(values);
        }

        public string Text(string name, string fallback) => values.GetValueOrDefault(name, fallback);

        public double Number(string name, double fallback) =>
            values.TryGetValue(name, out var text) ? double.Parse(text, CultureInfo.InvariantCulture) : fallback;

        public int Whole(string name, int fallback) => (int)Number(name, fallback);

        public IEnumerable<string> Pass(params string[] names) =>
            names.Where(values.ContainsKey).SelectMany(n => new[] { $"--{n}", values[n] });
    }
}
