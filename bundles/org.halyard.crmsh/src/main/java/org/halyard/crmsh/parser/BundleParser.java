package org.halyard.crmsh.parser;

import java.util.List;
import java.util.Set;
import org.halyard.cib.model.attributes.MetaAttributes;
import org.halyard.cib.model.resources.Bundle;
import org.halyard.crmsh.syntax.Token;
import org.halyard.crmsh.syntax.TokenCursor;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * {@code bundle <id> [description=..] docker|rkt <attr>=<value>... [network <attr>=<value>...
 * [port-mapping <attr>=<value>...]...] [storage [storage-mapping <attr>=<value>...]...]
 * [meta ...] [primitive <id>]}, the parts after the container in any order, kept in that order
 * as crm keeps them. The model holds container, network and storage as plain XML. Mappings
 * without {@code id=} get crm's ids, {@code <bundle>-0}, {@code <bundle>-1}... The primitive is
 * defined by its own statement and moves into the bundle. crm 4.4 knows no podman.
 */
final class BundleParser {

    private static final Set<String> KEYWORDS = Set.of("docker", "rkt", "podman", "network",
            "port-mapping", "storage", "storage-mapping", "meta", "primitive");

    private final ConfigurationBuilder builder;

    BundleParser(ConfigurationBuilder builder) {
        this.builder = builder;
    }

    void bundle(TokenCursor cursor) {
        Token idToken = cursor.peek();
        Bundle bundle = new Bundle();
        bundle.setId(Ids.expect(cursor, "bundle"));
        builder.define(idToken, bundle.getId(), "bundle");
        String owner = "bundle \"" + bundle.getId() + "\"";
        if (cursor.peek() != null && cursor.peek().pairName().equals("description")) {
            bundle.setDescription(cursor.next().pairValue());
        }
        Document document = Dom.newDocument();
        Token container = cursor.peek();
        if (container == null
                || !BundleSyntax.CONTAINERS.contains(TokenCursor.keyword(container))) {
            throw cursor.expected("the container, docker or rkt", container != null
                    && TokenCursor.keyword(container).equals("podman")
                    ? " (crm 4.4 knows no podman: write the bundle as an xml statement)" : "");
        }
        cursor.next();
        Element element = element(document, TokenCursor.keyword(container), bundle);
        attributes(cursor, element, owner);
        if (!element.hasAttribute("image")) {
            throw cursor.expected("image=<container image> for the " + container.text() + " of "
                    + owner);
        }
        Element network = null;
        Element storage = null;
        Token primitive = null;
        int slot = -1;
        while (!cursor.atEnd()) {
            Token keyword = cursor.next();
            switch (TokenCursor.keyword(keyword)) {
                case "network" -> {
                    network = network != null ? network : element(document, "network", bundle);
                    attributes(cursor, network, owner);
                }
                case "storage" -> {
                    storage = storage != null ? storage : element(document, "storage", bundle);
                    attributes(cursor, storage, owner);
                }
                case "port-mapping" -> mapping(cursor, keyword, network, "network", bundle);
                case "storage-mapping" -> mapping(cursor, keyword, storage, "storage", bundle);
                case "meta" -> bundle.add(AttributeLists.read(cursor, builder,
                        new MetaAttributes(), bundle.getId() + "-meta_attributes",
                        "meta of " + owner, false, KEYWORDS));
                case "primitive" -> {
                    if (primitive != null) {
                        throw TokenCursor.at(keyword, owner + " holds one primitive, and names"
                                + " \"" + primitive.text() + "\" already");
                    }
                    primitive = cursor.expectWord("the id of the primitive to run in the"
                            + " containers");
                    Ids.require(primitive, "the primitive of " + owner);
                    slot = bundle.content().size();
                }
                case "docker", "rkt", "podman" -> throw TokenCursor.at(keyword, owner
                        + " has its container already: a bundle has one");
                default -> {
                    cursor.back();
                    throw cursor.expected("network, port-mapping, storage, storage-mapping,"
                            + " meta or primitive");
                }
            }
        }
        if (primitive == null) {
            builder.addResource(bundle);
        } else {
            builder.addContainer(bundle, List.of(primitive), slot);
        }
    }

    private static Element element(Document document, String name, Bundle bundle) {
        Element element = document.createElementNS(null, name);
        bundle.add(element);
        return element;
    }

    /** {@code port-mapping ..} into the network, {@code storage-mapping ..} into the storage. */
    private void mapping(TokenCursor cursor, Token keyword, Element parent, String parentName,
            Bundle bundle) {
        String name = TokenCursor.keyword(keyword);
        if (parent == null) {
            throw TokenCursor.at(keyword, name + " belongs to the " + parentName + ": write "
                    + parentName + " before it");
        }
        Element mapping = parent.getOwnerDocument().createElementNS(null, name);
        parent.appendChild(mapping);
        int pairs = attributes(cursor, mapping, "bundle \"" + bundle.getId() + "\"");
        if (pairs == 0) {
            throw cursor.expected(String.join("=, ", BundleSyntax.attributes(name)) + "=");
        }
        boolean complete = name.equals("port-mapping")
                ? mapping.hasAttribute("port") || mapping.hasAttribute("range")
                : mapping.hasAttribute("target-dir") && (mapping.hasAttribute("source-dir")
                        || mapping.hasAttribute("source-dir-root"));
        if (!complete) {
            throw cursor.expected(name.equals("port-mapping") ? "port= or range= in port-mapping"
                    : "target-dir= and source-dir= (or source-dir-root=) in storage-mapping");
        }
        if (!mapping.hasAttribute("id")) {
            mapping.setAttribute("id", builder.generate(bundle.getId()));
        }
    }

    /** Reads {@code name=value} pairs the element may have; returns how many. */
    private int attributes(TokenCursor cursor, Element element, String owner) {
        String part = element.getTagName();
        int pairs = 0;
        while (cursor.peek() != null && cursor.peek().isPair()) {
            Token pair = cursor.next();
            String name = pair.pairName();
            if (!BundleSyntax.allows(part, name)) {
                List<String> allowed = BundleSyntax.attributes(part);
                throw TokenCursor.at(pair, "unknown attribute \"" + name + "\" of the " + part
                        + " of " + owner + (allowed.isEmpty() ? ": it has none"
                                : ": expected one of " + String.join(", ", allowed)));
            }
            String value = pair.pairValue();
            if (name.equals("id")) {
                value = Ids.require(new Token(value, pair.raw(), pair.position()), part);
                builder.define(pair, value, part);
            }
            element.setAttribute(name, value);
            pairs++;
        }
        return pairs;
    }
}
