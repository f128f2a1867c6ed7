using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace TikTokBot.Testing;

/// <summary>
/// TikTok's asynchronous report task in the fake: <c>POST report/task/create/</c> (the report's fields as a JSON body,
/// answered with <c>data.task_id</c>), <c>GET report/task/check/</c> (<c>data.status</c> QUEUING, PROCESSING, SUCCESS,
/// FAILED or CANCELED), <c>GET report/task/download/</c> (the report as a CSV file whose header is the asked dimensions
/// then metrics) and <c>POST report/task/cancel/</c>. The task endpoints have their own app-wide limits, as at TikTok:
/// 2 a second and 60 a minute whatever token or instance calls, answered 40100 over them.
/// </summary>
public sealed partial class FakeTikTokApi
{
    private readonly ConcurrentDictionary<string, FakeReportTask> _tasks = new();
    private readonly Queue<long> _taskArrivals = new();
    private int _taskOverQuota;
    private long _taskIds = 7_300_000_000_000_000_000;

    /// <summary>TikTok's limit on the task endpoints for the whole app, per second (2 on every tier).</summary>
    public int TaskQuotaPerSecond { get; set; } = 2;

    /// <summary>TikTok's limit on the task endpoints for the whole app, per minute (60 on every tier).</summary>
    public int TaskQuotaPerMinute { get; set; } = 60;

    /// <summary>Task calls answered 40100 for going over <see cref="TaskQuotaPerSecond"/> or <see cref="TaskQuotaPerMinute"/>.</summary>
    public int TaskOverQuota => Volatile.Read(ref _taskOverQuota);

    /// <summary>The most task calls that arrived within any one second (sliding).</summary>
    public int MostTaskCallsInOneSecond { get; private set; }

    /// <summary>How many checks a new task answers QUEUING, then how many PROCESSING, before SUCCESS.</summary>
    public (int Queuing, int Processing) TaskChecks { get; set; } = (1, 1);

    /// <summary>When set, every task ends FAILED with this message at its first check past the queue.</summary>
    public string? FailTasksWith { get; set; }

    /// <summary>The tasks created, by id.</summary>
    public IReadOnlyDictionary<string, FakeReportTask> Tasks => _tasks;

    public IEnumerable<RecordedRequest> TaskCalls => Requests.Where(r => r.Path.StartsWith("report/task/", StringComparison.Ordinal));

    private void MapReportTasks(WebApplication app)
    {
        app.MapPost("/open_api/v1.3/report/task/create/", (HttpRequest r) => TaskCall(r, "report/task/create/", CreateTask));
        app.MapGet("/open_api/v1.3/report/task/check/", (HttpRequest r) => TaskCall(r, "report/task/check/", CheckTask));
        app.MapGet("/open_api/v1.3/report/task/download/", (HttpRequest r) => TaskCall(r, "report/task/download/", DownloadTask));
        app.MapPost("/open_api/v1.3/report/task/cancel/", (HttpRequest r) => TaskCall(r, "report/task/cancel/", CancelTask));
    }

    private async Task<IResult> TaskCall(HttpRequest request, string path, Func<Dictionary<string, string>, string, Task<IResult>> answer)
    {
        var token = request.Headers["Access-Token"].ToString();
        var fields = request.Method == HttpMethods.Post ? await BodyFields(request) : request.Query.ToDictionary(q => q.Key, q => q.Value.ToString());
        Requests.Enqueue(new RecordedRequest(path, fields, token));
        if (OverTaskQuota())
        {
            return Envelope(40100, "Requests made too frequently. Please try again later.", null);
        }

        if (Delay > TimeSpan.Zero)
        {
            await Task.Delay(Delay);
        }

        if (token != Token && !Accounts.Serves(token))
        {
            return Envelope(40105, "Access token is invalid or has expired.", null);
        }

        if (token != Token && Accounts.Reads(token, fields.GetValueOrDefault("advertiser_id")) is null)
        {
            return Envelope(40001, "No permission to operate advertiser.", null);
        }

        if (Refuse is { } refusal)
        {
            return Envelope(refusal.Code, refusal.Message, null);
        }

        try
        {
            return await answer(fields, token);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or FormatException)
        {
            return Envelope(40002, $"Invalid request: {e.Message}", null);
        }
    }

    private Task<IResult> CreateTask(Dictionary<string, string> fields, string token)
    {
        if (ReportRules.Refusal("report/integrated/get/", fields) is { } refused)
        {
            return Task.FromResult(Envelope(40002, refused, null));
        }

        var id = Interlocked.Increment(ref _taskIds).ToString(CultureInfo.InvariantCulture);
        _tasks[id] = new FakeReportTask(id, fields, token);
        return Task.FromResult(Envelope(0, "OK", new JsonObject { ["task_id"] = id }));
    }

    private Task<IResult> CheckTask(Dictionary<string, string> query, string token)
    {
        if (Own(query, token) is not { } task)
        {
            return Task.FromResult(Envelope(40002, "task_id: The task does not exist.", null));
        }

        var status = task.Advance(TaskChecks, FailTasksWith);
        var data = new JsonObject { ["task_id"] = task.Id, ["status"] = status };
        if (status == "FAILED")
        {
            data["message"] = FailTasksWith;
        }

        return Task.FromResult(Envelope(0, "OK", data));
    }

