"""A real local OpenSearch cluster, assembled from Maven Central artifacts (issue 13, item 4).

No download from a project website and no Docker: ``scripts/opensearch/pom.xml`` makes Maven resolve
the OpenSearch server and the modules a Dateline test cluster needs (``transport-netty4`` for HTTP
and transport, ``lang-painless``, ``analysis-common`` for stemmers and folding), and this module lays
them out like the official ``tar`` distribution (``lib/``, ``modules/<name>/`` with the plugin
descriptors Maven does not carry, ``config/``), then starts nodes as plain ``java`` processes on
127.0.0.1, plain HTTP (the security plugin is not there).

Library::

    from scripts.opensearch_cluster import install, start_cluster
    home = install()                                  # idempotent; ~/.cache/dateline-opensearch/2.19.6
    with start_cluster(3, Path("/tmp/os"), heap="512m") as cluster:
        cluster.health()                              # green, 3 nodes
        cluster.kill(0); cluster.start_node(0)

Command line (stdlib only, so ``python3`` without the project's venv runs ``install``)::

    python -m scripts.opensearch_cluster install
    python -m scripts.opensearch_cluster start --nodes 3 [--dir D] [--heap 512m] [--http-port 9200]
    python -m scripts.opensearch_cluster status --dir D      (or --url http://127.0.0.1:9200)
    python -m scripts.opensearch_cluster stop --dir D

Only the standard library is used (HTTP through ``urllib``).
"""

from __future__ import annotations

import argparse
import contextlib
import fcntl
import hashlib
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

VERSION = "2.19.6"
POM = Path(__file__).resolve().parent / "opensearch" / "pom.xml"
MAIN_CLASS = "org.opensearch.bootstrap.OpenSearch"
#: Bump when the assembled layout (descriptors, config files) changes: installs are then redone.
LAYOUT_VERSION = "1"
MARKER = ".dateline-complete"
#: What a node's log says when its start-up failed (Bind*Exception, bad settings, ...).
STARTUP_FAILURE = b"uncaught exception in thread [main]"
#: Java versions OpenSearch 2.x runs on (Java 24 removed the security manager it installs).
MIN_JAVA = 11
MAX_JAVA = 23


class OpenSearchUnavailable(RuntimeError):
    """A prerequisite is missing: Java, Maven, or artifacts Maven cannot resolve (offline, no cache)."""


class ClusterError(RuntimeError):
    """A node did not start, did not join, or the cluster did not reach the wanted health in time."""


# --------------------------------------------------------------------------------------------
# the distribution: plugin descriptors and config files Maven does not carry
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Module:
    classname: str
    description: str
    extended: tuple[str, ...] = ()
    policy: str | None = None


# Descriptor values as modules/<name>/build.gradle declares them; class names as the 2.19.6 jars
# hold them.  The policies are the modules' src/main/plugin-metadata/plugin-security.policy.
MODULES: dict[str, _Module] = {
    "transport-netty4": _Module(
        "org.opensearch.transport.Netty4Plugin",
        "Netty 4 based transport implementation",
        policy="""grant {
  // for reading the system-wide configuration for the backlog of established sockets
  permission java.io.FilePermission "/proc/sys/net/core/somaxconn", "read";
  // netty makes and accepts socket connections
  permission java.net.SocketPermission "*", "accept,connect";
  // Netty sets custom classloader for some of its internal threads
  permission java.lang.RuntimePermission "*", "setContextClassLoader";
  permission java.lang.RuntimePermission "getClassLoader";
  // Netty NioEventLoop wants to change this (JDK-6427854)
  permission java.util.PropertyPermission "sun.nio.ch.bugLevel", "write";
};
""",
    ),
    "lang-painless": _Module(
        "org.opensearch.painless.PainlessPlugin",
        "An easy, safe and fast scripting language for OpenSearch",
        policy="""grant {
  // needed to generate runtime classes
  permission java.lang.RuntimePermission "createClassLoader";
  // needed to find the classloader to load whitelisted classes from
  permission java.lang.RuntimePermission "getClassLoader";
};
""",
    ),
    "analysis-common": _Module(
        "org.opensearch.analysis.common.CommonAnalysisPlugin",
        'Adds "built in" analyzers to OpenSearch.',
        extended=("lang-painless",),
    ),
}

# distribution/src/config/jvm.options, with the heap lines left to the launcher (``heap=``) and
# without the heap-dump and GC-log lines (files a throwaway test node does not need).  Lines may
# carry the distribution's Java-version prefixes: "11-:", "8:", "9-16:".
JVM_OPTIONS = """\
## JVM configuration for Dateline's local OpenSearch nodes.
## -Xms/-Xmx come from the launcher's heap argument (scripts/opensearch_cluster.py).
11-:-XX:+UseG1GC
11-:-XX:G1ReservePercent=25
11-:-XX:InitiatingHeapOccupancyPercent=30
-XX:+HeapDumpOnOutOfMemoryError
20-:--add-modules=jdk.incubator.vector
-Dorg.apache.lucene.store.MMapDirectory.sharedArenaMaxPermits=1
"""

