using System.Globalization;

namespace TikTokBot.LoadTest;

/// <summary><c>--name value</c> pairs, read by name; a missing required one stops the tool with its name.</summary>
internal sealed class Arguments
{
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);

    public Arguments(string[] args)
    {
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            _values[args[i].TrimStart('-')] = args[i + 1];
        }
    }

    public string Text(string name) =>
        _values.TryGetValue(name, out var value) ? value : throw new ArgumentException($"--{name} is required.");

    public string Text(string name, string fallback) => _values.GetValueOrDefault(name, fallback);

    public double Number(string name) => double.Parse(Text(name), CultureInfo.InvariantCulture);

    public double Number(string name, double fallback) =>
        _values.TryGetValue(name, out var value) ? double.Parse(value, CultureInfo.InvariantCulture) : fallback;
}

/// <summary>Cancelled on SIGTERM or Ctrl+C, so bench/run can stop the long-running verbs cleanly.</summary>
internal sealed class StopSignal : IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly List<System.Runtime.InteropServices.PosixSignalRegistration> _registrations = [];

    public CancellationToken Token => _stop.Token;

    public static StopSignal Create()
    {
        var signal = new StopSignal();
        foreach (var posix in new[] { System.Runtime.InteropServices.PosixSignal.SIGTERM, System.Runtime.InteropServices.PosixSignal.SIGINT })
        {
            signal._registrations.Add(System.Runtime.InteropServices.PosixSignalRegistration.Create(posix, context =>
            {
                context.Cancel = true;
                signal._stop.Cancel();
            }));
        }

        return signal;
    }

    public void Dispose()
    {
        foreach (var registration in _registrations)
        {
            registration.Dispose();
        }

        _stop.Dispose();
    }
}
