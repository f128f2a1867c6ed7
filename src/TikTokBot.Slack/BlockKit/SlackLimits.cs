namespace TikTokBot.Slack.BlockKit;

/// <summary>Block Kit limits the builders enforce.</summary>
public static class SlackLimits
{
    public const int BlocksPerMessage = 50;
    public const int BlocksPerView = 100;
    public const int SectionText = 3000;
    public const int FieldText = 2000;
    public const int FieldsPerSection = 10;
    public const int HeaderText = 150;
    public const int ButtonText = 75;
    public const int ButtonValue = 2000;
    public const int Id = 255;
    public const int ActionsElements = 25;
    public const int ContextElements = 10;
    public const int ContextText = 2000;
    public const int OptionText = 75;
    public const int OptionValue = 150;
    public const int SelectOptions = 100;
    public const int OverflowOptions = 5;
    public const int ConfirmTitle = 100;
    public const int ConfirmText = 300;
    public const int ConfirmButton = 30;
    public const int ViewTitle = 24;
    public const int InputLabel = 2000;
    public const int Placeholder = 150;
    public const int MessageText = 40000;
}
