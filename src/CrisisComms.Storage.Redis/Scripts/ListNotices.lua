-- ARGV: prefix, state or '', incident id or '', limit. Newest first (created at, then id, both
-- descending), the same order as SQLite's ORDER BY created_at DESC, id DESC.
local state, incident, limit = ARGV[2], ARGV[3], tonumber(ARGV[4])
local index, filter
if incident ~= '' then
  index = key('notices', 'incident', incident)
  if state ~= '' then filter = key('notices', 'state', state) end
elseif state ~= '' then
  index = key('notices', 'state', state)
else
  index = key('notices', 'created')
end
return load_notices(ranked(index, true, limit, filter))
