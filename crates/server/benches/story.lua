-- wrk script: GET a random story page (HTML) among story ids 1..STORIES.
-- STORIES=50000 wrk -t2 -c50 -d20s --latency -s story.lua http://127.0.0.1:8080
local stories = tonumber(os.getenv("STORIES") or "1000")
local path = os.getenv("STORY_PATH") or "/stories/"
math.randomseed(42)
request = function()
  return wrk.format("GET", path .. math.random(1, stories))
end
