#!/usr/bin/env python3
"""
Serves this folder (the built Poverty Loop site) on this computer with nothing but Python 3:

    python3 serve.py           -> http://localhost:8080/
    python3 serve.py 9000      -> another port
    python3 serve.py --lan     -> also to other devices on the room's network

(On Windows the command may be `py serve.py` or `python serve.py`.) Unlike a bare
`python -m http.server`, this always sends JavaScript with a JavaScript type: on some Windows
machines the registry maps .js to text/plain and the browser then refuses to run the app.
Stop with Ctrl+C.
"""
import functools
import http.server
import os
import sys

ROOT = os.path.dirname(os.path.abspath(__file__))
TYPES = {
    '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
    '.css': 'text/css; charset=utf-8', '.json': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png',
    '.webmanifest': 'application/manifest+json', '.txt': 'text/plain; charset=utf-8', '': 'application/octet-stream',
}


class Handler(http.server.SimpleHTTPRequestHandler):
    extensions_map = TYPES

    def end_headers(self):
        self.send_header('Cache-Control', 'no-cache' if self.path.endswith(('sw.js', '.html', '/')) else 'public, max-age=3600')
        super().end_headers()


def main():
    args = sys.argv[1:]
    lan = '--lan' in args
    ports = [int(a) for a in args if a.isdigit()]
    port = ports[0] if ports else 8080
    handler = functools.partial(Handler, directory=ROOT)
    for attempt in range(20):
        try:
            server = http.server.ThreadingHTTPServer(('0.0.0.0' if lan else '127.0.0.1', port), handler)
            break
        except OSError:
            port += 1
    else:
        sys.exit('no free port')
    print(f'贫困循环 Poverty Loop: http://localhost:{port}/')
    print('按 Ctrl+C 停止 · Ctrl+C to stop')
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass


if __name__ == '__main__':
    main()
