#!/usr/bin/env python3
"""A fake Decidim /api that replays the recorded fixtures (../shared/fixtures/decidim/graphql).

Usage: replay_server.py --fixtures DIR [--version 0.27|0.28] [--require-token] [--port 0]
Prints "PORT <n>" on its first stdout line, then serves until killed.

POST /api          GraphQL: queries answered from responses/index.json by operationName and
                   variables. Connection queries (MeetingsPage, ProposalsPage, ResultsPage) are
                   re-paged over all recorded edges of the component with Relay semantics
                   (first <= 50, after = base64url offset without padding), so any page size works
                   and first=6 reproduces the recorded pages exactly. Mutations (AnswerProposal,
                   CreateResult, UpdateResult) are checked against the argument types documented
                   in mutations.md; a mismatch answers a GraphQL error like graphql-ruby's.
POST /api/sign_in  form api_user[key]=test-key&api_user[secret]=test-secret -> JWT (0.31+).
POST /_control     JSON {"kind": ..., "op": optional operationName, "times": n} queues a fault
                   for the next matching request: "429" (+ "retry_after"), "hang" (+ "seconds"),
                   "malformed", "errors", "500", "redirect"; or {"kind": "replace", "from", "to"}
                   rewrites text in every later answer; {"kind": "reset"} clears all.
GET  /_log         JSON list of the requests seen: {op, variables, authorized, t}.
"""
import argparse
import base64
import copy
import json
import sys
import threading
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

LOCK = threading.RLock()
STATE = {"faults": [], "replacements": [], "log": []}
TOKEN = "replay-jwt-token"


def cursor(offset):
    return base64.urlsafe_b64encode(str(offset).encode()).decode().rstrip("=")


def decode_cursor(value):
    pad = "=" * (-len(value) % 4)
    return int(base64.urlsafe_b64decode(value + pad).decode())


class Fixtures:
    CONNECTIONS = {"MeetingsPage": "meetings", "ProposalsPage": "proposals", "ResultsPage": "results"}

    def __init__(self, root, version):
        self.root = root
        index = json.load(open(f"{root}/graphql/responses/index.json"))
        self.simple = []  # (op, variables, status, response)
        self.pages = {}   # (op, componentId) -> (template, [edges])
        for f in index["fixtures"]:
            op = f["operationName"]
            if op == "*" or version not in f["versions"]:
                continue
            body = json.load(open(f"{root}/graphql/{f['response']}"))
            if op in self.CONNECTIONS and body.get("data", {}).get("component"):
                key = (op, f["variables"]["componentId"])
                field = self.CONNECTIONS[op]
                edges = body["data"]["component"][field]["edges"]
                after = f["variables"].get("after")
                offset = decode_cursor(after) if after else 0
                template, all_edges = self.pages.get(key, (body, []))
                all_edges.append((offset, edges))
                self.pages[key] = (template, all_edges)
            else:
                self.simple.append((op, f["variables"], f.get("status", 200), body))
        for key, (template, chunks) in self.pages.items():
            chunks.sort(key=lambda c: c[0])
            self.pages[key] = (template, [e for _, chunk in chunks for e in chunk])

    def answer(self, op, variables):
        if op in self.CONNECTIONS:
            component = str(variables.get("componentId"))
            key = (op, component)
            if key not in self.pages:
                return 200, {"data": {"component": None}}
            template, edges = self.pages[key]
            first = variables.get("first", 50)
            first = 50 if first is None else max(0, min(int(first), 50))
            after = variables.get("after")
            offset = decode_cursor(after) if after else 0
            chunk = edges[offset:offset + first]
            body = copy.deepcopy(template)
            field = self.CONNECTIONS[op]
            new_edges = []
            for i, e in enumerate(chunk):
                e = copy.deepcopy(e)
                e["cursor"] = cursor(offset + i + 1)
                new_edges.append(e)
            body["data"]["component"][field]["edges"] = new_edges
            body["data"]["component"][field]["pageInfo"] = {
                "hasNextPage": offset + len(chunk) < len(edges),
                "hasPreviousPage": offset > 0,
                "startCursor": cursor(offset + 1) if chunk else None,
                "endCursor": cursor(offset + len(chunk)) if chunk else None,
            }
            return 200, body
        for f_op, f_vars, status, body in self.simple:
            if f_op == op and all(str(variables.get(k)) == str(v) for k, v in f_vars.items()):
                return status, body
        if op == "ProcessWithStepsAndComponents":
            return 200, {"data": {"participatoryProcess": None}}
        return 200, {"errors": [{"message": f"No replay for operation {op}"}]}


