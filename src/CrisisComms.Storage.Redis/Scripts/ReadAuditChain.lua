-- ARGV: prefix, after (a sequence, exclusive), count. Flat pairs (sequence, doc or '' when the
-- entry's document is gone), oldest first, from the index of every sequence.
local found = {}
for _, seq in ipairs(redis.call('ZRANGEBYSCORE', key('audit', 'all'), '(' .. ARGV[2], '+inf', 'LIMIT', 0, tonumber(ARGV[3]))) do
  found[#found + 1] = seq
  found[#found + 1] = redis.call('HGET', key('audit', 'entries'), seq) or ''
end
return found
