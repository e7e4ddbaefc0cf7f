-- ARGV: prefix, notice id or '', incident id or '', actor or '', from ms or '', to ms or '' (exclusive),
-- before or '', limit. Flat pairs (sequence, doc), newest first: the entries numbered below `before`
-- that match every filter given. It walks the narrowest index down from `before` a batch at a time
-- and stops as soon as the page is full.
local notice, incident, actor = ARGV[2], ARGV[3], ARGV[4]
local from, to, before, limit = tonumber(ARGV[5]), tonumber(ARGV[6]), ARGV[7], tonumber(ARGV[8])
local sets = {}
if notice ~= '' then sets[#sets + 1] = key('audit', 'notice', notice) end
if incident ~= '' then sets[#sets + 1] = key('audit', 'incident', incident) end
if actor ~= '' then sets[#sets + 1] = key('audit', 'actor', actor) end
local index = table.remove(sets, 1) or key('audit', 'all')

local function matches(seq)
  for _, set in ipairs(sets) do
    if not redis.call('ZSCORE', set, seq) then return false end
  end
  if from or to then
    local at = tonumber(redis.call('ZSCORE', key('audit', 'at'), seq))
    if not at or (from and at < from) or (to and at >= to) then return false end
  end
  return true
end

local found, max = {}, before == '' and '+inf' or '(' .. before
while #found < limit * 2 do
  local batch = redis.call('ZREVRANGEBYSCORE', index, max, '-inf', 'LIMIT', 0, 200)
  if #batch == 0 then break end
  for _, seq in ipairs(batch) do
    if #found >= limit * 2 then break end
    if matches(seq) then
      local doc = redis.call('HGET', key('audit', 'entries'), seq)
      if doc then
        found[#found + 1] = seq
        found[#found + 1] = doc
      end
    end
  end
  max = '(' .. batch[#batch]
end
return found