# Argument types of the write API, from mutations.md (0.32/develop).
JSON_T, STR, INT, FLOAT, ID, BOOL = "JSON", "String", "Int", "Float", "ID", "Boolean"
MUTATIONS = {
    "AnswerProposal": {
        "declares": ["$componentId: ID!", "$proposalId: ID!", "$input: AnswerInput!"],
        "vars": {"componentId": ID, "proposalId": ID},
        "input": {"clientMutationId": STR},
        "attributes": {"state": STR, "answerContent": JSON_T, "cost": FLOAT, "costReport": JSON_T,
                       "executionPeriod": JSON_T},
    },
    "CreateResult": {
        "declares": ["$componentId: ID!", "$input: CreateResultInput!"],
        "vars": {"componentId": ID},
        "input": {"clientMutationId": STR},
        "attributes": None,
    },
    "UpdateResult": {
        "declares": ["$componentId: ID!", "$resultId: ID!", "$input: UpdateResultInput!"],
        "vars": {"componentId": ID, "resultId": ID},
        "input": {"clientMutationId": STR},
        "attributes": None,
    },
}
RESULT_ATTRIBUTES = {"title": JSON_T, "description": JSON_T, "startDate": STR, "endDate": STR,
                     "progress": FLOAT, "decidimAccountabilityStatusId": INT, "parentId": INT,
                     "externalId": STR, "weight": INT, "proposalIds": "[Int!]",
                     "projectIds": "[Int!]", "taxonomies": "[Int!]"}


def type_ok(t, v):
    if v is None:
        return True
    if t in (ID, STR):
        return isinstance(v, str)
    if t == INT:
        return isinstance(v, int) and not isinstance(v, bool)
    if t == FLOAT:
        return isinstance(v, (int, float)) and not isinstance(v, bool)
    if t == BOOL:
        return isinstance(v, bool)
    if t == JSON_T:
        return isinstance(v, dict) and all(isinstance(x, str) for x in v.values())
    if t == "[Int!]":
        return isinstance(v, list) and all(isinstance(x, int) and not isinstance(x, bool) for x in v)
    return False


def check_mutation(op, query, variables):
    spec = MUTATIONS[op]
    problems = []
    for decl in spec["declares"]:
        if decl not in query:
            problems.append(f"Variable declaration '{decl}' missing")
    for name, t in spec["vars"].items():
        if not type_ok(t, variables.get(name)) or variables.get(name) is None:
            problems.append(f"Variable ${name} of type {t}! was provided invalid value")
    inp = variables.get("input")
    if not isinstance(inp, dict):
        return problems + ["Variable $input was provided invalid value"]
    attr_types = spec["attributes"] or RESULT_ATTRIBUTES
    for k, v in inp.items():
        if k == "attributes":
            continue
        if k not in spec["input"] or not type_ok(spec["input"][k], v):
            problems.append(f"input.{k}: Argument is not defined or has the wrong type")
    attrs = inp.get("attributes")
    if not isinstance(attrs, dict):
        problems.append("input.attributes: expected an input object")
    else:
        for k, v in attrs.items():
            if k not in attr_types:
                problems.append(f"input.attributes.{k}: Field is not defined on the input type")
            elif not type_ok(attr_types[k], v):
                problems.append(f"input.attributes.{k}: Could not coerce value {json.dumps(v)} to {attr_types[k]}")
    return problems


