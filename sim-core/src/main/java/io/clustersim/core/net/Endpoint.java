package io.clustersim.core.net;

/**
 * Something that receives messages from the simulated network: the master, an agent, a framework.
 */
public interface Endpoint {
  /** This endpoint's network address, such as {@code master} or {@code agent/a-0}. */
  String address();

  /** Handles a message sent by {@code from}. */
  void receive(String from, Message message);
}
