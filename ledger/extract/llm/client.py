"""One chat-completions request to an OpenAI-compatible endpoint, and its failures.

Any server that speaks the OpenAI chat-completions protocol will do: a local
Ollama (`http://localhost:11434/v1`), llama.cpp's server, vLLM, or a hosted
service. The endpoint is the user's own choice, so unlike an article URL
(`ledger.extract.fetch`) a loopback or private address is fine here.

Every way the request can fail becomes one `LlmError` line that says what to
check: an unreachable endpoint, a deadline passed, an HTTP error (401: the
key; 404: the URL or the model), a reply that is no chat completion, a
refusal, a reply cut short. `timeout` bounds the whole exchange, not each
read: a watchdog shuts the socket when it passes, so a server trickling
tokens cannot hold the command open. A server that rejects `response_format`
(HTTP 400 naming it) is asked once more without it: the prompt states the
schema too, and the reply is checked either way.

Standard library only: the request is one POST, and a dependency would buy
nothing but weight.
"""

from __future__ import annotations

import contextlib
import http.client
import json
import socket
import ssl
import threading
import time
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from ledger.extract.llm.errors import LlmError

USER_AGENT = "forecast-ledger/0.1 (forecast extract --llm)"
DEFAULT_TIMEOUT = 120.0
# The key is read from the environment only: on the command line it would be
# in the shell's history and in every process listing.
API_KEY_ENV = "FORECAST_LLM_API_KEY"
# A claims reply is a few kilobytes; anything near this is not one.
MAX_REPLY_BYTES = 4_000_000
_CHUNK = 65_536
_SHOWN = 120


@dataclass(frozen=True)
class LlmEndpoint:
    """Where to ask and how: `url` is the API base (`.../v1`) or the full
    `.../chat/completions` URL; `api_key` is sent as a bearer token if set."""

    url: str
    model: str
    api_key: str | None = None
    timeout: float = DEFAULT_TIMEOUT

    @property
    def completions_url(self) -> str:
        """The URL posted to; a query (Azure's `?api-version=`) stays at the end."""
        parts = urlsplit(self.url.strip())
        path = parts.path.rstrip("/")
        if not path.endswith("/chat/completions"):
            path += "/chat/completions"
        return urlunsplit(parts._replace(path=path))


def check_endpoint_url(url: str) -> str | None:
    """Why `url` cannot be an endpoint, or None if it can (an http(s) URL with a host)."""
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return f"{url!r} is not an http(s) URL like http://localhost:11434/v1"
    try:
        _ = parts.port
    except ValueError:
        return f"{url!r} has a port that is not a number"
    return None


def complete(
    endpoint: LlmEndpoint, messages: list[dict[str, str]], response_format: dict[str, Any] | None
) -> str:
    """The message content of the model's reply to `messages`; LlmError if there is none."""
    deadline = time.monotonic() + endpoint.timeout
    body: dict[str, Any] = {"model": endpoint.model, "messages": messages, "temperature": 0}
    if response_format is not None:
        body["response_format"] = response_format
    status, raw = _post(endpoint, body, deadline)
    if status == 400 and response_format is not None and b"response_format" in raw:
        del body["response_format"]
        status, raw = _post(endpoint, body, deadline)
    if not 200 <= status < 300:
        raise LlmError(_http_error(endpoint, status, raw))
    return _content(endpoint, raw)


def _where(endpoint: LlmEndpoint) -> str:
    """The endpoint as an error names it: no user:password, no query (either may hold a key)."""
    parts = urlsplit(endpoint.completions_url)
    host = parts.netloc.rpartition("@")[2]
    return f"the language model at {urlunsplit((parts.scheme, host, parts.path, '', ''))}"


