using System.Reflection;
using System.Runtime.CompilerServices;
using Xunit;

namespace TikTokBot.Testing;

/// <summary>
/// Reads every method's IL in a test assembly for the two things tests must not do: read the machine's clock
/// (<c>DateTime.UtcNow</c>, <c>DateTime.Now</c>, <c>DateTime.Today</c>, <c>DateTimeOffset.UtcNow</c>,
/// <c>DateTimeOffset.Now</c>, <c>TimeProvider.System</c>), and wait by the clock (<c>Task.Delay</c>,
/// <c>Thread.Sleep</c>, <c>SpinWait.SpinUntil</c>) outside the types a test names: the one polling helper
/// (<c>OutOfProcess</c>) and the fakes that play a slow or hanging server. Lambdas, local functions and async
/// state machines count as the type that wrote them.
/// </summary>
public static class RealClockGuard
{
    private const BindingFlags Declared = BindingFlags.DeclaredOnly | BindingFlags.Instance | BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic;

    private static readonly HashSet<string> ClockReads = new(StringComparer.Ordinal)
    {
        "System.DateTime.get_UtcNow", "System.DateTime.get_Now", "System.DateTime.get_Today",
        "System.DateTimeOffset.get_UtcNow", "System.DateTimeOffset.get_Now", "System.TimeProvider.get_System",
    };

    private static readonly HashSet<string> Waits = new(StringComparer.Ordinal)
    {
        "System.Threading.Tasks.Task.Delay", "System.Threading.Thread.Sleep", "System.Threading.SpinWait.SpinUntil",
    };

    /// <summary>Fails with one line per read of the machine's clock in <paramref name="assembly"/> outside <paramref name="allowed"/>.</summary>
    public static void AssertNoClockReads(Assembly assembly, params Type[] allowed)
    {
        var found = Uses(assembly, ClockReads).Where(u => !allowed.Contains(u.Owner)).Select(u => u.Line).ToList();
        Assert.True(found.Count == 0, $"{found.Count} reads of the machine's clock (use a FakeTimeProvider or TestClock):\n" + string.Join("\n", found));
    }

    /// <summary>
    /// Fails unless the types that wait by the clock in <paramref name="assembly"/> are exactly <paramref name="allowed"/>:
    /// a new polling loop fails here, and so does a name left in the list after its wait is gone.
    /// </summary>
    public static void AssertWaitsOnlyIn(Assembly assembly, params Type[] allowed)
    {
        var waiting = Uses(assembly, Waits).Select(u => u.Owner).Distinct().ToList();
        var unexpected = Uses(assembly, Waits).Where(u => !allowed.Contains(u.Owner)).Select(u => u.Line).Distinct().ToList();
        var stale = allowed.Where(t => !waiting.Contains(t)).Select(t => t.FullName).ToList();
        Assert.True(unexpected.Count == 0 && stale.Count == 0,
            $"waits by the clock outside the listed types (wait on a signal instead; poll only an outside server, with OutOfProcess.PollAsync):\n{string.Join("\n", unexpected)}" +
            (stale.Count > 0 ? $"\nlisted but no longer waiting: {string.Join(", ", stale)}" : ""));
    }

    private static IEnumerable<(Type Owner, string Line)> Uses(Assembly assembly, HashSet<string> names)
    {
        foreach (var type in assembly.GetTypes())
        {
            foreach (var method in type.GetMembers(Declared).OfType<MethodBase>())
            {
                foreach (var member in IlReferences.Of(method).OfType<MethodBase>())
                {
                    var name = $"{member.DeclaringType?.FullName}.{member.Name}";
                    if (names.Contains(name))
                    {
                        var owner = Author(type);
                        yield return (owner, $"{owner.FullName}: {name}");
                    }
                }
            }
        }
    }

    /// <summary>The user-written type a compiler-made one (a state machine, a closure) belongs to.</summary>
    private static Type Author(Type type)
    {
        while (type.DeclaringType is { } outer && (type.IsDefined(typeof(CompilerGeneratedAttribute), inherit: false) || type.Name.StartsWith('<')))
        {
            type = outer;
        }

        return type;
    }
}
