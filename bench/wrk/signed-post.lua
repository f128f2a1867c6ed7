-- Replays one signed Slack request written by `TikTokBot.LoadTest sign` (BENCH_REQUEST=<prefix>: prefix.body,
-- prefix.timestamp, prefix.signature) and prints the run's figures as one JSON line, labelled BENCH_LABEL / BENCH_RUN /
-- BENCH_CONNECTIONS (wrk's -c, which the script cannot read itself).

local prefix = os.getenv("BENCH_REQUEST")

local function read(path)
  local file = assert(io.open(path, "rb"))
  local text = file:read("*a")
  file:close()
  return text
end

wrk.method = "POST"
wrk.body = read(prefix .. ".body")
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.headers["X-Slack-Request-Timestamp"] = read(prefix .. ".timestamp")
wrk.headers["X-Slack-Signature"] = read(prefix .. ".signature")

done = function(summary, latency, requests)
  local e = summary.errors
  local seconds = summary.duration / 1e6
  io.write(string.format(
    '{"kind":"wrk","label":"%s","connections":%d,"run":%d,"requests":%d,"seconds":%.3f,"rps":%.1f,' ..
    '"latency":{"p50":%.3f,"p99":%.3f,"p999":%.3f,"max":%.3f},' ..
    '"errors":{"connect":%d,"read":%d,"write":%d,"status":%d,"timeout":%d}}\n',
    os.getenv("BENCH_LABEL") or "", tonumber(os.getenv("BENCH_CONNECTIONS") or "0"), tonumber(os.getenv("BENCH_RUN") or "1"), summary.requests, seconds, summary.requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency:percentile(99.9) / 1000, latency.max / 1000,
    e.connect, e.read, e.write, e.status, e.timeout))
end
