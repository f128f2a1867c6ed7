namespace TikTokBot.Storage;

internal sealed record ConnectStateClaim(ConnectStateOutcome Outcome, ConnectState? State);
