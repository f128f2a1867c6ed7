namespace TikTokBot.Testing.External;

/// <summary>
/// A server or program outside the test process that some tests need. `./test` provides each of them; plain
/// `dotnet test` may not, and then those tests are reported as skipped with the reason and the command that runs them.
/// </summary>
public enum External
{
    /// <summary>The PostgreSQL server named by <see cref="ExternalResources.PostgresVariable"/>.</summary>
    PostgreSql,

    /// <summary>Debian's Chromium at <see cref="ExternalResources.ChromiumPath"/>, for the browser tests.</summary>
    Chromium,
}

/// <summary>Whether each <see cref="External"/> is here, and why a test that needs it is skipped when it is not.</summary>
public static class ExternalResources
{
    public const string PostgresVariable = "TIKTOKBOT_TEST_POSTGRES";
    public const string ChromiumPath = "/usr/bin/chromium";

    /// <summary>The test server's connection string, or null without one.</summary>
    [ExternalResource(External.PostgreSql)]
    public static string? PostgresConnectionString => PostgresForSetUp;

    /// <summary>
    /// The same connection string for set-up and clean-up that does nothing without a server (creating and dropping a
    /// throwaway database); what a test itself connects with goes through <see cref="PostgresConnectionString"/>.
    /// </summary>
    public static string? PostgresForSetUp => Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } value ? value : null;

    public static bool IsAvailable(External external) => external switch
    {
        External.PostgreSql => PostgresForSetUp is not null,
        External.Chromium => File.Exists(ChromiumPath),
        _ => throw new ArgumentOutOfRangeException(nameof(external), external, null),
    };

    /// <summary>Null when every one of <paramref name="needs"/> is here; else why the test cannot run and how to run it.</summary>
    public static string? SkipReason(IEnumerable<External> needs) =>
        needs.Distinct().Where(n => !IsAvailable(n)).Select(Missing).ToList() is { Count: > 0 } missing
            ? string.Join("; ", missing) + ". `./test` sets it up and runs this test."
            : null;

    private static string Missing(External external) => external switch
    {
        External.PostgreSql => $"{PostgresVariable} is not set (no PostgreSQL server for the tests)",
        External.Chromium => $"no Chromium at {ChromiumPath}",
        _ => external.ToString(),
    };
}

/// <summary>
/// Marks a type or member that reaches an <see cref="External"/>. A method that uses one must be a test guarded by
/// <see cref="NeedsFactAttribute"/> / <see cref="NeedsTheoryAttribute"/> (or in a class marked <see cref="NeedsAttribute"/>),
/// or be marked with this itself so that its callers are checked in turn (<see cref="ExternalResourceGuard"/>).
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method | AttributeTargets.Property | AttributeTargets.Constructor | AttributeTargets.Field)]
public sealed class ExternalResourceAttribute(params External[] needs) : Attribute
{
    public IReadOnlyList<External> Needs { get; } = needs;
}

/// <summary>Every test of the class (inherited ones included) needs these: skipped, with the reason, without them.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = true)]
public sealed class NeedsAttribute(params External[] needs) : Attribute
{
    public IReadOnlyList<External> Needs { get; } = needs;
}