def mutation_answer(op, variables):
    attrs = variables["input"].get("attributes", {})
    if op == "AnswerProposal":
        node = {"id": variables["proposalId"], "state": attrs.get("state"), "answeredAt": "2026-01-15T10:00:00+01:00"}
        return {"data": {"component": {"proposal": {"answer": node}}}}
    if op == "CreateResult":
        return {"data": {"component": {"createResult": {"id": "501", "progress": attrs.get("progress"), "status": None}}}}
    node = {"id": variables["resultId"], "progress": attrs.get("progress"), "status": None,
            "updatedAt": "2026-01-15T10:00:00+01:00"}
    return {"data": {"component": {"result": {"update": node}}}}


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    fixtures = None
    require_token = False

    def log_message(self, *args):
        pass

    def send(self, status, body, headers=None, raw=None):
        data = raw if raw is not None else json.dumps(body, ensure_ascii=False).encode()
        with LOCK:
            for frm, to in STATE["replacements"]:
                data = data.replace(frm.encode(), to.encode())
        self.send_response(status)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(data)

    def read_body(self):
        n = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(n) if n else b""

    def do_GET(self):
        if self.path == "/_log":
            with LOCK:
                self.send(200, STATE["log"])
            return
        self.send(404, {"error": "not found"})

    def take_fault(self, op):
        with LOCK:
            for f in STATE["faults"]:
                if f.get("op") in (None, op):
                    f["times"] = f.get("times", 1) - 1
                    if f["times"] <= 0:
                        STATE["faults"].remove(f)
                    return f
        return None

    def do_POST(self):
        body = self.read_body()
        if self.path == "/_control":
            cmd = json.loads(body)
            with LOCK:
                if cmd["kind"] == "reset":
                    STATE.update({"faults": [], "replacements": [], "log": []})
                elif cmd["kind"] == "replace":
                    STATE["replacements"].append((cmd["from"], cmd["to"]))
                else:
                    STATE["faults"].append(cmd)
            self.send(200, {"ok": True})
            return
        if self.path == "/api/sign_in":
            form = urllib.parse.parse_qs(body.decode())
            if form.get("api_user[key]") == ["test-key"] and form.get("api_user[secret]") == ["test-secret"]:
                self.send(200, {"id": 1, "name": "dialogd", "nickname": "dialogd", "jwt_token": TOKEN,
                                "avatar": None}, {"Authorization": f"Bearer {TOKEN}"})
            else:
                self.send(401, {"jwt_token": None})
            return
        if self.path != "/api":
            self.send(404, {"error": "not found"})
            return
        try:
            req = json.loads(body)
            query = req.get("query") or ""
            variables = req.get("variables") or {}
            if isinstance(variables, str):
                variables = json.loads(variables)
        except (ValueError, AttributeError):
            self.send(400, {"errors": [{"message": "Unexpected end of input"}]})
            return
        op = req.get("operationName") or ""
        authorized = self.headers.get("Authorization") == f"Bearer {TOKEN}"
        with LOCK:
            STATE["log"].append({"op": op, "variables": variables, "authorized": authorized,
                                 "t": time.time()})
        fault = self.take_fault(op)
        if fault:
            kind = fault["kind"]
            if kind == "429":
                self.send(429, {"error": "Retry later"}, {"Retry-After": str(fault.get("retry_after", "1"))})
                return
            if kind == "hang":
                time.sleep(float(fault.get("seconds", 5)))
                self.send(200, {"data": {}})
                return
            if kind == "malformed":
                self.send(200, None, raw=b'{"data": {"component": {"__typename": "Prop')
                return
            if kind == "errors":
                self.send(200, {"errors": [{"message": fault.get("message", "Something went wrong"),
                                            "extensions": {"code": "internal"}}]})
                return
            if kind == "500":
                self.send(500, {"errors": [{"message": "Internal Server error"}], "data": {}})
                return
            if kind == "redirect":
                self.send(302, {}, {"Location": "/users/sign_in"})
                return
        if op in MUTATIONS:
            if self.require_token and not authorized:
                self.send(200, {"errors": [{"message": "You are not authorized to perform this action",
                                            "extensions": {"code": "MUTATION_NOT_AUTHORIZED"}}]})
                return
            problems = check_mutation(op, query, variables)
            if problems:
                self.send(200, {"errors": [{"message": p, "extensions": {"code": "argumentLiteralsIncompatible"}}
                                           for p in problems]})
                return
            self.send(200, mutation_answer(op, variables))
            return
        status, answer = self.fixtures.answer(op, variables)
        self.send(status, answer)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--fixtures", required=True)
    parser.add_argument("--version", default="0.28")
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--require-token", action="store_true")
    args = parser.parse_args()
    Handler.fixtures = Fixtures(args.fixtures, args.version)
    Handler.require_token = args.require_token
    server = ThreadingHTTPServer(("127.0.0.1", args.port), Handler)
    server.daemon_threads = True
    print(f"PORT {server.server_address[1]}", flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
