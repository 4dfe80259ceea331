-- Reads where the event stream stands and, optionally, a page of its entries, in one atomic step, so
-- that what a resume decides and replays belongs to one life of the stream (see append-event.lua in
-- the events module: a new epoch whenever the stream has to be created).
-- KEYS[1] the stream, KEYS[2] the stream's epoch (a hash: epoch, since)
-- ARGV[1] the id to read entries after (exclusive), ARGV[2] at most this many entries (0: none)
-- Returns {epoch, since, first id, last id, last id trimmed, entries}; the first five are nil while
-- there is no stream (the last trimmed id also on Redis 6, which does not tell it), and entries are
-- XRANGE's: {id, {field, value, ...}} each.
if redis.call('EXISTS', KEYS[1]) == 0 then
  return {false, false, false, false, false, {}}
end
local epoch = redis.call('HGET', KEYS[2], 'epoch')
local since = redis.call('HGET', KEYS[2], 'since')
local first = redis.call('XRANGE', KEYS[1], '-', '+', 'COUNT', 1)[1]
local last = redis.call('XREVRANGE', KEYS[1], '+', '-', 'COUNT', 1)[1]
local trimmed = false
local info = redis.call('XINFO', 'STREAM', KEYS[1])
for i = 1, #info, 2 do
  if info[i] == 'max-deleted-entry-id' then
    trimmed = info[i + 1]
  end
end
local entries = {}
if tonumber(ARGV[2]) > 0 then
  entries = redis.call('XRANGE', KEYS[1], '(' .. ARGV[1], '+', 'COUNT', ARGV[2])
end
return {epoch, since, first and first[1] or false, last and last[1] or false, trimmed, entries}
