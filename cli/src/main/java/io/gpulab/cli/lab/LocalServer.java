package io.gpulab.cli.lab;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Serves {@code /item/N} on 127.0.0.1 with the JDK's built-in HTTP server after a fixed simulated latency, so the
 * I/O experiment needs no network; every request gets its own server thread, so the server never queues them.
 */
final class LocalServer implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService threads;
    private final long latencyMillis;

    /** Starts the server on a free loopback port. */
    LocalServer(long latencyMillis) throws IOException {
        this.latencyMillis = latencyMillis;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        this.threads = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "server-" + r.hashCode());
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(threads);
        server.createContext("/item/", this::handle);
        server.start();
    }

    /** Returns the address of item {@code n}. */
    URI item(int n) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/item/" + n);
    }

    /** Returns the body the server sends for item {@code n}, which the experiment checks every response against. */
    static String body(int n) {
        return "item " + n;
    }

    private void handle(HttpExchange ex) throws IOException {
        try {
            Thread.sleep(latencyMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        String path = ex.getRequestURI().getPath();
        byte[] body = body(Integer.parseInt(path.substring(path.lastIndexOf('/') + 1)))
                .getBytes(StandardCharsets.UTF_8);
        ex.sendResponseHeaders(200, body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
