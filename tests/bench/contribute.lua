-- wrk: POST a contribution per request, as a portal would.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer " .. os.getenv("PORTAL_KEY")
wrk.body = '{"text":"Bussen till vårdcentralen går för sällan; kvällsturer behövs.","channel":"web","themes":["trafik"]}'
