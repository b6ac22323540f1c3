#!/usr/bin/env python3
"""Writes frames.json, the golden test vectors of the LanChat protocol (see PROTOCOL.md).

Each vector is one complete frame as hex, the side that sends it ("client" or "server"), and either
"decoded" (the message it means, as the canonical JSON object, defaults filled in) or "error" (the error
code a receiver must report). Run it again after editing the list below; the Java tests read frames.json.
"""
import base64, json, struct, os

def frame(body: bytes) -> str:
    return (struct.pack(">I", len(body)) + body).hex()

def js(obj) -> bytes:
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":")).encode()

V = []
def ok(name, sender, obj, decoded=None, raw=None):
    body = raw if raw is not None else js(obj)
    V.append({"name": name, "from": sender, "hex": frame(body), "decoded": decoded or obj})
def bad(name, sender, code, body=None, hexstr=None):
    V.append({"name": name, "from": sender, "hex": hexstr if hexstr is not None else frame(body), "error": code})

C, S = "client", "server"
TS = "2026-11-24T10:15:30Z"
ok("hello", C, {"type": "hello", "nick": "alice", "protocol": 1})
ok("hello with password and ref", C, {"type": "hello", "nick": "bob", "protocol": 1, "password": "s3cret", "ref": "1"})
ok("hello resuming", C, {"type": "hello", "nick": "alice", "protocol": 1,
                         "resume": {"token": "q8Xz0d5M0b7m1a2Q3b4C5w", "rooms": {"lobby": 41, "dev": 0}}})
ok("nick", C, {"type": "nick", "nick": "alice_2"})
ok("join", C, {"type": "join", "room": "lobby", "ref": "j1"})
ok("leave", C, {"type": "leave", "room": "lobby"})
ok("say", C, {"type": "say", "room": "lobby", "text": "hello, world"},
   {"type": "say", "room": "lobby", "text": "hello, world", "action": False})
ok("say action", C, {"type": "say", "room": "lobby", "text": "waves", "action": True})
ok("say CJK and emoji", C, {"type": "say", "room": "lobby", "text": "你好 🌍 ça va", "action": False})
ok("whisper", C, {"type": "whisper", "to": "bob", "text": "psst"})
ok("who", C, {"type": "who", "room": "lobby"})
ok("rooms", C, {"type": "rooms"})
ok("ping", C, {"type": "ping"})
ok("pong", C, {"type": "pong"})
ok("quit", C, {"type": "quit", "reason": "bye all"})
ok("quit without reason", C, {"type": "quit"})
ok("unknown fields are ignored", C, {"type": "join", "room": "dev", "colour": "red"}, {"type": "join", "room": "dev"})
ok("whitespace around the object", C, None, {"type": "ping"}, raw=b' \n{"type":"ping"}\t')
SHA = "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824"  # sha256("hello")
HELLO64 = base64.b64encode(b"hello").decode()
ok("file-offer", C, {"type": "file-offer", "to": "bob", "id": "k3f9q2", "name": "hello.txt", "size": 5,
                     "sha256": SHA, "ref": "c7"})
ok("file-offer with a path in the name", C, {"type": "file-offer", "to": "bob", "id": "k3f9q2",
                                            "name": "../../etc/passwd", "size": 0, "sha256": SHA})
ok("file-accept", C, {"type": "file-accept", "id": "k3f9q2"})
ok("file-reject", C, {"type": "file-reject", "id": "k3f9q2"})
ok("file-chunk", C, {"type": "file-chunk", "id": "k3f9q2", "index": 0, "data": HELLO64})
ok("file-chunk of 32 KiB", C, {"type": "file-chunk", "id": "k3f9q2", "index": 159,
                               "data": base64.b64encode(bytes(range(256)) * 128).decode()})
ok("file-ack", C, {"type": "file-ack", "id": "k3f9q2", "index": 0})
ok("file-done", C, {"type": "file-done", "id": "k3f9q2"})
ok("file-cancel", C, {"type": "file-cancel", "id": "k3f9q2", "reason": "wrong file"})
ok("file-cancel without reason", C, {"type": "file-cancel", "id": "k3f9q2"})

ok("welcome", S, {"type": "welcome", "nick": "alice", "server": "lanchat", "protocol": 1,
                  "token": "q8Xz0d5M0b7m1a2Q3b4C5w", "maxFrameBytes": 65536, "maxTextChars": 4000,
                  "rateLimit": 20, "rateBurst": 40, "idleTimeoutMs": 30000, "resumed": False,
                  "motd": "Welcome to LanChat", "ref": "1"})
