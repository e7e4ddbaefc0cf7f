-- Claims an Idempotency-Key for an account, as SQLite does in one transaction. ARGV: prefix,
-- account, key, claimed at ms, lapsed before ms (claimed at - retention), retention ms, document.
-- Returns the document kept: the one already there when it has not lapsed, else the given one.
-- The key expires after the retention too, so unused keys do not pile up.
local account, idempotency_key = ARGV[2], ARGV[3]
local at, lapsed_before, retention, doc = ARGV[4], tonumber(ARGV[5]), ARGV[6], ARGV[7]
-- Length-prefixed: account 'a:b' with key 'c' and account 'a' with key 'b:c' are different keys.
local claim = key('idempotency', tostring(#account), account, idempotency_key)

local kept = redis.call('HMGET', claim, 'at', 'doc')
if kept[1] and tonumber(kept[1]) >= lapsed_before then return kept[2] end
redis.call('HSET', claim, 'at', at, 'doc', doc)
redis.call('PEXPIRE', claim, retention)
return doc
