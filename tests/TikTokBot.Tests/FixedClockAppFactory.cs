using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace TikTokBot.Tests;

/// <summary>The real app with its clock fixed at noon UTC on <see cref="Today"/>, so no test depends on the real date.</summary>
public sealed class FixedClockAppFactory : KestrelAppFactory
{
    public static readonly DateOnly Today = new(2026, 11, 22);

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(Today.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero));

    protected override void ReplaceServices(IServiceCollection services) => services.Replace(ServiceDescriptor.Singleton<TimeProvider>(Clock));
}
