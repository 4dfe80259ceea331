package live.bookhub.gateway.connection;

import live.bookhub.gateway.client.ClientSession;

/** A transport's side of a client's opening ({@link Connections#open}). */
public interface Opening {

    /** The client's session, before anything can end it: from now on its connection's close gives its place back. */
    void created(ClientSession session);

    /** The welcome and the other opening frames are written: the client's own frames may be read now. */
    void welcomed();
}
