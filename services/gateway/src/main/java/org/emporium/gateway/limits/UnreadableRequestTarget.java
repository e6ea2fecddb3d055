package org.emporium.gateway.limits;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import org.emporium.gateway.problem.Problem;

/**
 * A request line whose target is no URI ({@code GET /%zz}, a bad percent escape) gets a 400
 * problem. Spring's adapter for Reactor Netty answers such a request itself, before any filter or
 * error handler runs, with an empty 400; this handler sits in the connection's pipeline right after
 * the HTTP decoder and answers first, then closes the connection (the rest of the request is dropped).
 */
final class UnreadableRequestTarget extends ChannelDuplexHandler {

    static final String NAME = "emporium.unreadableRequestTarget";

    private boolean dropping;

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof HttpRequest request && !readable(request.uri())) {
            dropping = true;
            ReferenceCountUtil.release(msg);
            ctx.writeAndFlush(problem(request.protocolVersion())).addListener(ChannelFutureListener.CLOSE);
            return;
        }
        if (dropping && msg instanceof HttpContent) {
            ReferenceCountUtil.release(msg);
            if (msg instanceof LastHttpContent) {
                dropping = false;
            }
            return;
        }
        ctx.fireChannelRead(msg);
    }

    /** What Spring does with the target: {@code new URI} of it. */
    static boolean readable(String target) {
        try {
            new URI(target);
            return true;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static FullHttpResponse problem(HttpVersion version) {
        String json = "{\"type\":\"about:blank\",\"title\":\"Bad request\",\"status\":400,"
                + "\"detail\":\"the request's path or query is not a valid URI (a bad percent escape?)\"}";
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        FullHttpResponse response = new DefaultFullHttpResponse(version, HttpResponseStatus.BAD_REQUEST,
                Unpooled.wrappedBuffer(body));
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, Problem.MEDIA_TYPE.toString())
                .set(HttpHeaderNames.CONTENT_LENGTH, body.length)
                .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        return response;
    }
}
