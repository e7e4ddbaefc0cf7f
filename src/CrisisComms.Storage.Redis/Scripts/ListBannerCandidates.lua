-- ARGV: prefix. Live and superseded notices, sorted by id so that every node reads the same order.
local ids = redis.call('SMEMBERS', key('notices', 'banner'))
table.sort(ids)
return load_notices(ids)
