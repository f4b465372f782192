"""The HTTP server of ``dateline serve``: waitress, set up so that no client can lock the others out.

waitress reads requests on one event loop and runs the app on a pool of threads, so a connection
costs a socket until its request is complete, never a thread.  Its defaults still let anyone lock
the server: at most 100 connections (new clients wait in the backlog while 100 idle sockets sit
out a 120 s inactivity timeout), and no bound at all on how long a request may take to arrive (a
client sending one header byte every few seconds is never "inactive").  Here:

- ``connection_limit`` is raised (1,000, within the open-file limit) and the event loop polls
  instead of ``select()``-ing, which cannot watch more than 1,024 descriptors;
- idle connections close after ``IDLE_TIMEOUT`` seconds (``channel_timeout``), checked every
  second (``cleanup_interval``);
- a request must arrive whole (headers and body) within ``REQUEST_TIMEOUT`` seconds of its first
  byte, or the connection is closed: the slow-header ("slowloris") case waitress has no setting
  for, added by :class:`DatelineServer`;
- headers and bodies are capped (``MAX_HEADER_BYTES``, ``MAX_BODY_BYTES``): every route is a GET.

A response's header leaves in the same ``send()`` as its first body bytes (:class:`_OneWriteTask`;
docs/performance.md, "Round 6: the HTTP path").

Beyond what one process can hold (thousands of connections, TLS, rate limits per client), put a
reverse proxy in front; docs/operations.md shows nginx and ``--trusted-proxy``.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import gc
import resource
import sys
import time
from typing import Any

from waitress.adjustments import Adjustments
from waitress.channel import HTTPChannel
from waitress.parser import HTTPRequestParser
from waitress.server import MultiSocketServer, TcpWSGIServer
from waitress.task import ThreadedTaskDispatcher, WSGITask

#: Threads running the app (searches, exports, pages).  Expensive requests may hold at most four
#: of them (webui/admission.py: two exports, two expanding searches), so ordinary searches always
#: find a free thread.
DEFAULT_THREADS = 8
#: Simultaneous connections; past it new ones wait in the listen backlog.  Lowered to fit the
#: process's open-file limit (each connection is a descriptor; the index needs some too).
DEFAULT_CONNECTION_LIMIT = 1000
#: Descriptors kept free for index files, logs and the like when sizing the connection limit.
RESERVED_FILES = 256
#: Seconds an idle connection (keep-alive, or never sent a byte) stays open.
IDLE_TIMEOUT = 10.0
#: Seconds from a request's first byte until it must be completely received.
REQUEST_TIMEOUT = 10.0
#: Request header and body caps.  Bodies: every route is a GET (the app refuses bodies over
#: ``MAX_CONTENT_LENGTH`` with a 413; this stops bigger ones before they are read).
MAX_HEADER_BYTES = 64 * 1024
MAX_BODY_BYTES = 64 * 1024
#: glibc's ``mallopt`` parameter for the number of malloc arenas (malloc.h: ``M_ARENA_MAX``).
M_ARENA_MAX = -8
#: Headers a trusted reverse proxy sets; the client's address, scheme, host and port come from them.
PROXY_HEADERS = ("x-forwarded-for", "x-forwarded-host", "x-forwarded-proto", "x-forwarded-port")


class _TimedParser(HTTPRequestParser):
    """waitress's request parser, remembering when the request's first byte arrived."""

    def __init__(self, adj: Adjustments) -> None:
        super().__init__(adj)
        self.started = time.monotonic()


class _OneWriteTask(WSGITask):
    """waitress's WSGI task, handing a response's header over in one piece with its first body bytes.

    waitress writes the header and the body with two ``write_soon`` calls, and (its ``send_bytes``
    being 1) each is a ``send()`` of its own: the header leaves in a segment alone, and a client
    blocked on the response wakes for it, then again for the body.  Joined, a search's response
    (~0.4 KB of header, ~13 KB of JSON) leaves with one ``send()``.  The bytes on the wire are the same.
    """

    def write(self, data: bytes) -> None:
        if self.wrote_header:
            super().write(data)
            return
        channel = self.channel
        channel.held = []
        try:
            super().write(data)  # the header, then the body bytes it may send: held, not sent
        finally:
            held, channel.held = channel.held, None
        if held:
            channel.write_soon(b"".join(held))


class _Channel(HTTPChannel):
    # waitress creates a parser when a request's first data arrives and drops it once complete.
    parser_class = _TimedParser
    task_class = _OneWriteTask
    #: While a task writes its header, what it writes is collected here (see _OneWriteTask).
    held: list[bytes] | None = None

    def write_soon(self, data: bytes) -> int:
        """Queue ``data`` for the client (waitress), or hold it while the task joins its first write."""
        if self.held is not None:
            self.held.append(data)
            return len(data)
        return super().write_soon(data)


class DatelineServer(TcpWSGIServer):
    """waitress's TCP server plus a deadline for receiving each request (see module docstring)."""

    channel_class = _Channel
    request_timeout = REQUEST_TIMEOUT

    def maintenance(self, now: float) -> None:
        """Close idle channels (waitress) and channels whose request is arriving too slowly."""
        super().maintenance(now)
        cutoff = time.monotonic() - self.request_timeout
        for channel in list(self.active_channels.values()):
            request = channel.request
            # channel.requests is non-empty while the app runs one: that time is the app's budget.
            if request is not None and not channel.requests and request.started < cutoff:
                channel.will_close = True


