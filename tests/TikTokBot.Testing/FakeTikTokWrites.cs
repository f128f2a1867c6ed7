using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using TikTokBot.Domain.Metrics;
using TikTokBot.TikTok.Demo;
using TikTokBot.TikTok.Sources;

namespace TikTokBot.Testing;

/// <summary>One write the fake TikTok received and applied (or refused).</summary>
public sealed record RecordedWrite(string Path, JsonObject Body, bool Applied);

/// <summary>A campaign or ad group as the fake TikTok holds it; writes change it.</summary>
public sealed record FakeObject(string Id, string Name, string CampaignId, bool Enabled, decimal? Budget, string BudgetMode, bool Cbo, decimal? ScheduledBudget = null);

/// <summary>
/// TikTok's write endpoints on the fake server, over the demo data set: status and budget updates change what
/// campaign/get and adgroup/get answer afterwards. Every write is recorded. Faults: the next write applied and then
/// left unanswered (a timeout after TikTok applied it), 40100, a permission refusal (40001), and changes made behind
/// the bot's back (stale state).
/// </summary>
public sealed class FakeTikTokWrites
{
    private readonly ConcurrentDictionary<string, FakeObject> _objects = new(StringComparer.Ordinal);
    private readonly DemoMetricSource _demo;
    private readonly Func<string, bool> _tokenValid;
    private int _rateLimitedLeft;
    private int _hangAfterApplyLeft;

    internal FakeTikTokWrites(DemoMetricSource demo, Func<string, bool> tokenValid)
    {
        _demo = demo;
        _tokenValid = tokenValid;
    }

    public ConcurrentQueue<RecordedWrite> Writes { get; } = new();

    /// <summary>The writes TikTok applied.</summary>
    public IReadOnlyList<RecordedWrite> Applied => Writes.Where(w => w.Applied).ToList();

    /// <summary>When set, every write is refused with 40001 for lack of permission.</summary>
    public bool DenyWrites { get; set; }

