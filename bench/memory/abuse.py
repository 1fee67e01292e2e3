#!/usr/bin/env python3
"""The abuse mix of the memory benchmark (bench/memory/run.sh): everything a hostile or careless client may send
within (or just past) the Gateway's limits, several at a time. Standard library only (no websocket package here):
the WebSocket client below is just enough of RFC 6455 for this.

Usage: abuse.py HOST PORT WORKDIR [ROUNDS=2] [PARTS=oversized,broken,long,phrases,sockets]
"""
import base64, concurrent.futures as cf, http.client, json, math, os, random, socket, struct, sys, wave

host, port, work = sys.argv[1], int(sys.argv[2]), sys.argv[3]
rounds = int(sys.argv[4]) if len(sys.argv) > 4 else 2
parts = set((sys.argv[5] if len(sys.argv) > 5 else "oversized,broken,long,phrases,sockets").split(","))
os.makedirs(work, exist_ok=True)
counts = {}


def note(what, status):
    key = f"{what}:{status}"
    counts[key] = counts.get(key, 0) + 1


def tone_wav(path, seconds, rate, width=2):
    """A WAV of a wandering tone with noise: cheap to make, and the recogniser still has frames to score."""
    if os.path.exists(path):
        return path
    rnd = random.Random(seconds * rate)
    with wave.open(path, "wb") as w:
        w.setnchannels(1); w.setsampwidth(width); w.setframerate(rate)
        block = []
        for i in range(rate):  # one second, repeated: building 600 s in Python sample by sample is too slow
            v = 0.3 * math.sin(2 * math.pi * (200 + 150 * math.sin(i / rate * 3)) * i / rate) + 0.05 * (rnd.random() - 0.5)
            block.append(int(v * 32767) if width == 2 else int(v * 127) + 128)
        second = struct.pack(f"<{rate}h", *block) if width == 2 else bytes(block)
        for _ in range(seconds):
            w.writeframes(second)
    return path


def post(body, query="", headers=None, chunked=False):
    c = http.client.HTTPConnection(host, port, timeout=600)
    try:
        h = {"Content-Type": "audio/wav", **(headers or {})}
        if chunked:
            def chunks():
                for i in range(0, len(body), 1 << 20):
                    yield body[i:i + (1 << 20)]
            c.request("POST", "/v1/recognize" + query, body=chunks(), headers=h, encode_chunked=True)
        else:
            c.request("POST", "/v1/recognize" + query, body=body, headers=h)
        r = c.getresponse(); r.read()
        return r.status
    except (ConnectionError, socket.timeout, http.client.HTTPException) as e:
        return type(e).__name__
    finally:
        c.close()


def ws_connect():
    s = socket.create_connection((host, port), timeout=30)
    key = base64.b64encode(os.urandom(16)).decode()
    s.sendall((f"GET /v1/stream HTTP/1.1\r\nHost: {host}:{port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
               f"Sec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n\r\n").encode())
    reply = b""
    while b"\r\n\r\n" not in reply:
        part = s.recv(4096)
        if not part:
            break
        reply += part
    return s, reply.split(b" ", 2)[1].decode() if reply else "closed"


def ws_send(s, payload, opcode):
    mask = os.urandom(4)
    n = len(payload)
    head = bytes([0x80 | opcode])
    head += bytes([0x80 | n]) if n < 126 else bytes([0x80 | 126]) + struct.pack(">H", n) if n < 65536 else bytes([0x80 | 127]) + struct.pack(">Q", n)
    masked = bytes(b ^ mask[i % 4] for i, b in enumerate(payload)) if n < 65536 else _mask_big(payload, mask)
    s.sendall(head + mask + masked)


