-- The 304 path: every request revalidates the public snapshot as a browser or cache does.
-- The ETag is read once (banners.sh fetches it with curl), so wrk builds the request once and
-- runs no Lua per request: the same client cost as the other two scenarios.
local etag = os.getenv("ETAG")
assert(etag and #etag > 0, "set ETAG to the snapshot's ETag, quotes included")
wrk.headers["If-None-Match"] = etag
