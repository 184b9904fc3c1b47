#!/usr/bin/env python3
"""A loopback HTTP server that misbehaves as a SPARQL store can, for mitragraph's push tests.

Usage: stub-server.py MODE, where MODE is
  401    every request is refused with 401 and a Basic challenge;
  500    every request fails with 500 and a short error body;
  slow   every request is held for 30 s before any answer;
  html   every request gets 200 and an HTML page (a web server, not a SPARQL store);
  store  a minimal SPARQL store: ASK answers true, PUT and DELETE succeed. With a second
         argument, every request must carry that Authorization header (else 401); with a
         third, N, the first N requests get 503 (to exercise retries).
Prints the port it listens on as its first line, then serves until killed or until its
standard input closes.
"""
import http.server
import socketserver
import sys
import threading
import time

MODE = sys.argv[1]
AUTHORIZATION = sys.argv[2] if len(sys.argv) > 2 and sys.argv[2] else None
FAILURES = [int(sys.argv[3]) if len(sys.argv) > 3 else 0]
LOCK = threading.Lock()


class Handler(http.server.BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def answer(self):
        length = int(self.headers.get("Content-Length") or 0)
        if length:
            self.rfile.read(length)
        if MODE == "slow":
            time.sleep(30)
            return
        if MODE == "store":
            with LOCK:
                failing = FAILURES[0] > 0
                FAILURES[0] -= 1
            if failing:
                body, status = b"busy", 503
            elif AUTHORIZATION and self.headers.get("Authorization") != AUTHORIZATION:
                body, status = b"who are you?", 401
            elif self.command in ("PUT", "DELETE"):
                body, status = b"", 204
            else:
                body, status = b'{"head": {}, "boolean": true}', 200
            self.send_response(status)
            self.send_header("Content-Type", "application/sparql-results+json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            return
        if MODE == "401":
            body, status = b"authentication required", 401
        elif MODE == "500":
            body, status = b"Internal failure: the store is on fire", 500
        else:
            body, status = b"<!doctype html><html><body><h1>Welcome to nginx!</h1></body></html>", 200
        self.send_response(status)
        if status == 401:
            self.send_header("WWW-Authenticate", 'Basic realm="stub"')
        self.send_header("Content-Type", "text/html" if MODE == "html" else "text/plain")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    do_GET = do_POST = do_PUT = do_DELETE = answer


class Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True


server = Server(("127.0.0.1", 0), Handler)
print(server.server_address[1], flush=True)
threading.Thread(target=server.serve_forever, daemon=True).start()
sys.stdin.read()
