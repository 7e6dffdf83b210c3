"""A real OpenSearch node for the search tests, run from Maven Central's artifacts.

`tests/search/opensearch_node/` is a small Maven project: OpenSearch's server jar with the
modules a distribution loads (Netty HTTP and transport, the common analysers, Painless) and a
launcher class. `OpenSearchNode.start()` builds it with Maven (once; Maven keeps what it
downloads in ~/.m2), starts it on a free loopback port with its data in a temporary folder,
and returns its URL. The node stops when `stop()` is called or, failing that, when the tests'
process ends and its standard input closes.
"""

import os
import shutil
import subprocess
import tempfile
import threading
import time
from pathlib import Path

from config import env

NODE_PROJECT = Path(__file__).parent / "opensearch_node"
START_TIMEOUT = 180  # seconds: the first start on a new machine includes Maven's downloads


def opensearch_config(url, prefix):
    """The site's search settings for the node at `url`, its indexes named from `prefix`."""
    return env.search_backends({"OPENSEARCH_URL": url, "SEARCH_INDEX_PREFIX": prefix})


def missing_tools():
    """What this machine lacks to run the node, in words, or '' when it has it all."""
    missing = [tool for tool in ("java", "mvn") if not shutil.which(tool)]
    return " and ".join(missing)


class OpenSearchNode:
    def __init__(self):
        self.process = None
        self.home = None
        self.url = None
        self.output = []

    def build(self):
        """The node's jar and the classpath it runs with, built with Maven if not built yet."""
        target = NODE_PROJECT / "target"
        jar = target / "opensearch-node-1.jar"
        classpath = target / "classpath.txt"
        sources = [NODE_PROJECT / "pom.xml", *NODE_PROJECT.glob("src/**/*.java")]
        built = jar.exists() and classpath.exists()
        if not built or max(p.stat().st_mtime for p in sources) > jar.stat().st_mtime:
            done = subprocess.run(
                ["mvn", "-q", "-B", "package"],
                cwd=NODE_PROJECT,
                capture_output=True,
                text=True,
                timeout=900,
            )
            if done.returncode:
                raise RuntimeError(f"Maven could not build the OpenSearch node:\n{done.stdout}")
        return f"{jar}{os.pathsep}{classpath.read_text().strip()}"

    def start(self):
        classpath = self.build()
        self.home = tempfile.mkdtemp(prefix="csp-opensearch-")
        self.process = subprocess.Popen(
            [
                "java",
                "-Xms512m",
                "-Xmx512m",
                "-XX:+UseSerialGC",
                "-Djava.awt.headless=true",
                "-cp",
                classpath,
                "csp.OpenSearchNode",
                self.home,
            ],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        ready = threading.Event()

        def read():
            for line in self.process.stdout:
                self.output.append(line)
                if line.startswith("OPENSEARCH_URL=") and not self.url:
                    self.url = line.strip().split("=", 1)[1]
                    ready.set()
            ready.set()

        threading.Thread(target=read, daemon=True).start()
        ready.wait(START_TIMEOUT)
        if not self.url:
            self.stop()
            raise RuntimeError("The OpenSearch node did not start:\n" + "".join(self.output[-40:]))
        return self.url

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.stdin.close()
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        if self.home:
            # The node may still be letting go of its files for a moment after it exits.
            for _ in range(10):
                shutil.rmtree(self.home, ignore_errors=True)
                if not os.path.exists(self.home):
                    break
                time.sleep(0.2)
