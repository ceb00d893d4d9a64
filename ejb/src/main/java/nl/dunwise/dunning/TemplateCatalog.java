package nl.dunwise.dunning;

/** The step texts a division has, by code and channel: a step may only name one of them. */
@FunctionalInterface
public interface TemplateCatalog {

    boolean has(Channel channel, String templateCode);
}
