-- wrk: POST a contribution per request, as a portal would.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer " .. os.getenv("PORTAL_KEY")
wrk.body = '{"text":"Bussen till vårdcentralen går för sällan; kvällsturer behövs.","channel":"web","themes":["trafik"]}'

-- Every status answered, summed over the threads and printed at the end: a write that failed fast
-- must not pass for a stored one (the bench leaves non-2xx answers out of the rate).
local threads = {}
function setup(thread)
  table.insert(threads, thread)
end
function init()
  statuses = {}
end
function response(status)
  statuses[status] = (statuses[status] or 0) + 1
end
function done()
  local total = {}
  for _, t in ipairs(threads) do
    for status, n in pairs(t:get("statuses")) do total[status] = (total[status] or 0) + n end
  end
  for status, n in pairs(total) do io.stderr:write(string.format("  status %d: %d answers\n", status, n)) end
end
