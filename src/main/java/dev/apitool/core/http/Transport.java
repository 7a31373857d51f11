package dev.apitool.core.http;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.ServerSocketChannel;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;

/**
 * The socket transport, chosen once: Linux epoll when its native library loads, Java NIO
 * otherwise. Client and server both ask this class for their event loop group and channel
 * classes, so the choice is made in one place (Netty 4.2's {@code MultiThreadIoEventLoopGroup}
 * with an {@code IoHandlerFactory}).
 */
public final class Transport {

    private static final Transport EPOLL = new Transport("epoll", true);
    private static final Transport NIO = new Transport("nio", false);

    private final String name;
    private final boolean epoll;

    private Transport(String name, boolean epoll) {
        this.name = name;
        this.epoll = epoll;
    }

    /** Returns epoll when {@link Epoll#isAvailable()}, NIO otherwise. */
    public static Transport auto() {
        return Epoll.isAvailable() ? EPOLL : NIO;
    }

    /** Returns the portable Java NIO transport. */
    public static Transport nio() {
        return NIO;
    }

    /** Returns {@code "epoll"} or {@code "nio"}. */
    public String name() {
        return name;
    }

    /**
     * Returns a new event loop group of daemon threads named {@code prefix-N}; the caller owns it
     * and must {@code shutdownGracefully()} it.
     *
     * @param threads number of event loops, 1 or more
     */
    public EventLoopGroup newGroup(int threads, String prefix) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be positive: " + threads);
        }
        IoHandlerFactory io = epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
        return new MultiThreadIoEventLoopGroup(threads, new DefaultThreadFactory(prefix, true), io);
    }

    /** Returns the client socket channel class that matches {@link #newGroup}. */
    public Class<? extends SocketChannel> socketChannel() {
        return epoll ? EpollSocketChannel.class : NioSocketChannel.class;
    }

    /** Returns the server socket channel class that matches {@link #newGroup}. */
    public Class<? extends ServerSocketChannel> serverSocketChannel() {
        return epoll ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
    }

    @Override
    public String toString() {
        return name;
    }

    /**
     * Disables Netty's leak detector unless {@code explicitLevel} (the level the user set, or null)
     * names one; returns whether it did. In its default (sampling) level the detector costs every
     * buffer allocation a random draw and some a tracking record, the bulk of what a load run's
     * event loops allocate per request, while that path's few buffers are released in one place each.
     */
    public static boolean quietLeakDetector(String explicitLevel) {
        if (explicitLevel != null) {
            return false;
        }
        io.netty.util.ResourceLeakDetector.setLevel(io.netty.util.ResourceLeakDetector.Level.DISABLED);
        return true;
    }
}