def _post(endpoint: LlmEndpoint, body: dict[str, Any], deadline: float) -> tuple[int, bytes]:
    """POST `body` as JSON; (status, reply body). Connection failures become LlmError."""
    url = endpoint.completions_url
    parts = urlsplit(url)
    path = parts.path or "/"
    if parts.query:
        path += f"?{parts.query}"
    headers = {
        "Content-Type": "application/json",
        "Accept": "application/json",
        "User-Agent": USER_AGENT,
    }
    if endpoint.api_key:
        headers["Authorization"] = f"Bearer {endpoint.api_key}"
    remaining = deadline - time.monotonic()
    if remaining <= 0:
        raise LlmError(_timed_out(endpoint))
    connection: http.client.HTTPConnection
    if parts.scheme == "https":
        connection = http.client.HTTPSConnection(
            parts.hostname or "",
            parts.port,
            timeout=remaining,
            context=ssl.create_default_context(),
        )
    else:
        connection = http.client.HTTPConnection(parts.hostname or "", parts.port, timeout=remaining)
    watchdog: threading.Timer | None = None
    try:
        connection.connect()
        # The socket itself, not the connection: http.client hands it to the
        # response and forgets it when the server will close after replying.
        watchdog = threading.Timer(max(0.0, deadline - time.monotonic()), _shut, (connection.sock,))
        watchdog.daemon = True
        watchdog.start()
        connection.request("POST", path, body=json.dumps(body).encode("utf-8"), headers=headers)
        response = connection.getresponse()
        raw = _read(response, endpoint, deadline)
        return response.status, raw
    except LlmError:
        raise
    except TimeoutError:
        raise LlmError(_timed_out(endpoint)) from None
    except (OSError, http.client.HTTPException) as error:
        if time.monotonic() >= deadline:
            raise LlmError(_timed_out(endpoint)) from None
        raise LlmError(
            f"{_where(endpoint)} cannot be reached ({_reason(error)}): is the server running?"
            " check --llm-url or FORECAST_LLM_URL"
        ) from None
    finally:
        if watchdog is not None:
            watchdog.cancel()
        connection.close()


def _shut(sock: socket.socket | None) -> None:
    """The deadline passed: end the exchange, whatever the server is doing."""
    if sock is not None:
        with contextlib.suppress(OSError):
            sock.shutdown(socket.SHUT_RDWR)


def _read(response: http.client.HTTPResponse, endpoint: LlmEndpoint, deadline: float) -> bytes:
    chunks: list[bytes] = []
    size = 0
    while chunk := response.read1(_CHUNK):
        size += len(chunk)
        if size > MAX_REPLY_BYTES:
            raise LlmError(
                f"{_where(endpoint)} sent more than {MAX_REPLY_BYTES // 1_000_000} MB:"
                " that is no reply to a claims request"
            )
        chunks.append(chunk)
    if time.monotonic() >= deadline:
        # The watchdog shut the socket: what came so far is a truncated reply.
        raise LlmError(_timed_out(endpoint))
    return b"".join(chunks)


def _timed_out(endpoint: LlmEndpoint) -> str:
    return (
        f"{_where(endpoint)} did not answer within {endpoint.timeout:g} s:"
        " give it longer with --llm-timeout, or use a smaller model"
    )


def _reason(error: BaseException) -> str:
    if isinstance(error, ConnectionRefusedError):
        return "connection refused"
    if isinstance(error, socket.gaierror):
        return "unknown host"
    text = getattr(error, "strerror", None) or str(error) or type(error).__name__
    return " ".join(str(text).split())[:_SHOWN]


def _http_error(endpoint: LlmEndpoint, status: int, raw: bytes) -> str:
    hint = {
        401: "check FORECAST_LLM_API_KEY",
        403: "check FORECAST_LLM_API_KEY",
        404: "check --llm-url (usually ending in /v1) and --llm-model",
        429: "the server is busy or out of quota; try again later",
    }.get(status, "see the server's log")
    said = _error_message(raw)
    detail = f" ({said})" if said else ""
    return f"{_where(endpoint)} answered HTTP {status}{detail}: {hint}"


def _error_message(raw: bytes) -> str:
    """The server's own words for an error, short and on one line."""
    text = raw.decode("utf-8", errors="replace")
    with contextlib.suppress(ValueError, RecursionError):
        data = json.loads(text)
        error = data.get("error") if isinstance(data, dict) else None
        if isinstance(error, dict):
            error = error.get("message")
        if isinstance(error, str):
            text = error
    return " ".join(text.split())[:_SHOWN]


def _content(endpoint: LlmEndpoint, raw: bytes) -> str:
    """The first choice's message content, after the checks for refusals and cut-offs."""
    try:
        data = json.loads(raw.decode("utf-8"))
        choice = data["choices"][0]
        message = choice["message"]
        if not isinstance(message, dict):
            raise TypeError
    except (ValueError, KeyError, IndexError, TypeError, RecursionError):
        shown = " ".join(raw.decode("utf-8", errors="replace").split())[:_SHOWN]
        raise LlmError(
            f"{_where(endpoint)} sent no chat completion ({shown!r}): is --llm-url an"
            " OpenAI-compatible endpoint?"
        ) from None
    refusal = message.get("refusal")
    finish = choice.get("finish_reason") if isinstance(choice, dict) else None
    if refusal or finish == "content_filter":
        said = " ".join(str(refusal or "content filter").split())[:_SHOWN]
        raise LlmError(f"the language model refused ({said})")
    if finish == "length":
        raise LlmError(
            "the language model's reply was cut short at its token limit: try a shorter"
            " article or a model with a longer context"
        )
    content = message.get("content")
    if not isinstance(content, str) or not content.strip():
        raise LlmError("the language model's reply has no text")
    return content
