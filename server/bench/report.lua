-- wrk script for server/bench/run.sh: the method, body (a file) and Authorization header come from the environment;
-- prints one machine-readable line: requests, seconds, p50 and p99 in ms, non-2xx answers and socket errors.
wrk.method = os.getenv("METHOD") or "GET"
local body_file = os.getenv("BODY_FILE")
if body_file and body_file ~= "" then
  local file = assert(io.open(body_file, "r"))
  wrk.body = file:read("*a")
  file:close()
  wrk.headers["Content-Type"] = "application/json"
end
local authorization = os.getenv("AUTHORIZATION")
if authorization and authorization ~= "" then
  wrk.headers["Authorization"] = authorization
end

done = function(summary, latency, requests)
  local errors = summary.errors
  io.write(string.format("requests %d seconds %.3f p50 %.3f p99 %.3f non2xx %d socket_errors %d\n",
    summary.requests, summary.duration / 1e6, latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    errors.status, errors.connect + errors.read + errors.write + errors.timeout))
end