ok("joined", S, {"type": "joined", "room": "lobby", "nick": "alice"})
ok("left", S, {"type": "left", "room": "lobby", "nick": "bob", "reason": "quit"})
ok("renamed", S, {"type": "renamed", "from": "bob", "to": "robert"})
ok("message", S, {"type": "message", "room": "lobby", "from": "alice", "text": "hi", "action": False,
                  "seq": 1, "ts": TS, "history": False})
ok("message from history", S, {"type": "message", "room": "lobby", "from": "bob", "text": "earlier",
                               "action": False, "seq": 7, "ts": TS, "history": True})
ok("whisper event", S, {"type": "whisper", "from": "alice", "to": "bob", "text": "psst", "ts": TS})
ok("users", S, {"type": "users", "room": "lobby", "nicks": ["alice", "bob"]})
ok("rooms event", S, {"type": "rooms", "rooms": [{"name": "dev", "users": 0}, {"name": "lobby", "users": 2}]})
ok("error", S, {"type": "error", "code": "nick_taken", "message": "nick \"bob\" is taken", "ref": "7"})
ok("gap", S, {"type": "gap", "room": "lobby", "fromSeq": 3, "toSeq": 40})
ok("server ping", S, {"type": "ping"})
ok("server pong", S, {"type": "pong"})
ok("bye", S, {"type": "bye", "reason": "server shutting down"})
ok("file-offer event", S, {"type": "file-offer", "from": "alice", "to": "bob", "id": "k3f9q2", "name": "hello.txt",
                           "size": 5, "sha256": SHA})
ok("file-accept event", S, {"type": "file-accept", "from": "bob", "id": "k3f9q2"})
ok("file-reject event", S, {"type": "file-reject", "from": "bob", "id": "k3f9q2"})
ok("file-chunk event", S, {"type": "file-chunk", "from": "alice", "id": "k3f9q2", "index": 0, "data": HELLO64})
ok("file-ack event", S, {"type": "file-ack", "from": "bob", "id": "k3f9q2", "index": 0})
ok("file-done event", S, {"type": "file-done", "from": "alice", "id": "k3f9q2"})
ok("file-cancel event", S, {"type": "file-cancel", "from": "bob", "id": "k3f9q2", "reason": "left: connection lost"})

bad("empty frame", C, "frame_empty", hexstr="00000000")
bad("length just over the default limit", C, "frame_too_large", hexstr="00010001")
bad("length 2^31", C, "frame_too_large", hexstr="80000000")
bad("length 0xFFFFFFFF", C, "frame_too_large", hexstr="ffffffff")
bad("stream ends inside the header", C, "truncated", hexstr="0000")
bad("stream ends inside the body", C, "truncated", hexstr="0000000a" + b'{"type"'.hex())
bad("invalid UTF-8", C, "bad_utf8", b'{"type":"say","room":"lobby","text":"\xff\xfe"}')
bad("overlong UTF-8 encoding", C, "bad_utf8", b'{"type":"ping","x":"\xc0\xaf"}')
bad("not JSON", C, "bad_json", b"hello there")
bad("JSON array", C, "bad_json", b'[{"type":"ping"}]')
bad("JSON string", C, "bad_json", b'"ping"')
bad("two objects", C, "bad_json", b'{"type":"ping"}{"type":"ping"}')
bad("trailing garbage", C, "bad_json", b'{"type":"ping"} x')
bad("lenient JSON (single quotes)", C, "bad_json", b"{'type':'ping'}")
bad("lenient JSON (unquoted key)", C, "bad_json", b'{type:"ping"}')
bad("missing type", C, "missing_type", b'{"room":"lobby"}')
bad("type is a number", C, "missing_type", b'{"type":5}')
bad("type is null", C, "missing_type", b'{"type":null}')
bad("unknown type", C, "unknown_type", b'{"type":"jion","room":"lobby"}')
bad("server-only type from a client", C, "unknown_type", b'{"type":"welcome"}')
bad("missing field", C, "bad_field", b'{"type":"join"}')
bad("field of the wrong JSON type", C, "bad_field", b'{"type":"join","room":5}')
bad("protocol as a string", C, "bad_field", b'{"type":"hello","nick":"alice","protocol":"1"}')
bad("action as a string", C, "bad_field", b'{"type":"say","room":"lobby","text":"hi","action":"yes"}')
bad("ref as a number", C, "bad_field", b'{"type":"ping","ref":1}')
bad("empty nick", C, "nick_invalid", b'{"type":"hello","nick":"","protocol":1}')
bad("nick starting with a digit", C, "nick_invalid", b'{"type":"nick","nick":"1alice"}')
bad("nick of 21 characters", C, "nick_invalid", js({"type": "nick", "nick": "a" * 21}))
bad("room with a space", C, "room_invalid", b'{"type":"join","room":"my room"}')
bad("room of 33 characters", C, "room_invalid", js({"type": "join", "room": "r" * 33}))
bad("blank text", C, "text_invalid", b'{"type":"say","room":"lobby","text":"   "}')
bad("text with an escape character", C, "text_invalid", js({"type": "say", "room": "lobby", "text": "\u001b[2J"}))
bad("text of 4001 code points", C, "text_invalid", js({"type": "say", "room": "lobby", "text": "😀" * 4001}))
bad("file-offer with an upper-case sha256", C, "bad_field", js({"type": "file-offer", "to": "bob", "id": "a",
    "name": "x", "size": 1, "sha256": SHA.upper()}))
