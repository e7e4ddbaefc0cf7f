-- Put in front of every other script. ARGV[1] is the deployment's key prefix; the layout below
-- mirrors RedisKeys.cs and README.md.
local prefix = ARGV[1]

local function key(...)
  return prefix .. table.concat({...}, ':')
end

-- Flat pairs (doc, rowVersion) for the notices that exist, in the order of the ids given.
local function load_notices(ids)
  local found = {}
  for _, id in ipairs(ids) do
    local notice = redis.call('HMGET', key('notice', id), 'doc', 'rowVersion')
    if notice[1] then
      found[#found + 1] = notice[1]
      found[#found + 1] = notice[2]
    end
  end
  return found
end

-- The first `limit` members of a sorted set in the given direction that are also in `filter`.
local function ranked(index, reverse, limit, filter)
  local range = reverse and 'ZREVRANGE' or 'ZRANGE'
  if limit <= 0 then return {} end
  if not filter then return redis.call(range, index, 0, limit - 1) end
  local kept = {}
  for _, member in ipairs(redis.call(range, index, 0, -1)) do
    if #kept >= limit then break end
    if redis.call('ZSCORE', filter, member) then kept[#kept + 1] = member end
  end
  return kept
end

