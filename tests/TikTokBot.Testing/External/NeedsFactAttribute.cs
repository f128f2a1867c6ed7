using Xunit;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace TikTokBot.Testing.External;

/// <summary>
/// A fact that needs what it names and what its class's <see cref="NeedsAttribute"/> names: reported as skipped, with
/// the reason and the command that runs it, when one of them is missing. The one way a test says it needs an outside
/// server or program.
/// </summary>
[XunitTestCaseDiscoverer("TikTokBot.Testing.External.NeedsFactDiscoverer", "TikTokBot.Testing")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class NeedsFactAttribute(params External[] needs) : FactAttribute
{
    public IReadOnlyList<External> Needs { get; } = needs;
}

/// <summary>The theory form of <see cref="NeedsFactAttribute"/>.</summary>
[XunitTestCaseDiscoverer("TikTokBot.Testing.External.NeedsTheoryDiscoverer", "TikTokBot.Testing")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class NeedsTheoryAttribute(params External[] needs) : TheoryAttribute
{
    public IReadOnlyList<External> Needs { get; } = needs;
}

public sealed class NeedsFactDiscoverer(IMessageSink diagnosticMessageSink) : FactDiscoverer(diagnosticMessageSink)
{
    public override IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute) =>
        NeedsSkip.ReasonFor(testMethod) is { } reason
            ? [NeedsSkip.Skipped(DiagnosticMessageSink, discoveryOptions, testMethod, reason)]
            : base.Discover(discoveryOptions, testMethod, factAttribute);
}

public sealed class NeedsTheoryDiscoverer(IMessageSink diagnosticMessageSink) : TheoryDiscoverer(diagnosticMessageSink)
{
    public override IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo theoryAttribute) =>
        NeedsSkip.ReasonFor(testMethod) is { } reason
            ? [NeedsSkip.Skipped(DiagnosticMessageSink, discoveryOptions, testMethod, reason)]
            : base.Discover(discoveryOptions, testMethod, theoryAttribute);
}

internal static class NeedsSkip
{
    // The runtime class, not the declaring one: a contract declared once runs for SQLite in one class and PostgreSQL in another.
    public static string? ReasonFor(ITestMethod testMethod) =>
        ExternalResources.SkipReason(ExternalResourceGuard.Needs(testMethod.TestClass.Class.ToRuntimeType(), testMethod.Method.ToRuntimeMethod()));

    public static IXunitTestCase Skipped(IMessageSink sink, ITestFrameworkDiscoveryOptions options, ITestMethod testMethod, string reason)
    {
        // The console shows a skip's name only; this line says why (xunit.runner.json turns diagnostic messages on).
        sink.OnMessage(new DiagnosticMessage($"Skipped {testMethod.TestClass.Class.Name}.{testMethod.Method.Name}: {reason}"));
        return new XunitSkippedDataRowTestCase(sink, options.MethodDisplayOrDefault(), options.MethodDisplayOptionsOrDefault(), testMethod, reason);
    }
}
