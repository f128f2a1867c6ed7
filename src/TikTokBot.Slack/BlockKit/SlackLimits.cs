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

    // data_visualization: https://docs.slack.dev/reference/block-kit/blocks/data-visualization-block
    public const int ChartTitle = 50;
    public const int ChartSeries = 6;
    public const int ChartSeriesName = 20;
    public const int ChartPoints = 20;

    /// <summary>A point label, an axis category or a pie segment label.</summary>
    public const int ChartLabel = 20;

    /// <summary>Not stated; every series holds one point per category and at most 20 points.</summary>
    public const int ChartCategories = ChartPoints;
    public const int ChartAxisLabel = 50;
    public const int PieSegments = 6;

    /// <summary>Unconfirmed: docs.rs slack-morphism 2.30 SlackDataVisualizationBlock; openclaw reports the API refusing a third.</summary>
    public const int ChartsPerMessage = 2;

    // table: https://docs.slack.dev/reference/block-kit/blocks/table-block
    public const int TableRows = 100;
    public const int TableCells = 20;

    /// <summary>Unconfirmed for table (getnao/nao PR 1178); documented for data_table.</summary>
    public const int TableChars = 10_000;

    /// <summary>
    /// Unconfirmed: a second table gets invalid_attachments (netclaw-dev/netclaw 55, openclaw PR 57717). Counted for
    /// table and data_table together, since nothing says a data_table may join a table.
    /// </summary>
    public const int TablesPerMessage = 1;

    // data_table: https://docs.slack.dev/reference/block-kit/blocks/data-table-block
    /// <summary>The header row plus 1 to 100 rows.</summary>
    public const int DataTableRows = 101;
    public const int DataTableColumns = 20;
    public const int DataTablePageSize = 100;
    public const int DataTableChars = 10_000;
}