# distribution/tools/launchers SystemJvmOptions, less -XX:+AlwaysPreTouch (it makes every test node
# touch its whole heap at start-up: slower and a bigger RSS for nothing).
SYSTEM_JVM_OPTIONS = (
    "-Dopensearch.networkaddress.cache.ttl=60",
    "-Dopensearch.networkaddress.cache.negative.ttl=10",
    "-Xss1m",
    "-Djava.awt.headless=true",
    "-Dfile.encoding=UTF-8",
    "-Djna.nosys=true",
    "-XX:-OmitStackTraceInFastThrow",
    "-XX:+ShowCodeDetailsInExceptionMessages",
    "-Dio.netty.noUnsafe=true",
    "-Dio.netty.noKeySetOptimization=true",
    "-Dio.netty.recycler.maxCapacityPerThread=0",
    "-Dio.netty.allocator.numDirectArenas=0",
    "-Dlog4j.shutdownHookEnabled=false",
    "-Dlog4j2.disable.jmx=true",
    "-Djava.locale.providers=SPI,COMPAT",
)

# One plain-text server log per node (the distribution also writes JSON logs and slow logs);
# deprecations go to the same file and, as in the distribution, into response Warning headers.
LOG4J2_PROPERTIES = """\
status = error

appender.rolling.type = RollingFile
appender.rolling.name = rolling
appender.rolling.fileName = ${sys:opensearch.logs.base_path}${sys:file.separator}server.log
appender.rolling.filePattern = ${sys:opensearch.logs.base_path}${sys:file.separator}server-%i.log.gz
appender.rolling.layout.type = PatternLayout
appender.rolling.layout.pattern = [%d{ISO8601}][%-5p][%-25c{1.}] [%node_name]%marker %m%n
appender.rolling.policies.type = Policies
appender.rolling.policies.size.type = SizeBasedTriggeringPolicy
appender.rolling.policies.size.size = 64MB
appender.rolling.strategy.type = DefaultRolloverStrategy
appender.rolling.strategy.max = 2

rootLogger.level = info
rootLogger.appenderRef.rolling.ref = rolling

appender.header_warning.type = HeaderWarningAppender
appender.header_warning.name = header_warning

logger.deprecation.name = org.opensearch.deprecation
logger.deprecation.level = deprecation
logger.deprecation.appenderRef.rolling.ref = rolling
logger.deprecation.appenderRef.header_warning.ref = header_warning
logger.deprecation.additivity = false
"""

OPENSEARCH_YML = """\
# Each node started by scripts/opensearch_cluster.py gets its own config folder whose
# opensearch.yml names its ports, data and log folders and the cluster's seed hosts.
"""


def default_cache_dir() -> Path:
    """``${XDG_CACHE_HOME:-~/.cache}/dateline-opensearch``: where :func:`install` puts distributions."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "dateline-opensearch"


def java_executable() -> str:
    """A ``java`` that runs OpenSearch 2.x: Java 11 to 23 (24 removed the security manager it installs).

    Tried in order: ``$DATELINE_OPENSEARCH_JAVA``, ``$JAVA_HOME/bin/java``, ``java`` on PATH, then
    ``/usr/lib/jvm/*/bin/java`` (newest fitting first).  Raises :class:`OpenSearchUnavailable`.
    """
    candidates = [os.environ.get("DATELINE_OPENSEARCH_JAVA", "")]
    if os.environ.get("JAVA_HOME"):
        candidates.append(str(Path(os.environ["JAVA_HOME"]) / "bin" / "java"))
    candidates.append(shutil.which("java") or "")
    candidates += sorted((str(p) for p in Path("/usr/lib/jvm").glob("*/bin/java")), reverse=True)
    seen = []
    for candidate in dict.fromkeys(c for c in candidates if c and Path(c).is_file()):
        try:
            major = java_major(candidate)
        except OpenSearchUnavailable:
            continue
        seen.append(f"{candidate} (Java {major})")
        if MIN_JAVA <= major <= MAX_JAVA:
            return candidate
    found = "; found: " + ", ".join(seen) if seen else ""
    raise OpenSearchUnavailable(f"no Java {MIN_JAVA}-{MAX_JAVA} for OpenSearch {VERSION} "
                                f"(Debian: openjdk-17-jdk-headless){found}")


def java_major(java: str) -> int:
    """The major version of ``java`` (17 for "17.0.15"), from ``java -version``."""
    try:
        out = subprocess.run([java, "-version"], capture_output=True, text=True, timeout=60)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise OpenSearchUnavailable(f"cannot run {java} -version: {exc}") from exc
    match = re.search(r'version "(\d+)(?:\.(\d+))?', out.stderr + out.stdout)
    if not match:
        raise OpenSearchUnavailable(f"cannot read the Java version from: {out.stderr.strip()!r}")
    major = int(match.group(1))
    return int(match.group(2) or 0) if major == 1 else major


