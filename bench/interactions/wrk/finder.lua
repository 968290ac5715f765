-- GETs BENCH_PATH with the bearer token BENCH_TOKEN; prints one RESULT line (latencies in µs).
local path = os.getenv("BENCH_PATH")
local token = os.getenv("BENCH_TOKEN")
local failures = 0

wrk.method = "GET"
wrk.path = path
wrk.headers["Authorization"] = "Bearer " .. token

function response(status, headers, body)
  if status ~= 200 then
    failures = failures + 1
    if failures < 3 then io.stderr:write("unexpected " .. status .. ": " .. body .. "\n") end
  end
end

function done(summary, latency, requests)
  io.write(string.format("RESULT requests=%d duration_us=%d non2xx=%d p50_us=%d p95_us=%d p99_us=%d mean_us=%.0f\n",
    summary.requests, summary.duration, summary.errors.status, latency:percentile(50), latency:percentile(95),
    latency:percentile(99), latency.mean))
end