    private async Task<IResult> DownloadTask(Dictionary<string, string> query, string token)
    {
        if (Own(query, token) is not { } task)
        {
            return Envelope(40002, "task_id: The task does not exist.", null);
        }

        if (task.Status != "SUCCESS")
        {
            return Envelope(40002, $"The task is {task.Status}; only a task in SUCCESS can be downloaded.", null);
        }

        var advertiser = token == Token ? null : Accounts.Reads(token, task.Fields.GetValueOrDefault("advertiser_id"));
        var rows = await Report(new Dictionary<string, string>(task.Fields), advertiser);
        var dimensions = JsonSerializer.Deserialize<string[]>(task.Fields["dimensions"])!;
        var metrics = task.Fields.TryGetValue("metrics", out var m) ? JsonSerializer.Deserialize<string[]>(m)! : ["spend", "impressions"];
        var csv = new StringBuilder();
        csv.AppendJoin(',', dimensions.Concat(metrics)).Append('\n');
        foreach (var row in rows)
        {
            var cells = dimensions.Select(d => row["dimensions"]?[d]).Concat(metrics.Select(name => row["metrics"]?[name])).Select(Cell);
            csv.AppendJoin(',', cells).Append('\n');
        }

        return Results.Text(csv.ToString(), "text/csv");
    }

    private Task<IResult> CancelTask(Dictionary<string, string> fields, string token)
    {
        if (Own(fields, token) is not { } task)
        {
            return Task.FromResult(Envelope(40002, "task_id: The task does not exist.", null));
        }

        task.Cancel();
        return Task.FromResult(Envelope(0, "OK", new JsonObject()));
    }

    private FakeReportTask? Own(Dictionary<string, string> fields, string token) =>
        _tasks.TryGetValue(fields.GetValueOrDefault("task_id") ?? "", out var task) && task.Token == token &&
        task.Fields.GetValueOrDefault("advertiser_id") == fields.GetValueOrDefault("advertiser_id")
            ? task
            : null;

    // A value as a CSV cell: text as it is (quoted when it must be), numbers in their JSON form, null as empty.
    private static string Cell(JsonNode? value)
    {
        var text = value is null ? "" : value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : value.ToJsonString();
        return text.IndexOfAny([',', '"', '\n']) >= 0 ? $"\"{text.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : text;
    }

    // The body's fields in the shape of a query: arrays and objects as their JSON text, flags and numbers as text.
    private static async Task<Dictionary<string, string>> BodyFields(HttpRequest request)
    {
        using var body = await JsonDocument.ParseAsync(request.Body);
        return body.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.ValueKind switch
        {
            JsonValueKind.String => p.Value.GetString()!,
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            _ => p.Value.GetRawText(),
        });
    }

    // TikTok's wall clock, as for the main quota: the task limits count real seconds and minutes, sliding.
    private bool OverTaskQuota()
    {
        lock (_taskArrivals)
        {
            var now = System.Diagnostics.Stopwatch.GetTimestamp();
            var minuteAgo = now - 60 * System.Diagnostics.Stopwatch.Frequency;
            var secondAgo = now - System.Diagnostics.Stopwatch.Frequency;
            while (_taskArrivals.TryPeek(out var first) && first <= minuteAgo)
            {
                _taskArrivals.Dequeue();
            }

            _taskArrivals.Enqueue(now);
            var inSecond = _taskArrivals.Count(t => t > secondAgo);
            MostTaskCallsInOneSecond = Math.Max(MostTaskCallsInOneSecond, inSecond);
            if (inSecond <= TaskQuotaPerSecond && _taskArrivals.Count <= TaskQuotaPerMinute)
            {
                return false;
            }
        }

        Interlocked.Increment(ref _taskOverQuota);
        return true;
    }
}

/// <summary>One report task of the fake: the report's fields, who created it, and how far it has gone.</summary>
public sealed class FakeReportTask(string id, IReadOnlyDictionary<string, string> fields, string token)
{
    private readonly Lock _gate = new();
    private int _checks;

    public string Id { get; } = id;

    public IReadOnlyDictionary<string, string> Fields { get; } = fields;

    public string Token { get; } = token;

    public string Status { get; private set; } = "QUEUING";

    public bool Cancelled => Status == "CANCELED";

    internal string Advance((int Queuing, int Processing) checks, string? failWith)
    {
        lock (_gate)
        {
            if (Status is "SUCCESS" or "FAILED" or "CANCELED")
            {
                return Status;
            }

            _checks++;
            Status = _checks <= checks.Queuing ? "QUEUING"
                : failWith is not null ? "FAILED"
                : _checks <= checks.Queuing + checks.Processing ? "PROCESSING"
                : "SUCCESS";
            return Status;
        }
    }

    internal void Cancel()
    {
        lock (_gate)
        {
            if (Status is "QUEUING" or "PROCESSING")
            {
                Status = "CANCELED";
            }
        }
    }
}