    /// <summary>Signalled when a write was applied and its answer is being held back.</summary>
    public TaskCompletionSource AppliedAndHanging { get; private set; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void RateLimitNextWrites(int writes) => Interlocked.Exchange(ref _rateLimitedLeft, writes);

    /// <summary>The next write is applied, then never answered: the client times out not knowing it was done.</summary>
    public void HangAfterApplyingNextWrite()
    {
        AppliedAndHanging = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Interlocked.Exchange(ref _hangAfterApplyLeft, 1);
    }

    public FakeObject Get(string id) => Load(id) ?? throw new KeyNotFoundException(id);

    /// <summary>Someone changed it in Ads Manager: the bot's last read is now stale.</summary>
    public void Set(FakeObject changed) => _objects[changed.Id] = changed;

    internal void Map(WebApplication app)
    {
        app.MapPost("/open_api/v1.3/campaign/status/update/", (HttpRequest r) => Write(r, "campaign/status/update/", body =>
            Each(body, "campaign_ids", o => o with { Enabled = Status(body) })));
        app.MapPost("/open_api/v1.3/adgroup/status/update/", (HttpRequest r) => Write(r, "adgroup/status/update/", body =>
            Each(body, "adgroup_ids", o => o with { Enabled = Status(body) })));
        app.MapPost("/open_api/v1.3/adgroup/budget/update/", (HttpRequest r) => Write(r, "adgroup/budget/update/", body =>
        {
            var scheduled = body["scheduled_budget"] is JsonArray;
            var items = (body[scheduled ? "scheduled_budget" : "budget"] as JsonArray ?? []).OfType<JsonObject>().ToList();
            foreach (var item in items)
            {
                var current = Get(item["adgroup_id"]!.GetValue<string>());
                var amount = item[scheduled ? "scheduled_budget" : "budget"]!.GetValue<decimal>();
                if (Cbo(current.CampaignId))
                {
                    return "Budget cannot be modified when campaign budget optimization is on.";
                }

                _objects[current.Id] = scheduled ? current with { ScheduledBudget = amount } : current with { Budget = amount };
            }

            return null;
        }));
        app.MapPost("/open_api/v1.3/campaign/update/", (HttpRequest r) => Write(r, "campaign/update/", body =>
        {
            var current = Get(body["campaign_id"]!.GetValue<string>());
            if (body["budget"] is { } budget)
            {
                _objects[current.Id] = current with { Budget = budget.GetValue<decimal>() };
            }

            return null;
        }));
    }

    /// <summary>Answers campaign/get (when filtered by id) and adgroup/get from the fake's current state; null for anything else.</summary>
    internal IResult? Answer(string path, IReadOnlyDictionary<string, string> query)
    {
        if (path is not ("campaign/get/" or "adgroup/get/") || (path == "campaign/get/" && !query.ContainsKey("filtering")))
        {
            return null;
        }

        var field = path == "campaign/get/" ? "campaign_ids" : "adgroup_ids";
        var ids = query.TryGetValue("filtering", out var filtering) && JsonNode.Parse(filtering)?[field] is JsonArray wanted
            ? wanted.Select(i => i!.GetValue<string>()).ToArray()
            : [];
        if (ids.Length == 0)
        {
            // Not a read of named objects (a listing by campaign, say): the report side of the fake answers it.
            return null;
        }

        var list = new JsonArray(ids.Select(Load).OfType<FakeObject>().Select(o => (JsonNode)(path == "campaign/get/"
            ? new JsonObject
            {
                ["campaign_id"] = o.Id, ["campaign_name"] = o.Name, ["operation_status"] = o.Enabled ? "ENABLE" : "DISABLE",
                ["budget"] = o.Budget, ["budget_mode"] = o.BudgetMode, ["budget_optimize_on"] = o.Cbo,
            }
            : new JsonObject
            {
                ["adgroup_id"] = o.Id, ["adgroup_name"] = o.Name, ["campaign_id"] = o.CampaignId, ["operation_status"] = o.Enabled ? "ENABLE" : "DISABLE",
                ["budget"] = o.Budget, ["budget_mode"] = o.BudgetMode, ["scheduled_budget"] = o.ScheduledBudget,
            })).ToArray());
        return Envelope(0, "OK", new JsonObject
        {
            ["list"] = list,
            ["page_info"] = new JsonObject { ["page"] = 1, ["page_size"] = 10, ["total_page"] = 1, ["total_number"] = list.Count },
        });
    }

    private async Task<IResult> Write(HttpRequest request, string path, Func<JsonObject, string?> apply)
    {
        var body = await JsonNode.ParseAsync(request.Body) as JsonObject ?? [];
        if (!_tokenValid(request.Headers["Access-Token"].ToString()))
        {
            Writes.Enqueue(new RecordedWrite(path, body, false));
            return Envelope(40105, "Access token is invalid or has expired.", null);
        }

        if (DenyWrites)
        {
            Writes.Enqueue(new RecordedWrite(path, body, false));
            return Envelope(40001, $"No permission to operate advertiser {body["advertiser_id"]}.", null);
        }

        if (Interlocked.Decrement(ref _rateLimitedLeft) >= 0)
        {
            Writes.Enqueue(new RecordedWrite(path, body, false));
            return Envelope(40100, "Requests made too frequently. Please try again later.", null);
        }

        string? refusal;
        try
        {
            refusal = apply(body);
        }
        catch (Exception e) when (e is KeyNotFoundException or NullReferenceException or InvalidOperationException or FormatException)
        {
            refusal = $"Invalid request: {e.Message}";
        }

        Writes.Enqueue(new RecordedWrite(path, body, refusal is null));
        if (refusal is not null)
        {
            return Envelope(40002, refusal, null);
        }

        if (Interlocked.Decrement(ref _hangAfterApplyLeft) >= 0)
        {
            AppliedAndHanging.TrySetResult();
            // Held until the client gives up and drops the connection.
            await Task.Delay(Timeout.InfiniteTimeSpan, request.HttpContext.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
            return Results.Empty;
        }

        return Envelope(0, "OK", new JsonObject());
    }

    private string? Each(JsonObject body, string field, Func<FakeObject, FakeObject> change)
    {
        foreach (var id in (body[field] as JsonArray ?? []).Select(i => i!.GetValue<string>()))
        {
            _objects[id] = change(Get(id));
        }

        return null;
    }

    private static bool Status(JsonObject body) => body["operation_status"]?.GetValue<string>() == "ENABLE";

    private bool Cbo(string campaignId) => Load(campaignId)?.Cbo ?? false;

    /// <summary>The object as written, or as the demo data set describes it before any write.</summary>
    private FakeObject? Load(string id) => _objects.TryGetValue(id, out var known) ? known : FromDemo(id) is { } fresh ? _objects.GetOrAdd(id, fresh) : null;

    private FakeObject? FromDemo(string id)
    {
        var campaignId = id.Split('-')[0];
        var campaign = _demo.DataSet.Campaigns.FirstOrDefault(c => c.Info.Id == campaignId)?.Info;
        if (campaign is null)
        {
            return null;
        }

        if (id == campaignId)
        {
            return new FakeObject(id, campaign.Name, id, campaign.Status == "ENABLE", campaign.Budget, "BUDGET_MODE_DAY", false);
        }

        var today = _demo.DataSet.Today;
        var group = _demo.GetBreakdownAsync(campaignId, BreakdownDimension.AdGroup, new DateRange(today, today), CancellationToken.None).Result.FirstOrDefault(g => g.Key == id);
        // Budgets in whole units per ad group: half, 30% and 20% of the campaign's, like the demo's delivery shares.
        var share = id.EndsWith("-g1", StringComparison.Ordinal) ? 0.5m : id.EndsWith("-g2", StringComparison.Ordinal) ? 0.3m : 0.2m;
        return group is null ? null : new FakeObject(id, group.Name, campaignId, true, Math.Round((campaign.Budget ?? 0m) * share, 0), "BUDGET_MODE_DAY", false);
    }

    private static IResult Envelope(int code, string message, JsonNode? data) => Results.Text(
        new JsonObject { ["code"] = code, ["message"] = message, ["request_id"] = Guid.NewGuid().ToString("N"), ["data"] = data ?? new JsonObject() }.ToJsonString(),
        "application/json");
}
