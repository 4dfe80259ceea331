-- Reads where the event stream stands and, optionally, a page of its entries, in one atomic step, so
-- that what a resume decides and replays belongs to one life of the stream (see append-event.lua in
-- the events module: a new epoch whenever the stream has to be created).
-- KEYS[1] the stream, KEYS[2] the stream's epoch (a hash: epoch, since)
-- ARGV[1] the id to read entries after (exclusive), ARGV[2] at most this many entries (0: none)
-- Returns {epoch, since, first id, last id, last id trimmed, entries}; the first five are nil while
-- there is no stream (the last trimmed id also while nothing was trimmed), and entries are
-- XRANGE's: {id, {field, value, ...}} each.
if redis.call('EXISTS', KEYS[1]) == 0 then
  return {false, false, false, false, false, {}}
end
local epoch = redis.call('HGET', KEYS[2], 'epoch')
local since = redis.call('HGET', KEYS[2], 'since')
local first = redis.call('XRANGE', KEYS[1], '-', '+', 'COUNT', 1)[1]
local last = redis.call('XREVRANGE', KEYS[1], '+', '-', 'COUNT', 1)[1]
local function is_after(a, b)
  local a_ms, a_seq = string.match(a, '^(%d+)-(%d+)$')
  local b_ms, b_seq = string.match(b, '^(%d+)-(%d+)$')
  a_ms, b_ms = tonumber(a_ms), tonumber(b_ms)
  return a_ms > b_ms or (a_ms == b_ms and tonumber(a_seq) > tonumber(b_seq))
end
-- The newest id gone from the head: the append script records what it trims (Redis's own
-- max-deleted-entry-id moves on XDEL only, which an operator may still have used).
local trimmed = redis.call('HGET', KEYS[2], 'trimmed')
local info = redis.call('XINFO', 'STREAM', KEYS[1])
for i = 1, #info, 2 do
  if info[i] == 'max-deleted-entry-id' and info[i + 1] ~= '0-0' then
    if not trimmed or is_after(info[i + 1], trimmed) then trimmed = info[i + 1] end
  end
end
local entries = {}
if tonumber(ARGV[2]) > 0 then
  entries = redis.call('XRANGE', KEYS[1], '(' .. ARGV[1], '+', 'COUNT', ARGV[2])
end
return {epoch, since, first and first[1] or false, last and last[1] or false, trimmed, entries}
