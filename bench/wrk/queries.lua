-- wrk script: cycles through a file of request lines, each thread from its own offset.
--   wrk ... -s queries.lua URL -- FILE PREFIX     GET PREFIX..line  (line: a URL-encoded query)
--   wrk ... -s queries.lua URL -- FILE POST PATH  POST PATH with line as the JSON body
local lines, i, mode, prefix = {}, 0, "GET", ""
local counter = 0

function setup(thread)
  thread:set("id", counter)
  counter = counter + 1
end

function init(args)
  for l in io.lines(args[1]) do if #l > 0 then lines[#lines + 1] = l end end
  if args[2] == "POST" then mode, prefix = "POST", args[3] else prefix = args[2] end
  i = (id or 0) * 997
end

function request()
  i = i + 1
  local l = lines[(i % #lines) + 1]
  if mode == "POST" then
    return wrk.format("POST", prefix, {["Content-Type"] = "application/json"}, l)
  end
  return wrk.format("GET", prefix .. l)
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT requests=%d duration_us=%d errors=%d non2xx=%d p50_us=%d p95_us=%d p99_us=%d max_us=%d\n",
    summary.requests, summary.duration, e.connect + e.read + e.write + e.timeout, e.status,
    latency:percentile(50), latency:percentile(95), latency:percentile(99), latency.max))
end
