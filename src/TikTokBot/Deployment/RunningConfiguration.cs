using TikTokBot.Storage;

namespace TikTokBot.Deployment;

/// <summary>
/// What the configuration turns on, in words fit for the front page, the start-up banner and the readiness check.
/// Problems stop something from working (the app is not ready); notes say what is left out on purpose or for later.
/// It names settings and modes only: no value of a secret is ever read into it.
/// </summary>
internal sealed record RunningConfiguration(
    SlackMode Slack, bool SlackOAuth, string DataSource, string Storage, string Scheduler, string DataFolder,
    string? DashboardPath, IReadOnlyList<string> Problems, IReadOnlyList<string> Notes)
{
    public static RunningConfiguration Read(IConfiguration configuration)
    {
        var problems = new List<string>();
        var notes = new List<string>();
        var slack = configuration.GetSection("Slack");
        bool Has(IConfigurationSection section, string key) => !string.IsNullOrWhiteSpace(section[key]);

        var oauth = Has(slack, "ClientId") || Has(slack, "ClientSecret");
        if (oauth && !(Has(slack, "ClientId") && Has(slack, "ClientSecret")))
        {
            problems.Add("Slack:ClientId and Slack:ClientSecret go together for the OAuth install; one of them is missing.");
        }

        var mode = Has(slack, "AppToken") ? SlackMode.SocketMode
            : oauth ? SlackMode.OAuth
            : Has(slack, "SigningSecret") || Has(slack, "BotToken") ? SlackMode.Http
            : SlackMode.NotConfigured;
        if (mode is SlackMode.Http or SlackMode.OAuth && !Has(slack, "SigningSecret"))
        {
            problems.Add("Slack:SigningSecret is missing: every request from Slack over HTTP is refused without it.");
        }

        if (mode is SlackMode.SocketMode && !Has(slack, "BotToken") && !oauth)
        {
            problems.Add("Slack:AppToken is set (Socket Mode) but Slack:BotToken is missing, so the app cannot post answers.");
        }

        if (mode is SlackMode.NotConfigured)
        {
            notes.Add("Slack is not configured: only the playground and the terminal can ask the bot.");
        }

        if (mode is SlackMode.Http && !Has(slack, "BotToken"))
        {
            notes.Add("Slack:BotToken is missing: commands are answered, but digests and shared reports cannot be posted.");
        }

        var tiktok = configuration.GetSection("TikTok");
        var source = tiktok["Source"] is { Length: > 0 } s ? s : "Demo";
        string dataSource;
        if (source.Equals("Api", StringComparison.OrdinalIgnoreCase))
        {
            var advertisers = (tiktok["AdvertiserIds"] ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Length;
            dataSource = $"TikTok API for Business, {advertisers} advertiser account(s) configured";
            if (!Has(tiktok, "AccessToken") || advertisers == 0)
            {
                problems.Add("TikTok:Source is Api but TikTok:AccessToken or TikTok:AdvertiserIds is missing.");
            }
        }
        else if (source.Equals("Csv", StringComparison.OrdinalIgnoreCase))
        {
            var path = tiktok["CsvPath"];
            dataSource = "Ads Manager CSV export";
            if (string.IsNullOrWhiteSpace(path) || !(File.Exists(path) || Directory.Exists(path)))
            {
                problems.Add("TikTok:Source is Csv but TikTok:CsvPath names no file or folder that exists.");
            }
        }
        else
        {
            dataSource = "demo data (8 made-up campaigns; set TikTok:Source to Api or Csv for real figures)";
        }

        var storageOptions = configuration.GetSection(StorageOptions.SectionName).Get<StorageOptions>() ?? new StorageOptions();
        var dataFolder = StorageRegistration.DataDirectory(storageOptions, configuration);
        var storage = storageOptions.Provider.Equals("Postgres", StringComparison.OrdinalIgnoreCase) ? "PostgreSQL" : "SQLite (a file in the data folder)";
        var store = configuration["Scheduler:Store"] is { Length: > 0 } st ? st : storageOptions.Provider;
        var scheduler = $"digest scheduler, store: {store}";
        var dashboard = Has(configuration.GetSection("Scheduler"), "DashboardToken")
            ? configuration["Scheduler:DashboardPath"] is { Length: > 0 } path2 ? path2 : "/hangfire"
            : null;
        return new RunningConfiguration(mode, oauth, dataSource, storage, scheduler, dataFolder, dashboard, problems, notes);
    }

    public string SlackDescription => Slack switch
    {
        SlackMode.SocketMode => "Socket Mode (no public URL needed)",
        SlackMode.OAuth => "HTTP, installed per workspace through OAuth",
        SlackMode.Http => "HTTP, one workspace (bot token)",
        _ => "not configured: try the playground, or set Slack:SigningSecret and Slack:BotToken",
    };
}
