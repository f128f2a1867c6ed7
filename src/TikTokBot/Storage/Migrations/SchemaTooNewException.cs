namespace TikTokBot.Storage.Migrations;

/// <summary>The database's schema is newer than this build: running on would misread or damage data.</summary>
internal sealed class SchemaTooNewException(int databaseVersion, int codeVersion) : InvalidOperationException(
    $"The database is at schema version {databaseVersion}, newer than this build of TikTokBot, which knows versions up to {codeVersion}. " +
    "Run the TikTokBot release that upgraded it (or a later one), or restore a backup taken before that upgrade.")
{
    public int DatabaseVersion { get; } = databaseVersion;

    public int CodeVersion { get; } = codeVersion;
}
