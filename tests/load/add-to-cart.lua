-- wrk script: each request adds one unit of a random SKU to a random cart. Carts and SKUs come
-- from the files named by CARTS_FILE and SKUS_FILE (one per line), prepared by bench.sh.
local carts, skus = {}, {}

local function read(name, into)
  local file = io.open(os.getenv(name), "r")
  for line in file:lines() do
    into[#into + 1] = line
  end
  file:close()
end

function init(args)
  read("CARTS_FILE", carts)
  read("SKUS_FILE", skus)
  math.randomseed(os.time() + tonumber(tostring(args):sub(-6), 16) % 1000)
end

function request()
  local cart = carts[math.random(#carts)]
  local sku = skus[math.random(#skus)]
  return wrk.format("POST", "/api/carts/" .. cart .. "/items", {["Content-Type"] = "application/json"},
    '{"sku":"' .. sku .. '","quantity":1}')
end

-- with REPORT_FILE set, the run's numbers as JSON (report.lua; LOAD_DIR is where it lies)
local dir = os.getenv("LOAD_DIR")
if dir then dofile(dir .. "/report.lua") end
