-- wrk script of Scripts/load-test.sh: each wrk thread sends its lane of the corpus that
-- `WebhookExampleServer --load-test-corpus FILE` wrote, pass after pass, and sorts every answer by what it
-- answered: the server echoes the request's x-load-test-entry header, and its handler adds
-- x-load-test-handler-runs when it ran.
--
--   wrk -t LANES -c CONNECTIONS -d SECONDS --latency -s Scripts/load-test.lua http://127.0.0.1:PORT -- CORPUS
--
-- The corpus: a line "lane <n> <id> <id> ..." per lane (one pass, in order), then per request a line
-- "request <id> <lane> <kind> <status> <delivery> <length>", <length> bytes of raw HTTP and a newline.
-- The copies of a valid delivery carry the same bytes, so an answer cannot say which copy it answers: the one
-- that ran the handler counts as "valid", every other as "replay", and each delivery must have exactly one
-- "valid" answer. done() prints "load-test <name> <value>" lines for the shell script, which does the checking.

local threads = {}

function setup(thread)
  table.insert(threads, thread)
  thread:set("lane", #threads)
end

function init(args)
  entries, order, counts, answered, handled, position = {}, {}, {}, {}, {}, 0
  local file = assert(io.open(args[1], "rb"))
  for line in file:lines() do
    local n, ids = line:match("^lane (%d+) (.*)$")
    if n then
      if tonumber(n) == lane then
        for id in ids:gmatch("%d+") do order[#order + 1] = tonumber(id) end
      end
    else
      local id, l, kind, status, delivery, length =
        line:match("^request (%d+) (%d+) (%a+) (%d+) (%d+) (%d+)$")
      assert(id, "not a corpus line: " .. line:sub(1, 80))
      local raw = file:read(tonumber(length))
      file:read(1) -- the newline after the request
      if tonumber(l) == 0 or tonumber(l) == lane then
        entries[tonumber(id)] = { raw = raw, kind = kind, status = tonumber(status), delivery = tonumber(delivery) }
      end
    end
  end
  file:close()
  assert(#order > 0, "no requests for lane " .. lane)
  counts["pass_length"] = #order
end

local function count(name)
  counts[name] = (counts[name] or 0) + 1
end

function request()
  position = position % #order + 1
  count("sent")
  return entries[order[position]].raw
end

function response(status, headers, body)
  local entry = entries[tonumber(headers["x-load-test-entry"] or "")]
  if not entry then
    count("answers unmatched " .. status)
    return
  end
  local kind, runs = entry.kind, headers["x-load-test-handler-runs"]
  if kind == "valid" then
    local delivery = entry.delivery
    if not answered[delivery] then
      answered[delivery] = true
      count("deliveries_answered")
    end
    if runs then
      handled[delivery] = (handled[delivery] or 0) + 1
      if handled[delivery] == 1 then count("deliveries_handled") end
      if handled[delivery] == 2 then count("deliveries_handled_again") end
    else
      kind = "replay"
    end
  elseif runs then
    count("handled " .. kind)
  end
  count("answers " .. kind .. " " .. status)
  if status ~= entry.status then count("unexpected " .. kind) end
  if runs and runs ~= "1" then count("handler_ran_before") end
end

function done(summary, latency, requests)
  local totals = {}
  for _, thread in ipairs(threads) do
    for name, value in pairs(thread:get("counts")) do totals[name] = (totals[name] or 0) + value end
  end
  local seconds = summary.duration / 1e6
  local lines = {
    string.format("requests %d", summary.requests),
    string.format("seconds %.3f", seconds),
    string.format("requests_per_second %.0f", summary.requests / seconds),
    string.format("p50_ms %.3f", latency:percentile(50) / 1000),
    string.format("p90_ms %.3f", latency:percentile(90) / 1000),
    string.format("p99_ms %.3f", latency:percentile(99) / 1000),
    string.format("max_ms %.3f", latency.max / 1000),
  }
  for _, name in ipairs({ "connect", "read", "write", "timeout" }) do
    lines[#lines + 1] = string.format("errors_%s %d", name, summary.errors[name])
  end
  for name, value in pairs(totals) do lines[#lines + 1] = name:gsub(" ", "_") .. " " .. value end
  table.sort(lines)
  for _, line in ipairs(lines) do print("load-test " .. line) end
end
