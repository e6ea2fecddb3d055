-- wrk script: each request picks a path at random from the file named by PATHS_FILE,
-- so caches see a realistic spread of products instead of one hot key.
local paths = {}

function init(args)
  local file = io.open(os.getenv("PATHS_FILE"), "r")
  for line in file:lines() do
    paths[#paths + 1] = line
  end
  file:close()
  math.randomseed(os.time() + tonumber(tostring(args):sub(-6), 16) % 1000)
end

function request()
  return wrk.format("GET", paths[math.random(#paths)])
end

-- with REPORT_FILE set, the run's numbers as JSON (report.lua; LOAD_DIR is where it lies)
local dir = os.getenv("LOAD_DIR")
if dir then dofile(dir .. "/report.lua") end
