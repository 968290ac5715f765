-- POSTs new interactions to BENCH_PATH with the bearer token BENCH_TOKEN; prints one RESULT line.
local path = os.getenv("BENCH_PATH")
local token = os.getenv("BENCH_TOKEN")
local counter = 0
local thread_id = 0

function setup(thread)
  thread_id = thread_id + 1
  thread:set("prefix", "t" .. thread_id)
end

function request()
  counter = counter + 1
  local body = string.format('{"title":"Benchmark call %s-%d","type":"Call","lead":"Olivia Smith",'
    .. '"start":"2026-05-01T10:00:00","end":"2026-05-01T10:30:00","timezone":"Europe/London",'
    .. '"location":"Room 2","description":"Created by the load driver to measure sustained creates"}',
    prefix or "t", counter)
  return wrk.format("POST", path, { ["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. token }, body)
end

function response(status, headers, body)
  if status ~= 201 then io.stderr:write("unexpected " .. status .. ": " .. body .. "\n") end
end

function done(summary, latency, requests)
  io.write(string.format("RESULT requests=%d duration_us=%d non2xx=%d p50_us=%d p95_us=%d p99_us=%d mean_us=%.0f\n",
    summary.requests, summary.duration, summary.errors.status, latency:percentile(50), latency:percentile(95),
    latency:percentile(99), latency.mean))
end
