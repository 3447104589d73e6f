package org.openstc.server.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Lets every request wait its turn. Requests run on virtual threads, which the JDK never preempts,
 * and Tomcat serves a kept-alive connection's next request on the same thread when its bytes have
 * already arrived. Under load a few busy connections therefore kept the two carrier threads to
 * themselves while the other connections' requests waited for seconds (measured with 64
 * connections: p50 0.25 ms but p99.9 about 1 s, a worst case of 3 to 10 s, and connections served
 * 300 to 4,800 times in the same 20 s).
 *
 * <p>The screening API, CPU-bound and the one callers hit in bulk, goes through a {@link Turnstile}
 * (first come, first served, as many at once as there are processors). Its body is read before and
 * its response written after the turnstile, so a slow client cannot hold a turn while it trickles
 * bytes. Every other request yields its carrier once, which lets the requests already waiting go
 * first. Figures in docs/PERFORMANCE.md.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class FairTurnFilter extends OncePerRequestFilter implements DisposableBean {

  private static final String SCREENINGS = "/api/v1/screenings";

  /** First come, first served for the CPU-bound screening API; null when switched off. */
  private final Turnstile turnstile =
      Boolean.getBoolean("openstc.noturnstile")
          ? null
          : new Turnstile(
              Integer.getInteger(
                  "openstc.turnstile.permits", Runtime.getRuntime().availableProcessors()),
              "openstc-turnstile");

  private final long maxBody;

  FairTurnFilter(WebProperties properties) {
    this.maxBody = properties.maxJsonBody().toBytes();
  }

  @Override
  public void destroy() {
    if (turnstile != null) {
      turnstile.close();
    }
  }

  private static boolean isScreening(HttpServletRequest request) {
    return "POST".equals(request.getMethod()) && SCREENINGS.equals(request.getRequestURI());
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (turnstile != null && isScreening(request) && request.getContentLengthLong() <= maxBody) {
      byte[] body = request.getInputStream().readNBytes((int) Math.min(maxBody + 1, 1L << 30));
      if (body.length > maxBody) {
        RequestSizeLimit.refuse(response, "is longer", maxBody);
        return;
      }
      ContentCachingResponseWrapper buffered = new ContentCachingResponseWrapper(response);
      turnstile.enter();
      try {
        chain.doFilter(new ReadBody(request, body), buffered);
      } finally {
        turnstile.leave();
      }
      buffered.copyBodyToResponse();
    } else {
      if (Thread.currentThread().isVirtual()) {
        Thread.yield();
      }
      chain.doFilter(request, response);
    }
  }

  /** The request with its body already read. */
  private static final class ReadBody extends HttpServletRequestWrapper {
    private final byte[] body;

    ReadBody(HttpServletRequest request, byte[] body) {
      super(request);
      this.body = body;
    }

    @Override
    public ServletInputStream getInputStream() {
      ByteArrayInputStream in = new ByteArrayInputStream(body);
      return new ServletInputStream() {
        @Override
        public int read() {
          return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) {
          return in.read(b, off, len);
        }

        @Override
        public boolean isFinished() {
          return in.available() == 0;
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
          throw new UnsupportedOperationException("the body is already read");
        }
      };
    }

    @Override
    public BufferedReader getReader() {
      String encoding = getCharacterEncoding();
      Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
      return new BufferedReader(new InputStreamReader(getInputStream(), charset));
    }

    @Override
    public int getContentLength() {
      return body.length;
    }

    @Override
    public long getContentLengthLong() {
      return body.length;
    }
  }
}
