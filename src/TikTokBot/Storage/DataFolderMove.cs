namespace TikTokBot.Storage;

/// <summary>What <see cref="DataFolder.MoveLegacy"/> did at start, logged once the host has its logger.</summary>
internal sealed record DataFolderMove(string? Message);
