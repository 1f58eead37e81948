"""Serve the built site on localhost, as a static host would: `python dev/serve.py [dist]`.

Files are served under an optional sub-path (GitHub Pages serves a project at
/<repo>/), with the right types for WebAssembly, gzip for text and wasm, and an ETag
(a repeated request for an unchanged file gets 304, as from GitHub Pages or nginx).
`--csp POLICY` adds a Content-Security-Policy header to every response, as a strict host would.
With --generic-types, every file type an LMS may not know (LMS_UNKNOWN_TYPES) is
served as application/octet-stream, as Moodle serves an uploaded package's files.

The server keeps `sent`: (path with query, status, body bytes) for every response, so tests
and the benchmark can count downloads. To deploy another build, point `server.root` at it.
"""

import argparse
import functools
import gzip
import http.server
import mimetypes
import socketserver
import threading
from pathlib import Path

TYPES = {
    ".wasm": "application/wasm",
    ".js": "text/javascript",
    ".mjs": "text/javascript",
    ".json": "application/json",
    ".webmanifest": "application/manifest+json",
    ".svg": "image/svg+xml",
    ".whl": "application/zip",
    ".zip": "application/zip",
    ".ipynb": "application/x-ipynb+json",
}
LMS_UNKNOWN_TYPES = {
    ".wasm", ".mjs", ".json", ".zip", ".whl", ".webmanifest", ".ipynb", ".map", ".yml", ".woff", ".woff2", ".ttf", ".eot",
}
"""Extensions an LMS's own file-type table may lack (Moodle's has no .wasm, for one).
The README names them for LMS admins; the course works without them."""
COMPRESSIBLE = {".wasm", ".js", ".mjs", ".css", ".html", ".json", ".svg", ".webmanifest", ".map", ".ipynb", ".xml"}


@functools.lru_cache(maxsize=256)
def gzipped(path, mtime):
    return gzip.compress(Path(path).read_bytes(), compresslevel=6)


class SiteHandler(http.server.BaseHTTPRequestHandler):
    """GET and HEAD for files of the server's `root`, found under `prefix` (say /course/)."""

    prefix = "/"
    policy = None
    generic_types = False

    def do_HEAD(self):
        self.respond(head=True)

    def do_GET(self):
        self.respond(head=False)

    def respond(self, head):
        path = self.path.split("?", 1)[0].split("#", 1)[0]
        if path + "/" == self.prefix:
            self.redirect(self.prefix)
            return
        if not path.startswith(self.prefix):
            self.fail(404)
            return
        relative = path[len(self.prefix):] or "index.html"
        if relative.endswith("/"):
            relative += "index.html"
        root = Path(self.server.root)
        file = (root / relative).resolve()
        if root.resolve() not in file.parents or not file.is_file():
            self.fail(404)
            return
        stat = file.stat()
        tag = f'"{stat.st_mtime_ns:x}-{stat.st_size:x}"'
        if tag in self.headers.get("If-None-Match", ""):
            self.send_response(304)
            self.send_common_headers(tag)
            self.end_headers()
            self.server.sent.append((self.path, 304, 0))
            return
        body = file.read_bytes()
        encoding = None
        if file.suffix in COMPRESSIBLE and "gzip" in self.headers.get("Accept-Encoding", ""):
            body, encoding = gzipped(str(file), stat.st_mtime), "gzip"
        self.send_response(200)
        self.send_header("Content-Type", self.content_type(file))
        self.send_header("Content-Length", str(len(body)))
        self.send_common_headers(tag)
        if encoding:
            self.send_header("Content-Encoding", encoding)
        self.end_headers()
        if not head:
            self.wfile.write(body)
        self.server.sent.append((self.path, 200, 0 if head else len(body)))

    def send_common_headers(self, tag):
        self.send_header("Cache-Control", "no-cache")
        self.send_header("ETag", tag)
        if self.policy:
            self.send_header("Content-Security-Policy", self.policy)

    def fail(self, status):
        self.send_error(status)
        self.server.sent.append((self.path, status, 0))

    def content_type(self, file):
        if self.generic_types and file.suffix in LMS_UNKNOWN_TYPES:
            return "application/octet-stream"
        return TYPES.get(file.suffix) or mimetypes.guess_type(file.name)[0] or "application/octet-stream"

    def redirect(self, location):
        self.send_response(301)
        self.send_header("Location", location)
        self.end_headers()

    def log_message(self, *args):
        pass


class Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True
    allow_reuse_address = True


def start(root, port=0, prefix="/", host="127.0.0.1", policy=None, handler=SiteHandler, generic_types=False):
    """Serve `root` in a background thread with `policy` as its Content-Security-Policy header and, with
    `generic_types`, the types an LMS may not know as application/octet-stream; return the server (its
    port in server_port, the folder it serves in root, responses in sent)."""
    server = Server((host, port), type("Handler", (handler,), {"prefix": prefix, "policy": policy, "generic_types": generic_types}))
    server.root, server.sent = Path(root), []
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("root", nargs="?", default="dist")
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--prefix", default="/", help="sub-path to serve under, like /course/")
    parser.add_argument("--csp", metavar="POLICY", help="a Content-Security-Policy header for every response")
    parser.add_argument(
        "--generic-types", action="store_true",
        help="serve " + ", ".join(sorted(LMS_UNKNOWN_TYPES)) + " as application/octet-stream, as an LMS may",
    )
    args = parser.parse_args()
    server = start(args.root, args.port, args.prefix, policy=args.csp, generic_types=args.generic_types)
    print(f"Serving {args.root} at http://127.0.0.1:{server.server_port}{args.prefix}  (Ctrl+C stops)", flush=True)
    try:
        threading.Event().wait()
    except KeyboardInterrupt:
        server.shutdown()


if __name__ == "__main__":
    main()
