-- wrk script: GET /api/search with one of a fixed list of queries (words,
-- pairs and phrases common in news text), in a seeded random order.
-- wrk -t2 -c50 -d20s --latency -s search.lua http://127.0.0.1:8080
local queries = {
  "oil", "bank", "profit", "shares", "trade", "election", "minister", "prices", "coffee", "wheat",
  "football", "film", "music", "mobile", "internet", "dollar", "interest rates", "oil prices",
  "\"central bank\"", "\"prime minister\"", "\"net profit\"", "\"trade deficit\"", "\"world cup\"",
  "tax budget", "company merger", "strike union", "gold mine", "crude output", "yen dollar",
  "\"said in a statement\"", "exports", "inflation", "government", "sugar", "airline", "election campaign",
}
local path = os.getenv("SEARCH_PATH") or "/api/search?q="
math.randomseed(7)
local function encode(s)
  return (s:gsub("[^%w%-_%.~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end
request = function()
  return wrk.format("GET", path .. encode(queries[math.random(1, #queries)]))
end
