-- Appends envelopes to the history stream and publishes their live copies, in one atomic step: one
-- envelope, or a batch of them in one round trip.
-- KEYS[1] the stream, KEYS[2] the last token appended for this change stream, KEYS[3] the newest lease
-- epoch seen (the fence), KEYS[4] the stream's epoch (a hash: epoch, since, trimmed)
-- ARGV[1] how many entries the stream keeps (it may hold up to 1% more between trims), ARGV[2] the envelope JSON without "id", ARGV[3] its resume token,
-- ARGV[4] the pub/sub channel, ARGV[5] the appending leader's lease epoch, ARGV[6] "reset" to append
-- whatever the last token (a restart from now after lost history), anything else otherwise,
-- ARGV[7] a fresh random value: the stream's epoch if this append has to create the stream,
-- ARGV[8], ARGV[9], … further envelopes and their tokens, in pairs, in the order of their tokens (a batch)
-- Returns, for one envelope, the new entry's id, or false when the token is not newer than the last one
-- appended: a change read twice (after a crash between append and checkpoint) is appended once. For a
-- batch, an array of those, one per envelope in order (false: skipped); each envelope is checked against
-- the last token appended before it, its own batch's included.
-- Fails with FENCED when a newer leader's epoch was seen, and then appends nothing: a paused ex-leader can
-- never append after a takeover.
--
-- The stream's epoch: a stream id means something only within one life of the stream. Whenever this
-- append has to create the stream (the first append, or Redis lost it: a restart without persistence,
-- a failover to a replica that missed it, a flush), the stream gets a new epoch, and "since" records the
-- id its life began with. A stream found without an epoch (written before there were epochs) gets one
-- whose life covers all of it ("0-0"). The live copy carries the epoch beside the id, so a gateway sees
-- a new life begin with its very first event.
--
-- Trimming: the script trims the stream itself, not with XADD's MAXLEN, because it records the newest id
-- it trimmed ("trimmed" in the epoch hash): a gateway can then tell a client whose next entry was trimmed
-- (a gap: reset) from one whose own last entry went but nothing after it (no gap). Redis 7 does not say:
-- XINFO's max-deleted-entry-id moves on XDEL only. Trimming waits until 1% over the bound, so the
-- entries read to learn the last id cost O(1) per append on average, as MAXLEN ~ does; a batch trims once,
-- after its last entry.

-- Bytewise, because Lua's string comparison follows the server's locale.
local function is_newer(token, last)
  local n = math.min(#token, #last)
  for i = 1, n do
    local a, b = string.byte(token, i), string.byte(last, i)
    if a ~= b then return a > b end
  end
  return #token > #last
end

local lease_epoch = tonumber(ARGV[5])
local fence = tonumber(redis.call('GET', KEYS[3]) or '0')
if lease_epoch < fence then
  return redis.error_reply('FENCED epoch ' .. ARGV[5] .. ' is older than epoch ' .. fence)
end
if lease_epoch > fence then
  redis.call('SET', KEYS[3], ARGV[5])
end

local envelopes = {ARGV[2]}
local tokens = {ARGV[3]}
for i = 8, #ARGV, 2 do
  envelopes[#envelopes + 1] = ARGV[i]
  tokens[#tokens + 1] = ARGV[i + 1]
end

local last = redis.call('GET', KEYS[2])
local epoch
local ids = {}
for i = 1, #envelopes do
  if ARGV[6] ~= 'reset' and last and not is_newer(tokens[i], last) then
    ids[i] = false
  else
    if not epoch then
      local created = redis.call('EXISTS', KEYS[1]) == 0
      local id = redis.call('XADD', KEYS[1], '*', 'envelope', envelopes[i], 'token', tokens[i])
      epoch = redis.call('HGET', KEYS[4], 'epoch')
      if created or not epoch then
        epoch = ARGV[7]
        redis.call('DEL', KEYS[4])
        redis.call('HSET', KEYS[4], 'epoch', epoch, 'since', created and id or '0-0')
      end
      ids[i] = id
    else
      ids[i] = redis.call('XADD', KEYS[1], '*', 'envelope', envelopes[i], 'token', tokens[i])
    end
    last = tokens[i]
    redis.call('PUBLISH', ARGV[4], '{"id":"' .. ids[i] .. '","epoch":"' .. epoch .. '",' .. string.sub(envelopes[i], 2))
  end
end

if epoch then
  local keep = tonumber(ARGV[1])
  local over = redis.call('XLEN', KEYS[1]) - keep
  if over > 0 and over >= math.ceil(keep / 100) then
    local gone = redis.call('XRANGE', KEYS[1], '-', '+', 'COUNT', over)
    redis.call('XTRIM', KEYS[1], 'MAXLEN', keep)
    redis.call('HSET', KEYS[4], 'trimmed', gone[#gone][1])
  end
  redis.call('SET', KEYS[2], last)
end
if #envelopes == 1 then
  return ids[1]
end
return ids
