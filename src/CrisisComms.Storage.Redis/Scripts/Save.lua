-- One change set, all or nothing. ARGV: prefix, notice count, audit count, banners changed (0|1),
-- account count, then 9 values per notice (id, expected row version, new row version, incident, state,
-- created at ms, next due at ms or '', banner candidate 0|1, document) — see SaveArguments.cs —
-- then 3 per audit entry (notice id or '', incident id or '', document), then 2 per account (name, document).
-- Returns {'conflict', id} having written nothing, or {'ok', sequence...}.
local notices, audits = tonumber(ARGV[2]), tonumber(ARGV[3])
local banners_changed = ARGV[4] == '1'
local accounts = tonumber(ARGV[5])
local PER_NOTICE, PER_AUDIT, PER_ACCOUNT, FIRST = 9, 3, 2, 6
local first_audit = FIRST + notices * PER_NOTICE
local first_account = first_audit + audits * PER_AUDIT

-- A script runs in isolation but has no rollback, so every check happens before the first write.
local seen = {}
for n = 0, notices - 1 do
  local at = FIRST + n * PER_NOTICE
  local id, expected = ARGV[at], ARGV[at + 1]
  local stored = redis.call('HGET', key('notice', id), 'rowVersion')
  local stale = (expected == '0' and stored) or (expected ~= '0' and stored ~= expected)
  -- The same notice twice in one change set: the second save would be over a stale version.
  if stale or seen[id] then return {'conflict', id} end
  seen[id] = true
end

for n = 0, notices - 1 do
  local at = FIRST + n * PER_NOTICE
  local id, version, incident, state = ARGV[at], ARGV[at + 2], ARGV[at + 3], ARGV[at + 4]
  local created, due, banner, doc = ARGV[at + 5], ARGV[at + 6], ARGV[at + 7], ARGV[at + 8]
  local notice = key('notice', id)
  local before = redis.call('HMGET', notice, 'state', 'incident')
  if before[1] then redis.call('ZREM', key('notices', 'state', before[1]), id) end
  if before[2] and before[2] ~= incident then redis.call('ZREM', key('notices', 'incident', before[2]), id) end

  redis.call('HSET', notice, 'doc', doc, 'rowVersion', version, 'state', state, 'incident', incident)
  redis.call('ZADD', key('notices', 'created'), created, id)
  redis.call('ZADD', key('notices', 'incident', incident), created, id)
  redis.call('ZADD', key('notices', 'state', state), created, id)
  if due == '' then
    redis.call('ZREM', key('notices', 'due'), id)
  else
    redis.call('ZADD', key('notices', 'due'), due, id)
  end
  if banner == '1' then
    redis.call('SADD', key('notices', 'banner'), id)
  else
    redis.call('SREM', key('notices', 'banner'), id)
  end
end

local result = {'ok'}
for a = 0, audits - 1 do
  local at = first_audit + a * PER_AUDIT
  local notice, incident, doc = ARGV[at], ARGV[at + 1], ARGV[at + 2]
  local seq = redis.call('INCR', key('audit', 'seq'))
  redis.call('HSET', key('audit', 'entries'), seq, doc)
  redis.call('ZADD', key('audit', 'all'), seq, seq)
  if notice ~= '' then redis.call('ZADD', key('audit', 'notice', notice), seq, seq) end
  if incident ~= '' then redis.call('ZADD', key('audit', 'incident', incident), seq, seq) end
  result[#result + 1] = seq
end

for a = 0, accounts - 1 do
  local at = first_account + a * PER_ACCOUNT
  redis.call('HSET', key('accounts'), ARGV[at], ARGV[at + 1])
end

if banners_changed then
  local revision = key('banner', 'revision')
  -- An empty store is at revision 1, so the first change makes it 2, as in SQLite.
  if redis.call('EXISTS', revision) == 0 then redis.call('SET', revision, 1) end
  redis.call('INCR', revision)
end
return result
