"""A static web server on loopback for the web map's browser tests and benchmark.

Python's http.server ignores "Range" and always sends the whole file (200); static hosts answer a
range with 206 and just those bytes, which is how the page reads a large programme's FlatGeobuf
through its spatial index. RangeHandler adds that; serve(folder, ranges=False) is the plain server.
"""

from __future__ import annotations

import functools
import http.server
import threading
from pathlib import Path


class RangeHandler(http.server.SimpleHTTPRequestHandler):
    """A static file server that answers "Range: bytes=a-b" with 206, as static hosts do (python's own
    http.server ignores Range and always sends the whole file); one range per request."""

    def send_head(self):
        spec = self.headers.get("Range", "")
        path = Path(self.translate_path(self.path))
        if not spec.startswith("bytes=") or not path.is_file():
            return super().send_head()
        size = path.stat().st_size
        first, _, last = spec[len("bytes="):].partition("-")
        if first:
            start, end = int(first), min(int(last) if last else size - 1, size - 1)
        else:  # "bytes=-N": the last N bytes
            start, end = max(size - int(last), 0), size - 1
        handle = open(path, "rb")
        handle.seek(start)
        self.send_response(206)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Range", "bytes {}-{}/{}".format(start, end, size))
        self.send_header("Content-Length", str(end - start + 1))
        self.send_header("Accept-Ranges", "bytes")
        self.end_headers()
        self.range_left = end - start + 1
        return handle

    def copyfile(self, source, outputfile):
        left = getattr(self, "range_left", None)
        if left is None:
            return super().copyfile(source, outputfile)
        outputfile.write(source.read(left))
        return None


def serve(folder, ranges: bool = True):
    """Serve *folder* on a free loopback port in a thread: (server, base url, log of (path, status, range))."""
    log = []

    class Handler(RangeHandler if ranges else http.server.SimpleHTTPRequestHandler):
        def log_request(self, code="-", size="-"):
            log.append((self.path, int(code) if str(code).isdigit() else code, self.headers.get("Range")))

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Handler, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, "http://127.0.0.1:{}/".format(server.server_address[1]), log
