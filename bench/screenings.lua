-- wrk script: POST /api/v1/screenings with a rotating mix of listed and unlisted names.
-- Usage: TOKEN=stc_... wrk -t2 -c64 -d30s --latency -s bench/screenings.lua http://127.0.0.1:8080
local names = {
  "Vladimir Putin", "Kim Jong Un", "Gazprom Bank", "Rosoboronexport", "Islamic Revolutionary Guard Corps",
  "Patricia Lucas Wheeler", "John Smith", "Acme Widgets GmbH", "Mohammed Al Rashid", "Siemens AG",
  "Bank Melli Iran", "Hamas", "Maria Gonzalez", "Tokyo Trading KK", "Abu Bakr al-Baghdadi",
  "Wagner Group", "Li Wei", "Hezbollah", "Sberbank", "Ahmad Khan"
}
local token = os.getenv("TOKEN")
local i = 0
request = function()
  i = i + 1
  local body = '{"name":"' .. names[(i % #names) + 1] .. '"}'
  return wrk.format("POST", "/api/v1/screenings",
    {["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. token}, body)
end
