-- ARGV: prefix, state or '', incident id or '', limit, before (a notice id) or '', ended after
-- (unix ms, exclusive) or ''. Newest first (created at, then id, both descending), the same order
-- as SQLite's ORDER BY created_at DESC, id DESC, which is how ZREVRANGEBYSCORE orders equal scores.
-- `before` pages by keyset: only what comes after that notice in this order (nothing when it does
-- not exist), read from the index down from its created-at, a batch at a time.
local state, incident, limit, before, ended_after = ARGV[2], ARGV[3], tonumber(ARGV[4]), ARGV[5], ARGV[6]
if limit <= 0 then return {} end
local created = key('notices', 'created')
local index, filters = created, {}
if incident ~= '' then
  index = key('notices', 'incident', incident)
  if state ~= '' then filters[#filters + 1] = key('notices', 'state', state) end
elseif state ~= '' then
  index = key('notices', 'state', state)
end

local max, before_at = '+inf', nil
if before ~= '' then
  before_at = tonumber(redis.call('ZSCORE', created, before))
  if not before_at then return {} end
  max = before_at
end

-- Whether the notice comes after `before` and is in every filter.
local function wanted(id, at)
  if before_at and (at > before_at or (at == before_at and id >= before)) then return false end
  for _, set in ipairs(filters) do
    if not redis.call('ZSCORE', set, id) then return false end
  end
  return true
end

local kept = {}
if ended_after ~= '' then
  -- The few that ended since then, from their own index, put in the listing's order here.
  filters[#filters + 1] = index
  local rows = {}
  for _, id in ipairs(redis.call('ZRANGEBYSCORE', key('notices', 'ended'), '(' .. ended_after, '+inf')) do
    local at = tonumber(redis.call('ZSCORE', created, id))
    if at and wanted(id, at) then rows[#rows + 1] = {id, at} end
  end
  table.sort(rows, function(a, b) if a[2] ~= b[2] then return a[2] > b[2] end return a[1] > b[1] end)
  for i = 1, math.min(limit, #rows) do kept[i] = rows[i][1] end
  return load_notices(kept)
end

local batch_size, offset = math.min(limit + 1, 500), 0
while #kept < limit do
  local batch = redis.call('ZREVRANGEBYSCORE', index, max, '-inf', 'WITHSCORES', 'LIMIT', offset, batch_size)
  if #batch == 0 then break end
  for i = 1, #batch, 2 do
    if wanted(batch[i], tonumber(batch[i + 1])) then
      kept[#kept + 1] = batch[i]
      if #kept >= limit then break end
    end
  end
  offset = offset + batch_size
end
return load_notices(kept)
