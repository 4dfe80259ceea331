-- Appends one envelope to the history stream and publishes the live copy, in one atomic step.
-- KEYS[1] the stream, KEYS[2] the last token appended for this change stream, KEYS[3] the newest lease
-- epoch seen (the fence)
-- ARGV[1] MAXLEN (approximate), ARGV[2] the envelope JSON without "id", ARGV[3] its resume token,
-- ARGV[4] the pub/sub channel, ARGV[5] the appending leader's lease epoch, ARGV[6] "reset" to append
-- whatever the last token (a restart from now after lost history), anything else otherwise
-- Returns the new entry's id, or false when the token is not newer than the last one appended:
-- a change read twice (after a crash between append and checkpoint) is appended once.
-- Fails with FENCED when a newer leader's epoch was seen: a paused ex-leader can never append after a
-- takeover.

-- Bytewise, because Lua's string comparison follows the server's locale.
local function is_newer(token, last)
  local n = math.min(#token, #last)
  for i = 1, n do
    local a, b = string.byte(token, i), string.byte(last, i)
    if a ~= b then return a > b end
  end
  return #token > #last
end

local epoch = tonumber(ARGV[5])
local fence = tonumber(redis.call('GET', KEYS[3]) or '0')
if epoch < fence then
  return redis.error_reply('FENCED epoch ' .. ARGV[5] .. ' is older than epoch ' .. fence)
end
if epoch > fence then
  redis.call('SET', KEYS[3], ARGV[5])
end
local last = redis.call('GET', KEYS[2])
if ARGV[6] ~= 'reset' and last and not is_newer(ARGV[3], last) then
  return false
end
local id = redis.call('XADD', KEYS[1], 'MAXLEN', '~', ARGV[1], '*', 'envelope', ARGV[2], 'token', ARGV[3])
redis.call('SET', KEYS[2], ARGV[3])
redis.call('PUBLISH', ARGV[4], '{"id":"' .. id .. '",' .. string.sub(ARGV[2], 2))
return id
