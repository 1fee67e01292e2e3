#!/usr/bin/python3
"""Tries the requests of the security review (issue 14) against a running Gateway, as an attacker would, and prints
one table row per probe: the finding, what was sent, what a hardened Gateway answers, what this one answered.
Exits 1 when any probe fails. Standard library only (raw sockets for WebSockets), so it runs wherever python3 does.

Usage: scripts/security/probe.py http://127.0.0.1:5000 [--admin-key KEY] [--stream-key KEY]
         [--max-streams-per-client N] [--orleans-ports 11111,30000]
Probes that change state (a rollback) are refused before reaching the registry on a hardened Gateway; on a vulnerable
one they do roll back the serving model: run it against a Gateway you may change.
"""
import argparse
import base64
import http.client
import json
import os
import re
import socket
import struct
import sys
import time
import urllib.parse
import uuid

REMOTE = {"X-Forwarded-For": "203.0.113.9"}  # how a request from elsewhere reaches a Gateway behind a proxy on this machine


class Gateway:
    def __init__(self, url, stream_key):
        parsed = urllib.parse.urlparse(url)
        self.host, self.port = parsed.hostname, parsed.port or 80
        self.stream_key = stream_key

    def request(self, method, path, body=None, headers=None, timeout=120):
        """(status, parsed JSON or text, seconds). Status 0 when the server dropped the connection."""
        connection = http.client.HTTPConnection(self.host, self.port, timeout=timeout)
        started = time.monotonic()
        try:
            connection.putrequest(method, path, skip_host="Host" in (headers or {}))
            for name, value in (headers or {}).items():
                connection.putheader(name, value)
            if body is not None and not callable(body):
                connection.putheader("Content-Length", str(len(body)))
            elif callable(body):
                connection.putheader("Transfer-Encoding", "chunked")
            connection.endheaders()
            if callable(body):
                for chunk in body():
                    connection.send(b"%x\r\n%s\r\n" % (len(chunk), chunk))
                connection.send(b"0\r\n\r\n")
            elif body:
                connection.send(body)
            response = connection.getresponse()
            text = response.read().decode("utf-8", "replace")
            try:
                content = json.loads(text)
            except ValueError:
                content = text
            return response.status, content, time.monotonic() - started
        except (ConnectionError, socket.timeout, http.client.HTTPException) as error:
            # A server that answers early (413) and closes while we still send is fine: read what it said.
            try:
                response = connection.getresponse()
                return response.status, response.read().decode("utf-8", "replace"), time.monotonic() - started
            except Exception:
                return 0, str(error), time.monotonic() - started
        finally:
            connection.close()

    def stream_keyed(self, headers=None):
        headers = dict(headers or {})
        if self.stream_key:
            headers["X-Api-Key"] = self.stream_key
        return headers

    def websocket(self, query="", headers=None):
        """Opens /v1/stream; returns (HTTP status of the handshake, the socket when 101 else None)."""
        sock = socket.create_connection((self.host, self.port), timeout=30)
        lines = [f"GET /v1/stream{query} HTTP/1.1", f"Host: {self.host}:{self.port}", "Upgrade: websocket",
                 "Connection: Upgrade", "Sec-WebSocket-Version: 13",
                 "Sec-WebSocket-Key: " + base64.b64encode(os.urandom(16)).decode()]
        lines += [f"{k}: {v}" for k, v in (headers or {}).items()]
        sock.sendall(("\r\n".join(lines) + "\r\n\r\n").encode())
        head = b""
        while b"\r\n\r\n" not in head:
            part = sock.recv(4096)
            if not part:
                break
            head += part
        status = int(head.split(b" ", 2)[1]) if head.startswith(b"HTTP/") else 0
        if status != 101:
            sock.close()
            return status, None
        return status, sock


def send_text(sock, text):
    payload, mask = text.encode(), os.urandom(4)
    n = len(payload)
    header = bytes([0x81]) + (bytes([0x80 | n]) if n < 126 else bytes([0x80 | 126]) + struct.pack(">H", n) if n < 65536
                              else bytes([0x80 | 127]) + struct.pack(">Q", n))
    sock.sendall(header + mask + bytes(b ^ mask[i % 4] for i, b in enumerate(payload)))


def receive_frame(sock):
    """(opcode, payload) of the next frame from the server (unmasked)."""
    def exactly(n):
        data = b""
        while len(data) < n:
            part = sock.recv(n - len(data))
            if not part:
                raise ConnectionError("closed")
            data += part
        return data
    first, second = exactly(2)
    n = second & 0x7F
    n = struct.unpack(">H", exactly(2))[0] if n == 126 else struct.unpack(">Q", exactly(8))[0] if n == 127 else n
    return first & 0x0F, exactly(n)