def _fingerprint() -> str:
    """What an install was made from: the pom, this module's layout version and config texts."""
    digest = hashlib.sha256()
    for part in (POM.read_bytes(), LAYOUT_VERSION.encode(), JVM_OPTIONS.encode(),
                 LOG4J2_PROPERTIES.encode(), repr(sorted(MODULES.items())).encode()):
        digest.update(part)
    return digest.hexdigest()


def is_installed(home: Path) -> bool:
    """True when ``home`` holds a complete distribution made from the current pom and layout."""
    marker = home / MARKER
    return (marker.is_file() and marker.read_text().strip() == _fingerprint()
            and (home / "lib" / f"opensearch-{VERSION}.jar").is_file())


def _run_maven(mvn: str, dist: Path, offline: bool) -> subprocess.CompletedProcess[str]:
    command = [mvn, "-q", "-B", "-f", str(POM), "package", f"-Ddist.dir={dist}"]
    if offline:
        command.insert(1, "-o")
    return subprocess.run(command, capture_output=True, text=True, stdin=subprocess.DEVNULL)


def _write_distribution_files(dist: Path) -> None:
    """Plugin descriptors and policies for each module, and the config folder."""
    for name, module in MODULES.items():
        folder = dist / "modules" / name
        if not any(folder.glob("*.jar")):
            raise OpenSearchUnavailable(f"Maven copied no jar into {folder}")
        lines = [
            f"description={module.description}",
            f"version={VERSION}",
            f"name={name}",
            f"classname={module.classname}",
            "java.version=11",
            f"opensearch.version={VERSION}",
            f"extended.plugins={','.join(module.extended)}",
            "has.native.controller=false",
        ]
        (folder / "plugin-descriptor.properties").write_text("\n".join(lines) + "\n")
        if module.policy:
            (folder / "plugin-security.policy").write_text(module.policy)
    config = dist / "config"
    config.mkdir(exist_ok=True)
    (config / "opensearch.yml").write_text(OPENSEARCH_YML)
    (config / "jvm.options").write_text(JVM_OPTIONS)
    (config / "log4j2.properties").write_text(LOG4J2_PROPERTIES)
    for empty in ("bin", "plugins", "logs"):  # as in the distribution (bin/ without its scripts)
        (dist / empty).mkdir(exist_ok=True)


