package io.headhuntr.harvest.internal;

import java.io.IOException;

/**
 * One job on the way of every call (auth, On-Behalf-Of, retry, pacing, sending), in a fixed,
 * visible order.
 */
public interface Interceptor {
  HarvestResponse intercept(Chain chain) throws IOException;

  /** The rest of the chain, seen from one interceptor. */
  interface Chain {
    HarvestRequest request();

    /** Hands the (possibly changed) request to the next interceptor. */
    HarvestResponse proceed(HarvestRequest request) throws IOException;
  }
}
