package csp;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.opensearch.analysis.common.CommonAnalysisPlugin;
import org.opensearch.common.logging.LogConfigurator;
import org.opensearch.common.settings.Settings;
import org.opensearch.http.HttpServerTransport;
import org.opensearch.node.InternalSettingsPreparer;
import org.opensearch.node.Node;
import org.opensearch.painless.PainlessPlugin;
import org.opensearch.transport.Netty4Plugin;

/**
 * One OpenSearch node on 127.0.0.1, for tests only: no security plugin, data in the folder given.
 *
 * <p>Usage: {@code java -cp ... csp.OpenSearchNode <home folder>}. It listens for HTTP on a free
 * loopback port, prints {@code OPENSEARCH_URL=http://127.0.0.1:<port>} once it is ready, and runs
 * until it is stopped (SIGTERM) or its standard input closes, so it never outlives the tests.
 */
public final class OpenSearchNode {

    private static final class TestNode extends Node {
        TestNode(Settings settings) {
            super(
                InternalSettingsPreparer.prepareEnvironment(settings, Map.of(), null, () -> "csp-test"),
                List.of(Netty4Plugin.class, CommonAnalysisPlugin.class, PainlessPlugin.class),
                true
            );
        }
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: csp.OpenSearchNode <home folder>");
            System.exit(2);
        }
        Path home = Path.of(args[0]).toAbsolutePath();
        Settings settings = Settings.builder()
            .put("path.home", home.toString())
            .put("path.data", home.resolve("data").toString())
            .put("path.logs", home.resolve("logs").toString())
            .put("cluster.name", "csp-test")
            .put("node.name", "csp-test")
            .put("discovery.type", "single-node")
            .put("network.host", "127.0.0.1")
            .put("http.port", "0")
            .put("transport.port", "0")
            .put("http.type", "netty4")
            .put("transport.type", "netty4")
            // A test machine's disk may be nearly full; the tests' few documents still fit.
            .put("cluster.routing.allocation.disk.threshold_enabled", false)
            .put("action.auto_create_index", true)
            .build();
        LogConfigurator.configureWithoutConfig(settings);

        Node node = new TestNode(settings);
        node.start();
        int port = node.injector().getInstance(HttpServerTransport.class)
            .boundAddress().publishAddress().getPort();
        System.out.println("OPENSEARCH_URL=http://127.0.0.1:" + port);
        System.out.flush();

        CountDownLatch stopped = new CountDownLatch(1);
        Runnable stop = () -> {
            try {
                node.close();
            } catch (Exception ignored) {
                // Closing on the way out: nothing left to tell anyone.
            }
            stopped.countDown();
        };
        Runtime.getRuntime().addShutdownHook(new Thread(stop));
        // The tests hold our standard input open; when they end, it closes and so do we.
        Thread watcher = new Thread(() -> {
            try {
                while (System.in.read() != -1) {
                    // Ignore anything written to us.
                }
            } catch (Exception ignored) {
                // A broken pipe means the same as end of input.
            }
            System.exit(0);
        });
        watcher.setDaemon(true);
        watcher.start();
        stopped.await();
    }
}