def connection_limit(wanted: int = DEFAULT_CONNECTION_LIMIT) -> int:
    """``wanted``, lowered to what the open-file limit allows (raising the soft limit if it can)."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    need = wanted + RESERVED_FILES
    if soft != resource.RLIM_INFINITY and soft < need:
        target = need if hard == resource.RLIM_INFINITY else min(need, hard)
        try:
            resource.setrlimit(resource.RLIMIT_NOFILE, (target, hard))
            soft = target
        except (ValueError, OSError):
            pass
    if soft == resource.RLIM_INFINITY:
        return wanted
    return max(1, min(wanted, soft - RESERVED_FILES))


def settings(
    *,
    host: str,
    port: int,
    threads: int = DEFAULT_THREADS,
    connections: int = DEFAULT_CONNECTION_LIMIT,
    idle_timeout: float = IDLE_TIMEOUT,
    trusted_proxy: str | None = None,
) -> dict[str, Any]:
    """waitress adjustments for ``dateline serve`` (see the module docstring for why each)."""
    options: dict[str, Any] = {
        "host": host,
        "port": port,
        "threads": threads,
        "ident": "Dateline",
        "connection_limit": connection_limit(connections),
        "channel_timeout": idle_timeout,
        "cleanup_interval": 1,
        "asyncore_use_poll": True,
        "max_request_header_size": MAX_HEADER_BYTES,
        "max_request_body_size": MAX_BODY_BYTES,
    }
    if trusted_proxy:
        options.update(
            trusted_proxy=trusted_proxy,
            trusted_proxy_headers=" ".join(PROXY_HEADERS),
            trusted_proxy_count=1,
            clear_untrusted_proxy_headers=True,
        )
    return options


def limit_malloc_arenas(arenas: int = 1) -> bool:
    """Make every thread of this process allocate from ``arenas`` glibc malloc arenas.

    glibc gives each new thread its own arena (up to eight per core), and memory a search frees in
    one arena stays mapped for that thread alone.  Each of waitress's threads ends up holding its
    own high-water mark of transient buffers: on the 300k benchmark index the server grew from
    600 MB to 1.1 GB over 100 queries, about 85 MB per thread, and stayed at 612 MB with one arena.
    Python's own allocations hold the GIL, so the threads do not contend on a shared arena.
    Call it before the worker threads start.  Returns False where there is no glibc ``mallopt``
    (the setting is then left to the platform).
    """
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        mallopt = libc.mallopt
    except (OSError, AttributeError):  # not glibc (musl has no mallopt)
        return False
    return bool(mallopt(M_ARENA_MAX, arenas))


def freeze_startup_objects() -> int:
    """Move every object alive now out of the garbage collector's reach; returns how many.

    Call it once the index is warm.  The per-segment arrays, the word lists and the caches read at
    start-up live as long as the server, but CPython's collector keeps traversing them: on the 1x
    index each full (oldest-generation) collection took 50-90 ms of CPU, and one came within the
    first 100 searches, charged to whichever request happened to allocate at that moment.  Frozen
    objects are never traversed again (``gc.freeze``); objects made later, per request or after a
    commit, are collected as before.  A frozen object that later becomes garbage in a reference
    cycle is not reclaimed: start-up objects are not expected to.
    """
    gc.collect()  # what start-up left as garbage is freed, not frozen
    gc.freeze()
    return gc.get_freeze_count()


def create_server(app, *, request_timeout: float = REQUEST_TIMEOUT, **options: Any):
    """A waitress server for ``app`` on every address ``host`` resolves to; ``.run()`` serves.

    ``options`` are :func:`settings`'s keyword arguments.
    """
    adj = Adjustments(**settings(**options))
    socket_map: dict = {}
    dispatcher = ThreadedTaskDispatcher()
    dispatcher.set_thread_count(adj.threads)
    servers = []
    for sockinfo in adj.listen:
        server = DatelineServer(app, socket_map, dispatcher=dispatcher, adj=adj, sockinfo=sockinfo)
        server.request_timeout = request_timeout
        servers.append(server)
    if len(servers) == 1:
        return servers[0]
    listen = [(s.effective_host, s.effective_port) for s in servers]
    return MultiSocketServer(socket_map, adj, listen, dispatcher)
