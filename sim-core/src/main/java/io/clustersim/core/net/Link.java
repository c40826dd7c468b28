package io.clustersim.core.net;

/**
 * The links a network fault applies to: messages from {@code from} to {@code to}, where a null end
 * stands for every address. {@code Link.ALL} is the whole network; {@code new Link("agent/a-0",
 * null)} is everything agent a-0 sends, an asymmetric partition when every such message is lost.
 */
public record Link(String from, String to) {
  /** Every link of the network. */
  public static final Link ALL = new Link(null, null);

  /** Whether a message from {@code sender} to {@code receiver} crosses this link. */
  public boolean carries(String sender, String receiver) {
    return (from == null || from.equals(sender)) && (to == null || to.equals(receiver));
  }

  /** How the event log names it: {@code a>b}, with {@code *} for an open end. */
  @Override
  public String toString() {
    return (from == null ? "*" : from) + ">" + (to == null ? "*" : to);
  }
}
