#!/usr/bin/env python3
"""Serves a folder (the built page, dist/) on 127.0.0.1 for `make serve` and the end-to-end tests.

Only the standard library: any static server works for dist/; this one just sets the wasm MIME type
explicitly and tells the browser to revalidate, so a rebuilt page is never served stale.

`--cors ORIGIN` (repeatable) lets a portal on ORIGIN import the page's modules and fetch its wasm
across origins, as a portal's own server must (docs/portal.md): a request from an allowed Origin
gets `Access-Control-Allow-Origin` with that origin (and `Vary: Origin`); others get no CORS
header, so the browser refuses them. Preflight (OPTIONS) requests are answered for GET and HEAD.
"""
import argparse
import functools
import http.server
import sys


class Handler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".wasm": "application/wasm",
        ".js": "text/javascript",
        ".mjs": "text/javascript",
        ".css": "text/css",
        ".json": "application/json",
        ".webmanifest": "application/manifest+json",
    }

    def cors_origin(self):
        origin = self.headers.get("Origin")
        return origin if origin and origin in self.server.cors else None

    def end_headers(self):
        self.send_header("Cache-Control", "no-cache")
        self.send_header("X-Content-Type-Options", "nosniff")
        if self.server.cors:
            # The answer depends on the Origin header: caches must not hand one origin's to another.
            self.send_header("Vary", "Origin")
            origin = self.cors_origin()
            if origin:
                self.send_header("Access-Control-Allow-Origin", origin)
        super().end_headers()

    def do_OPTIONS(self):
        if not self.cors_origin():
            self.send_error(403, "origin not allowed")
            return
        self.send_response(204)
        self.send_header("Access-Control-Allow-Methods", "GET, HEAD")
        self.send_header("Access-Control-Max-Age", "600")
        self.end_headers()

    def log_message(self, fmt, *args):
        if not self.server.quiet:
            super().log_message(fmt, *args)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("directory")
    ap.add_argument("--port", type=int, default=8080)
    ap.add_argument("--quiet", action="store_true")
    ap.add_argument("--cors", action="append", default=[], metavar="ORIGIN",
                    help="allow this origin (scheme://host[:port]) to load the files across origins; repeatable")
    args = ap.parse_args()
    for origin in args.cors:
        if "://" not in origin or origin.endswith("/"):
            ap.error(f"--cors {origin!r}: give an origin such as https://portal.example or http://127.0.0.1:8144")
    handler = functools.partial(Handler, directory=args.directory)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", args.port), handler)
    server.quiet = args.quiet
    server.cors = set(args.cors)
    cors = f"  (CORS for {', '.join(sorted(server.cors))})" if server.cors else ""
    print(f"serving {args.directory} on http://127.0.0.1:{args.port}/{cors}  (Ctrl-C stops)", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
