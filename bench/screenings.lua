-- wrk script: POST /api/v1/screenings with the rotating names of bench/names.txt.
-- Usage (from the repository root): TOKEN=stc_... wrk -t2 -c64 -d30s --latency -s bench/screenings.lua http://127.0.0.1:8080
-- Where wrk shares the server's cores its latency figures are unreliable (docs/PERFORMANCE.md);
-- bench/screening-load.sh uses bench/ScreeningLoad.java instead.
local names = {}
for line in io.lines(os.getenv("NAMES") or "bench/names.txt") do
  if line:match("%S") and not line:match("^#") then names[#names + 1] = line end
end
local token = os.getenv("TOKEN")
local i = 0
request = function()
  i = i + 1
  local body = '{"name":"' .. names[(i % #names) + 1] .. '"}'
  return wrk.format("POST", "/api/v1/screenings",
    {["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. token}, body)
end
