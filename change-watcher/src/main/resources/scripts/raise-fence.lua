-- Raises the fence to a new leader's lease epoch, before it appends anything: from then on appends of
-- older epochs fail (see append-event.lua).
-- KEYS[1] the newest lease epoch seen; ARGV[1] the new leader's epoch
-- Returns the fence after the call: ARGV[1], or a newer epoch when another leader came first.
local fence = tonumber(redis.call('GET', KEYS[1]) or '0')
local epoch = tonumber(ARGV[1])
if epoch > fence then
  redis.call('SET', KEYS[1], ARGV[1])
  return ARGV[1]
end
return tostring(fence)
