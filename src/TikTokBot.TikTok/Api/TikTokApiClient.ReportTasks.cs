using System.Collections.Frozen;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using TikTokBot.TikTok.Csv;

namespace TikTokBot.TikTok.Api;

/// <summary>
/// The asynchronous report task of TikTok's v1.3 (<c>report/task/create</c>, <c>report/task/check</c>,
/// <c>report/task/download</c>, <c>report/task/cancel</c>): for a report too large to page through. Every call takes
/// its turn from the task budget (TikTok's 2 a second, 60 a minute, 4,500 a day for the whole app), checks come on a
/// doubling schedule of the client's clock, and the downloaded file is read into the same rows the pages would give.
/// </summary>
public sealed partial class TikTokApiClient
{
    private const string TaskCreate = "report/task/create/";
    private const string TaskCheck = "report/task/check/";
    private const string TaskDownload = "report/task/download/";
    private const string TaskCancel = "report/task/cancel/";

    private async Task<IReadOnlyList<ReportRow>> ReadAsTaskAsync(IReadOnlyDictionary<string, string> parameters, CancellationToken cancellationToken)
    {
        var settings = _options.AsyncReports;
        var progress = ReportTaskProgress.Current;
        var advertiser = parameters.GetValueOrDefault("advertiser_id") ?? "";
        var started = _time.GetUtcNow();
        string taskId;
        using (var created = (await CallAsync(_tasks, TaskCreate, () => Post(TaskCreate, TaskBody(parameters)), cancellationToken).ConfigureAwait(false)).Json!)
        {
            taskId = created.RootElement.GetProperty("data").TryGetProperty("task_id", out var id) && id.ValueKind is JsonValueKind.String or JsonValueKind.Number
                ? (id.ValueKind == JsonValueKind.String ? id.GetString()! : id.GetRawText())
                : throw Unreadable("report/task/create sent no task_id");
        }

        _logger.LogInformation("TikTok report task {TaskId} created for advertiser {Advertiser}", taskId, advertiser);
        progress?.Report(new ReportTaskStatus(ReportTaskState.Queued, TimeSpan.Zero));
        var done = false;
        try
        {
            var interval = settings.FirstCheckAfter;
            var due = started + interval;
            while (true)
            {
                // The due time is absolute: however long the check itself took, checks keep their schedule.
                var wait = due - _time.GetUtcNow();
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, _time, cancellationToken).ConfigureAwait(false);
                }

                var (status, message) = await CheckAsync(advertiser, taskId, cancellationToken).ConfigureAwait(false);
                var elapsed = _time.GetUtcNow() - started;
                if (status == "SUCCESS")
                {
                    break;
                }

                if (status is "FAILED" or "CANCELED" or "CANCELLED")
                {
                    done = true;
                    _logger.LogWarning("TikTok report task {TaskId} ended {Status}: {Message}", taskId, status, message);
                    throw new TikTokApiException(0, $"report task {taskId} {status}: {message}", null,
                        $"TikTok could not prepare this large report (its report task {(status == "FAILED" ? "failed" : "was cancelled")}" +
                        $"{(string.IsNullOrWhiteSpace(message) ? "" : $": {message}")}). Try again later, or pick a shorter period.");
                }

                if (status is not ("QUEUING" or "PROCESSING"))
                {
                    throw Unreadable($"report task status '{status}'");
                }

                if (elapsed >= settings.MaxWait)
                {
                    throw new TikTokApiException(0, $"report task {taskId} still {status} after {elapsed}", null,
                        $"TikTok did not finish preparing this large report within {settings.MaxWait.TotalMinutes:0} minutes. Try again later, or pick a shorter period.");
                }

                // The next check is due before anyone hears of this one: what they do meanwhile does not move it.
                interval = interval * 2 < settings.MaxCheckInterval ? interval * 2 : settings.MaxCheckInterval;
                due = _time.GetUtcNow() + interval;
                progress?.Report(new ReportTaskStatus(status == "QUEUING" ? ReportTaskState.Queued : ReportTaskState.Running, elapsed));
            }

