-- ARGV: prefix, now as unix ms. Notices whose next due moment is at or before now, earliest first.
return load_notices(redis.call('ZRANGEBYSCORE', key('notices', 'due'), '-inf', ARGV[2]))