def wav(rate, seconds=1.0, fmt=1, bits=16, claimed_data=None, body=None):
    """A WAV file; claimed_data sets the data chunk size in the header whatever the body is."""
    data = body if body is not None else bytes(int(rate * seconds) * bits // 8)
    size = claimed_data if claimed_data is not None else len(data)
    fmt_chunk = struct.pack("<HHIIHH", fmt, 1, rate, rate * bits // 8, bits // 8, bits)
    return b"RIFF" + struct.pack("<I", 4 + 8 + len(fmt_chunk) + 8 + size) + b"WAVE" + b"fmt " + struct.pack("<I", len(fmt_chunk)) \
        + fmt_chunk + b"data" + struct.pack("<I", size) + data


class Probes:
    def __init__(self, gateway, args):
        self.gateway, self.args, self.rows = gateway, args, []

    def row(self, finding, probe, expected, got, ok):
        self.rows.append((finding, probe, expected, got, "pass" if ok is True else "FAIL" if ok is False else ok))

    def describe(self, status, content):
        code = content.get("code") if isinstance(content, dict) else None
        return f"{status} {code}" if code else str(status)

    # 1: the Orleans ports must not answer on this machine's network address.
    def orleans_ports(self):
        address = next((a for a in os.popen("hostname -I 2>/dev/null").read().split() if ":" not in a), None)
        for port in self.args.orleans_ports:
            if address is None:
                self.row("1 Orleans port", f"TCP connect to :{port} on the network address", "refused", "no network address", "n/a")
                continue
            try:
                socket.create_connection((address, port), timeout=3).close()
                got = "connected"
            except OSError as error:
                got = type(error).__name__
            self.row("1 Orleans port", f"TCP connect to {address}:{port}", "refused", got, got != "connected")

    # 2: cross-site requests, DNS rebinding, proxied loopback.
    def cross_site(self):
        for name, headers in [("Origin: http://evil.example, text/plain", {"Origin": "http://evil.example", "Content-Type": "text/plain"}),
                              ("Host: evil.example", {"Host": "evil.example"}),
                              ("X-Forwarded-For from a proxy", REMOTE)]:
            status, content, _ = self.gateway.request("POST", "/v1/models/en-16k/rollback", b"", headers)
            self.row("2 cross-site admin", f"POST rollback, {name}", "401/403, not rolled back", self.describe(status, content), status in (401, 403))
        status, sock = self.gateway.websocket(self.query(), {"Origin": "http://evil.example"})
        if sock:
            sock.close()
        self.row("2 cross-site stream", "WebSocket handshake, Origin: http://evil.example", "403", str(status), status == 403)

    # 3: work per request bounded before any work is done.
    def unbounded_work(self):
        phrases = "&".join("phrase=" + "+".join(["one"] * 21) for _ in range(1))
        status, content, seconds = self.gateway.request("POST", "/v1/recognize?" + phrases, wav(16000), self.gateway.stream_keyed())
        self.row("3 phrase list", "REST phrase of 21 words", "400 phrase_list_too_large", self.describe(status, content),
                 status == 400 and isinstance(content, dict) and content.get("code") == "phrase_list_too_large")
        status, sock = self.gateway.websocket(self.query())
        got, ok = str(status), False
        if sock:
            send_text(sock, json.dumps({"config": {"sample_rate": 16000, "phrase_list": ["one two three"] * 1001}}))
            started = time.monotonic()
            try:
                frames = [receive_frame(sock) for _ in range(2)]
                error = json.loads(frames[0][1]).get("code") if frames[0][0] == 1 else None
                got, ok = f"{error}, close {struct.unpack('>H', frames[1][1][:2])[0] if frames[1][0] == 8 else '?'} in {time.monotonic() - started:.1f} s", error == "phrase_list_too_large"
            except (ConnectionError, socket.timeout, ValueError) as failure:
                got = f"no error message: {failure}"
            sock.close()
        self.row("3 phrase list", "WebSocket config with 1,001 phrases", "phrase_list_too_large", got, ok)
        # 29 MB of µ-law is 3,625 s of 8 kHz audio: refused from the header, before decoding.
        body = wav(8000, fmt=7, bits=8, body=b"\xff" * 29_000_000)
        status, content, seconds = self.gateway.request("POST", "/v1/recognize", body, self.gateway.stream_keyed())
        self.row("3 audio duration", "REST 29 MB µ-law WAV (3,625 s)", "413 audio_too_long", f"{self.describe(status, content)} in {seconds:.1f} s",
                 status == 413 and isinstance(content, dict) and content.get("code") == "audio_too_long")

    # 4: one client cannot take every slot, with or without made-up keys.
    def per_client(self):
        limit, opened, refused = self.args.max_streams_per_client, [], None
        for i in range(limit + 1):
            status, sock = self.gateway.websocket(f"?api_key=bogus-{i}")
            if sock:
                opened.append(sock)
            else:
                refused = status
                break
        # REST recognition takes a stream slot too: with this client's slots all taken, it must wait its turn.
        rest, content, _ = self.gateway.request("POST", "/v1/recognize", wav(16000), self.gateway.stream_keyed())
        for sock in opened:
            sock.close()
        self.row("3 REST admission", f"REST recognise while {len(opened)} streams are open", "429", self.describe(rest, content),
                 rest == 429 if refused else "n/a")
        self.row("4 per-client limit", f"{limit + 1} WebSockets from one address, ?api_key=bogus-N", f"at most {limit} open",
                 f"{len(opened)} open" + (f", then {refused}" if refused else ""), len(opened) <= limit and refused in (401, 403, 429))

    # 5: one body limit, short details, admin key in headers only, nothing public that should not be.
    def limits_and_leaks(self):
        # 30-50 MB bodies were Kestrel's 500 (its own 30,000,000-byte limit); now the upload limit (50 MiB) is the only one.
        status, content, _ = self.gateway.request("POST", "/v1/recognize", b"\0" * 40_000_000, self.gateway.stream_keyed())
        self.row("5 body limit", "REST 40 MB of zeros (under 50 MiB)", "400 bad_audio, not 500", self.describe(status, content), status == 400)
        status, content, _ = self.gateway.request("POST", "/v1/recognize", b"\0" * 60_000_000, self.gateway.stream_keyed())
        self.row("5 body limit", "REST 60 MB body (Content-Length)", "413 upload_too_large", self.describe(status, content), status == 413)
        chunks = lambda: (b"\0" * 1_000_000 for _ in range(60))
        status, content, _ = self.gateway.request("POST", "/v1/recognize", chunks, self.gateway.stream_keyed())
        self.row("5 body limit", "REST 60 MB chunked body", "413 upload_too_large", self.describe(status, content), status == 413)
        status, content, _ = self.gateway.request("POST", "/v1/recognize", wav(16000)[:30], self.gateway.stream_keyed())
        detail = content.get("detail", "") if isinstance(content, dict) else str(content)
        self.row("5 error detail", "REST truncated WAV", "400, short detail, no path", f"{status}, {len(detail)} chars",
                 status == 400 and len(detail) <= 200 and "/" not in detail.replace("/v1", ""))
        status, content, _ = self.gateway.request("GET", f"/v1/jobs/{uuid.uuid4()}", headers=REMOTE)
        self.row("5 public job status", "GET /v1/jobs/ID from elsewhere", "401/403", self.describe(status, content), status in (401, 403))
        status, content, _ = self.gateway.request("GET", "/v1/models", headers=REMOTE)
        versions = [v for f in content.get("families", []) for v in f["versions"]] if isinstance(content, dict) else []
        shown = sum(1 for v in versions if v["lineage"].get("code_version"))
        self.row("5 code version", "GET /v1/models from elsewhere", "no code_version", f"{shown} of {len(versions)} shown", status == 200 and shown == 0)
        if self.args.admin_key:
            status, content, _ = self.gateway.request("POST", f"/v1/models/en-16k/rollback?api_key={self.args.admin_key}", b"", REMOTE)
            self.row("5 admin key in URL", "POST rollback?api_key=ADMIN", "401", self.describe(status, content), status == 401)
        status, content, _ = self.gateway.request("GET", "/demo.js")
        writes = re.findall(r"(?:innerHTML|outerHTML)\s*\+?=|insertAdjacentHTML|document\.write", str(content))
        self.row("5 demo page", "GET /demo.js", "no HTML writes", f"{status}, {len(writes)} HTML writes", status == 200 and not writes)

    # What already held before the review: it must go on holding.
    def still_holding(self):
        for name, path, body in [("empty body", "/v1/recognize", b""), ("not a WAV", "/v1/recognize", b"hello world" * 10),
                                 ("model=../../etc/passwd", "/v1/recognize?model=" + urllib.parse.quote("../../etc/passwd"), wav(16000))]:
            status, content, _ = self.gateway.request("POST", path, body, self.gateway.stream_keyed())
            self.row("- bad input", f"REST {name}", "400", self.describe(status, content), status == 400)
        status, content, _ = self.gateway.request("POST", "/v1/recognize", wav(16000), self.gateway.stream_keyed())
        self.row("- still serves", "REST 1 s of silence", "200", str(status), status == 200)

    def query(self):
        return f"?api_key={self.gateway.stream_key}" if self.gateway.stream_key else ""


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("url")
    parser.add_argument("--admin-key")
    parser.add_argument("--stream-key")
    parser.add_argument("--max-streams-per-client", type=int, default=16, help="the Gateway's Security:MaxStreamsPerClient")
    parser.add_argument("--orleans-ports", type=lambda s: [int(p) for p in s.split(",")], default=[11111, 30000])
    args = parser.parse_args()
    probes = Probes(Gateway(args.url, args.stream_key), args)
    for run in (probes.orleans_ports, probes.cross_site, probes.unbounded_work, probes.per_client, probes.limits_and_leaks, probes.still_holding):
        run()
    widths = [max(len(str(r[i])) for r in probes.rows + [("finding", "probe", "expected", "got", "verdict")]) for i in range(5)]
    for row in [("finding", "probe", "expected", "got", "verdict"), tuple("-" * w for w in widths)] + probes.rows:
        print("| " + " | ".join(str(c).ljust(w) for c, w in zip(row, widths)) + " |")
    failed = sum(1 for r in probes.rows if r[4] == "FAIL")
    print(f"{len(probes.rows) - failed} of {len(probes.rows)} probes held" + (f"; {failed} FAILED" if failed else ""))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
