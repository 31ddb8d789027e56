package io.gpulab.cli.lab;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Sends the I/O experiment's requests to the {@link LocalServer} in the course's four ways: one after the other,
 * one thread per request, a pool of threads, and asynchronously with {@code HttpClient.sendAsync}.
 */
final class Requests {

    /** The threads of the pool strategy. */
    static final int POOL = 4;

    private final LocalServer server;
    private final HttpClient client;
    private final int count;

    Requests(LocalServer server, int count) {
        this.server = server;
        this.count = count;
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    /**
     * Records one request as the sheet prints it.
     *
     * @param index the item asked for
     * @param status the HTTP status
     * @param thread the client thread that handled the response
     * @param ok true when the body is the one the server must send for this item
     */
    record Request(int index, int status, String thread, boolean ok) {
    }

    /** Sends every request from the calling thread, one after the other. */
    List<Request> sequential() throws Exception {
        List<Request> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add(get(i));
        }
        return out;
    }

    /** Starts one platform thread per request and joins them all. */
    List<Request> threadPerRequest() throws Exception {
        Request[] out = new Request[count];
        Exception[] failure = new Exception[1];
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int n = i;
            Thread t = new Thread(() -> {
                try {
                    out[n] = get(n);
                } catch (Exception e) {
                    failure[0] = e;
                }
            }, "request-" + i);
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        if (failure[0] != null) {
            throw failure[0];
        }
        return List.of(out);
    }

    /** Submits every request to a fixed pool of {@value #POOL} threads. */
    List<Request> pool() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(POOL);
        try {
            List<Future<Request>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int n = i;
                futures.add(pool.submit(() -> get(n)));
            }
            List<Request> out = new ArrayList<>();
            for (Future<Request> f : futures) {
                out.add(f.get());
            }
            return out;
        } finally {
            pool.shutdown();
        }
    }

    /** Sends every request with {@code sendAsync} from the calling thread and waits for all responses. */
    List<Request> async() {
        List<CompletableFuture<Request>> futures = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int n = i;
            futures.add(client.sendAsync(request(n), HttpResponse.BodyHandlers.ofString())
                    .thenApply(r -> new Request(n, r.statusCode(), Thread.currentThread().getName(),
                            r.body().equals(LocalServer.body(n)))));
        }
        return futures.stream().map(CompletableFuture::join).toList();
    }

    private Request get(int n) throws Exception {
        HttpResponse<String> r = client.send(request(n), HttpResponse.BodyHandlers.ofString());
        return new Request(n, r.statusCode(), Thread.currentThread().getName(), r.body().equals(LocalServer.body(n)));
    }

    private HttpRequest request(int n) {
        return HttpRequest.newBuilder(server.item(n)).timeout(Duration.ofSeconds(30)).GET().build();
    }
}