bad("file-offer with a negative size", C, "bad_field", js({"type": "file-offer", "to": "bob", "id": "a",
    "name": "x", "size": -1, "sha256": SHA}))
bad("file-offer with a control character in the name", C, "bad_field", js({"type": "file-offer", "to": "bob",
    "id": "a", "name": "con\u0007", "size": 1, "sha256": SHA}))
bad("file-offer with a 256-character name", C, "bad_field", js({"type": "file-offer", "to": "bob", "id": "a",
    "name": "n" * 256, "size": 1, "sha256": SHA}))
bad("file-accept with an id that is a path", C, "bad_field", b'{"type":"file-accept","id":"../x"}')
bad("file-chunk that is not base64", C, "bad_field", b'{"type":"file-chunk","id":"a","index":0,"data":"hello!!!"}')
bad("file-chunk of 32 KiB + 1", C, "bad_field", js({"type": "file-chunk", "id": "a", "index": 0,
    "data": base64.b64encode(bytes(32769)).decode()}))
bad("file-chunk with an empty data", C, "bad_field", b'{"type":"file-chunk","id":"a","index":0,"data":""}')
bad("file-ack with a negative index", C, "bad_field", b'{"type":"file-ack","id":"a","index":-1}')
bad("message with seq 0", S, "bad_field", js({"type": "message", "room": "lobby", "from": "a", "text": "x",
                                              "seq": 0, "ts": TS}))

# What a live server answers each valid client vector, sent by "vec", a registered member of the lobby where carol
# and dave chat (GoldenVectorsLiveTest). Each reply lists the fields that must match (seq and ts vary); a reply
# carries the vector's ref, and no ref when the vector has none. "includes" lists elements the named array must
# hold among others; "closes" says the server then closes the connection; an empty list: no reply at all.
LOBBY = ["carol", "dave", "vec"]
def error(code):
    return [{"type": "error", "code": code}]
def join_reply(d):
    if d["room"] == "lobby":
        return [{"type": "users", "room": "lobby", "nicks": LOBBY}]
    return [{"type": "joined", "room": d["room"], "nick": "vec"}, {"type": "users", "room": d["room"], "nicks": ["vec"]}]
AFTER_HELLO = {
    "hello": lambda d: error("already_registered"),
    "nick": lambda d: [{"type": "renamed", "from": "vec", "to": d["nick"]}],
    "join": join_reply,
    "leave": lambda d: [{"type": "left", "room": "lobby", "nick": "vec", "reason": "left"}],
    "say": lambda d: [{"type": "message", "room": "lobby", "from": "vec", "text": d["text"], "action": d["action"],
                       "history": False}],
    "whisper": lambda d: error("no_such_nick"),
    "who": lambda d: [{"type": "users", "room": "lobby", "nicks": LOBBY}],
    "rooms": lambda d: [{"type": "rooms", "includes": {"rooms": [{"name": "lobby", "users": 3}]}}],
    "ping": lambda d: [{"type": "pong"}],
    "pong": lambda d: [],
    "quit": lambda d: [{"type": "bye", "reason": "quit", "closes": True}],
    # The vectors offer a file to bob, who is not there, and name a transfer nobody started.
    "file-offer": lambda d: error("no_such_nick"),
}
for t in ["file-accept", "file-reject", "file-chunk", "file-ack", "file-done", "file-cancel"]:
    AFTER_HELLO[t] = lambda d: error("no_such_transfer")
for v in V:
    if v["from"] == C and "decoded" in v:
        d = v["decoded"]
        if d["type"] not in AFTER_HELLO:
            raise SystemExit(f"no reply after hello for vector {v['name']!r}: add its type to AFTER_HELLO")
        replies = AFTER_HELLO[d["type"]](d)
        for r in replies:
            if "ref" in d:
                r["ref"] = d["ref"]
        v["afterHello"] = replies

out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "frames.json")
with open(out, "w", encoding="utf-8") as f:
    json.dump({"description": "LanChat protocol 1 golden vectors; see PROTOCOL.md", "vectors": V}, f,
              ensure_ascii=False, indent=1)
    f.write("\n")
print(f"wrote {len(V)} vectors to {out}")
