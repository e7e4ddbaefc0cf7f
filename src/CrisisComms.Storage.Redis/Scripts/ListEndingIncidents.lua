-- ARGV: prefix. Flat pairs (doc, rowVersion) of every notice of every incident that has a
-- withdrawn, expired or closed notice: what retention looks at (IRetentionStore).
local incidents, order = {}, {}
for _, state in ipairs({'withdrawn', 'expired', 'closed'}) do
  for _, id in ipairs(redis.call('ZRANGE', key('notices', 'state', state), 0, -1)) do
    local incident = redis.call('HGET', key('notice', id), 'incident')
    if incident and not incidents[incident] then
      incidents[incident] = true
      order[#order + 1] = incident
    end
  end
end
local found = {}
for _, incident in ipairs(order) do
  for _, value in ipairs(load_notices(redis.call('ZRANGE', key('notices', 'incident', incident), 0, -1))) do
    found[#found + 1] = value
  end
end
return found
