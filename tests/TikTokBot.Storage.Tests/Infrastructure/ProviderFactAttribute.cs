using Xunit.Abstractions;
using Xunit.Sdk;

namespace TikTokBot.Storage.Tests.Infrastructure;

/// <summary>Marks a test class that needs the PostgreSQL server named by <see cref="PostgresServer.Variable"/>.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class NeedsPostgresAttribute : Attribute;

/// <summary>A fact of the provider contract: reported as skipped, with the reason, when its provider is not available.</summary>
[XunitTestCaseDiscoverer("TikTokBot.Storage.Tests.Infrastructure.ProviderFactDiscoverer", "TikTokBot.Storage.Tests")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class ProviderFactAttribute : FactAttribute;

/// <summary>A theory of the provider contract: reported as skipped, with the reason, when its provider is not available.</summary>
[XunitTestCaseDiscoverer("TikTokBot.Storage.Tests.Infrastructure.ProviderTheoryDiscoverer", "TikTokBot.Storage.Tests")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class ProviderTheoryAttribute : TheoryAttribute;

public sealed class ProviderFactDiscoverer(IMessageSink diagnosticMessageSink) : FactDiscoverer(diagnosticMessageSink)
{
    public override IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute) =>
        ProviderSkip.ReasonFor(testMethod) is { } reason
            ? [ProviderSkip.Skipped(DiagnosticMessageSink, discoveryOptions, testMethod, reason)]
            : base.Discover(discoveryOptions, testMethod, factAttribute);
}

public sealed class ProviderTheoryDiscoverer(IMessageSink diagnosticMessageSink) : TheoryDiscoverer(diagnosticMessageSink)
{
    public override IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo theoryAttribute) =>
        ProviderSkip.ReasonFor(testMethod) is { } reason
            ? [ProviderSkip.Skipped(DiagnosticMessageSink, discoveryOptions, testMethod, reason)]
            : base.Discover(discoveryOptions, testMethod, theoryAttribute);
}

internal static class ProviderSkip
{
    public static string? ReasonFor(ITestMethod testMethod) =>
        testMethod.TestClass.Class.ToRuntimeType().IsDefined(typeof(NeedsPostgresAttribute), inherit: true) && PostgresServer.ConnectionString is null
            ? $"{PostgresServer.Variable} is not set: PostgreSQL half skipped; .ci/run starts a server and sets it (or: source .ci/postgres.sh)"
            : null;

    public static IXunitTestCase Skipped(IMessageSink sink, ITestFrameworkDiscoveryOptions options, ITestMethod testMethod, string reason) =>
        new XunitSkippedDataRowTestCase(sink, options.MethodDisplayOrDefault(), options.MethodDisplayOptionsOrDefault(), testMethod, reason);
}
