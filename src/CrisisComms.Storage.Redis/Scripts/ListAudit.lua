-- ARGV: prefix, notice id or '', incident id or '', limit. Flat pairs (sequence, doc), oldest first.
local notice, incident, limit = ARGV[2], ARGV[3], tonumber(ARGV[4])
local index, filter
if notice ~= '' then
  index = key('audit', 'notice', notice)
  if incident ~= '' then filter = key('audit', 'incident', incident) end
elseif incident ~= '' then
  index = key('audit', 'incident', incident)
else
  index = key('audit', 'all')
end
local found = {}
-- One HGET each rather than one HMGET: unpack() of a long list would overflow Lua's C stack.
for _, seq in ipairs(ranked(index, false, limit, filter)) do
  found[#found + 1] = seq
  found[#found + 1] = redis.call('HGET', key('audit', 'entries'), seq)
end
return found
