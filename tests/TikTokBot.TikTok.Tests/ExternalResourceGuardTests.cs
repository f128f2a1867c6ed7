using TikTokBot.Testing.External;

namespace TikTokBot.TikTok.Tests;

public sealed class ExternalResourceGuardTests
{
    [Fact]
    public void Every_test_that_reaches_PostgreSQL_or_Chromium_says_so_and_is_skipped_with_the_reason_without_it() =>
        ExternalResourceGuard.AssertAllGuarded(typeof(ExternalResourceGuardTests).Assembly);
}
