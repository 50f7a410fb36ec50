-- wrk script: refresh-token rotation chains, the way Alexa refreshes each linked user.
--
--   wrk -tN -cN -d10s -s build/bench/lua/refresh-chain.lua http://host -- PATH BASIC TOKENS_FILE
--
-- One connection per thread (-t equal to -c): thread i starts from line i of TOKENS_FILE (one refresh token per line,
-- each from its own link) and always sends the refresh token the previous answer returned, so every request redeems a
-- token exactly once and no two requests ever race for the same token. A broken chain (an answer without a
-- refresh_token) keeps resending the spent token, which the server refuses: wrk counts those as non-2xx.
local counter = 0
local tokens = {}

function setup(thread)
   counter = counter + 1
   thread:set("index", counter)
end

function init(args)
   path, basic = args[1], args[2]
   local i = 0
   for line in io.lines(args[3]) do
      if #line > 0 then i = i + 1; tokens[i] = line end
   end
   token = tokens[index]
   if token == nil then error("TOKENS_FILE has fewer tokens than wrk threads") end
end

function request()
   return wrk.format("POST", path, {
      ["Authorization"] = basic,
      ["Content-Type"] = "application/x-www-form-urlencoded",
   }, "grant_type=refresh_token&refresh_token=" .. token)
end

function response(status, headers, body)
   local next = string.match(body, '"refresh_token"%s*:%s*"([^"]+)"')
   if status == 200 and next ~= nil then token = next end
end
