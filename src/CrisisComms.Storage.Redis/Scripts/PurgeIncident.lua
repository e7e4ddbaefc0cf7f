-- Retention's purge of one incident, all or nothing (IRetentionStore.PurgeAsync). ARGV: prefix,
-- incident id, the audit head the entry was chained on (sequence, hash or '' — as read), the entry
-- (sequence, hash, actor, at ms, document), the notice count, then per notice (id, row version).
-- Returns {'gone'} having written nothing when the incident no longer has exactly those notices at
-- those versions (changed since it was read, or purged already by another node), {'audit-moved'}
-- having written nothing, or {'ok'}. The audit entries of the incident are never touched.
local incident, head_seq, head_hash = ARGV[2], ARGV[3], ARGV[4]
local seq, hash, actor, at_ms, doc = ARGV[5], ARGV[6], ARGV[7], ARGV[8], ARGV[9]
local count, FIRST = tonumber(ARGV[10]), 11
local index = key('notices', 'incident', incident)

-- Every check before the first write: a script has no rollback.
if count == 0 or redis.call('ZCARD', index) ~= count then return {'gone'} end
for n = 0, count - 1 do
  local id, version = ARGV[FIRST + 2 * n], ARGV[FIRST + 2 * n + 1]
  if not redis.call('ZSCORE', index, id) or redis.call('HGET', key('notice', id), 'rowVersion') ~= version then
    return {'gone'}
  end
end
local stored_seq = redis.call('GET', key('audit', 'seq')) or ''
local stored_hash = redis.call('GET', key('audit', 'hash')) or ''
if stored_seq ~= head_seq or stored_hash ~= head_hash then return {'audit-moved'} end

-- Every key Save.lua writes for a notice (README.md, key layout).
for n = 0, count - 1 do
  local id = ARGV[FIRST + 2 * n]
  local state = redis.call('HGET', key('notice', id), 'state')
  if state then redis.call('ZREM', key('notices', 'state', state), id) end
  redis.call('ZREM', key('notices', 'created'), id)
  redis.call('ZREM', key('notices', 'due'), id)
  redis.call('SREM', key('notices', 'banner'), id)
  redis.call('ZREM', key('notices', 'ended'), id)
  redis.call('DEL', key('notice', id))
end
redis.call('DEL', index)

-- The entry as Save.lua appends one (an incident entry, no notice).
redis.call('HSET', key('audit', 'entries'), seq, doc)
redis.call('ZADD', key('audit', 'all'), seq, seq)
redis.call('ZADD', key('audit', 'at'), at_ms, seq)
redis.call('ZADD', key('audit', 'actor', actor), seq, seq)
redis.call('ZADD', key('audit', 'incident', incident), seq, seq)
redis.call('SET', key('audit', 'seq'), seq)
redis.call('SET', key('audit', 'hash'), hash)
return {'ok'}
