-- ARGV: prefix, then incident ids. Flat pairs (doc, rowVersion) of those incidents' banner
-- candidates, for the domain to decide which of them a save leaves in the set.
local found = {}
for i = 2, #ARGV do
  for _, id in ipairs(redis.call('ZRANGE', key('notices', 'incident', ARGV[i]), 0, -1)) do
    if redis.call('SISMEMBER', key('notices', 'banner'), id) == 1 then found[#found + 1] = id end
  end
end
return load_notices(found)