def install(cache_dir: Path | str | None = None, *, quiet: bool = True) -> Path:
    """Resolve OpenSearch from Maven Central and assemble a distribution home; return its path.

    The home is ``<cache_dir>/2.19.6`` (``cache_dir`` defaults to :func:`default_cache_dir`).  When
    it is already complete for the current pom and layout nothing runs.  Maven runs offline first
    (artifacts cached in ``~/.m2``) and goes online only when that fails.  The home is assembled in a
    staging folder and renamed into place, so an interrupted install leaves no half home.

    Raises :class:`OpenSearchUnavailable` when Java or ``mvn`` is missing or Maven cannot resolve
    the artifacts.
    """
    home = Path(cache_dir or default_cache_dir()).expanduser() / VERSION
    if is_installed(home):
        return home
    java_executable()  # fail early, with the reason, when no node could run
    mvn = shutil.which("mvn")
    if not mvn:
        raise OpenSearchUnavailable("no Maven: install it (Debian: maven) to fetch OpenSearch's jars")
    home.parent.mkdir(parents=True, exist_ok=True)
    # one install at a time per cache folder: a second process waits, then finds it complete
    with open(home.parent / f".{VERSION}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if is_installed(home):
            return home
        _assemble(home, mvn, quiet)
    return home


def _assemble(home: Path, mvn: str, quiet: bool) -> None:
    """Run Maven into a staging folder, add the descriptors and config, rename it to ``home``."""
    stage = Path(tempfile.mkdtemp(prefix=f".{VERSION}-", dir=home.parent))
    try:
        if not quiet:
            print(f"resolving OpenSearch {VERSION} with Maven into {home}", file=sys.stderr)
        result = _run_maven(mvn, stage, offline=True)
        if result.returncode != 0:
            shutil.rmtree(stage)
            stage.mkdir()
            result = _run_maven(mvn, stage, offline=False)
        if result.returncode != 0:
            tail = "\n".join((result.stdout + result.stderr).strip().splitlines()[-25:])
            raise OpenSearchUnavailable(f"mvn could not resolve OpenSearch {VERSION} (exit "
                                        f"{result.returncode}); its output ends:\n{tail}")
        shutil.rmtree(stage / ".mvn-target", ignore_errors=True)
        _write_distribution_files(stage)
        (stage / MARKER).write_text(_fingerprint() + "\n")
        stage.chmod(0o755)  # mkdtemp made it private
        if home.exists():  # incomplete, or made from another pom or layout
            shutil.rmtree(home)
        stage.rename(home)
    finally:
        if stage.exists():
            shutil.rmtree(stage, ignore_errors=True)


# --------------------------------------------------------------------------------------------
# nodes and clusters
# --------------------------------------------------------------------------------------------


def parse_size(size: str) -> int:
    """Bytes in a JVM size such as ``512m``, ``1g`` or ``262144k``."""
    match = re.fullmatch(r"(\d+)([kmgt]?)", size.strip().lower())
    if not match:
        raise ValueError(f"not a JVM size: {size!r} (e.g. 512m)")
    return int(match.group(1)) * 1024 ** " kmgt".index(match.group(2) or " ")


def jvm_options_from_file(path: Path, java_version: int) -> list[str]:
    """The options of a distribution ``jvm.options`` file that apply to ``java_version``.

    Lines are ``-OPTION`` or ``RANGE:-OPTION`` with RANGE ``N`` (only N), ``N-`` (N and later) or
    ``N-M``; ``#`` starts a comment line.
    """
    options = []
    for raw in path.read_text().splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        match = re.fullmatch(r"(\d+)(-(\d*))?:(.*)", line)
        if match:
            low = int(match.group(1))
            high = low if match.group(2) is None else int(match.group(3) or 10**6)
            if not low <= java_version <= high:
                continue
            line = match.group(4)
        options.append(line)
    return options


def _root_workaround() -> list[str]:
    """JVM flags that let a node start as root, where CI and these sandboxes run.

    OpenSearch refuses to run as root, and asks the question through JNA (``geteuid``); when JNA's
    native library cannot load it skips the check, with a warning, along with the other JNA-based
    steps (mlockall, the seccomp filter, rlimit checks) that a throwaway loopback node does not
    need.  ``jna.nounpack`` (with the distribution's ``jna.nosys``) keeps JNA from loading it.
    As any other user nothing changes.
    """
    return ["-Djna.nounpack=true"] if hasattr(os, "geteuid") and os.geteuid() == 0 else []


def _parent_death_signal() -> Any:
    """A ``preexec_fn`` asking Linux to SIGTERM the child when the thread that forked it ends.

    None where ``prctl`` is unavailable.  libc is loaded here, before the fork, so the child only
    makes the one call.
    """
    if not sys.platform.startswith("linux"):
        return None
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        prctl = libc.prctl
    except (OSError, AttributeError):
        return None
    pr_set_pdeathsig = 1

    def set_signal() -> None:
        prctl(pr_set_pdeathsig, int(signal.SIGTERM), 0, 0, 0)

    return set_signal


def free_ports(count: int, host: str = "127.0.0.1") -> list[int]:
    """``count`` distinct ports that were free on ``host`` a moment ago."""
    sockets = []
    try:
        for _ in range(count):
            sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
            sock.bind((host, 0))
            sockets.append(sock)
        return [sock.getsockname()[1] for sock in sockets]
    finally:
        for sock in sockets:
            sock.close()


def http_json(method: str, url: str, body: Any = None, timeout: float = 30.0) -> tuple[int, Any]:
    """Send one request; return ``(status, decoded JSON or text)`` for any HTTP status.

    ``body`` may be a dict/list (sent as JSON), a ``str`` (sent as NDJSON, for ``_bulk``) or None.
    Raises ``OSError`` (``urllib.error.URLError``) when nothing answers.
    """
    data = None
    headers = {"Accept": "application/json"}
    if isinstance(body, str):
        data, headers["Content-Type"] = body.encode(), "application/x-ndjson"
    elif body is not None:
        data, headers["Content-Type"] = json.dumps(body).encode(), "application/json"
    request = urllib.request.Request(url, data=data, method=method, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            status, raw = response.status, response.read()
    except urllib.error.HTTPError as error:
        status, raw = error.code, error.read()
    text = raw.decode("utf-8", "replace")
    try:
        return status, json.loads(text) if text else None
    except json.JSONDecodeError:
        return status, text


def _tail(path: Path, lines: int) -> str:
    try:
        return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])
    except OSError:
        return f"({path} not readable)"


