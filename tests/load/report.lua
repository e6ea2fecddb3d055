-- wrk reporter, loaded by the request scripts here: at the end of a run, writes its numbers as one
-- JSON object to the file named by REPORT_FILE (bench.py reads it). Latencies in microseconds.
function done(summary, latency, requests)
  local out = os.getenv("REPORT_FILE")
  if out == nil or out == "" then return end
  local e = summary.errors
  local file = io.open(out, "w")
  file:write(string.format(
    '{"requests":%d,"durationMicros":%d,"bytes":%d,'
      .. '"errors":{"connect":%d,"read":%d,"write":%d,"status":%d,"timeout":%d},'
      .. '"latencyMicros":{"p50":%d,"p90":%d,"p99":%d,"p999":%d,"max":%d,"mean":%.1f}}\n',
    summary.requests, summary.duration, summary.bytes,
    e.connect, e.read, e.write, e.status, e.timeout,
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency:percentile(99.9),
    latency.max, latency.mean))
  file:close()
end
