package live.bookhub.gateway.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A WebSocket client that completes the handshake and then never reads a byte, nor answers a ping:
 * a stuck browser tab, or a peer that vanished. Its receive buffer is small so that it backs up soon.
 * For protocol tests it can also send raw bytes and read what comes back.
 */
public final class SilentClient implements AutoCloseable {

    private final Socket socket;

    private SilentClient(Socket socket) {
        this.socket = socket;
    }

    public static SilentClient connect(int port, String query) {
        try {
            Socket socket = new Socket();
            socket.setReceiveBufferSize(4096);
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
            byte[] nonce = new byte[16];
            ThreadLocalRandom.current().nextBytes(nonce);
            String request = "GET /ws?" + query + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nUpgrade: websocket\r\n"
                    + "Connection: Upgrade\r\nSec-WebSocket-Key: " + Base64.getEncoder().encodeToString(nonce)
                    + "\r\nSec-WebSocket-Version: 13\r\n\r\n";
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            socket.setSoTimeout(5000);
            String status = readHeaders(socket.getInputStream());
            if (!status.startsWith("HTTP/1.1 101")) {
                socket.close();
                throw new IllegalStateException("handshake refused: " + status);
            }
            return new SilentClient(socket);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads the response head byte by byte, so not one byte of a frame is consumed. */
    private static String readHeaders(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int next = in.read();
            if (next < 0) {
                throw new IOException("closed during the handshake");
            }
            head.append((char) next);
        }
        return head.substring(0, head.indexOf("\r\n"));
    }

    /**
     * Sends the header of a masked client text frame announcing {@code length} payload bytes, and none
     * of the payload: for what a server does on the header alone.
     */
    public void sendFrameHeader(long length) throws IOException {
        byte[] header = new byte[2 + 8 + 4];
        header[0] = (byte) 0x81;
        header[1] = (byte) (0x80 | 127);
        for (int i = 0; i < 8; i++) {
            header[2 + i] = (byte) (length >>> (56 - 8 * i));
        }
        socket.getOutputStream().write(header); // the last four bytes are the mask key: zeros
        socket.getOutputStream().flush();
    }

    /** Reads until the server closes the connection (at most the socket timeout, 5 s, between bytes). */
    public byte[] readToEnd() throws IOException {
        return socket.getInputStream().readAllBytes();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
