"""A fake OpenAI-compatible chat-completions endpoint: a real HTTP server on 127.0.0.1.

`FakeLlm` runs `http.server` in a thread and answers POST .../chat/completions
with whatever the test set: a reply whose message content is given
(`answer`), a refusal, any status and body (`fail`), a delay before
answering (`delay`), a reply sent a byte at a time (`trickle`, noting in
`sent_whole_reply` whether the client stayed to the end), or a 400 naming
response_format for servers that reject structured output
(`reject_response_format`). Every request body is kept in `requests`, so a
test can check what the ledger asked. Nothing leaves the machine: the
server listens on loopback only.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


def completion(content: str | None, *, refusal: str | None = None, finish: str = "stop") -> bytes:
    """A chat-completions reply body as OpenAI's API writes one."""
    message: dict[str, Any] = {"role": "assistant", "content": content}
    if refusal is not None:
        message["refusal"] = refusal
    return json.dumps(
        {
            "id": "chatcmpl-fake",
            "object": "chat.completion",
            "model": "fake",
            "choices": [{"index": 0, "message": message, "finish_reason": finish}],
        }
    ).encode()


class FakeLlm:
    def __init__(self) -> None:
        self.status = 200
        self.body = completion(json.dumps({"claims": []}))
        self.delay = 0.0
        self.reject_response_format = False
        self.trickle = False
        self.sent_whole_reply = False
        self.requests: list[dict[str, Any]] = []
        self.paths: list[str] = []
        self.headers: list[dict[str, str]] = []
        self._stop = threading.Event()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}/v1"

    def answer(self, content: str) -> None:
        """Reply 200 with `content` as the message (JSON text, or anything else)."""
        self.status, self.body = 200, completion(content)

    def answer_claims(self, claims: list[dict[str, Any]]) -> None:
        self.answer(json.dumps({"claims": claims}))

    def fail(self, status: int, body: bytes) -> None:
        self.status, self.body = status, body

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length", "0"))
                request = json.loads(self.rfile.read(length))
                fake.requests.append(request)
                fake.paths.append(self.path)
                fake.headers.append(dict(self.headers))
                if fake.delay and fake._stop.wait(fake.delay):
                    return
                status, body = fake.status, fake.body
                if fake.reject_response_format and "response_format" in request:
                    status = 400
                    body = json.dumps(
                        {"error": {"message": "response_format json_schema is not supported"}}
                    ).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                if not fake.trickle:
                    self.wfile.write(body)
                    fake.sent_whole_reply = True
                    return
                for byte in body:  # a byte at a time: no single read ever waits long
                    if fake._stop.wait(0.05):
                        return
                    try:
                        self.wfile.write(bytes([byte]))
                        self.wfile.flush()
                    except OSError:
                        return  # the client hung up
                fake.sent_whole_reply = True

            def log_message(self, format: str, *args: object) -> None:
                pass

        return Handler

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._server.shutdown()
        self._server.server_close()


@contextmanager
def fake_llm() -> Iterator[FakeLlm]:
    fake = FakeLlm()
    fake.start()
    try:
        yield fake
    finally:
        fake.stop()
