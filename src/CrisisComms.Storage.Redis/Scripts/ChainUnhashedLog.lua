-- One page of chaining a log stored before the hash chain (audit:seq set, audit:hash absent).
-- ARGV: prefix, the audit:seq the entries were read under, last page (0|1), the hash of the last
-- entry given, then 4 per entry (sequence, actor, at ms, document with its sequence and hash).
-- Returns 'moved' having written nothing when the log has changed or been chained meanwhile. Two
-- nodes chaining at once write the very same bytes.
local expected, last_page, last_hash = ARGV[2], ARGV[3] == '1', ARGV[4]
if redis.call('EXISTS', key('audit', 'hash')) == 1 then return 'moved' end
if (redis.call('GET', key('audit', 'seq')) or '0') ~= expected then return 'moved' end
for i = 5, #ARGV, 4 do
  local seq = ARGV[i]
  redis.call('HSET', key('audit', 'entries'), seq, ARGV[i + 3])
  redis.call('ZADD', key('audit', 'at'), ARGV[i + 2], seq)
  redis.call('ZADD', key('audit', 'actor', ARGV[i + 1]), seq, seq)
end
if last_page then redis.call('SET', key('audit', 'hash'), last_hash) end
return 'ok'