            progress?.Report(new ReportTaskStatus(ReportTaskState.Downloading, _time.GetUtcNow() - started));
            var file = await DownloadAsync(advertiser, taskId, cancellationToken).ConfigureAwait(false);
            done = true;
            var rows = ReadTaskFile(file, Dimensions(parameters));
            _logger.LogInformation("TikTok report task {TaskId} read: {Rows} rows in {Elapsed}", taskId, rows.Count, _time.GetUtcNow() - started);
            progress?.Report(new ReportTaskStatus(ReportTaskState.Done, _time.GetUtcNow() - started, rows.Count));
            return rows;
        }
        catch when (!done)
        {
            // Nobody will read it: TikTok's queue is freed for the app's other tasks (one call of the task budget, best effort).
            await CancelQuietlyAsync(advertiser, taskId).ConfigureAwait(false);
            throw;
        }
    }

    private async Task<(string Status, string Message)> CheckAsync(string advertiser, string taskId, CancellationToken cancellationToken)
    {
        var uri = TaskUri(TaskCheck, advertiser, taskId);
        using var answer = (await CallAsync(_tasks, TaskCheck, () => new HttpRequestMessage(HttpMethod.Get, uri), cancellationToken).ConfigureAwait(false)).Json
            ?? throw Unreadable("report/task/check sent a file");
        var data = answer.RootElement.GetProperty("data");
        var status = data.TryGetProperty("status", out var s) && s.ValueKind == JsonValueKind.String ? s.GetString()! : "";
        var message = data.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString()! : "";
        return (status.ToUpperInvariant(), message);
    }

    /// <summary>The task's file: sent as the answer itself, or (as some API versions do) as a <c>download_url</c> in the envelope.</summary>
    private async Task<string> DownloadAsync(string advertiser, string taskId, CancellationToken cancellationToken)
    {
        var uri = TaskUri(TaskDownload, advertiser, taskId);
        var reply = await CallAsync(_tasks, TaskDownload, () => new HttpRequestMessage(HttpMethod.Get, uri), cancellationToken).ConfigureAwait(false);
        if (reply.File is { } file)
        {
            return file;
        }

        using var answer = reply.Json!;
        if (answer.RootElement.GetProperty("data").TryGetProperty("download_url", out var url) && url.ValueKind == JsonValueKind.String &&
            Uri.TryCreate(url.GetString(), UriKind.Absolute, out var location))
        {
            // A signed file address, not an API call: no token, no quota.
            using var response = await SendAsync(new HttpRequestMessage(HttpMethod.Get, location), cancellationToken).ConfigureAwait(false);
            return response.IsSuccessStatusCode
                ? await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false)
                : throw TikTokEnvelope.HttpError(response.StatusCode, TikTokCall.Read);
        }

        throw Unreadable("report/task/download sent neither a file nor a download_url");
    }

    private async Task CancelQuietlyAsync(string advertiser, string taskId)
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            var body = new JsonObject { ["advertiser_id"] = advertiser, ["task_id"] = taskId };
            using var _ = (await CallAsync(_tasks, TaskCancel, () => Post(TaskCancel, body), limit.Token).ConfigureAwait(false)).Json;
        }
        catch (Exception e) when (e is Sources.MetricSourceException or OperationCanceledException or HttpRequestException)
        {
            _logger.LogInformation("TikTok report task {TaskId} could not be cancelled ({Failure}); TikTok drops it in time", taskId, e.GetType().Name);
        }
    }

    private HttpRequestMessage Post(string path, JsonObject body) => new(HttpMethod.Post, new Uri(_options.ApiBaseUrl, path))
    {
        Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"),
    };

    private Uri TaskUri(string path, string advertiser, string taskId) =>
        new(_options.ApiBaseUrl, $"{path}?advertiser_id={Uri.EscapeDataString(advertiser)}&task_id={Uri.EscapeDataString(taskId)}");

    /// <summary>The report's query as the task's JSON body: the JSON-encoded arrays and objects as themselves, flags as booleans.</summary>
    internal static JsonObject TaskBody(IReadOnlyDictionary<string, string> parameters)
    {
        var body = new JsonObject();
        foreach (var (name, value) in parameters)
        {
            body[name] = value switch
            {
                "true" => true,
                "false" => false,
                ['[', ..] or ['{', ..] => JsonNode.Parse(value),
                _ => value,
            };
        }

        return body;
    }

    private static HashSet<string> Dimensions(IReadOnlyDictionary<string, string> parameters) =>
        new(parameters.TryGetValue("dimensions", out var d) ? JsonSerializer.Deserialize<string[]>(d) ?? [] : [], StringComparer.Ordinal);

    /// <summary>
    /// The task's CSV as the rows of the synchronous report: a column named after an asked dimension is a dimension, any
    /// other a metric (as text, which <see cref="ReportRow"/> reads as it reads TikTok's string values); an empty cell is a
    /// metric not sent. Ads Manager's display headers ("Campaign ID", "Cost", "By Day") are read as their API names.
    /// </summary>
    internal static IReadOnlyList<ReportRow> ReadTaskFile(string file, IReadOnlySet<string> dimensions)
    {
        var csv = new CsvRecords(new StringReader(file));
        if (!csv.Read())
        {
            return [];
        }

        var names = csv.Record!.Select(ApiName).ToArray();
        var rows = new List<ReportRow>();
        while (csv.Read())
        {
            var record = csv.Record!;
            if (record.Length == 1 && record[0].Length == 0)
            {
                continue;
            }

            if (record.Length != names.Length)
            {
                throw Unreadable($"line {csv.Line} of the report task's file has {record.Length} of {names.Length} columns");
            }

            var dims = new Dictionary<string, string>(StringComparer.Ordinal);
            var values = new JsonObject();
            for (var i = 0; i < names.Length; i++)
            {
                if (dimensions.Contains(names[i]))
                {
                    dims[names[i]] = record[i];
                }
                else if (record[i].Length > 0)
                {
                    values[names[i]] = record[i];
                }
            }

            var metrics = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
            foreach (var metric in JsonSerializer.SerializeToElement(values).EnumerateObject())
            {
                metrics[metric.Name] = metric.Value;
            }

            rows.Add(new ReportRow(dims, metrics));
        }

        return rows;
    }

    private static readonly FrozenDictionary<string, string> DisplayHeaders = AdsManagerCsv.Headers
        .SelectMany(h => h.Value.Select(header => (header, name: h.Key == "date" ? "stat_time_day" : h.Key)))
        .GroupBy(h => h.header, StringComparer.OrdinalIgnoreCase)
        .ToFrozenDictionary(g => g.Key, g => g.First().name, StringComparer.OrdinalIgnoreCase);

    private static string ApiName(string header)
    {
        // An API name ("campaign_id", "spend") is itself; only a display header is looked up.
        var name = header.Trim();
        return name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '_') ? name
            : DisplayHeaders.TryGetValue(name, out var api) ? api : name;
    }
}
