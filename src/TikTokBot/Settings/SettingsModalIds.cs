namespace TikTokBot.Settings;

/// <summary>Callback and block ids of the settings modals.</summary>
internal static class SettingsModalIds
{
    public const string Criteria = "settings.criteria";
    public const string Credit = "settings.credit";
    public const string Target = "target";
    public const string Minimum = "minimum";
    public const string Amount = "amount";
    public const string Start = "start";
    public const string Expiry = "expiry";
    public const string Value = "value";
}