def rss_bytes(pid: int) -> int:
    """Resident set size of a process (Linux ``/proc``), 0 when unknown."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


@dataclass
class Node:
    """One OpenSearch node: its folders, ports and (while it runs) its ``java`` process."""

    index: int
    name: str
    dir: Path
    http_port: int
    transport_port: int
    process: subprocess.Popen[bytes] | None = None
    #: Size of the server log when the process was started: what came before is an earlier run's.
    log_start: int = 0

    @property
    def url(self) -> str:
        """``http://127.0.0.1:<http_port>``."""
        return f"http://127.0.0.1:{self.http_port}"

    @property
    def log_path(self) -> Path:
        """The node's server log (written by log4j)."""
        return self.dir / "logs" / "server.log"

    @property
    def stdout_path(self) -> Path:
        """The ``java`` process's stdout and stderr (early start-up errors, JVM crashes)."""
        return self.dir / "logs" / "stdout.log"

    @property
    def running(self) -> bool:
        """True while the node's process runs."""
        return self.process is not None and self.process.poll() is None

    def failed_to_start(self) -> bool:
        """True when the server log reports a start-up failure (the JVM can take a while to exit)."""
        try:
            with open(self.log_path, "rb") as log:
                log.seek(max(self.log_start, log.seek(0, os.SEEK_END) - 65536))
                return STARTUP_FAILURE in log.read()
        except OSError:
            return False

    def log_tail(self, lines: int = 40) -> str:
        """The last lines of the server log and of the process output."""
        return (f"--- {self.log_path} ---\n{_tail(self.log_path, lines)}\n"
                f"--- {self.stdout_path} ---\n{_tail(self.stdout_path, lines)}")