def _mask_big(payload, mask):
    key = (mask * (len(payload) // 4 + 1))[:len(payload)]
    return (int.from_bytes(payload, "little") ^ int.from_bytes(key, "little")).to_bytes(len(payload), "little")


def dropped_socket(i):
    """Open a stream, send a config and some audio (or a near-limit message), then drop TCP without a close frame."""
    try:
        s, status = ws_connect()
        if status == "101":
            ws_send(s, json.dumps({"config": {"sample_rate": 16000}}).encode(), 1)
            if i % 5 == 0:
                ws_send(s, os.urandom(1000 * 1024), 2)  # just under the 1 MiB message limit
            else:
                for _ in range(5):
                    ws_send(s, os.urandom(3200), 2)
        s.close()
        note("dropped_socket", status)
    except OSError as e:
        note("dropped_socket", type(e).__name__)


def phrase_list_stream(i):
    """A stream whose config carries a phrase list at the limits (500 phrases of 20 words = 10,000 words), all distinct."""
    rnd = random.Random(i)
    words = "zero one two three four five six seven eight nine oh yes no stop go left right up down".split()
    phrases = [" ".join(rnd.choice(words) for _ in range(20)) for _ in range(500)]
    try:
        s, status = ws_connect()
        if status == "101":
            ws_send(s, json.dumps({"config": {"sample_rate": 16000, "phrase_list": phrases}}).encode(), 1)
            ws_send(s, bytes(3200), 2)
            s.settimeout(120)
            try:
                s.recv(4096)
            except socket.timeout:
                pass
        s.close()
        note("phrase_list_stream", status)
    except OSError as e:
        note("phrase_list_stream", type(e).__name__)


def broken_wavs():
    good = open(tone_wav(os.path.join(work, "tone-5s.wav"), 5, 16000), "rb").read()
    bad = [
        b"", b"RIFF", os.urandom(4096), good[:44], good[:30], good[:1000],
        good[:40] + struct.pack("<I", 0xFFFFFFF0) + good[44:],           # data size: 4 GB
        good[:4] + struct.pack("<I", 0xFFFFFFFF) + good[8:],             # RIFF size: 4 GB
        good[:24] + struct.pack("<I", 0) + good[28:],                    # rate 0
        good[:24] + struct.pack("<I", 10_000_000) + good[28:],           # rate 10 MHz
        good[:22] + struct.pack("<H", 0) + good[24:],                    # 0 channels
        good[:22] + struct.pack("<H", 65535) + good[24:],                # 65535 channels
        good[:34] + struct.pack("<H", 7) + good[36:],                    # 7 bits per sample
        b"RIFF" + struct.pack("<I", 1 << 30) + b"WAVE" + b"JUNK" + struct.pack("<I", 1 << 30) + os.urandom(2000),
    ]
    return bad


def main():
    long_16k = open(tone_wav(os.path.join(work, "long-600s-16k.wav"), 600, 16000), "rb").read()       # 19 MB, the longest allowed
    long_40k = open(tone_wav(os.path.join(work, "long-600s-40k.wav"), 600, 40000), "rb").read()       # 48 MB: both limits at once
    long_48k_8bit = open(tone_wav(os.path.join(work, "long-600s-48k-u8.wav"), 600, 48000, 1), "rb").read()  # 29 MB, resampled
    too_long = open(tone_wav(os.path.join(work, "long-1200s-8k.wav"), 1200, 8000), "rb").read()      # 19 MB but 20 min: refused from its header
    oversized = os.urandom(60 << 20)
    bad = broken_wavs()
    with cf.ThreadPoolExecutor(max_workers=8) as pool:
        for r in range(rounds):
            if "oversized" in parts:
                print(f"round {r + 1}: oversized and too-long uploads", flush=True)
                for s in pool.map(lambda i: post(oversized, chunked=i % 2 == 1), range(8)):
                    note("oversized", s)
                for s in pool.map(lambda i: post(too_long), range(8)):
                    note("too_long", s)
            if "broken" in parts:
                print(f"round {r + 1}: broken WAVs", flush=True)
                for s in pool.map(lambda b: post(b), bad * 4):
                    note("broken_wav", s)
            if "long" in parts:
                print(f"round {r + 1}: 600 s uploads, 8 at a time", flush=True)
                for s in pool.map(lambda b: post(b), [long_40k, long_16k, long_48k_8bit, long_40k] * 2):
                    note("long_upload", s)
            if "phrases" in parts:
                print(f"round {r + 1}: phrase lists at the limits", flush=True)
                list(pool.map(phrase_list_stream, range(r * 16, r * 16 + 16)))
            if "sockets" in parts:
                print(f"round {r + 1}: sockets opened and dropped", flush=True)
                list(pool.map(dropped_socket, range(200)))
    print(json.dumps(counts, sort_keys=True), flush=True)


main()
