-- One change set, all or nothing. ARGV: prefix, notice count, audit count, banners changed (0|1),
-- account count, the audit head the entries were chained on (sequence, hash or '' — as read from
-- audit:seq and audit:hash), document count, then 10 values per notice (id, expected row version, new row version,
-- incident, state, created at ms, next due at ms or '', banner candidate 1|0|'' (leave as it is),
-- document, ended at ms or '') — see
-- SaveArguments.cs — then 7 per audit entry (sequence, hash, notice id or '', incident id or '',
-- actor, at ms, document), then 3 per account (name, expected revision, document), then 5 per
-- stored document (kind, key, expected revision, deleted 0|1, JSON), then the ids of other notices
-- that leave the banner candidates (older versions no audience can show any more).
-- Returns {'conflict', id}, {'account-conflict', name}, {'document-conflict', kind, key} or
-- {'audit-moved'} having written nothing, or {'ok'}.
local notices, audits = tonumber(ARGV[2]), tonumber(ARGV[3])
local banners_changed = ARGV[4] == '1'
local accounts = tonumber(ARGV[5])
local head_seq, head_hash = ARGV[6], ARGV[7]
local documents = tonumber(ARGV[8])
local PER_NOTICE, PER_AUDIT, PER_ACCOUNT, PER_DOCUMENT, FIRST = 10, 7, 3, 5, 9
local first_audit = FIRST + notices * PER_NOTICE
local first_account = first_audit + audits * PER_AUDIT
local first_document = first_account + accounts * PER_ACCOUNT

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

-- An account is saved only over the revision it was read at (a round-one document has none: 0).
for a = 0, accounts - 1 do
  local at = first_account + a * PER_ACCOUNT
  local stored = redis.call('HGET', key('accounts'), ARGV[at])
  local revision = 0
  if stored then revision = tonumber(cjson.decode(stored).revision or 0) end
  if revision ~= tonumber(ARGV[at + 1]) then return {'account-conflict', ARGV[at]} end
end

-- A document is written or removed only over the revision it was read at (0: must not exist yet).
for d = 0, documents - 1 do
  local at = first_document + d * PER_DOCUMENT
  local kind, name = ARGV[at], ARGV[at + 1]
  local exists = redis.call('HEXISTS', key('documents', kind), name) == 1
  local revision = tonumber(redis.call('HGET', key('documents', kind, 'revision'), name) or 0)
  local expected = tonumber(ARGV[at + 2])
  local ok
  if expected == 0 then ok = not exists and ARGV[at + 3] ~= '1' else ok = exists and revision == expected end
  if not ok then return {'document-conflict', kind, name} end
end

-- Lua has no SHA-256, so the caller numbered and hashed the entries on the head it read; another
-- writer may have appended since. The caller reads the new head and tries again.
if audits > 0 then
  local seq = redis.call('GET', key('audit', 'seq')) or ''
  local hash = redis.call('GET', key('audit', 'hash')) or ''
  if seq ~= head_seq or hash ~= head_hash then return {'audit-moved'} end
end

for n = 0, notices - 1 do
  local at = FIRST + n * PER_NOTICE
  local id, version, incident, state = ARGV[at], ARGV[at + 2], ARGV[at + 3], ARGV[at + 4]
  local created, due, banner, doc, ended = ARGV[at + 5], ARGV[at + 6], ARGV[at + 7], ARGV[at + 8], ARGV[at + 9]
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
  elseif banner == '0' then
    redis.call('SREM', key('notices', 'banner'), id)
  end
  if ended ~= '' then redis.call('ZADD', key('notices', 'ended'), ended, id) end
end

for a = 0, audits - 1 do
  local at = first_audit + a * PER_AUDIT
  local seq, hash, notice, incident = ARGV[at], ARGV[at + 1], ARGV[at + 2], ARGV[at + 3]
  local actor, at_ms, doc = ARGV[at + 4], ARGV[at + 5], ARGV[at + 6]
  redis.call('HSET', key('audit', 'entries'), seq, doc)
  redis.call('ZADD', key('audit', 'all'), seq, seq)
  redis.call('ZADD', key('audit', 'at'), at_ms, seq)
  redis.call('ZADD', key('audit', 'actor', actor), seq, seq)
  if notice ~= '' then redis.call('ZADD', key('audit', 'notice', notice), seq, seq) end
  if incident ~= '' then redis.call('ZADD', key('audit', 'incident', incident), seq, seq) end
  if a == audits - 1 then
    redis.call('SET', key('audit', 'seq'), seq)
    redis.call('SET', key('audit', 'hash'), hash)
  end
end

for a = 0, accounts - 1 do
  local at = first_account + a * PER_ACCOUNT
  redis.call('HSET', key('accounts'), ARGV[at], ARGV[at + 2])
end

for d = 0, documents - 1 do
  local at = first_document + d * PER_DOCUMENT
  local kind, name = ARGV[at], ARGV[at + 1]
  if ARGV[at + 3] == '1' then
    redis.call('HDEL', key('documents', kind), name)
    redis.call('HDEL', key('documents', kind, 'revision'), name)
  else
    redis.call('HSET', key('documents', kind), name, ARGV[at + 4])
    redis.call('HINCRBY', key('documents', kind, 'revision'), name, 1)
  end
end

for i = first_document + documents * PER_DOCUMENT, #ARGV do
  redis.call('SREM', key('notices', 'banner'), ARGV[i])
end

if banners_changed then
  local revision = key('banner', 'revision')
  -- An empty store is at revision 1, so the first change makes it 2, as in SQLite.
  if redis.call('EXISTS', revision) == 0 then redis.call('SET', revision, 1) end
  redis.call('INCR', revision)
end
return {'ok'}