@dataclass
class Cluster:
    """Nodes started by :func:`start_cluster`; a context manager that stops them on exit."""

    home: Path
    base_dir: Path
    nodes: list[Node]
    cluster_name: str
    heap: str
    java: str
    jvm_options: list[str] = field(default_factory=list)
    settings: dict[str, Any] = field(default_factory=dict)
    remove_base_dir: bool = False
    die_with_parent: bool = True

    # ----- addresses and state

    @property
    def urls(self) -> list[str]:
        """HTTP URL of every node, in node order (killed ones included)."""
        return [node.url for node in self.nodes]

    @property
    def url(self) -> str:
        """HTTP URL of the first running node (of node 0 when none runs)."""
        return next((node.url for node in self.nodes if node.running), self.nodes[0].url)

    def request(self, method: str, path: str, body: Any = None, *, node: int | None = None,
                timeout: float = 30.0) -> tuple[int, Any]:
        """``http_json`` against a node (the first running one by default); ``path`` starts with /."""
        base = self.nodes[node].url if node is not None else self.url
        return http_json(method, base + path, body, timeout=timeout)

    def health(self, node: int | None = None, http_timeout: float = 60.0,
               **params: str) -> dict[str, Any]:
        """``GET /_cluster/health`` (with ``params`` as query parameters) from one node."""
        query = "&".join(f"{key}={value}" for key, value in params.items())
        status, body = self.request("GET", "/_cluster/health" + (f"?{query}" if query else ""),
                                    node=node, timeout=http_timeout)
        if not isinstance(body, dict) or "status" not in body:
            raise ClusterError(f"cluster health answered {status}: {body!r}")
        return body

    def rss(self) -> list[int]:
        """Resident set size in bytes of each node's process (0 for a node that is not running)."""
        return [rss_bytes(node.process.pid) if node.running and node.process else 0
                for node in self.nodes]

    # ----- waiting

    def wait_for(self, status: str = "green", nodes: int | None = None, timeout: float = 180.0,
                 watch: Sequence[int] | None = None) -> dict[str, Any]:
        """Poll until the cluster has ``status`` (or better) with ``nodes`` nodes; return the health.

        Raises :class:`ClusterError` with the log tail of the nodes in ``watch`` (default: every
        running node) when one of those exits, or of all of them when ``timeout`` runs out.
        """
        wanted = len([n for n in self.nodes if n.running]) if nodes is None else nodes
        watched = [self.nodes[i] for i in watch] if watch is not None else [
            n for n in self.nodes if n.running]
        order = {"red": 0, "yellow": 1, "green": 2}
        deadline = time.monotonic() + timeout
        last: Any = "no answer yet"
        while True:
            for node in watched:
                if not node.running:
                    code = node.process.returncode if node.process else None
                    raise ClusterError(f"node {node.name} exited with {code}\n"
                                       f"{node.log_tail()}")
                if node.failed_to_start():
                    raise ClusterError(f"node {node.name} failed to start\n{node.log_tail()}")
            for node in (n for n in self.nodes if n.running):
                try:
                    health = self.health(node=node.index, http_timeout=10, timeout="2s",
                                         wait_for_nodes=str(wanted), wait_for_status=status)
                except (OSError, ClusterError) as exc:
                    last = exc
                    continue
                last = health
                if (order.get(health["status"], -1) >= order[status]
                        and health["number_of_nodes"] == wanted
                        and not health.get("timed_out", False)):
                    return health
                break
            if time.monotonic() > deadline:
                tails = "\n".join(node.log_tail(30) for node in watched)
                raise ClusterError(f"cluster not {status} with {wanted} nodes after {timeout:.0f} s; "
                                   f"last health: {last}\n{tails}")
            time.sleep(0.5)

    def wait_answering(self, timeout: float = 60.0) -> None:
        """Poll until every running node answers HTTP.  Green comes from whichever node answers
        first, and another node's HTTP port can open a moment later (a CI run asked node 0 for its
        health in that moment and was refused)."""
        deadline = time.monotonic() + timeout
        for node in self.nodes:
            while node.running:
                try:
                    self.health(node=node.index, http_timeout=10)
                    break
                except (OSError, ClusterError) as exc:
                    if time.monotonic() > deadline:
                        raise ClusterError(f"node {node.name} does not answer on {node.url}: {exc}\n"
                                           f"{node.log_tail()}") from exc
                    time.sleep(0.2)

    # ----- node processes

    def _config_dir(self, node: Node) -> Path:
        seeds = [f"127.0.0.1:{n.transport_port}" for n in self.nodes]
        settings: dict[str, Any] = {
            "cluster.name": self.cluster_name,
            "node.name": node.name,
            "path.data": str(node.dir / "data"),
            "path.logs": str(node.dir / "logs"),
            "network.host": "127.0.0.1",
            "http.port": node.http_port,
            "transport.port": node.transport_port,
            "bootstrap.memory_lock": False,
            # a nearly full disk must not leave replicas unassigned (yellow) on a test machine
            "cluster.routing.allocation.disk.threshold_enabled": False,
        }
        if len(self.nodes) == 1:
            settings["discovery.type"] = "single-node"
        else:
            settings["discovery.seed_hosts"] = seeds
            settings["cluster.initial_cluster_manager_nodes"] = [n.name for n in self.nodes]
        settings.update(self.settings)
        config = node.dir / "config"
        config.mkdir(parents=True, exist_ok=True)
        for name in ("jvm.options", "log4j2.properties"):
            shutil.copyfile(self.home / "config" / name, config / name)
        text = "".join(f"{key}: {json.dumps(value)}\n" for key, value in settings.items())
        (config / "opensearch.yml").write_text(text)
        return config

    def _command(self, node: Node, config: Path) -> list[str]:
        major = java_major(self.java)
        heap_bytes = parse_size(self.heap)
        return [
            self.java,
            *SYSTEM_JVM_OPTIONS,
            *jvm_options_from_file(config / "jvm.options", major),
            f"-Xms{self.heap}",
            f"-Xmx{self.heap}",
            f"-XX:MaxDirectMemorySize={heap_bytes // 2}",
            f"-Djava.io.tmpdir={node.dir / 'tmp'}",
            f"-XX:HeapDumpPath={node.dir / 'tmp'}",
            f"-XX:ErrorFile={node.dir / 'logs' / 'hs_err_pid%p.log'}",
            *_root_workaround(),
            *self.jvm_options,
            f"-Dopensearch.path.home={self.home}",
            f"-Dopensearch.path.conf={config}",
            "-Dopensearch.distribution.type=tar",
            "-Dopensearch.bundled_jdk=false",
            "-cp",
            str(self.home / "lib" / "*"),
            MAIN_CLASS,
        ]

    def _launch(self, node: Node) -> None:
        for sub in ("data", "logs", "tmp"):
            (node.dir / sub).mkdir(parents=True, exist_ok=True)
        config = self._config_dir(node)
        command = self._command(node, config)
        node.log_start = node.log_path.stat().st_size if node.log_path.exists() else 0
        env = {k: v for k, v in os.environ.items() if not k.startswith(("OPENSEARCH_", "JAVA_TOOL"))}
        env["OPENSEARCH_PATH_CONF"] = str(config)
        with open(node.stdout_path, "ab") as out:
            out.write(f"\n=== {time.strftime('%Y-%m-%dT%H:%M:%S')} {' '.join(command)}\n".encode())
            out.flush()
            # its own session: a Ctrl-C in the terminal reaches this launcher, which stops the nodes
            node.process = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT,
                                            stdin=subprocess.DEVNULL, cwd=node.dir, env=env,
                                            start_new_session=True,
                                            preexec_fn=_parent_death_signal() if self.die_with_parent
                                            else None)
        self._write_state()

    def _write_state(self) -> None:
        state = {
            "cluster_name": self.cluster_name,
            "home": str(self.home),
            "nodes": [{"name": n.name, "url": n.url, "transport_port": n.transport_port,
                       "pid": n.process.pid if n.running and n.process else None,
                       "dir": str(n.dir)} for n in self.nodes],
        }
        (self.base_dir / "cluster.json").write_text(json.dumps(state, indent=2) + "\n")

    def kill(self, i: int) -> None:
        """SIGKILL node ``i`` (a crash: no shutdown, no flush) and reap its process."""
        node = self.nodes[i]
        if node.running and node.process:
            node.process.kill()
            node.process.wait(timeout=60)
        self._write_state()

    def start_node(self, i: int, timeout: float = 180.0, wait_green: bool = False) -> dict[str, Any]:
        """(Re)start node ``i`` with its data folder and ports; wait until every node is in the cluster
        and answers HTTP.

        With ``wait_green`` also wait for green health.  Returns the last health seen.
        """
        node = self.nodes[i]
        if node.running:
            raise ClusterError(f"node {node.name} is already running")
        self._launch(node)
        wanted = sum(1 for n in self.nodes if n.running)
        health = self.wait_for("green" if wait_green else "red", nodes=wanted, timeout=timeout,
                               watch=[i])
        self.wait_answering(timeout=timeout)  # the node may join before its HTTP port opens
        return health

    def stop(self, timeout: float = 30.0) -> None:
        """SIGTERM every running node (a clean shutdown), SIGKILL those still up after ``timeout``."""
        running = [n for n in self.nodes if n.running and n.process]
        for node in running:
            with contextlib.suppress(ProcessLookupError):
                node.process.terminate()  # type: ignore[union-attr]
        deadline = time.monotonic() + timeout
        for node in running:
            assert node.process is not None
            try:
                node.process.wait(timeout=max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                node.process.kill()
                node.process.wait(timeout=60)
        if self.base_dir.exists():
            self._write_state()
        if self.remove_base_dir:
            shutil.rmtree(self.base_dir, ignore_errors=True)

    def __enter__(self) -> Cluster:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.stop()


def start_cluster(
    nodes: int = 3,
    base_dir: Path | str | None = None,
    heap: str = "512m",
    *,
    http_port: int | None = None,
    transport_port: int | None = None,
    home: Path | None = None,
    cluster_name: str = "dateline-test",
    settings: Mapping[str, Any] | None = None,
    jvm_options: Sequence[str] = (),
    timeout: float = 180.0,
    die_with_parent: bool = True,
) -> Cluster:
    """Start ``nodes`` OpenSearch nodes on 127.0.0.1 and wait until the cluster is green with all.

    Each node is a separate ``java`` process with its own ``base_dir/node-<i>/{config,data,logs}``.
    Ports: HTTP ``http_port + i`` and transport ``transport_port + i`` when given, else free ports.
    ``base_dir=None`` uses a temporary folder removed by :meth:`Cluster.stop`.  ``home`` is the
    distribution (default: :func:`install`).  ``settings`` are extra ``opensearch.yml`` settings for
    every node, ``jvm_options`` extra JVM flags.

    With ``die_with_parent`` (Linux) a node gets SIGTERM when the thread that started it ends, so
    a killed test run leaves no node behind: start and restart nodes from a thread that outlives
    the cluster (the main thread).

    Raises :class:`ClusterError` with the log tail of the failing node when a node exits or the
    cluster is not green within ``timeout`` seconds; the nodes already started are stopped first.
    """
    if nodes < 1:
        raise ValueError("nodes must be >= 1")
    parse_size(heap)
    home = Path(home) if home else install()
    remove = base_dir is None
    base = Path(base_dir) if base_dir else Path(tempfile.mkdtemp(prefix="dateline-opensearch-"))
    base.mkdir(parents=True, exist_ok=True)
    fresh = not any((base / f"node-{i}").exists() for i in range(nodes))
    java = java_executable()
    for attempt in (1, 2):
        ports = free_ports(2 * nodes)
        http_ports = [http_port + i for i in range(nodes)] if http_port else ports[:nodes]
        transport_ports = ([transport_port + i for i in range(nodes)] if transport_port
                           else ports[nodes:])
        members = [Node(i, f"node-{i}", base / f"node-{i}", http_ports[i], transport_ports[i])
                   for i in range(nodes)]
        cluster = Cluster(home=home, base_dir=base, nodes=members, cluster_name=cluster_name,
                          heap=heap, java=java, jvm_options=list(jvm_options),
                          settings=dict(settings or {}), die_with_parent=die_with_parent)
        try:
            for node in members:
                cluster._launch(node)
            cluster.wait_for("green", nodes=nodes, timeout=timeout)
            cluster.wait_answering(timeout=timeout)
        except ClusterError as exc:
            cluster.stop(timeout=10)
            # A free port picked here can be taken by another process before java binds it: try
            # once more with new ports, on folders this call made (never on existing data).
            lost_port = "Address already in use" in str(exc) or "BindException" in str(exc)
            if attempt == 1 and lost_port and fresh and http_port is None and transport_port is None:
                for node in members:
                    shutil.rmtree(node.dir, ignore_errors=True)
                continue
            if remove:
                shutil.rmtree(base, ignore_errors=True)
            raise
        except BaseException:
            cluster.stop(timeout=10)
            if remove:
                shutil.rmtree(base, ignore_errors=True)
            raise
        cluster.remove_base_dir = remove
        return cluster
    raise AssertionError("unreachable")


# --------------------------------------------------------------------------------------------
# command line
# --------------------------------------------------------------------------------------------


def _read_state(base_dir: Path) -> dict[str, Any]:
    path = base_dir / "cluster.json"
    if not path.is_file():
        raise SystemExit(f"no cluster state at {path}")
    return json.loads(path.read_text())


def _is_our_node(pid: int, node_dir: str) -> bool:
    """True when ``pid`` is still the java process started for ``node_dir`` (not a reused pid)."""
    try:
        cmdline = Path(f"/proc/{pid}/cmdline").read_bytes().decode(errors="replace")
    except OSError:
        return False
    return MAIN_CLASS in cmdline and node_dir in cmdline


def _cmd_install(args: argparse.Namespace) -> int:
    started = time.monotonic()
    home = install(args.cache_dir, quiet=False)
    print(f"{home}  ({time.monotonic() - started:.1f} s)")
    return 0


def _cmd_start(args: argparse.Namespace) -> int:
    started = time.monotonic()

    def on_signal(signum: int, frame: object) -> None:
        raise KeyboardInterrupt

    # SIGINT explicitly: a shell that starts this in the background leaves SIGINT ignored
    previous = {sig: signal.signal(sig, on_signal) for sig in (signal.SIGINT, signal.SIGTERM)}
    home = install(args.cache_dir, quiet=False)
    cluster = start_cluster(args.nodes, args.dir, args.heap, http_port=args.http_port,
                            transport_port=args.transport_port, home=home,
                            cluster_name=args.cluster_name, timeout=args.timeout)
    try:
        health = cluster.health()
        print(f"OpenSearch {VERSION}: {health['status']} with {health['number_of_nodes']} nodes "
              f"after {time.monotonic() - started:.1f} s; data in {cluster.base_dir}")
        for node in cluster.nodes:
            print(f"  {node.name}  {node.url}  pid {node.process.pid if node.process else '-'}")
        print("Ctrl-C stops the nodes.", flush=True)
        while any(node.running for node in cluster.nodes):
            for node in cluster.nodes:
                if node.process and node.process.poll() is not None:
                    print(f"{node.name} exited with {node.process.returncode}", file=sys.stderr)
                    node.process = None
            time.sleep(1)
        print("every node has exited", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("stopping the nodes", file=sys.stderr)
        return 0
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
        cluster.stop()


def _cmd_status(args: argparse.Namespace) -> int:
    urls = [args.url] if args.url else [n["url"] for n in _read_state(Path(args.dir))["nodes"]]
    for url in urls:
        try:
            status, body = http_json("GET", url + "/_cluster/health", timeout=10)
        except OSError as exc:
            print(f"{url}: no answer ({exc})")
            continue
        print(f"{url}: {json.dumps(body)}")
        return 0
    return 1


def _cmd_stop(args: argparse.Namespace) -> int:
    state = _read_state(Path(args.dir))
    pids = [n["pid"] for n in state["nodes"] if n.get("pid") and _is_our_node(n["pid"], n["dir"])]
    for pid in pids:
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGTERM)
    deadline = time.monotonic() + args.timeout
    while time.monotonic() < deadline and any(Path(f"/proc/{pid}").exists() for pid in pids):
        time.sleep(0.2)
    for pid in pids:
        if Path(f"/proc/{pid}").exists():
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
    print(f"stopped {len(pids)} node(s)")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Command-line entry point: ``install``, ``start``, ``status``, ``stop``."""
    parser = argparse.ArgumentParser(prog="python -m scripts.opensearch_cluster",
                                     description=f"A local OpenSearch {VERSION} cluster from Maven.")
    parser.add_argument("--cache-dir", type=Path, default=None,
                        help="where distributions go "
                             "(default: ${XDG_CACHE_HOME:-~/.cache}/dateline-opensearch)")
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("install", help="resolve the jars and assemble the distribution")
    start = sub.add_parser("start", help="start a cluster in the foreground (Ctrl-C stops it)")
    start.add_argument("--nodes", type=int, default=3)
    start.add_argument("--dir", type=Path, default=None,
                       help="folder for the nodes' config, data and logs (default: a temporary one)")
    start.add_argument("--heap", default="512m")
    start.add_argument("--http-port", type=int, default=None, help="HTTP port of node 0 (then +1 ...)")
    start.add_argument("--transport-port", type=int, default=None)
    start.add_argument("--cluster-name", default="dateline-local")
    start.add_argument("--timeout", type=float, default=300.0)
    status = sub.add_parser("status", help="cluster health")
    status.add_argument("--dir", type=Path, default=None)
    status.add_argument("--url", default=None)
    stop = sub.add_parser("stop", help="stop the nodes of a cluster started with --dir")
    stop.add_argument("--dir", type=Path, required=True)
    stop.add_argument("--timeout", type=float, default=30.0)
    args = parser.parse_args(argv)
    if args.command == "status" and not (args.dir or args.url):
        parser.error("status needs --dir or --url")
    handlers = {"install": _cmd_install, "start": _cmd_start, "status": _cmd_status, "stop": _cmd_stop}
    try:
        return handlers[args.command](args)
    except (OpenSearchUnavailable, ClusterError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
